import type { Locale, LocalizedName } from '../../shared/schemas/common.js';

/** Arabic words for the kinds of unit a Vietnamese name opens with (longest first). */
const ARABIC_KIND: [vi: string, ar: string][] = [
  ['Thành phố ', 'مدينة'],
  ['Thị trấn ', 'بلدة'],
  ['Thị xã ', 'بلدة'],
  ['Phường ', 'حي'],
  ['Quận ', 'منطقة'],
  ['Huyện ', 'قضاء'],
  ['Tỉnh ', 'مقاطعة'],
  ['Xã ', 'بلدية'],
  ['Sở ', 'دائرة'],
];

/** First-strong isolate: a Latin name keeps its own order inside Arabic text. */
const isolate = (s: string) => `\u2068${s}\u2069`;

/**
 * The Arabic reading of a name that has no Arabic translation (decision 41): a unit's kind in
 * Arabic and its Vietnamese proper name, isolated ("بلدية ⁨Mỹ Đức⁩"); any other name in English,
 * else Vietnamese, isolated, so that it reads right in a right-to-left line.
 */
export function arabicFallback(vi: string, en: string | null): string {
  const kind = ARABIC_KIND.find(([prefix]) => vi.startsWith(prefix));
  if (kind) return `${kind[1]} ${isolate(vi.slice(kind[0].length))}`;
  return isolate(en ?? vi);
}

/** Picks the name in the reader's language; English falls back to Vietnamese, Arabic to arabicFallback. */
export function pickName(locale: Locale, vi: string, en: string | null, ar: string | null): string {
  if (locale === 'en') return en ?? vi;
  if (locale === 'ar') return ar ?? arabicFallback(vi, en);
  return vi;
}

/**
 * An account's name as a reader sees it (decision 41). An office account, named after its unit
 * ("Chuyên viên Sở Tài chính (thường trực)"), is the office acting: in English and Arabic it reads
 * as that unit's name in the reader's language. A person's name is a proper noun: kept as written,
 * isolated in Arabic.
 */
export function accountName(
  locale: Locale,
  displayName: string | null,
  unit: {
    vi: string | null | undefined;
    en: string | null | undefined;
    ar: string | null | undefined;
  } | null,
): string | null {
  if (!displayName) return null;
  if (locale === 'vi') return displayName;
  if (unit?.vi && displayName.includes(unit.vi))
    return pickName(locale, unit.vi, unit.en ?? null, unit.ar ?? null);
  return locale === 'ar' ? isolate(displayName) : displayName;
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
