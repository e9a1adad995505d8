import { z } from 'zod';
import { FUNDING_SOURCES, parseMoney } from '../money.js';
import { idSchema, isoDate, shortText } from './common.js';

/**
 * Money crosses the API as a string of digits (integer đồng): exact at any size (see decision
 * 0016). Input also takes a safe integer number; negatives and fractions are refused.
 */
export const moneyInput = z
  .union([z.string().max(40), z.number()])
  .refine((v) => parseMoney(v) !== null, { message: 'money_format' })
  .transform((v) => parseMoney(v)!);
export const positiveMoneyInput = moneyInput.refine((v) => v > 0n, { message: 'money_format' });
export const money = z
  .string()
  .regex(/^-?\d+$/)
  .describe('integer đồng, as a string');

export const fundingSource = z.enum(FUNDING_SOURCES);
const year = z.coerce.number().int().min(2000).max(2100);
const rate = z
  .string()
  .nullable()
  .describe('percent with four decimals, e.g. "42.1250"; null when nothing allocated');

export const planBody = z
  .object({
    programmeId: idSchema,
    code: shortText(40),
    unitId: idSchema,
    taskId: idSchema.nullable().default(null),
    project: shortText(300).nullable().default(null),
    source: fundingSource,
    year,
    amount: moneyInput,
    effectiveFrom: isoDate.optional(),
  })
  .strict();
export type PlanInput = z.infer<typeof planBody>;

export const revisionBody = z
  .object({ amount: moneyInput, effectiveFrom: isoDate, reason: shortText(1000) })
  .strict();

export const paymentBody = z
  .object({
    planId: idSchema,
    paidOn: isoDate,
    amount: positiveMoneyInput,
    reference: shortText(60).nullable().default(null),
  })
  .strict();
export type PaymentInput = z.infer<typeof paymentBody>;

export const planQuery = z
  .object({
    programmeId: idSchema,
    year: year.optional(),
    unitId: idSchema.optional(),
    asOf: isoDate.optional(),
  })
  .strict();

const ref = z.object({ id: z.number().int(), code: z.string(), name: z.string() });

export const revisionSchema = z.object({
  id: z.number().int(),
  amount: money,
  effectiveFrom: z.string(),
  reason: z.string().nullable(),
  createdAt: z.string(),
});
export const paymentSchema = z.object({
  id: z.number().int(),
  planId: z.number().int(),
  paidOn: z.string(),
  amount: money,
  reference: z.string().nullable(),
  via: z.enum(['manual', 'import', 'api']),
});
export const planSchema = z.object({
  id: z.number().int(),
  programmeId: z.number().int(),
  code: z.string(),
  unit: ref,
  task: z.object({ id: z.number().int(), code: z.string(), title: z.string() }).nullable(),
  project: z.string().nullable(),
  source: fundingSource,
  year: z.number().int(),
  asOf: z.string(),
  /** The amount of the revision in force on asOf ("0" before the first one). */
  allocated: money,
  disbursed: money,
  rate,
  can: z.object({ edit: z.boolean() }),
});
export type CapitalPlan = z.infer<typeof planSchema>;
export const planDetailSchema = planSchema.extend({
  revisions: z.array(revisionSchema),
  payments: z.array(paymentSchema),
});

export const ratesQuery = z
  .object({
    programmeId: idSchema,
    year: year.optional(),
    asOf: isoDate.optional(),
    by: z.enum(['unit', 'task', 'group', 'source']).default('unit'),
  })
  .strict();
export const rateRow = z.object({
  key: z.string(),
  name: z.string(),
  allocated: money,
  disbursed: money,
  rate,
});
const forecastSchema = z.union([
  z.object({
    method: z.literal('pace'),
    daysElapsed: z.number().int(),
    daysInYear: z.number().int(),
    projected: money,
    backlog: money,
  }),
  z.object({
    method: z.literal('seasonal'),
    lastYearToDate: money,
    lastYearTotal: money,
    projected: money,
    backlog: money,
  }),
  z.object({ method: z.literal('seasonal'), unavailable: z.literal('no_history') }),
]);
export const totalsSchema = z.object({
  year: z.number().int(),
  asOf: z.string(),
  allocated: money,
  disbursed: money,
  rate,
  threshold: z.object({ byDay: z.string(), minRatePct: z.string() }).nullable(),
});
export type MoneyTotals = z.infer<typeof totalsSchema>;
export const ratesSchema = z.object({
  totals: totalsSchema,
  /** What the reader may do here (the screen hides what the server would refuse). */
  can: z.object({ manage: z.boolean() }),
  forecast: z.array(forecastSchema),
  rows: z.array(rateRow),
});

export const weeklyQuery = z
  .object({
    programmeId: idSchema,
    year: year.optional(),
    asOf: isoDate.optional(),
    source: fundingSource.optional(),
  })
  .strict();
export const weeklySchema = z.object({
  year: z.number().int(),
  asOf: z.string(),
  previousAsOf: z.string(),
  threshold: z.object({ byDay: z.string(), minRatePct: z.string() }).nullable(),
  totals: z.object({ allocated: money, disbursed: money, rate, previousRate: rate }),
  rows: z.array(
    z.object({
      rank: z.number().int(),
      unit: ref,
      allocated: money,
      disbursed: money,
      rate,
      previousRate: rate,
      /** Percentage points since the week before, four decimals. */
      change: z.string().nullable(),
      belowThreshold: z.boolean(),
    }),
  ),
});
export type WeeklyTable = z.infer<typeof weeklySchema>;

export const thresholdsBody = z
  .object({
    points: z
      .array(
        z
          .object({
            byDay: z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: 'date_format' }),
            minRatePct: z.number().min(0).max(100).multipleOf(0.01),
          })
          .strict(),
      )
      .max(24),
  })
  .strict();
export const thresholdsSchema = z.object({
  points: z.array(z.object({ byDay: z.string(), minRatePct: z.string() })),
});

export const programmeQuery = z.object({ programmeId: idSchema }).strict();
