import { foldSameLength } from './text.js';

export const RECURRENCES = ['monthly', 'quarterly', 'yearly', 'continuous'] as const;
export type Recurrence = (typeof RECURRENCES)[number];

export type DeadlineReading = {
  /** The last day the text allows, ISO; null when it names none. */
  deadline: string | null;
  recurrence: Recurrence | null;
  /** The words the deadline or recurrence was read from (original spelling). */
  text: string | null;
  /** The year was not written and came from the document's date. */
  yearFromDocument: boolean;
  /** Words that look like a date but are none ("31/2/2025"): the deadline is not understood. */
  malformed: boolean;
};

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const endOfMonth = (y: number, m: number) => iso(y, m, lastDay(y, m));
const validDay = (y: number, m: number, d: number) => m >= 1 && m <= 12 && d >= 1 && d <= lastDay(y, m);
const plausibleYear = (y: number) => y >= 1990 && y <= 2100;
const fullYear = (y: number) => (y < 100 ? 2000 + y : y);

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };
const quarterOf = (s: string) => ROMAN[s] ?? (/^[1-4]$/.test(s) ? Number(s) : undefined);

type Hit = { start: number; end: number; deadline: string; yearFromDocument: boolean };

/**
 * The patterns, on folded text ("Quý IV/2025" → "quy iv/2025"). Each gives the last day it allows;
 * a year left out is the document's. `Y` is a year group (2 or 4 digits), separators are
 * "/", "-", "." or the words "tháng … năm".
 */
const YEAR = String.raw`(\d{4})`;
const SEP = String.raw`\s*[/.\-]\s*`;
const NAM = String.raw`(?:\s*nam\s*|${SEP})`;

/** What a rule read: a deadline, nothing, or words that look like a date but are none ("31/2/2025"). */
type Read = Omit<Hit, 'start' | 'end'> | null | 'invalid';
type Rule = { re: RegExp; read: (m: RegExpExecArray, docYear: number | null) => Read };

const withYear = (y: number | null, fn: (y: number) => string | null, fromDoc: boolean) => {
  if (y === null) return null;
  const deadline = fn(y);
  return deadline ? { deadline, yearFromDocument: fromDoc } : null;
};

const RULES: Rule[] = [
  // A range of years: "2025–2026", "giai đoạn 2026 - 2030", "2025 đến 2026" → end of the last.
  {
    re: new RegExp(String.raw`\b${YEAR}\s*(?:-|–|den|toi)\s*(?:nam\s*)?${YEAR}\b`, 'g'),
    read: (m) => {
      const a = Number(m[1]);
      const b = Number(m[2]);
      return plausibleYear(a) && plausibleYear(b) && b >= a
        ? { deadline: iso(b, 12, 31), yearFromDocument: false }
        : null;
    },
  },
  // A day: "30/6/2025", "ngày 15 tháng 10 năm 2025", "15/10" (year from the document).
  {
    re: new RegExp(
      String.raw`\b(\d{1,2})(?:${SEP}|\s+thang\s+)(\d{1,2})(?:(?:${SEP}|\s*nam\s*)(\d{4}|\d{2}(?!\d)))?(?![\d/])`,
      'g',
    ),
    read: (m, docYear) => {
      const d = Number(m[1]);
      const mo = Number(m[2]);
      const written = m[3] !== undefined;
      const y = written ? fullYear(Number(m[3])) : docYear;
      if (y !== null && (!plausibleYear(y) || !validDay(y, mo, d))) return 'invalid';
      return withYear(y, (yy) => iso(yy, mo, d), !written);
    },
  },
  // A quarter: "Quý IV/2025", "quý 4 năm 2025", "quý II" → its last day.
  {
    re: new RegExp(String.raw`\bquy\s+(iv|iii|ii|i|[1-4])\b(?:${NAM}${YEAR})?`, 'g'),
    read: (m, docYear) => {
      const q = quarterOf(m[1] ?? '');
      const written = m[2] !== undefined;
      const y = written ? Number(m[2]) : docYear;
      return q ? withYear(y, (yy) => endOfMonth(yy, q * 3), !written) : null;
    },
  },
  // "Quý V/2025", "quý 5": a quarter that is none (not read as the year).
  {
    re: new RegExp(String.raw`\bquy\s+[a-z0-9]+(?:${NAM}${YEAR})?`, 'g'),
    read: () => 'invalid',
  },
  // Half and parts of a year: "6 tháng đầu năm 2026", "6 tháng cuối năm 2025", "9 tháng đầu năm".
  {
    re: new RegExp(String.raw`\b(\d{1,2})\s+thang\s+(dau|cuoi)\s+nam(?:\s+${YEAR})?`, 'g'),
    read: (m, docYear) => {
      const n = Number(m[1]);
      const written = m[3] !== undefined;
      const y = written ? Number(m[3]) : docYear;
      if (n < 1 || n > 12) return null;
      return withYear(y, (yy) => (m[2] === 'dau' ? endOfMonth(yy, n) : iso(yy, 12, 31)), !written);
    },
  },
  // A month: "trong tháng 12/2025", "tháng 12 năm 2025", "tháng 3" → its last day.
  {
    re: new RegExp(String.raw`\bthang\s+(\d{1,2})(?:${NAM}${YEAR})?(?![\d/])`, 'g'),
    read: (m, docYear) => {
      const mo = Number(m[1]);
      const written = m[2] !== undefined;
      const y = written ? Number(m[2]) : docYear;
      return mo >= 1 && mo <= 12 ? withYear(y, (yy) => endOfMonth(yy, mo), !written) : null;
    },
  },
  // A month written "12/2025" without the word.
  {
    re: new RegExp(String.raw`(?<![\d/.])(\d{1,2})\s*/\s*${YEAR}\b`, 'g'),
    read: (m) => {
      const mo = Number(m[1]);
      const y = Number(m[2]);
      return mo >= 1 && mo <= 12 && plausibleYear(y)
        ? { deadline: endOfMonth(y, mo), yearFromDocument: false }
        : null;
    },
  },
  // A year: "năm 2026", "cuối năm 2025", "đến năm 2030", or a bare "2026" in a deadline cell.
  {
    re: new RegExp(String.raw`\b${YEAR}\b`, 'g'),
    read: (m) => {
      const y = Number(m[1]);
      return plausibleYear(y) ? { deadline: iso(y, 12, 31), yearFromDocument: false } : null;
    },
  },
];

