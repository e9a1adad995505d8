import { dateInZone } from '../../shared/dates.js';

/** Everything that depends on "now" takes a Clock, so tests and the "as of" view can replay any day. */
export type Clock = { now: () => Date };

export const systemClock: Clock = { now: () => new Date() };

/** A clock frozen at a date (noon UTC, so the calendar date is the same in every Asian/European zone). */
export function fixedClock(date: string): Clock {
  const at = new Date(`${date}T05:00:00Z`);
  return { now: () => new Date(at) };
}

export function todayIn(clock: Clock, timeZone = 'Asia/Ho_Chi_Minh'): string {
  return dateInZone(clock.now(), timeZone);
}

/** The clock a process runs on: a fixed instant, a fixed day, or the system's. */
export function configuredClock(c: { now?: string; today?: string }): Clock {
  if (c.now) {
    const at = new Date(c.now);
    return { now: () => new Date(at) };
  }
  return c.today ? fixedClock(c.today) : systemClock;
}
