import { z } from 'zod';
import { idSchema, isoDate, shortText } from './common.js';
import { unitKindSchema, unitSchema } from './units.js';

/** The unit tree in bulk (issue 12): import from XLSX/CSV, move a subtree, merge units. */

export const unitImportQuery = z
  .object({
    mode: z.enum(['all', 'valid']).default('all'),
    /** Detected from the file when absent: XLSX by its signature, else CSV. */
    format: z.enum(['xlsx', 'csv']).optional(),
    /** CSV only; detected when absent (strict UTF-8, with or without BOM, else Windows-1258). */
    encoding: z.enum(['utf-8', 'windows-1258']).optional(),
  })
  .strict();
export type UnitImportQuery = z.infer<typeof unitImportQuery>;

export const unitImportRowSchema = z.object({
  row: z.number().int(),
  values: z.array(z.string().nullable()),
  errors: z.array(z.object({ column: z.string(), message: z.string() })),
  /** What committing the row does: a new unit, an update of the unit with that code, or none. */
  action: z.enum(['create', 'update', 'move', 'none']).nullable(),
});

/** Like the registers' import answer, with what each good row would do. */
export const unitImportResultSchema = z.object({
  committed: z.boolean(),
  total: z.number().int(),
  valid: z.number().int(),
  written: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  moved: z.number().int(),
  columns: z.array(z.string()),
  rows: z.array(unitImportRowSchema),
});
export type UnitImportResult = z.infer<typeof unitImportResultSchema>;

export const moveUnitBody = z.object({ parentId: z.number().int().positive().nullable() }).strict();
export type MoveUnitInput = z.infer<typeof moveUnitBody>;

export const mergeUnitsBody = z
  .object({
    unitIds: z.array(z.number().int().positive()).min(1).max(200),
    /** An existing unit, or a new one created by the merge under `parentId`. */
    successor: z.union([
      z.object({ id: z.number().int().positive() }).strict(),
      z
        .object({
          code: shortText(50),
          name: z.object({
            vi: shortText(300),
            en: shortText(300).nullable().default(null),
            ar: shortText(300).nullable().default(null),
          }),
          kind: unitKindSchema,
          parentId: z.number().int().positive().nullable(),
        })
        .strict(),
    ]),
    mergedOn: isoDate,
  })
  .strict();
export type MergeUnitsInput = z.infer<typeof mergeUnitsBody>;

export const mergeUnitsResultSchema = z.object({
  successor: unitSchema,
  merged: z.array(unitSchema),
  mergedOn: z.string(),
  usersMoved: z.number().int(),
});
export type MergeUnitsResult = z.infer<typeof mergeUnitsResultSchema>;

export const unitMergeIdParams = z.object({ id: idSchema }).strict();
