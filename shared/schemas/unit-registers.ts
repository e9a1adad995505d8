import { z } from 'zod';
import { isoDate } from './common.js';
import { money } from './money.js';
import { obstacleCategorySchema, obstacleStatusSchema } from './obstacles.js';
import { recommendationStateSchema } from './recommendations.js';

export const unitRegistersQuery = z
  .object({ programmeId: z.coerce.number().int().positive(), asOf: isoDate.optional() })
  .strict();

const ref = z.object({ id: z.number().int(), code: z.string(), name: z.string() });
const counts = z.record(z.string(), z.number().int());

/** What the registers hold for a unit and the units below it, as of a date: one request, one query. */
export const unitRegistersSchema = z.object({
  unit: ref,
  asOf: isoDate,
  money: z.object({
    year: z.number().int(),
    plans: z.number().int(),
    allocated: money,
    disbursed: money,
    rate: z.string().nullable(),
    threshold: z.object({ byDay: z.string(), minRatePct: z.string() }).nullable(),
    belowThreshold: z.boolean(),
    top: z.array(
      z.object({
        id: z.number().int(),
        code: z.string(),
        allocated: money,
        disbursed: money,
        rate: z.string().nullable(),
      }),
    ),
  }),
  obstacles: z.object({
    byStatus: counts,
    open: z.number().int(),
    overdue: z.number().int(),
    list: z.array(
      z.object({
        id: z.number().int(),
        title: z.string(),
        category: obstacleCategorySchema,
        status: obstacleStatusSchema,
        dueOn: isoDate.nullable(),
        overdue: z.boolean(),
        owner: ref,
      }),
    ),
  }),
  recommendations: z.object({
    /** Sent by the unit (or below it), by state. */
    sent: counts,
    /** The unit (or below it) has to answer, by state. */
    toAnswer: counts,
    list: z.array(
      z.object({
        id: z.number().int(),
        direction: z.enum(['sent', 'toAnswer']),
        content: z.string(),
        other: ref,
        answerDueOn: isoDate,
        state: recommendationStateSchema,
      }),
    ),
  }),
  pilots: z.object({ total: z.number().int(), byState: counts }),
});
export type UnitRegisters = z.infer<typeof unitRegistersSchema>;
