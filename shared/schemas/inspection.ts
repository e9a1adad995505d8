import { z } from 'zod';
import { isoDate } from './common.js';
import { periodKey } from './reports.js';

export const inspectionQuery = z
  .object({ asOf: isoDate.optional(), from: periodKey.optional(), to: periodKey.optional() })
  .strict();

const unit = z.object({ code: z.string(), name: z.string() });
const task = z.object({ id: z.number().int(), code: z.string(), title: z.string() });
const trail = z.array(z.object({ at: z.string(), action: z.string(), actor: z.string().nullable() }));

export const inspectionSchema = z.object({
  programmeId: z.number().int(),
  asOf: isoDate,
  periods: z.object({ from: z.string(), to: z.string() }),
  /** Units with late or missing reports in the range, the most first; repeated = more than once. */
  discipline: z.array(
    z.object({
      unit,
      late: z.number().int(),
      missing: z.number().int(),
      repeated: z.boolean(),
      periods: z.array(z.string()),
    }),
  ),
  stalled: z.array(
    z.object({ task, unit, startDate: isoDate, deadline: isoDate, days: z.number().int(), trail }),
  ),
  returnedCompletions: z.array(
    z.object({
      task,
      unit,
      completedOn: isoDate,
      requestedAt: z.string(),
      decidedAt: z.string(),
      decidedBy: z.string().nullable(),
      note: z.string().nullable(),
      trail,
    }),
  ),
  deadlineChanges: z.array(
    z.object({
      task,
      unit,
      original: isoDate,
      deadline: isoDate,
      effectiveFrom: isoDate,
      reason: z.string().nullable(),
      by: z.string().nullable(),
      at: z.string(),
      trail,
    }),
  ),
});
export type Inspection = z.infer<typeof inspectionSchema>;
