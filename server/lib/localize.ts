import type { Locale, LocalizedName } from '../../shared/schemas/common.js';

/** Picks the name in the reader's language, falling back to English, then Vietnamese. */
export function pickName(locale: Locale, vi: string, en: string | null, ar: string | null): string {
  if (locale === 'en') return en ?? vi;
  if (locale === 'ar') return ar ?? en ?? vi;
  return vi;
}

export const nameOf = (r: {
  nameVi: string;
  nameEn: string | null;
  nameAr: string | null;
}): LocalizedName => ({
  vi: r.nameVi,
  en: r.nameEn,
  ar: r.nameAr,
});
