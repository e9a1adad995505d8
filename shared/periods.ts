import { addDays } from './dates.js';

/**
 * Reporting periods of a programme, from its cadence: ISO weeks ('2025-W46'), months ('2025-11')
 * or quarters ('2025-Q4'). Each has a first and last day and a due moment (an instant): weekly
 * reports are due on the programme's weekday and time of that week, monthly and quarterly ones on
 * the period's last working day; a due day that is not a working day moves back to the previous
 * working day. Pure: the server and the client compute the same periods.
 */
export type Cadence = 'weekly' | 'monthly' | 'quarterly';
export type Period = { key: string; cadence: Cadence; start: string; end: string };
export type DueRule = {
  cadence: Cadence;
  /** 1 = Monday … 7 = Sunday (weekly cadence). */
  reportDueWeekday: number;
  /** 'HH:MM' local time. */
  reportDueTime: string;
  timeZone: string;
};
/** Public holidays and any other days off ('YYYY-MM-DD'); Saturdays and Sundays are always off. */
export type DaysOff = ReadonlySet<string>;

const WEEK_KEY = /^(\d{4})-W(\d{2})$/;
const MONTH_KEY = /^(\d{4})-(\d{2})$/;
const QUARTER_KEY = /^(\d{4})-Q([1-4])$/;

const utc = (d: string) => new Date(`${d}T00:00:00Z`);
const iso = (d: Date) => d.toISOString().slice(0, 10);
/** 1 = Monday … 7 = Sunday. */
export const isoWeekday = (d: string) => ((utc(d).getUTCDay() + 6) % 7) + 1;

export function isWorkingDay(d: string, daysOff: DaysOff = new Set()): boolean {
  return isoWeekday(d) <= 5 && !daysOff.has(d);
}

/** The working day on or before `d`. */
export function workingDayOnOrBefore(d: string, daysOff: DaysOff = new Set()): string {
  let x = d;
  for (let i = 0; i < 30 && !isWorkingDay(x, daysOff); i++) x = addDays(x, -1);
  return x;
}

/** ISO-8601 week of a date: the week belongs to the year of its Thursday. */
export function isoWeekOf(d: string): { year: number; week: number } {
  const thursday = addDays(d, 4 - isoWeekday(d));
  const year = Number(thursday.slice(0, 4));
  const jan1 = `${year}-01-01`;
  const week = Math.floor((utc(thursday).getTime() - utc(jan1).getTime()) / 86_400_000 / 7) + 1;
  return { year, week };
}

function mondayOfIsoWeek(year: number, week: number): string {
  // 4 January is always in week 1.
  const jan4 = `${year}-01-04`;
  return addDays(jan4, 1 - isoWeekday(jan4) + (week - 1) * 7);
}

export function periodOf(d: string, cadence: Cadence): Period {
  if (cadence === 'weekly') {
    const { year, week } = isoWeekOf(d);
    return periodFromKey(`${year}-W${String(week).padStart(2, '0')}`);
  }
  const [y, m] = [d.slice(0, 4), Number(d.slice(5, 7))];
  return periodFromKey(
    cadence === 'monthly' ? `${y}-${String(m).padStart(2, '0')}` : `${y}-Q${Math.ceil(m / 3)}`,
  );
}

/** Parses a period key; throws on a malformed one or a week that does not exist (2026-W53). */
export function periodFromKey(key: string): Period {
  let m = WEEK_KEY.exec(key);
  if (m) {
    const [year, week] = [Number(m[1]), Number(m[2])];
    const start = mondayOfIsoWeek(year, week);
    if (week < 1 || isoWeekOf(start).year !== year) throw new RangeError(`no such week: ${key}`);
    return { key, cadence: 'weekly', start, end: addDays(start, 6) };
  }
  m = MONTH_KEY.exec(key);
  if (m) {
    const [year, month] = [Number(m[1]), Number(m[2])];
    if (month < 1 || month > 12) throw new RangeError(`no such month: ${key}`);
    const start = `${m[1]}-${m[2]}-01`;
    return { key, cadence: 'monthly', start, end: iso(new Date(Date.UTC(year, month, 0))) };
  }
  m = QUARTER_KEY.exec(key);
  if (m) {
    const [year, q] = [Number(m[1]), Number(m[2])];
    const start = `${m[1]}-${String(q * 3 - 2).padStart(2, '0')}-01`;
    return { key, cadence: 'quarterly', start, end: iso(new Date(Date.UTC(year, q * 3, 0))) };
  }
  throw new RangeError(`not a period key: ${key}`);
}

export function isPeriodKey(key: string, cadence?: Cadence): boolean {
  try {
    const p = periodFromKey(key);
    return cadence === undefined || p.cadence === cadence;
  } catch {
    return false;
  }
}

export const nextPeriod = (p: Period): Period => periodOf(addDays(p.end, 1), p.cadence);
export const previousPeriod = (p: Period): Period => periodOf(addDays(p.start, -1), p.cadence);

/** Periods from `from` to `to` inclusive (keys of the same cadence), oldest first. */
export function periodsBetween(from: string, to: string): Period[] {
  const out: Period[] = [];
  let p = periodFromKey(from);
  const last = periodFromKey(to);
  if (p.cadence !== last.cadence) throw new RangeError('periods of different cadences');
  while (p.start <= last.start && out.length < 1000) {
    out.push(p);
    p = nextPeriod(p);
  }
  return out;
}

/** The calendar day the report of a period is due (before moving off a day off). */
function nominalDueDay(p: Period, rule: DueRule): string {
  if (p.cadence === 'weekly') return addDays(p.start, Math.min(Math.max(rule.reportDueWeekday, 1), 7) - 1);
  return p.end;
}

export function dueDay(p: Period, rule: DueRule, daysOff: DaysOff = new Set()): string {
  return workingDayOnOrBefore(nominalDueDay(p, rule), daysOff);
}

/** The instant a period's report is due: its due day at the due time in the programme's zone. */
export function dueMoment(p: Period, rule: DueRule, daysOff: DaysOff = new Set()): Date {
  return zonedInstant(dueDay(p, rule, daysOff), rule.reportDueTime, rule.timeZone);
}

/** The instant of a local date and 'HH:MM' in a time zone (two passes settle DST edges). */
export function zonedInstant(day: string, time: string, timeZone: string): Date {
  const [h, mi] = time.split(':').map(Number);
  const [y, mo, d] = day.split('-').map(Number);
  const wall = Date.UTC(y!, mo! - 1, d!, h ?? 0, mi ?? 0);
  let t = wall - offsetMs(new Date(wall), timeZone);
  t = wall - offsetMs(new Date(t), timeZone);
  return new Date(t);
}

function offsetMs(instant: Date, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  const asUtc = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}
