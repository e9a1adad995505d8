/**
 * Money and the rules of disbursement, exact: amounts are integer đồng held as bigint, sent as
 * strings of digits; rates are fractions compared by cross-multiplication and rounded only for
 * display. Free of zod and of the database so the web client can use it too.
 */
import { daysBetween } from './dates.js';

export const FUNDING_SOURCES = ['central_budget', 'local_budget', 'oda', 'other'] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];

/** Largest amount accepted (10^18 đồng): far above any plan, and well inside int8. */
export const MONEY_MAX = 10n ** 18n;

/**
 * Parses an amount of đồng written by a person or a spreadsheet: digits, optionally grouped by
 * thousands with '.', ',', spaces or no-break spaces ("1.250.000", "1,250,000", "1 250 000").
 * Refuses negatives, fractions ("1.5", "1250000.50"), exponents and anything else: null.
 */
export function parseMoney(input: string | number | bigint): bigint | null {
  if (typeof input === 'bigint') return input >= 0n && input <= MONEY_MAX ? input : null;
  if (typeof input === 'number') {
    if (!Number.isSafeInteger(input) || input < 0) return null;
    return BigInt(input);
  }
  const s = input.trim();
  if (!/^(\d+|\d{1,3}([.,\u00a0\u202f ]\d{3})+)$/.test(s)) return null;
  // One kind of separator throughout: "1.250,000" is not an amount.
  const seps = new Set(s.replace(/\d/g, ''));
  if (seps.size > 1) return null;
  const v = BigInt(s.replace(/\D/g, ''));
  return v <= MONEY_MAX ? v : null;
}

/** Formats đồng with the locale's grouping (vi: 1.250.000; en: 1,250,000), Latin digits always. */
export function formatMoney(v: bigint | string, locale: string): string {
  const n = typeof v === 'bigint' ? v : BigInt(v);
  const neg = n < 0n;
  const digits = (neg ? -n : n).toString();
  const sep = locale.startsWith('vi') ? '.' : ',';
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  return `${neg ? '-' : ''}${grouped}`;
}

/** An amount in billions of đồng (tỷ đồng, how plans are read), with two decimals, rounded half up. */
export function formatBillions(v: bigint | string, locale: string): string {
  const n = typeof v === 'bigint' ? v : BigInt(v);
  const hundredths = divRound(n, 10_000_000n);
  const neg = hundredths < 0n;
  const a = neg ? -hundredths : hundredths;
  const int = formatMoney(a / 100n, locale);
  const frac = (a % 100n).toString().padStart(2, '0');
  return `${neg ? '-' : ''}${int}${locale.startsWith('vi') ? ',' : '.'}${frac}`;
}

/** a ÷ b rounded half away from zero (b > 0). */
export function divRound(a: bigint, b: bigint): bigint {
  if (b <= 0n) throw new RangeError('divisor must be positive');
  const neg = a < 0n;
  const abs = neg ? -a : a;
  const q = (abs * 2n + b) / (2n * b);
  return neg ? -q : q;
}

/**
 * The rate disbursed ÷ allocated in basis points per hundred (1/1,000,000), for display and
 * transport: "42.1234" percent as a string with four decimals; null when nothing is allocated.
 */
export function ratePercent(disbursed: bigint, allocated: bigint): string | null {
  if (allocated <= 0n) return null;
  const micro = divRound(disbursed * 1_000_000n, allocated); // percent × 10^4
  const int = micro / 10_000n;
  const frac = (micro % 10_000n).toString().padStart(4, '0');
  return `${int}.${frac}`;
}

/** Rounds a percent string to two decimals for display ("42.1250" → "42.13"). */
export function displayRate(pct: string | null, locale: string): string {
  if (pct === null) return '—';
  const [i, f = ''] = pct.split('.');
  const micro = BigInt(i!) * 10_000n + BigInt((f + '0000').slice(0, 4));
  const hundredths = divRound(micro, 100n);
  const s = `${hundredths / 100n}${locale.startsWith('vi') ? ',' : '.'}${(hundredths % 100n).toString().padStart(2, '0')}`;
  return `${s}%`;
}

/** Exactly: is disbursed ÷ allocated below a threshold given in basis points (3000 = 30%)? */
export function belowThreshold(disbursed: bigint, allocated: bigint, minRateBp: number): boolean {
  if (allocated <= 0n) return false;
  return disbursed * 10_000n < BigInt(minRateBp) * allocated;
}

export type ThresholdPoint = { byDay: string; minRateBp: number };

/**
 * The threshold in force on a date: the curve is a staircase over the year — "30% by 30 June"
 * holds from 30 June on, until the next point. Before the first point there is none (null).
 */
