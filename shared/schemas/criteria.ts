import { z } from 'zod';
import { CRITERIA_PERIOD, CRITERION_GROUPS, CRITERION_KINDS, ENTERED_AS } from '../criteria.js';
import { idSchema, isoDate, localizedName, shortText } from './common.js';

const id = z.number().int().positive();
const code = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, { message: 'validation_failed' });
export const criteriaPeriod = z
  .string()
  .regex(CRITERIA_PERIOD, { message: 'value_period_format' })
  .describe('2025, 2025-Q3 or 2025-11');
const names = z
  .object({
    vi: shortText(300),
    en: z.string().trim().max(300).nullable().default(null),
    ar: z.string().trim().max(300).nullable().default(null),
  })
  .strict();

export const criterionInput = z
  .object({
    code,
    name: names,
    kind: z.enum(CRITERION_KINDS),
    threshold: z.number().finite().nullable().default(null),
    maxScore: z.number().finite().positive().nullable().default(null),
    evidenceRequired: z.boolean().default(false),
    group: z.enum(CRITERION_GROUPS).nullable().default(null),
  })
  .strict()
  .refine((c) => c.kind === 'boolean' || c.threshold !== null, {
    message: 'validation_failed',
    path: ['threshold'],
  });
export type CriterionInput = z.infer<typeof criterionInput>;

export const createSetBody = z
  .object({
    programmeId: id,
    code,
    name: names,
    unitKinds: z.array(z.string().trim().min(1).max(40)).min(1).max(10),
    criteria: z.array(criterionInput).min(1).max(100),
  })
  .strict()
  .refine((b) => new Set(b.criteria.map((c) => c.code)).size === b.criteria.length, {
    message: 'validation_failed',
    path: ['criteria'],
  });
export type CreateSetInput = z.infer<typeof createSetBody>;

export const updateSetBody = z
  .object({
    version: z.number().int(),
    name: names.optional(),
    unitKinds: z.array(z.string().trim().min(1).max(40)).min(1).max(10).optional(),
    /** The criteria, matched by code: new codes are added, missing ones removed (with their values). */
    criteria: z.array(criterionInput).min(1).max(100).optional(),
  })
  .strict();
export type UpdateSetInput = z.infer<typeof updateSetBody>;

export const criterionSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  names: localizedName,
  kind: z.enum(CRITERION_KINDS),
  threshold: z.number().nullable(),
  maxScore: z.number().nullable(),
  evidenceRequired: z.boolean(),
  group: z.enum(CRITERION_GROUPS).nullable(),
});
export type Criterion = z.infer<typeof criterionSchema>;

export const criteriaSetSchema = z.object({
  id: z.number().int(),
  programmeId: z.number().int(),
  code: z.string(),
  name: z.string(),
  names: localizedName,
  unitKinds: z.array(z.string()),
  criteria: z.array(criterionSchema),
  periods: z.array(z.string()),
  version: z.number().int(),
  can: z.object({ manage: z.boolean() }),
});
export type CriteriaSet = z.infer<typeof criteriaSetSchema>;

export const setListQuery = z.object({ programmeId: idSchema }).strict();

export const valueInput = z
  .object({
    criterionCode: z.string().trim().min(1).max(40),
    met: z.boolean().nullable().default(null),
    score: z.number().finite().nullable().default(null),
    evidence: z.string().trim().max(2000).nullable().default(null),
  })
  .strict();
export const assessBody = z
  .object({
    unitId: id,
    period: criteriaPeriod,
    values: z.array(valueInput).min(1).max(100),
  })
  .strict();
export type AssessInput = z.infer<typeof assessBody>;

const unitRef = z.object({ id: z.number().int(), code: z.string(), name: z.string() });

