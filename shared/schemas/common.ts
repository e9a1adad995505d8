import { z } from 'zod';
import { isValidIsoDate } from '../dates.js';

export const LOCALES = ['vi', 'en', 'ar'] as const;
export const localeSchema = z.enum(LOCALES);
export type Locale = z.infer<typeof localeSchema>;

export const isoDate = z.string().refine(isValidIsoDate, { message: 'date_format' }).describe('YYYY-MM-DD');

export const idSchema = z.coerce.number().int().positive();
export const idParams = z.object({ id: idSchema }).strict();

/** A name in the three languages; only Vietnamese is required. */
export const localizedName = z.object({
  vi: z.string(),
  en: z.string().nullable(),
  ar: z.string().nullable(),
});
export type LocalizedName = z.infer<typeof localizedName>;

/** Bounded free text: a 1 MB paste gets a clear 4xx, not a slow database. */
export const shortText = (max = 500) => z.string().trim().min(1).max(max);
export const longText = (max = 20_000) => z.string().max(max);

export const okSchema = z.object({ ok: z.literal(true) });

export const errorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
