import { z } from 'zod';
import { EVALUATION_CRITERIA, GRADES } from '../evaluation.js';

export const evaluationRulesSchema = z
  .object({
    criteria: z
      .array(
        z.object({ code: z.enum(EVALUATION_CRITERIA), weight: z.number().int().min(1).max(100) }).strict(),
      )
      .min(1)
      .refine((c) => new Set(c.map((x) => x.code)).size === c.length, { message: 'duplicate' })
      .refine((c) => c.reduce((a, x) => a + x.weight, 0) === 100, { message: 'weights_total' }),
    thresholds: z
      .object({
        excellent: z.number().min(0).max(100),
        good: z.number().min(0).max(100),
        complete: z.number().min(0).max(100),
      })
      .strict()
      .refine((t) => t.excellent > t.good && t.good > t.complete, { message: 'thresholds_order' }),
    excellentCapPct: z.number().min(0).max(100).nullable(),
  })
  .strict();

export const evaluationParams = z
  .object({
    programmeId: z.coerce.number().int().positive(),
    year: z.coerce.number().int().min(2000).max(2100),
  })
  .strict();

const breakdown = z.object({
  code: z.string(),
  weight: z.number(),
  share: z.number().nullable(),
  points: z.number().nullable(),
  numerator: z.number(),
  denominator: z.number(),
  /** What the figure counts, item by item (absent in results frozen before it was kept). */
  evidence: z.array(z.object({ ref: z.string(), ok: z.boolean() })).optional(),
});

export const evaluationSchema = z.object({
  programmeId: z.number().int(),
  year: z.number().int(),
  asOf: z.string(),
  status: z.enum(['draft', 'approved']),
  rules: evaluationRulesSchema,
  approvedAt: z.string().nullable(),
  approvedBy: z.string().nullable(),
  units: z.array(
    z.object({
      unit: z.object({
        id: z.number().int(),
        code: z.string(),
        name: z.string(),
        leader: z.string().nullable(),
      }),
      score: z.number().nullable(),
      grade: z.enum(GRADES).nullable(),
      capped: z.boolean(),
      rank: z.number().int().nullable(),
      breakdown: z.array(breakdown),
    }),
  ),
  gradeCounts: z.record(z.enum(GRADES), z.number().int()),
  can: z.object({ configure: z.boolean(), approve: z.boolean() }),
});
export type Evaluation = z.infer<typeof evaluationSchema>;
