import { z } from 'zod';
import { idSchema, isoDate } from './common.js';
import { SERVICE_INDICATOR_CODES } from '../service-indicators.js';

export const IMPORT_FORMATS = ['csv', 'xlsx', 'ndjson'] as const;
export const IMPORT_MODES = ['all', 'good'] as const;
export const IMPORT_ENCODINGS = ['utf-8', 'windows-1258'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
export type ImportMode = (typeof IMPORT_MODES)[number];
export type ImportEncoding = (typeof IMPORT_ENCODINGS)[number];

/** A source system's code: who numbered the records (the key is source + record id). */
export const sourceCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9._-]{1,40}$/);

export const importQuery = z
  .object({
    format: z.enum(IMPORT_FORMATS).optional(),
    /** all = nothing is written if any row is wrong (default); good = the good rows are imported. */
    mode: z.enum(IMPORT_MODES).default('all'),
    source: sourceCode.default('DVC'),
    encoding: z.enum(IMPORT_ENCODINGS).default('utf-8'),
  })
  .strict();

/** A record as integrations send it (JSON); cells of CSV/XLSX files carry the same names. */
export const recordJson = z.record(z.string(), z.unknown());
export const recordsBody = z.array(recordJson).min(1).max(10_000);

export const rowErrorSchema = z.object({
  /** Data row number in the file (1 = the first row after the header; NDJSON: the line). */
  row: z.number().int(),
  column: z.string().nullable(),
  code: z.string(),
  message: z.string(),
});
export type RowError = z.infer<typeof rowErrorSchema>;

export const importResultSchema = z.object({
  importId: z.number().int(),
  /** done: written; refused: nothing written (all-or-nothing with errors, or the file itself was wrong). */
  status: z.enum(['done', 'refused']),
  mode: z.enum(IMPORT_MODES),
  rows: z.number().int(),
  imported: z.number().int(),
  failed: z.number().int(),
  bytes: z.number().int(),
  seconds: z.number(),
  errors: z.array(rowErrorSchema),
  /** More row errors than listed (the report keeps the first 1000). */
  errorsTruncated: z.boolean(),
});
export type ImportResult = z.infer<typeof importResultSchema>;

export const GROUP_BY = ['none', 'unit', 'month'] as const;

/** A period as 2025 (year), 2025-Q3 (quarter), 2025-07 (month), or from/to days (both included). */
export const indicatorsQuery = z
  .object({
    programmeId: idSchema.optional(),
    unitId: idSchema.optional(),
    period: z
      .string()
      .regex(/^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/, { message: 'period_format' })
      .optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    groupBy: z.enum(GROUP_BY).default('none'),
  })
  .strict()
  .refine((q) => q.programmeId !== undefined || q.unitId !== undefined, { path: ['unitId'] })
  .refine((q) => q.period !== undefined || (q.from !== undefined && q.to !== undefined), { path: ['from'] })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'] });
export type IndicatorsQuery = z.infer<typeof indicatorsQuery>;

export const serviceIndicatorSchema = z.object({
  code: z.enum(SERVICE_INDICATOR_CODES),
  unit: z.enum(['%', 'days']),
  numerator: z.number(),
  denominator: z.number(),
  value: z.number().nullable(),
});

export const indicatorsResponse = z.object({
  unit: z.object({ id: z.number().int(), code: z.string(), name: z.string() }),
  from: isoDate,
  to: isoDate,
  records: z.number().int(),
  indicators: z.array(serviceIndicatorSchema),
  groups: z.array(
    z.object({
      /** A child unit's id (groupBy=unit; the unit itself for records filed on it directly) or 'YYYY-MM'. */
      key: z.string(),
      label: z.string(),
      records: z.number().int(),
      indicators: z.array(serviceIndicatorSchema),
    }),
  ),
});
export type IndicatorsResponse = z.infer<typeof indicatorsResponse>;
