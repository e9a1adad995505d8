import { addDays, daysBetween } from '../../shared/dates.js';

/**
 * Every date of the demo is relative to "today": the articles' dates are moved by the distance
 * between the article's day and today, so on the article's day the demo shows the articles' dates
 * exactly, and on any other day the same figures hold.
 */
export type Calendar = {
  today: string;
  /** A date written as in the article (YYYY-MM-DD), moved to the same distance from today. */
  rel: (articleDate: string) => string;
  /** today + n days. */
  day: (n: number) => string;
  /** Days from today to `date` (negative in the past). */
  offset: (date: string) => number;
};

export function calendar(today: string, articleDay: string): Calendar {
  const shift = daysBetween(articleDay, today);
  return {
    today,
    rel: (d) => addDays(d, shift),
    day: (n) => addDays(today, n),
    offset: (d) => daysBetween(today, d),
  };
}

/** An instant on a calendar date at a local time in Vietnam (UTC+7, no daylight saving). */
export function at(date: string, hour = 9, minute = 0): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d, hour - 7, minute));
}
