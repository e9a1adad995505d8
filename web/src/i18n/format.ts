import type { Lang } from './index';

/** Latin digits in every language: codes, figures and dates stay comparable with the documents. */
const LOCALE_TAG: Record<Lang, string> = { vi: 'vi-VN', en: 'en-GB', ar: 'ar-u-nu-latn' };

const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

export function formatNumber(n: number, lang: Lang, digits = 0): string {
  const key = `${lang}:${digits}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(LOCALE_TAG[lang], { maximumFractionDigits: digits });
    numberFormats.set(key, f);
  }
  return f.format(n);
}

/** A calendar date 'YYYY-MM-DD' shown as the reader expects (dd/mm/yyyy in Vietnamese), no time-zone shift. */
export function formatDate(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '—';
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  if (!y || !m || !d) return iso;
  let f = dateFormats.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALE_TAG[lang], {
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      timeZone: 'UTC',
    });
    dateFormats.set(lang, f);
  }
  return f.format(new Date(Date.UTC(y, m - 1, d)));
}

export function formatDateTime(isoInstant: string, lang: Lang, timeZone = 'Asia/Ho_Chi_Minh'): string {
  return new Intl.DateTimeFormat(LOCALE_TAG[lang], {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone,
  }).format(new Date(isoInstant));
}

/** A name given in several languages, shown in the reader's, falling back to Vietnamese. */
export function pickName(name: { vi: string; en: string | null; ar: string | null }, lang: Lang): string {
  return (lang === 'vi' ? name.vi : name[lang]) || name.vi;
}

/** Codes like 2025-W46 kept left-to-right inside Arabic text (Unicode isolates, not markup). */
export const ltr = (s: string) => `\u2066${s}\u2069`;
