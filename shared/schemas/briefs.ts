import { z } from 'zod';
import { localeSchema } from './common.js';
import { periodKey } from './reports.js';

export const BRIEF_FORMATS = ['docx', 'xlsx', 'pdf'] as const;
export const briefFormat = z.enum(BRIEF_FORMATS);
export type BriefFormat = z.infer<typeof briefFormat>;

export const generateBriefBody = z
  .object({ period: periodKey, format: briefFormat.default('docx'), lang: localeSchema.optional() })
  .strict();

export const briefSchema = z.object({
  id: z.number().int(),
  programmeId: z.number().int(),
  period: z.string(),
  format: briefFormat,
  lang: localeSchema,
  fileName: z.string(),
  bytes: z.number().int(),
  sha256: z.string(),
  asOf: z.string(),
  generatedAt: z.string(),
  generatedBy: z.string().nullable(),
  tookMs: z.number().int(),
});
export type Brief = z.infer<typeof briefSchema>;

export const briefListQuery = z.object({ programmeId: z.coerce.number().int().positive() }).strict();
