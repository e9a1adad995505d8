import { z } from 'zod';
import { idSchema } from './common.js';

/**
 * What every register's XLSX import answers, preview or commit: each row as read, with its
 * errors in the reader's language; `columns` are the template's headings in that language.
 */
export const sheetImportResultSchema = z.object({
  committed: z.boolean(),
  total: z.number().int(),
  valid: z.number().int(),
  written: z.number().int(),
  columns: z.array(z.string()),
  rows: z.array(
    z.object({
      row: z.number().int(),
      values: z.array(z.string().nullable()),
      errors: z.array(z.object({ column: z.string(), message: z.string() })),
    }),
  ),
});
export type SheetImportResult = z.infer<typeof sheetImportResultSchema>;

export const sheetImportQuery = z
  .object({ programmeId: idSchema, mode: z.enum(['all', 'valid']).default('all') })
  .strict();
export const sheetTemplateQuery = z.object({ programmeId: idSchema }).strict();
