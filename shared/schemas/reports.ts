import { z } from 'zod';
import { isPeriodKey } from '../periods.js';
import { isoDate } from './common.js';

export const periodKey = z
  .string()
  .max(10)
  .refine((s) => isPeriodKey(s), { message: 'period_format' });
export const REPORT_STATUSES = ['draft', 'submitted', 'approved', 'returned'] as const;
export const reportStatusSchema = z.enum(REPORT_STATUSES);

export const reportEntrySchema = z.object({
  taskId: z.number().int(),
  taskCode: z.string(),
  taskTitle: z.string(),
  deadline: z.string(),
  role: z.enum(['lead', 'coordinate']),
  percent: z.number().int(),
  /** The last approved percent of this unit for this task (a lower one needs a reason). */
  lastApprovedPercent: z.number().int().nullable(),
  done: z.string(),
  next: z.string(),
  obstacles: z.string(),
  belowReason: z.string().nullable(),
  /** Obstacles raised from this entry (the obstacle register). */
  obstacleIds: z.array(z.number().int()),
  /** On the lead unit's entries: what the coordinating units reported this period (sent reports). */
  partners: z.array(
    z.object({
      unit: z.object({ id: z.number().int(), code: z.string(), name: z.string() }),
      status: z.enum(['draft', 'submitted', 'approved', 'returned']),
      percent: z.number().int(),
      done: z.string(),
      obstacles: z.string(),
    }),
  ),
});

export const reportSchema = z.object({
  id: z.number().int(),
  programmeId: z.number().int(),
  unit: z.object({ id: z.number().int(), code: z.string(), name: z.string() }),
  period: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  dueAt: z.string(),
  status: reportStatusSchema,
  version: z.number().int(),
  revision: z.number().int(),
  firstSubmittedAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
  approvedAt: z.string().nullable(),
  returnComment: z.string().nullable(),
  /** on_time / late by the first submission against the due moment; null while never submitted. */
  timeliness: z.enum(['on_time', 'late']).nullable(),
  entries: z.array(reportEntrySchema),
  events: z.array(
    z.object({
      at: z.string(),
      actor: z.string().nullable(),
      action: z.string(),
      comment: z.string().nullable(),
      revision: z.number().int(),
    }),
  ),
  can: z.object({ edit: z.boolean(), submit: z.boolean(), approve: z.boolean() }),
});
export type Report = z.infer<typeof reportSchema>;

export const openReportBody = z
  .object({
    programmeId: z.number().int().positive(),
    unitId: z.number().int().positive(),
    /** Defaults to the period containing today. */
    period: periodKey.optional(),
  })
  .strict();

const text = z.string().max(5000);
export const saveReportBody = z
  .object({
    version: z.number().int().positive(),
    entries: z
      .array(
        z
          .object({
            taskId: z.number().int().positive(),
            percent: z.number().int().min(0).max(100),
            done: text.default(''),
            next: text.default(''),
            obstacles: text.default(''),
            belowReason: z.string().trim().max(2000).nullable().default(null),
          })
          .strict(),
      )
      .max(1000),
  })
  .strict();
export type SaveReportInput = z.infer<typeof saveReportBody>;

export const transitionBody = z.object({ version: z.number().int().positive() }).strict();
export const returnBody = z
  .object({ version: z.number().int().positive(), comment: z.string().trim().min(1).max(2000) })
  .strict();

export const reportListQuery = z
  .object({
    programmeId: z.coerce.number().int().positive(),
    period: periodKey.optional(),
    unitId: z.coerce.number().int().positive().optional(),
    status: reportStatusSchema.optional(),
  })
  .strict();

export const reportListItemSchema = z.object({
  id: z.number().int(),
  unit: z.object({ id: z.number().int(), code: z.string(), name: z.string() }),
  period: z.string(),
  status: reportStatusSchema,
  revision: z.number().int(),
  firstSubmittedAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
  approvedAt: z.string().nullable(),
  entryCount: z.number().int(),
});

export const disciplineQuery = z
  .object({
    programmeId: z.coerce.number().int().positive(),
    from: periodKey,
    to: periodKey,
    unitId: z.coerce.number().int().positive().optional(),
    /** Judge as at the end of this day: reports sent later are not seen (a past week replayed). */
    asOf: isoDate.optional(),
  })
  .strict();

export const DISCIPLINE_CELLS = ['on_time', 'late', 'missing', 'pending', 'not_expected'] as const;
export const disciplineResponse = z.object({
  programmeId: z.number().int(),
  periods: z.array(z.object({ key: z.string(), dueAt: z.string() })),
  units: z.array(
    z.object({
      unitId: z.number().int(),
      code: z.string(),
      name: z.string(),
      cells: z.array(z.enum(DISCIPLINE_CELLS)),
      expected: z.number().int(),
      received: z.number().int(),
      onTime: z.number().int(),
    }),
  ),
  totals: z.object({
    expected: z.number().int(),
    received: z.number().int(),
    onTime: z.number().int(),
    /** received ÷ expected, in percent (DHIS2's reporting rate). */
    reportingRate: z.number().nullable(),
    /** on time ÷ expected, in percent (DHIS2's reporting rate on time). */
    onTimeRate: z.number().nullable(),
  }),
  neverReported: z.array(z.object({ unitId: z.number().int(), code: z.string(), name: z.string() })),
});
export type Discipline = z.infer<typeof disciplineResponse>;
