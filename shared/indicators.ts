import { addDays } from './dates.js';
import { periodFromKey, periodOf } from './periods.js';

/**
 * Indicators (KPIs) and key results: the pure rules, shared by the server and the client.
 * Free of zod so the client can import it cheaply.
 *
 * - attainment = (value − baseline) ÷ (target − baseline). The formula is direction-aware by
 *   itself when the target lies on the right side of the baseline (above it for higher-is-better,
 *   below it for lower-is-better); a target on the wrong side is refused when it is set.
 * - The attainment shown is floored at 0 and capped by the indicator's scoring cap.
 * - The score is full (1) at or above the scoring threshold, linear below it, 0 at or below 0.
 * - Status compares attainment with the share of time elapsed from the key result's start to its
 *   deadline: on track when attainment ≥ elapsed − TOLERANCE, at risk down to elapsed − BAND,
 *   off track below; no data when there is no value.
 */

export const DIRECTIONS = ['higher', 'lower'] as const;
export type Direction = (typeof DIRECTIONS)[number];
/** How a figure rolls up the unit tree: never an average of ratios. */
export const AGGREGATIONS = ['sum', 'average', 'ratio'] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];
export const INDICATOR_SOURCES = ['entered', 'imported', 'computed'] as const;
export type IndicatorSource = (typeof INDICATOR_SOURCES)[number];
export const KR_STATUSES = ['on_track', 'at_risk', 'off_track', 'no_data'] as const;
export type KrStatus = (typeof KR_STATUSES)[number];
export const VALUE_CADENCES = ['weekly', 'monthly', 'quarterly', 'yearly'] as const;
export type ValueCadence = (typeof VALUE_CADENCES)[number];

/** On track within 5 points of the time-proportional path; at risk down to 20 points behind it. */
export const STATUS_TOLERANCE = 0.05;
export const STATUS_BAND = 0.2;

export type Scoring = {
  /** Attainment at or above which the score is full (1.0 = the target reached). */
  fullAt: number;
  /** Largest attainment shown (1.2 = 120%). */
  cap: number;
};
export const DEFAULT_SCORING: Scoring = { fullAt: 1, cap: 1.2 };

/** Whether a target lies on the side of the baseline that the direction calls better (or on it). */
export function targetMatchesDirection(direction: Direction, baseline: number, target: number): boolean {
  return direction === 'higher' ? target >= baseline : target <= baseline;
}

/**
 * Raw attainment, unbounded; null without a value. A target equal to the baseline is met (1) when
 * the value is at least as good as it, otherwise 0.
 */
export function rawAttainment(
  direction: Direction,
  baseline: number,
  target: number,
  value: number | null,
): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  if (target === baseline) {
    const good = direction === 'higher' ? value >= target : value <= target;
    return good ? 1 : 0;
  }
  return (value - baseline) / (target - baseline);
}

/** Attainment as shown and judged: floored at 0, capped by the scoring cap. */
export function attainment(
  direction: Direction,
  baseline: number,
  target: number,
  value: number | null,
  scoring: Scoring = DEFAULT_SCORING,
): number | null {
  const a = rawAttainment(direction, baseline, target, value);
  return a === null ? null : Math.min(scoring.cap, Math.max(0, a));
}

/** Score in [0, 1]: full at or above `fullAt`, linear below it. */
export function score(att: number | null, scoring: Scoring = DEFAULT_SCORING): number | null {
  if (att === null) return null;
  if (att >= scoring.fullAt) return 1;
  return Math.max(0, att) / scoring.fullAt;
}

/** Share of the time from `start` to `deadline` (dates) elapsed on `asOf`, in [0, 1]. */
export function elapsedShare(start: string, deadline: string, asOf: string): number {
  const t = (d: string) => Date.parse(`${d}T00:00:00Z`);
  const span = t(deadline) - t(start);
  if (span <= 0) return asOf >= deadline ? 1 : 0;
  return Math.min(1, Math.max(0, (t(asOf) - t(start)) / span));
}

export function krStatus(att: number | null, elapsed: number): KrStatus {
  if (att === null) return 'no_data';
  if (att >= 1 || att >= elapsed - STATUS_TOLERANCE) return 'on_track';
  if (att >= elapsed - STATUS_BAND) return 'at_risk';
  return 'off_track';
}

/**
 * The value of a ratio indicator from its sums, times its scale (100 for a percentage); null when
 * the denominator is missing or zero.
 */
export function ratioValue(
  numerator: number | null,
  denominator: number | null,
  scale: number,
): number | null {
  if (numerator === null || denominator === null || denominator === 0) return null;
  return (numerator / denominator) * scale;
}

/**
 * Roll-up of unit values in memory, the reference the SQL roll-up is tested against: sum and
 * average over the units that reported; a ratio from the sums of numerators and denominators.
 */
export function rollUp(
  aggregation: Aggregation,
  rows: { value: number | null; numerator?: number | null; denominator?: number | null }[],
  scale = 100,
): number | null {
  if (aggregation === 'ratio') {
    const r = rows.filter((x) => x.numerator != null && x.denominator != null);
    if (!r.length) return null;
    return ratioValue(
      r.reduce((s, x) => s + x.numerator!, 0),
      r.reduce((s, x) => s + x.denominator!, 0),
      scale,
    );
  }
  const v = rows.map((x) => x.value).filter((x): x is number => x !== null);
  if (!v.length) return null;
  const sum = v.reduce((s, x) => s + x, 0);
  return aggregation === 'sum' ? sum : sum / v.length;
}

/** The year a target applies to for an "as of" date, and the key of a yearly period. */
export const yearOf = (date: string) => Number(date.slice(0, 4));

/**
 * The target in force for the year of `asOf`: that year's, or (past the last one) the last; before
 * the first, the first. Null when there are no yearly targets.
 */
export function targetForYear(targets: { year: number; value: number }[], year: number): number | null {
  if (!targets.length) return null;
  const sorted = [...targets].sort((a, b) => a.year - b.year);
  const exact = sorted.find((t) => t.year === year);
  if (exact) return exact.value;
  const before = sorted.filter((t) => t.year < year);
  return before.length ? before[before.length - 1]!.value : sorted[0]!.value;
}

/** A period of indicator values: the programme periods (weeks, months, quarters) and years ('2025'). */
export type ValuePeriod = { key: string; cadence: ValueCadence; start: string; end: string };

export function valuePeriodFromKey(key: string): ValuePeriod {
  if (/^\d{4}$/.test(key)) return { key, cadence: 'yearly', start: `${key}-01-01`, end: `${key}-12-31` };
  return periodFromKey(key);
}

export function isValuePeriodKey(key: string, cadence?: ValueCadence): boolean {
  try {
    const p = valuePeriodFromKey(key);
    return cadence === undefined || p.cadence === cadence;
  } catch {
    return false;
  }
}

export function valuePeriodOf(date: string, cadence: ValueCadence): ValuePeriod {
  if (cadence === 'yearly') return valuePeriodFromKey(date.slice(0, 4));
  return periodOf(date, cadence);
}

/** The `n` periods of a cadence ending with the one that contains `asOf`, oldest first. */
export function lastPeriods(asOf: string, cadence: ValueCadence, n: number): ValuePeriod[] {
  const out: ValuePeriod[] = [];
  let p = valuePeriodOf(asOf, cadence);
  for (let i = 0; i < n; i++) {
    out.unshift(p);
    p = valuePeriodOf(addDays(p.start, -1), cadence);
  }
  return out;
}
