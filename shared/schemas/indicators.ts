import { z } from 'zod';
import {
  AGGREGATIONS,
  DIRECTIONS,
  INDICATOR_SOURCES,
  isValuePeriodKey,
  KR_STATUSES,
  VALUE_CADENCES,
} from '../indicators.js';
import { idSchema, isoDate, localizedName, shortText } from './common.js';

/** '2025', '2025-Q4', '2025-11' or '2025-W46'. */
export const valuePeriodKey = z
  .string()
  .max(10)
  .refine((s) => isValuePeriodKey(s), { message: 'value_period_format' });

const finite = z.number().finite();
const name = z.object({
  vi: shortText(300),
  en: shortText(300).nullable().optional(),
  ar: shortText(300).nullable().optional(),
});
const code = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .regex(/^[A-Za-z0-9._-]+$/);

export const indicatorInput = z
  .object({
    programmeId: idSchema,
    groupId: idSchema.nullable().optional(),
    code,
    name,
    description: z.string().max(4000).nullable().optional(),
    measure: shortText(40),
    direction: z.enum(DIRECTIONS),
    aggregation: z.enum(AGGREGATIONS),
    ratioScale: finite.positive().optional(),
    allowNegative: z.boolean().optional(),
    cadence: z.enum(VALUE_CADENCES),
    baseline: finite.nullable().optional(),
    baselinePeriod: valuePeriodKey.nullable().optional(),
    scoring: z
      .object({ fullAt: finite.positive().max(10), cap: finite.positive().max(10) })
      .strict()
      .refine((s) => s.cap >= s.fullAt, { message: 'cap_below_full', path: ['cap'] })
      .optional(),
    source: z.enum(INDICATOR_SOURCES),
    computeKey: z
      .string()
      .max(80)
      .regex(/^[a-z0-9_.]+$/)
      .nullable()
      .optional(),
    reporterKinds: z.array(z.string().min(1).max(40)).max(20).optional(),
  })
  .strict();
export type IndicatorInput = z.infer<typeof indicatorInput>;

export const indicatorPatch = indicatorInput
  .omit({ programmeId: true })
  .partial()
  .extend({ version: z.number().int().positive() })
  .strict();
export type IndicatorPatch = z.infer<typeof indicatorPatch>;

export const targetsBody = z
  .object({ targets: z.array(z.object({ period: valuePeriodKey, value: finite }).strict()).max(200) })
  .strict();

export const indicatorSchema = z.object({
  id: z.number().int(),
  programmeId: z.number().int(),
  groupId: z.number().int().nullable(),
  code: z.string(),
  name: localizedName,
  description: z.string().nullable(),
  measure: z.string(),
  direction: z.enum(DIRECTIONS),
  aggregation: z.enum(AGGREGATIONS),
  ratioScale: z.number(),
  allowNegative: z.boolean(),
  cadence: z.enum(VALUE_CADENCES),
  baseline: z.number().nullable(),
  baselinePeriod: z.string().nullable(),
  scoring: z.object({ fullAt: z.number(), cap: z.number() }),
  source: z.enum(INDICATOR_SOURCES),
  computeKey: z.string().nullable(),
  reporterKinds: z.array(z.string()),
  targets: z.array(z.object({ period: z.string(), value: z.number() })),
  version: z.number().int(),
});
export type Indicator = z.infer<typeof indicatorSchema>;

export const indicatorListQuery = z.object({ programmeId: idSchema }).strict();

/** One figure as read: missing stays null; `reported` of `expected` units (null for computed figures). */
export const figureSchema = z.object({
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  reported: z.number().int().nullable(),
  expected: z.number().int().nullable(),
});
export type Figure = z.infer<typeof figureSchema>;

const unitRef = z.object({ id: z.number().int(), code: z.string(), name: z.string() });

export const valuesQuery = z
  .object({
    unitId: idSchema.optional(),
    period: valuePeriodKey,
    asOf: isoDate.optional(),
  })
  .strict();

export const valuesResponse = z.object({
  indicatorId: z.number().int(),
  period: z.string(),
  asOf: z.string(),
  unit: unitRef.extend({ figure: figureSchema }),
  /** The unit's direct sub-units, each rolled up over its own subtree. */
  children: z.array(unitRef.extend({ figure: figureSchema })),
  /** The latest entry of the unit itself, when it reports the indicator. */
  entry: z
    .object({
      enteredAt: z.string(),
      enteredBy: z.string().nullable(),
      source: z.enum(['entered', 'imported']),
      revisions: z.number().int(),
    })
    .nullable(),
});
export type ValuesResponse = z.infer<typeof valuesResponse>;

/** One value: `value` for sum/average indicators, numerator and denominator for ratios; all null clears it. */
export const valueEntry = z
  .object({
    indicatorId: idSchema,
    period: valuePeriodKey,
    value: finite.nullable().optional(),
    numerator: finite.nullable().optional(),
    denominator: finite.nullable().optional(),
    note: z.string().max(1000).nullable().optional(),
  })
  .strict();
export type ValueEntry = z.infer<typeof valueEntry>;

