import { z } from 'zod';
import { ASSIGNED_LEVELS } from '../vocabulary.js';
import { idSchema, isoDate, longText, shortText } from './common.js';

/** Recurrences a plan's words can give a task ("hằng tháng/quý/năm", "thường xuyên"). */
export const DRAFT_RECURRENCES = ['monthly', 'quarterly', 'yearly', 'continuous'] as const;
export const DRAFT_WARNINGS = [
  'lead_missing',
  'lead_unmatched',
  'lead_ambiguous',
  'lead_many',
  'coordinator_unmatched',
  'deadline_missing',
  'deadline_not_understood',
  'deadline_year_from_document',
] as const;

export const draftSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('line'), line: z.number().int(), text: z.string() }),
  z.object({ kind: z.literal('row'), table: z.number().int(), row: z.number().int(), text: z.string() }),
]);

export const draftTaskSchema = z.object({
  title: z.string(),
  leadUnitText: z.string().nullable(),
  leadUnitId: z.number().int().nullable(),
  /** The units a plural lead names ("UBND các xã, phường"), for the person to choose from. */
  leadUnitIds: z.array(z.number().int()),
  coordinatingUnitTexts: z.array(z.string()),
  coordinatingUnitIds: z.array(z.number().int()),
  deadlineText: z.string().nullable(),
  deadline: isoDate.nullable(),
  recurrence: z.enum(DRAFT_RECURRENCES).nullable(),
  deliverable: z.string().nullable(),
  /** The heading the task sits under in the document. */
  group: z.string().nullable(),
  source: draftSourceSchema,
  warnings: z.array(
    z.object({
      code: z.enum(DRAFT_WARNINGS),
      text: z.string().optional(),
      suggestions: z.array(z.number().int()).optional(),
    }),
  ),
});
export type DraftTask = z.infer<typeof draftTaskSchema>;

export const draftTasksQuery = z
  .object({
    /** Overrides the date a year-less deadline ("trước ngày 15/10") takes its year from. */
    documentDate: isoDate.optional(),
  })
  .strict();

export const draftTasksResponse = z.object({
  directive: z.object({ id: z.number().int(), number: z.string(), title: z.string() }),
  format: z.enum(['docx', 'pdf', 'text']),
  pages: z.number().int().nullable(),
  documentDate: isoDate.nullable(),
  tablesRead: z.number().int(),
  tablesSkipped: z.number().int(),
  drafts: z.array(draftTaskSchema),
  /** The programme's units the drafts may name (for the pickers). */
  units: z.array(z.object({ id: z.number().int(), code: z.string(), name: z.string(), kind: z.string() })),
});
export type DraftTasksResponse = z.infer<typeof draftTasksResponse>;

/** One confirmed (and edited) draft; its code is made from the directive's number when left out. */
export const confirmedTaskSchema = z
  .object({
    code: shortText(50).optional(),
    title: shortText(500),
    leadUnitId: z.number().int().positive(),
    coordinatingUnitIds: z.array(z.number().int().positive()).max(200).default([]),
    deadline: isoDate,
    startDate: isoDate.nullable().default(null),
    deliverable: longText(2000).nullable().default(null),
    groupId: idSchema.nullable().default(null),
    /** Kept in the task's description until tasks carry a recurrence of their own. */
    recurrence: z.enum(DRAFT_RECURRENCES).nullable().default(null),
    sourceText: longText(4000).nullable().default(null),
  })
  .strict();
export type ConfirmedTask = z.infer<typeof confirmedTaskSchema>;

export const createDirectiveTasksBody = z
  .object({
    assignedLevel: z.enum(ASSIGNED_LEVELS).default('province'),
    tasks: z.array(confirmedTaskSchema).min(1).max(2000),
  })
  .strict();
export type CreateDirectiveTasksInput = z.infer<typeof createDirectiveTasksBody>;

export const createDirectiveTasksResponse = z.object({
  created: z.array(z.object({ id: z.number().int(), code: z.string(), title: z.string() })),
});
