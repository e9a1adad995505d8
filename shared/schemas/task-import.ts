import { z } from 'zod';
import { idSchema } from './common.js';
import { IMPORT_ENCODINGS } from './records.js';

/** Rows shown in a preview (the first ones; errors are listed apart, up to MAX_ERRORS). */
export const PREVIEW_ROWS = 100;

const rowError = z.object({ row: z.number().int(), column: z.string(), message: z.string() });

/** The answer of a task spreadsheet's preview, and of its confirmation (decision 54). */
export const taskImportSchema = z.object({
  id: z.number().int(),
  programmeId: z.number().int(),
  fileName: z.string(),
  status: z.enum(['previewed', 'confirming', 'done', 'refused']),
  /** The row of the file that holds the header (a title block may stand above it). */
  headerRow: z.number().int(),
  /** The template's headings (in the reader's language) of the columns the file has. */
  columns: z.array(z.string()),
  total: z.number().int(),
  valid: z.number().int(),
  invalid: z.number().int(),
  create: z.number().int(),
  update: z.number().int(),
  unchanged: z.number().int(),
  /** Tasks created and updated by the confirmation (0 in a preview). */
  created: z.number().int(),
  updated: z.number().int(),
  errors: z.array(rowError),
  errorsTruncated: z.boolean(),
  rows: z.array(
    z.object({
      row: z.number().int(),
      action: z.enum(['create', 'update', 'unchanged', 'error']),
      values: z.array(z.string().nullable()),
    }),
  ),
  seconds: z.number(),
});
export type TaskImport = z.infer<typeof taskImportSchema>;

export const taskImportQuery = z
  .object({
    programmeId: idSchema,
    fileName: z.string().max(200).default('tasks.xlsx'),
    encoding: z.enum(IMPORT_ENCODINGS).default('utf-8'),
  })
  .strict();
export const taskImportConfirmBody = z.object({ mode: z.enum(['all', 'valid']).default('all') }).strict();