export function thresholdOn(curve: ThresholdPoint[], date: string): ThresholdPoint | null {
  const md = date.slice(5);
  let best: ThresholdPoint | null = null;
  for (const p of curve) if (p.byDay <= md && (!best || p.byDay > best.byDay)) best = p;
  return best;
}

const yearStart = (year: number) => `${year}-01-01`;
const yearEnd = (year: number) => `${year}-12-31`;

export type Forecast =
  | {
      method: 'pace';
      /** Days of the year elapsed by asOf (1 January is day 1) and the year's length. */
      daysElapsed: number;
      daysInYear: number;
      projected: string;
      backlog: string;
    }
  | {
      method: 'seasonal';
      /** Last year's payments by the same day and over the whole year: the share of the curve reached. */
      lastYearToDate: string;
      lastYearTotal: string;
      projected: string;
      backlog: string;
    }
  | { method: 'seasonal'; unavailable: 'no_history' };

/**
 * Year-end projection from the year's pace: payments so far extended linearly to 31 December
 * (disbursed × days in year ÷ days elapsed), never above what is allocated. Backlog = allocated −
 * projected.
 */
export function forecastByPace(input: { asOf: string; disbursed: bigint; allocated: bigint }): Forecast {
  const year = Number(input.asOf.slice(0, 4));
  const daysInYear = daysBetween(yearStart(year), yearEnd(year)) + 1;
  const daysElapsed = daysBetween(yearStart(year), input.asOf) + 1;
  const raw = (input.disbursed * BigInt(daysInYear)) / BigInt(daysElapsed);
  const projected =
    raw > input.allocated ? (input.allocated > input.disbursed ? input.allocated : input.disbursed) : raw;
  const backlog = input.allocated > projected ? input.allocated - projected : 0n;
  return { method: 'pace', daysElapsed, daysInYear, projected: String(projected), backlog: String(backlog) };
}

/**
 * Year-end projection from last year's seasonal curve: if by this day last year L of the year's T
 * had been paid, this year's D so far is taken as the same share: projected = D × T ÷ L, never above
 * what is allocated. Without last year's payments by this day the method has no answer.
 */
export function forecastBySeason(input: {
  disbursed: bigint;
  allocated: bigint;
  lastYearToDate: bigint;
  lastYearTotal: bigint;
}): Forecast {
  if (input.lastYearToDate <= 0n || input.lastYearTotal <= 0n)
    return { method: 'seasonal', unavailable: 'no_history' };
  const raw = (input.disbursed * input.lastYearTotal) / input.lastYearToDate;
  const projected =
    raw > input.allocated ? (input.allocated > input.disbursed ? input.allocated : input.disbursed) : raw;
  const backlog = input.allocated > projected ? input.allocated - projected : 0n;
  return {
    method: 'seasonal',
    lastYearToDate: String(input.lastYearToDate),
    lastYearTotal: String(input.lastYearTotal),
    projected: String(projected),
    backlog: String(backlog),
  };
}

/** The same calendar day a year earlier (29 February → 28 February). */
export function sameDayLastYear(date: string): string {
  const y = Number(date.slice(0, 4)) - 1;
  const md = date.slice(5) === '02-29' ? '02-28' : date.slice(5);
  return `${y}-${md}`;
}

/**
 * A plan is never overdrawn: on every payment's date, what has been paid by then stays within the
 * amount in force then. Returns the first date where it is not (a payment above the plan needs a
 * revision first), or null.
 */
export function firstOverdrawn(
  revisions: { effectiveFrom: string; amount: bigint }[],
  payments: { paidOn: string; amount: bigint }[],
): { date: string; paid: bigint; allowed: bigint } | null {
  const revs = [...revisions].sort((a, b) =>
    a.effectiveFrom < b.effectiveFrom ? -1 : a.effectiveFrom > b.effectiveFrom ? 1 : 0,
  );
  const pays = [...payments].sort((a, b) => (a.paidOn < b.paidOn ? -1 : a.paidOn > b.paidOn ? 1 : 0));
  const inForce = (d: string) => {
    let v = 0n;
    for (const r of revs) if (r.effectiveFrom <= d) v = r.amount;
    return v;
  };
  let paid = 0n;
  for (let i = 0; i < pays.length; i++) {
    paid += pays[i]!.amount;
    // Check at the last payment of each day, and again against every later revision in force.
    if (i + 1 < pays.length && pays[i + 1]!.paidOn === pays[i]!.paidOn) continue;
    const d = pays[i]!.paidOn;
    const allowed = inForce(d);
    if (paid > allowed) return { date: d, paid, allowed };
  }
  // A revision lowering the plan below what was already paid by its date.
  for (const r of revs) {
    const by = pays.filter((p) => p.paidOn <= r.effectiveFrom).reduce((s, p) => s + p.amount, 0n);
    if (by > r.amount) return { date: r.effectiveFrom, paid: by, allowed: r.amount };
  }
  return null;
}
