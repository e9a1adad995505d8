import { z } from 'zod';
import { OBSTACLE_CATEGORIES, OBSTACLE_SEVERITIES, OBSTACLE_STATUSES } from '../registers.js';
import { isoDate, shortText } from './common.js';

export const obstacleCategorySchema = z.enum(OBSTACLE_CATEGORIES);
export const obstacleSeveritySchema = z.enum(OBSTACLE_SEVERITIES);
export const obstacleStatusSchema = z.enum(OBSTACLE_STATUSES);
const id = z.number().int().positive();
const ref = z.object({ id: z.number().int(), code: z.string(), name: z.string() });

export const createObstacleBody = z
  .object({
    programmeId: id,
    title: shortText(500),
    description: z.string().trim().max(8000).default(''),
    category: obstacleCategorySchema,
    severity: obstacleSeveritySchema.default('medium'),
    /** The raising unit; taken from the report entry when raised from one. */
    raisedByUnitId: id.optional(),
    /** Raise it from a weekly report entry (report and task): links the entry's task and unit. */
    fromReport: z.object({ reportId: id, taskId: id }).strict().optional(),
    ownerUnitId: id,
    dueOn: isoDate.nullable().default(null),
    taskIds: z.array(id).max(50).default([]),
    unitIds: z.array(id).max(50).default([]),
  })
  .strict();
export type CreateObstacleInput = z.infer<typeof createObstacleBody>;

export const updateObstacleBody = z
  .object({
    version: z.number().int(),
    title: shortText(500).optional(),
    description: z.string().trim().max(8000).optional(),
    category: obstacleCategorySchema.optional(),
    severity: obstacleSeveritySchema.optional(),
    ownerUnitId: id.optional(),
    dueOn: isoDate.nullable().optional(),
    taskIds: z.array(id).max(50).optional(),
    unitIds: z.array(id).max(50).optional(),
  })
  .strict();
export type UpdateObstacleInput = z.infer<typeof updateObstacleBody>;

export const obstacleStatusBody = z
  .object({
    version: z.number().int(),
    status: obstacleStatusSchema,
    /** Required when resolving. */
    resolution: z.string().trim().max(8000).nullable().optional(),
    note: z.string().trim().max(2000).nullable().optional(),
    /** The day it took effect; today by default, never in the future. */
    effectiveOn: isoDate.optional(),
  })
  .strict();
export type ObstacleStatusInput = z.infer<typeof obstacleStatusBody>;

export const obstacleSchema = z.object({
  id: z.number().int(),
  programmeId: z.number().int(),
  title: z.string(),
  description: z.string(),
  category: obstacleCategorySchema,
  severity: obstacleSeveritySchema,
  raisedBy: ref,
  fromReport: z
    .object({ reportId: z.number().int(), taskId: z.number().int(), period: z.string() })
    .nullable(),
  owner: ref,
  raisedOn: isoDate,
  dueOn: isoDate.nullable(),
  /** Status as of the date asked (the current one when no date is given). */
  status: obstacleStatusSchema,
  overdue: z.boolean(),
  resolution: z.string().nullable(),
  resolvedOn: isoDate.nullable(),
  tasks: z.array(z.object({ id: z.number().int(), code: z.string(), title: z.string() })),
  units: z.array(ref),
  history: z.array(
    z.object({
      status: obstacleStatusSchema,
      effectiveOn: isoDate,
      note: z.string().nullable(),
      actor: z.string().nullable(),
      at: z.string(),
    }),
  ),
  version: z.number().int(),
  can: z.object({ edit: z.boolean(), setStatus: z.boolean() }),
});
export type Obstacle = z.infer<typeof obstacleSchema>;

export const obstacleListQuery = z
  .object({
    programmeId: z.coerce.number().int().positive(),
    asOf: isoDate.optional(),
    status: obstacleStatusSchema.optional(),
    category: obstacleCategorySchema.optional(),
    /** Raised by, owned by or linked to this unit or one below it. */
    unitId: z.coerce.number().int().positive().optional(),
    taskId: z.coerce.number().int().positive().optional(),
    overdue: z.enum(['true', 'false']).optional(),
  })
  .strict();
export type ObstacleListQuery = z.infer<typeof obstacleListQuery>;

const counts = z.record(z.string(), z.number().int());
export const obstacleSummarySchema = z.object({
  programmeId: z.number().int(),
  asOf: isoDate,
  total: z.number().int(),
  byStatus: counts,
  byCategory: counts,
  /** Category × status, like the articles' summaries. */
  matrix: z.array(z.object({ category: obstacleCategorySchema, byStatus: counts, total: z.number().int() })),
  overdue: z.array(
    z.object({
      id: z.number().int(),
      title: z.string(),
      owner: ref,
      dueOn: isoDate,
      daysOverdue: z.number().int(),
    }),
  ),
});
export type ObstacleSummary = z.infer<typeof obstacleSummarySchema>;

/** What a task detail shows of the open obstacles that block it. */
export const blockingObstacleSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  category: obstacleCategorySchema,
  status: obstacleStatusSchema,
  owner: ref,
  dueOn: isoDate.nullable(),
});
