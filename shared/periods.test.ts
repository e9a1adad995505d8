import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from './dates.js';
import {
  dueDay,
  dueMoment,
  isoWeekOf,
  isPeriodKey,
  nextPeriod,
  periodFromKey,
  periodOf,
  periodsBetween,
  previousPeriod,
  zonedInstant,
  type DueRule,
} from './periods.js';

const hanoi: DueRule = {
  cadence: 'weekly',
  reportDueWeekday: 5,
  reportDueTime: '17:00',
  timeZone: 'Asia/Ho_Chi_Minh',
};

describe('reporting periods', () => {
  it('knows ISO weeks at year ends', () => {
    expect(isoWeekOf('2025-11-14')).toEqual({ year: 2025, week: 46 });
    expect(isoWeekOf('2024-12-30')).toEqual({ year: 2025, week: 1 });
    expect(isoWeekOf('2021-01-03')).toEqual({ year: 2020, week: 53 });
    expect(periodFromKey('2025-W46')).toMatchObject({ start: '2025-11-10', end: '2025-11-16' });
    expect(periodFromKey('2020-W53')).toMatchObject({ start: '2020-12-28', end: '2021-01-03' });
    expect(() => periodFromKey('2025-W53')).toThrow(RangeError);
    expect(isPeriodKey('2025-W00')).toBe(false);
  });

  it('months and quarters', () => {
    expect(periodOf('2024-02-10', 'monthly')).toMatchObject({
      key: '2024-02',
      start: '2024-02-01',
      end: '2024-02-29',
    });
    expect(periodOf('2025-11-14', 'quarterly')).toMatchObject({
      key: '2025-Q4',
      start: '2025-10-01',
      end: '2025-12-31',
    });
    expect(nextPeriod(periodFromKey('2025-Q4')).key).toBe('2026-Q1');
    expect(previousPeriod(periodFromKey('2025-01')).key).toBe('2024-12');
    expect(periodsBetween('2025-W50', '2026-W02').map((p) => p.key)).toEqual([
      '2025-W50',
      '2025-W51',
      '2025-W52',
      '2026-W01',
      '2026-W02',
    ]);
  });

  it('a weekly report is due on Friday 17:00 Hanoi time, moved back before a holiday', () => {
    const w46 = periodFromKey('2025-W46');
    expect(dueMoment(w46, hanoi).toISOString()).toBe('2025-11-14T10:00:00.000Z');
    // 2 September (National Day) 2022 was a Friday: due on Thursday.
    expect(dueDay(periodOf('2022-09-02', 'weekly'), hanoi, new Set(['2022-09-02']))).toBe('2022-09-01');
    // A Sunday due day moves back to Friday.
    expect(dueDay(w46, { ...hanoi, reportDueWeekday: 7 })).toBe('2025-11-14');
    // Monthly: the last working day; 2025-11-30 is a Sunday.
    expect(dueDay(periodFromKey('2025-11'), { ...hanoi, cadence: 'monthly' })).toBe('2025-11-28');
  });

  it('converts local due times in zones with daylight saving', () => {
    expect(zonedInstant('2025-07-01', '09:00', 'Europe/Paris').toISOString()).toBe(
      '2025-07-01T07:00:00.000Z',
    );
    expect(zonedInstant('2025-01-15', '09:00', 'Europe/Paris').toISOString()).toBe(
      '2025-01-15T08:00:00.000Z',
    );
  });

  it('every day falls in exactly one period of each cadence, and periods tile the calendar', () => {
    const day = fc.integer({ min: 0, max: 365 * 30 }).map((n) => addDays('2010-01-01', n));
    fc.assert(
      fc.property(day, fc.constantFrom('weekly', 'monthly', 'quarterly' as const), (d, cadence) => {
        const p = periodOf(d, cadence);
        expect(p.start <= d && d <= p.end).toBe(true);
        expect(periodFromKey(p.key)).toEqual(p);
        expect(nextPeriod(p).start).toBe(addDays(p.end, 1));
        expect(previousPeriod(nextPeriod(p))).toEqual(p);
      }),
      { numRuns: 500 },
    );
  });
});
