import { z } from 'zod';
import { periodKey } from './reports.js';

export const WARNING_REASON_CODES = [
  'overdue_tasks',
  'report_missing',
  'report_late',
  'disbursement_below_threshold',
  'recommendations_overdue',
] as const;
export const warningReasonSchema = z.discriminatedUnion('code', [
  z.object({
    code: z.literal('overdue_tasks'),
    count: z.number().int(),
    items: z.array(
      z.object({
        taskId: z.number().int(),
        code: z.string(),
        title: z.string(),
        deadline: z.string(),
        daysOverdue: z.number().int(),
      }),
    ),
  }),
  z.object({ code: z.literal('report_missing'), count: z.number().int(), items: z.array(z.never()) }),
  z.object({
    code: z.literal('report_late'),
    count: z.number().int(),
    items: z.array(z.object({ submittedAt: z.string() })),
  }),
  z.object({
    code: z.literal('disbursement_below_threshold'),
    count: z.number().int(),
    items: z.array(
      z.object({
        year: z.number().int(),
        allocated: z.string(),
        disbursed: z.string(),
        rate: z.string(),
        minRatePct: z.string(),
        byDay: z.string(),
      }),
    ),
  }),
  z.object({
    code: z.literal('recommendations_overdue'),
    count: z.number().int(),
    items: z.array(
      z.object({
        recommendationId: z.number().int(),
        fromCode: z.string(),
        content: z.string(),
        dueOn: z.string(),
        daysOverdue: z.number().int(),
      }),
    ),
  }),
]);
export type WarningReasonView = z.infer<typeof warningReasonSchema>;

const unitRef = z.object({ id: z.number().int(), code: z.string(), name: z.string() });

export const warningListSchema = z.object({
  id: z.number().int(),
  programmeId: z.number().int(),
  period: z.string(),
  status: z.enum(['draft', 'published']),
  dueAt: z.string(),
  computedAt: z.string(),
  asOf: z.string(),
  note: z.string().nullable(),
  publishedAt: z.string().nullable(),
  publishedBy: z.string().nullable(),
  units: z.array(
    z.object({
      unit: unitRef,
      reasons: z.array(warningReasonSchema),
      /** Periods in a row the unit has been listed, this one included. */
      streak: z.number().int(),
      /** Days overdue summed over all the unit's overdue tasks (the list is ranked by it after their count). */
      daysOverdue: z.number().int(),
      note: z.string().nullable(),
      removed: z.object({ at: z.string(), by: z.string().nullable(), reason: z.string() }).nullable(),
    }),
  ),
  /** Against the previous period's published list: who joined, who left. */
  compare: z
    .object({
      previousPeriod: z.string(),
      joined: z.array(unitRef),
      left: z.array(unitRef),
      stayed: z.number().int(),
    })
    .nullable(),
  can: z.object({ review: z.boolean(), publish: z.boolean() }),
});
export type WarningList = z.infer<typeof warningListSchema>;

export const warningListSummarySchema = z.object({
  id: z.number().int(),
  period: z.string(),
  status: z.enum(['draft', 'published']),
  dueAt: z.string(),
  publishedAt: z.string().nullable(),
  unitCount: z.number().int(),
});

export const warningListQuery = z.object({ programmeId: z.coerce.number().int().positive() }).strict();
export const warningListByPeriodParams = z
  .object({ programmeId: z.coerce.number().int().positive(), period: periodKey })
  .strict();
export const computeWarningsBody = z
  .object({ programmeId: z.number().int().positive(), period: periodKey })
  .strict();
export const warningNoteBody = z.object({ note: z.string().trim().max(2000).nullable() }).strict();
export const removeWarningUnitBody = z.object({ reason: z.string().trim().min(1).max(2000) }).strict();
export const warningUnitParams = z
  .object({ id: z.coerce.number().int().positive(), unitId: z.coerce.number().int().positive() })
  .strict();

export const computedWarningListSchema = z.object({
  id: z.number().int(),
  programmeId: z.number().int(),
  period: z.string(),
  status: z.literal('draft'),
  /** Units on the list as drawn. */
  units: z.number().int(),
});