const RECURRING: { re: RegExp; recurrence: Recurrence }[] = [
  { re: /\b(?:hang|moi)\s+thang\b|\bdinh ky\s+(?:hang\s+)?thang\b/g, recurrence: 'monthly' },
  { re: /\b(?:hang|moi)\s+quy\b|\bdinh ky\s+(?:hang\s+)?quy\b/g, recurrence: 'quarterly' },
  { re: /\b(?:hang|moi)\s+nam\b|\bdinh ky\s+(?:hang\s+)?nam\b/g, recurrence: 'yearly' },
  { re: /\bthuong xuyen\b|\blien tuc\b|\bthuong ky\b/g, recurrence: 'continuous' },
];

/** Spans a later rule must not read again (a day's "6/2025" is not also a month). */
const overlaps = (taken: { start: number; end: number }[], s: number, e: number) =>
  taken.some((t) => s < t.end && e > t.start);

/**
 * Reads the deadline of a task from Vietnamese words: "trước ngày 30/6/2025", "trong tháng
 * 12/2025", "Quý IV/2025" (its last day), "6 tháng đầu năm 2026", "năm 2026", "2025–2026" (the end
 * of the last year), "trước ngày 15/10" (the year of the document's date); "thường xuyên" and
 * "hằng tháng/quý/năm" as recurrences. With several dates the latest is the deadline (a task
 * "quý III/2025, hoàn thành trước 30/9/2025" ends on 30/9). Pure; the document date is given.
 */
