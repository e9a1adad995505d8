/**
 * Recurring tasks (decision 55): a series makes one occurrence per period. "Continuous"
 * ("thường xuyên") is checked in monthly: its occurrences are monthly check-ins.
 */
export const RECURRENCES = ['monthly', 'quarterly', 'yearly', 'continuous'] as const;
export type Recurrence = (typeof RECURRENCES)[number];

export type OccurrencePeriod = { key: string; start: string; end: string };

const iso = (y: number, m: number, d: number) =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** Months a period of this recurrence spans. */
export const periodMonths = (r: Recurrence) => (r === 'quarterly' ? 3 : r === 'yearly' ? 12 : 1);

/** The period of `r` that holds the day `d` (YYYY-MM-DD), `offset` periods later. */
export function occurrencePeriod(r: Recurrence, d: string, offset = 0): OccurrencePeriod {
  const n = periodMonths(r);
  const y = Number(d.slice(0, 4));
  const m0 = Number(d.slice(5, 7)) - 1;
  const first = Math.floor(m0 / n) * n + offset * n + y * 12;
  const sy = Math.floor(first / 12);
  const sm = (first % 12) + 1;
  const endAbs = first + n - 1;
  const ey = Math.floor(endAbs / 12);
  const em = (endAbs % 12) + 1;
  const key = n === 12 ? String(sy) : n === 3 ? `${sy}-Q${(sm - 1) / 3 + 1}` : iso(sy, sm, 1).slice(0, 7);
  return { key, start: iso(sy, sm, 1), end: iso(ey, em, lastDay(ey, em)) };
}

/** An occurrence's deadline: the day `day` of the period's last month (capped), or its last day. */
export function occurrenceDeadline(p: OccurrencePeriod, day: number | null): string {
  if (!day) return p.end;
  const last = Number(p.end.slice(8, 10));
  return `${p.end.slice(0, 8)}${String(Math.min(day, last)).padStart(2, '0')}`;
}
