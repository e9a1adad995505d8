import type { Lang } from './index';
import { isMeasureCode, measureLabel } from '@shared/measures';

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

/** Where no programme is in view (the bell, the outbox): the zone every demo programme uses. */
export const DEFAULT_ZONE = 'Asia/Ho_Chi_Minh';

/** The reader's own zone, to tell whether a programme's time of day could be misread. */
/** The reader's own time zone (for pages outside any programme, such as a set-password link). */
export const readerZone = () => {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return 'UTC';
  }
};

const zonedFormats = new Map<string, Intl.DateTimeFormat>();
function zoned(lang: Lang, timeZone: string, o: Intl.DateTimeFormatOptions, tag: string) {
  const key = `${lang}:${timeZone}:${tag}`;
  let f = zonedFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALE_TAG[lang], { ...o, timeZone });
    zonedFormats.set(key, f);
  }
  return f;
}

/** "GMT+7": the zone as an offset every reader understands (no city names to translate). */
export function zoneLabel(isoInstant: string, timeZone: string): string {
  const part = zoned('en', timeZone, { timeZoneName: 'shortOffset' }, 'offset')
    .formatToParts(new Date(isoInstant))
    .find((x) => x.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

/**
 * A moment shown as a date and a time of day in the programme's zone (never the reader's: one
 * publication has one date for everyone), with the zone named — "05/12/2026 02:06 (GMT+7)" —
 * unless the reader's device is in that zone anyway (`zone: 'auto'`) or told otherwise.
 */
export function formatDateTime(
  isoInstant: string,
  lang: Lang,
  timeZone: string,
  o: { zone?: 'auto' | 'always' | 'never' } = {},
): string {
  // Date then time in every language (vi-VN alone would put the time first): "05/12/2026 02:06".
  const time = zoned(lang, timeZone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }, 'time');
  const text = `${formatInstantDate(isoInstant, lang, timeZone)} ${time.format(new Date(isoInstant))}`;
  const named = o.zone === 'always' || ((o.zone ?? 'auto') === 'auto' && readerZone() !== timeZone);
  return named ? `${text} (${ltr(zoneLabel(isoInstant, timeZone))})` : text;
}

/** The calendar date of a moment in the programme's zone (a list published 19:06 UTC on 4/12 is of 5/12 in Hanoi). */
export function formatInstantDate(isoInstant: string, lang: Lang, timeZone: string): string {
  return zoned(lang, timeZone, { day: '2-digit', month: '2-digit', year: 'numeric' }, 'date').format(
    new Date(isoInstant),
  );
}

/** A name given in several languages, shown in the reader's, falling back to Vietnamese. */
export function pickName(name: { vi: string; en: string | null; ar: string | null }, lang: Lang): string {
  return (lang === 'vi' ? name.vi : name[lang]) || name.vi;
}

/** Codes like 2025-W46 kept left-to-right inside Arabic text (Unicode isolates, not markup). */
export const ltr = (s: string) => `\u2066${s}\u2069`;

/**
 * An indicator's unit of measure in the reader's language (decision 40); a measure written as free
 * text stays as written, isolated so that Vietnamese words keep their order inside Arabic.
 */
export function measureText(measure: string | null | undefined, lang: Lang): string {
  if (!measure) return '';
  const label = measureLabel(measure, lang);
  return isMeasureCode(measure) || lang !== 'ar' ? label : `\u2068${label}\u2069`;
}
