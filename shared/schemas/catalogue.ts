import { z } from 'zod';
import { DATASET_MARKS, PLATFORMS } from '../criteria.js';
import { idSchema, isoDate, shortText } from './common.js';

const id = z.number().int().positive();
const unitRef = z.object({ id: z.number().int(), code: z.string(), name: z.string() });

export const datasetBody = z
  .object({
    programmeId: id,
    ownerUnitId: id,
    code: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,59}$/, { message: 'validation_failed' }),
    name: shortText(300),
    description: z.string().trim().max(4000).default(''),
    publishedOn: isoDate.nullable().default(null),
    platforms: z.array(z.enum(PLATFORMS)).max(PLATFORMS.length).default([]),
    marks: z.array(z.enum(DATASET_MARKS)).max(6).default([]),
  })
  .strict();
export type DatasetInput = z.infer<typeof datasetBody>;

export const updateDatasetBody = z
  .object({
    version: z.number().int(),
    name: shortText(300).optional(),
    description: z.string().trim().max(4000).optional(),
    ownerUnitId: id.optional(),
    publishedOn: isoDate.nullable().optional(),
    platforms: z.array(z.enum(PLATFORMS)).max(PLATFORMS.length).optional(),
    marks: z.array(z.enum(DATASET_MARKS)).max(6).optional(),
  })
  .strict();
export type UpdateDatasetInput = z.infer<typeof updateDatasetBody>;

export const datasetSchema = z.object({
  id: z.number().int(),
  programmeId: z.number().int(),
  code: z.string(),
  name: z.string(),
  description: z.string(),
  owner: unitRef,
  published: z.boolean(),
  publishedOn: z.string().nullable(),
  platforms: z.array(z.enum(PLATFORMS)),
  marks: z.record(z.enum(DATASET_MARKS), z.boolean()),
  version: z.number().int(),
  can: z.object({ edit: z.boolean() }),
});
export type Dataset = z.infer<typeof datasetSchema>;

export const datasetListQuery = z
  .object({
    programmeId: idSchema,
    asOf: isoDate.optional(),
    ownerUnitId: idSchema.optional(),
    published: z.enum(['true', 'false']).optional(),
    platform: z.enum(PLATFORMS).optional(),
    /** Datasets lacking this mark. */
    lacking: z.enum(DATASET_MARKS).optional(),
    q: z.string().trim().max(100).optional(),
  })
  .strict();
export type DatasetListQuery = z.infer<typeof datasetListQuery>;

export const catalogueSummarySchema = z.object({
  asOf: z.string(),
  total: z.number().int(),
  published: z.number().int(),
  marks: z.record(z.enum(DATASET_MARKS), z.number().int()),
  platforms: z.record(z.enum(PLATFORMS), z.number().int()),
  /** Units expected to publish that had published nothing by the day, with what they hold unpublished. */
  notPublished: z.array(unitRef.extend({ unpublished: z.number().int() })),
  deadline: z
    .object({
      taskId: z.number().int(),
      code: z.string(),
      title: z.string(),
      deadline: z.string(),
      completedOn: z.string().nullable(),
      overdue: z.boolean(),
      /** The reader may open the task (else its title shows without a link). */
      readable: z.boolean(),
    })
    .nullable(),
});
export type CatalogueSummary = z.infer<typeof catalogueSummarySchema>;