export const assessmentSchema = z.object({
  unit: unitRef,
  period: z.string(),
  values: z.array(
    z.object({
      criterionId: z.number().int(),
      criterionCode: z.string(),
      met: z.boolean(),
      score: z.number().nullable(),
      evidence: z.string().nullable(),
      enteredAs: z.enum(ENTERED_AS),
      enteredBy: z.string().nullable(),
      enteredAt: z.string(),
    }),
  ),
});
export type Assessment = z.infer<typeof assessmentSchema>;

export const matrixQuery = z
  .object({
    period: criteriaPeriod,
    /** Units under this one only. */
    parentUnitId: idSchema.optional(),
    /** Units that do not meet this criterion (unassessed counts as not met). */
    missing: idSchema.optional(),
    /** true: units meeting every criterion; false: units missing at least one. */
    allMet: z.enum(['true', 'false']).optional(),
    q: z.string().trim().max(100).optional(),
  })
  .strict();
export type MatrixQuery = z.infer<typeof matrixQuery>;

export const matrixSchema = z.object({
  period: z.string(),
  criteria: z.array(criterionSchema),
  /** Units assessed by the set within the scope (before the missing / all-met filters). */
  total: z.number().int(),
  rows: z.array(
    z.object({
      unit: unitRef.extend({ parent: z.string().nullable() }),
      /** Per criterion in the set's order: met, not met, or not assessed (null), and the score. */
      met: z.array(z.boolean().nullable()),
      scores: z.array(z.number().nullable()),
      metCount: z.number().int(),
    }),
  ),
  counts: z.array(
    z.object({
      criterionId: z.number().int(),
      met: z.number().int(),
      notMet: z.number().int(),
      notAssessed: z.number().int(),
    }),
  ),
  allMet: z.number().int(),
});
export type Matrix = z.infer<typeof matrixSchema>;

export const trendQuery = z
  .object({ from: criteriaPeriod, to: criteriaPeriod, parentUnitId: idSchema.optional() })
  .strict();
export const trendSchema = z.object({
  from: z.string(),
  to: z.string(),
  criteria: z.array(
    z.object({
      criterionId: z.number().int(),
      code: z.string(),
      name: z.string(),
      from: z.number().int(),
      to: z.number().int(),
    }),
  ),
  allMetFrom: z.number().int(),
  allMetTo: z.number().int(),
  units: z.array(
    z.object({
      unit: unitRef,
      from: z.number().int(),
      to: z.number().int(),
      change: z.enum(['improved', 'regressed']),
    }),
  ),
  improved: z.number().int(),
  regressed: z.number().int(),
  unchanged: z.number().int(),
});
export type Trend = z.infer<typeof trendSchema>;

export const assessmentImportQuery = z
  .object({ period: criteriaPeriod, mode: z.enum(['all', 'valid']).default('all') })
  .strict();
export const assessmentImportSchema = z.object({
  committed: z.boolean(),
  total: z.number().int(),
  valid: z.number().int(),
  written: z.number().int(),
  rows: z.array(
    z.object({
      row: z.number().int(),
      unitCode: z.string(),
      values: z.number().int(),
      errors: z.array(z.object({ column: z.string(), message: z.string() })),
    }),
  ),
});
export type AssessmentImport = z.infer<typeof assessmentImportSchema>;

/** Each set at a glance, for a unit's subtree (the cockpit's tile, the unit page). */
export const criteriaGlanceSchema = z.array(
  z.object({
    setId: z.number().int(),
    code: z.string(),
    name: z.string(),
    /** The latest period begun by "as of" that has values; null when none. */
    period: z.string().nullable(),
    criteria: z.number().int(),
    units: z.number().int(),
    allMet: z.number().int(),
    /** Criteria met, summed over the units (for one unit: how many it meets). */
    metCells: z.number().int(),
  }),
);
export type CriteriaGlance = z.infer<typeof criteriaGlanceSchema>;
export const glanceQuery = z
  .object({ programmeId: idSchema, unitId: idSchema.optional(), asOf: isoDate.optional() })
  .strict();