export const enterValuesBody = z
  .object({ unitId: idSchema, entries: z.array(valueEntry).min(1).max(500) })
  .strict();

export const enterValuesResponse = z.object({ saved: z.number().int() });

/** The entry screen of a unit: the indicators of the programme it reports, for one period. */
export const entrySheetQuery = z.object({ unitId: idSchema, period: valuePeriodKey }).strict();
export const entrySheetSchema = z.object({
  unit: unitRef,
  period: z.string(),
  rows: z.array(
    z.object({
      indicator: z.object({
        id: z.number().int(),
        code: z.string(),
        name: z.string(),
        measure: z.string(),
        aggregation: z.enum(AGGREGATIONS),
        allowNegative: z.boolean(),
      }),
      value: z.number().nullable(),
      numerator: z.number().nullable(),
      denominator: z.number().nullable(),
      note: z.string().nullable(),
      enteredAt: z.string().nullable(),
      enteredBy: z.string().nullable(),
      revisions: z.number().int(),
    }),
  ),
  canEdit: z.boolean(),
});
export type EntrySheet = z.infer<typeof entrySheetSchema>;

export const importBody = z
  .object({
    format: z.enum(['csv', 'xlsx']),
    /** CSV text, or the XLSX file in base64. */
    content: z.string().min(1).max(8_000_000),
    /** 'all': nothing is written if any row is wrong (the default); 'valid': the good rows are. */
    mode: z.enum(['all', 'valid']).default('all'),
  })
  .strict();
export const importResult = z.object({
  rows: z.number().int(),
  imported: z.number().int(),
  committed: z.boolean(),
  errors: z.array(z.object({ row: z.number().int(), column: z.string().nullable(), message: z.string() })),
});
export type ImportResult = z.infer<typeof importResult>;

// --- Objectives and key results ---------------------------------------------------------------

export const objectiveInput = z
  .object({
    programmeId: idSchema,
    groupId: idSchema.nullable().optional(),
    code,
    title: name,
    sort: z.number().int().min(0).max(10_000).optional(),
  })
  .strict();
export const objectivePatch = objectiveInput.omit({ programmeId: true }).partial().strict();

export const keyResultInput = z
  .object({
    indicatorId: idSchema,
    unitId: idSchema.nullable().optional(),
    baseline: finite.optional(),
    target: finite,
    startDate: isoDate,
    deadline: isoDate,
    taskIds: z.array(idSchema).max(200).optional(),
    sort: z.number().int().min(0).max(10_000).optional(),
  })
  .strict();
export const keyResultPatch = keyResultInput.partial().strict();

export const okrsQuery = z
  .object({ asOf: isoDate.optional(), periods: z.coerce.number().int().min(1).max(24).default(8) })
  .strict();

export const keyResultView = z.object({
  id: z.number().int(),
  indicator: z.object({
    id: z.number().int(),
    code: z.string(),
    name: z.string(),
    measure: z.string(),
    direction: z.enum(DIRECTIONS),
    aggregation: z.enum(AGGREGATIONS),
    source: z.enum(INDICATOR_SOURCES),
    cadence: z.enum(VALUE_CADENCES),
  }),
  unit: unitRef,
  baseline: z.number(),
  /** The key result's target by its deadline; `yearTarget` the indicator's target for the year of asOf. */
  target: z.number(),
  yearTarget: z.number().nullable(),
  startDate: z.string(),
  deadline: z.string(),
  /** False when the reader may not see this unit's figures (a unit user, a key result above their unit). */
  visible: z.boolean(),
  current: figureSchema.extend({ period: z.string().nullable() }),
  attainment: z.number().nullable(),
  score: z.number().nullable(),
  elapsed: z.number(),
  status: z.enum(KR_STATUSES),
  /** The last periods, oldest first; null where nothing was reported. */
  series: z.array(z.object({ period: z.string(), value: z.number().nullable() })),
  tasks: z.array(z.object({ id: z.number().int(), code: z.string(), title: z.string() })),
});
export type KeyResultView = z.infer<typeof keyResultView>;

export const okrsResponse = z.object({
  programmeId: z.number().int(),
  asOf: z.string(),
  objectives: z.array(
    z.object({
      id: z.number().int(),
      code: z.string(),
      title: z.string(),
      group: z.object({ id: z.number().int(), code: z.string(), name: z.string() }).nullable(),
      keyResults: z.array(keyResultView),
    }),
  ),
  can: z.object({ manage: z.boolean() }),
});
export type OkrsResponse = z.infer<typeof okrsResponse>;

export const objectiveSchema = z.object({
  id: z.number().int(),
  programmeId: z.number().int(),
  groupId: z.number().int().nullable(),
  code: z.string(),
  title: localizedName,
  sort: z.number().int(),
});
export const keyResultSchema = z.object({
  id: z.number().int(),
  objectiveId: z.number().int(),
  indicatorId: z.number().int(),
  unitId: z.number().int().nullable(),
  baseline: z.number(),
  target: z.number(),
  startDate: z.string(),
  deadline: z.string(),
  sort: z.number().int(),
  taskIds: z.array(z.number().int()),
});
export const programmeParams = z.object({ id: idSchema }).strict();