export function readDeadline(text: string, documentDate: string | null): DeadlineReading {
  const folded = foldSameLength(text);
  const docYear = documentDate ? Number(documentDate.slice(0, 4)) : null;
  const hits: Hit[] = [];
  const taken: { start: number; end: number }[] = [];
  let malformed = false;
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(folded); m; m = rule.re.exec(folded)) {
      const start = m.index;
      const end = start + m[0].length;
      if (overlaps(taken, start, end)) continue;
      const r = rule.read(m, docYear);
      if (r === 'invalid') {
        malformed = true;
        taken.push({ start, end });
        continue;
      }
      if (!r) continue;
      hits.push({ start, end, ...r });
      taken.push({ start, end });
    }
  }
  let recurrence: Recurrence | null = null;
  const spans: { start: number; end: number }[] = [...hits];
  for (const r of RECURRING) {
    r.re.lastIndex = 0;
    const m = r.re.exec(folded);
    if (m && !recurrence) {
      recurrence = r.recurrence;
      spans.push({ start: m.index, end: m.index + m[0].length });
    }
  }
  const last = hits.reduce<Hit | null>((a, h) => (!a || h.deadline > a.deadline ? h : a), null);
  const start = spans.length ? Math.min(...spans.map((s) => s.start)) : -1;
  const end = spans.length ? Math.max(...spans.map((s) => s.end)) : -1;
  return {
    deadline: last?.deadline ?? null,
    recurrence,
    text: spans.length ? text.slice(widenStart(folded, start), end).trim() : null,
    yearFromDocument: last?.yearFromDocument ?? false,
    malformed,
  };
}

/** Takes in the words that lead a deadline ("trước ngày", "trong", "hoàn thành") when they are there. */
function widenStart(folded: string, start: number): number {
  const before = folded.slice(Math.max(0, start - 30), start);
  const m =
    /(?:(?:hoan thanh\s+)?(?:truoc|trong|cham nhat|den|khong qua|vao)\s+)?(?:(?:cuoi\s+)?(?:ngay|thang|nam)\s+)?$/.exec(
      before,
    );
  return m ? start - (before.length - m.index) : start;
}

/** A document's own date from its header: "Hà Nội, ngày 24 tháng 12 năm 2025". */
export function readDocumentDate(text: string): string | null {
  const folded = foldSameLength(text.slice(0, 4000));
  const m = /ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4})/.exec(folded);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return plausibleYear(y) && validDay(y, mo, d) ? iso(y, mo, d) : null;
}

/** Numbers of documents and their dates ("561/KH-UBND ngày 29/9/2022"): never a task's deadline. */
const CITATION =
  /\b\d+(?:\s*\/\s*(?:\d{4}\s*\/\s*)?|-)[a-z][a-z0-9&]*(?:[-/][a-z0-9&]+)*(?:\s*,?\s*ngay\s+\d{1,2}(?:\s*\/\s*\d{1,2}\s*\/\s*\d{2,4}|\s+thang\s+\d{1,2}\s+nam\s+\d{4}))?/g;
/** Words after which a time limit follows in running text. */
const ANCHOR =
  /\b(?:truoc ngay|truoc|cham nhat|han chot|thoi gian hoan thanh|thoi gian thuc hien|thoi han|tien do|hoan thanh trong|trong (?:thang|quy|nam)|den (?:het )?(?:ngay|thang|nam)|quy (?:iv|iii|ii|i|[1-4])\b|\d{1,2} thang (?:dau|cuoi) nam|(?:cuoi )?nam 20\d\d|giai doan 20\d\d|thuong xuyen|hang (?:thang|quy|nam)|moi (?:thang|quy|nam)|dinh ky)/g;

/**
 * The deadline of a task written in running text ("…, hoàn thành trước ngày 30/6/2025."): only
 * the words after a time anchor are read, and the numbers and dates of cited documents never are.
 */
export function readDeadlineInProse(text: string, documentDate: string | null): DeadlineReading {
  let masked = text;
  const folded = foldSameLength(text).replace(CITATION, (m, at: number) => {
    masked = masked.slice(0, at) + ' '.repeat(m.length) + masked.slice(at + m.length);
    return ' '.repeat(m.length);
  });
  const segments: string[] = [];
  let covered = -1;
  ANCHOR.lastIndex = 0;
  for (let m = ANCHOR.exec(folded); m; m = ANCHOR.exec(folded)) {
    if (m.index < covered) continue;
    const rest = folded.slice(m.index);
    const stop = /[;()]|\.(?:\s|$)|,\s+(?!\d)/.exec(rest.slice(m[0].length));
    const end = m.index + m[0].length + (stop ? stop.index : Math.min(rest.length - m[0].length, 60));
    segments.push(masked.slice(m.index, end));
    covered = end;
  }
  if (!segments.length)
    return { deadline: null, recurrence: null, text: null, yearFromDocument: false, malformed: false };
  const r = readDeadline(segments.join('; '), documentDate);
  return { ...r, text: r.deadline || r.recurrence ? segments.join('; ').trim() : null };
}
