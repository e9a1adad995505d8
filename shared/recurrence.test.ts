import { describe, expect, it } from 'vitest';
import { occurrenceDeadline, occurrencePeriod } from './recurrence.js';

describe('occurrence periods', () => {
  it('month, quarter and year holding a day, and the next ones', () => {
    expect(occurrencePeriod('monthly', '2026-02-14')).toEqual({
      key: '2026-02',
      start: '2026-02-01',
      end: '2026-02-28',
    });
    expect(occurrencePeriod('continuous', '2025-12-31', 1)).toEqual({
      key: '2026-01',
      start: '2026-01-01',
      end: '2026-01-31',
    });
    expect(occurrencePeriod('quarterly', '2026-05-02')).toEqual({
      key: '2026-Q2',
      start: '2026-04-01',
      end: '2026-06-30',
    });
    expect(occurrencePeriod('quarterly', '2026-11-02', 1)).toEqual({
      key: '2027-Q1',
      start: '2027-01-01',
      end: '2027-03-31',
    });
    expect(occurrencePeriod('yearly', '2026-07-01', 1)).toEqual({
      key: '2027',
      start: '2027-01-01',
      end: '2027-12-31',
    });
  });
  it('deadline on a day of the last month, capped at its end', () => {
    const q1 = occurrencePeriod('quarterly', '2026-01-10');
    expect(occurrenceDeadline(q1, null)).toBe('2026-03-31');
    expect(occurrenceDeadline(q1, 20)).toBe('2026-03-20');
    expect(occurrenceDeadline(occurrencePeriod('monthly', '2026-02-01'), 31)).toBe('2026-02-28');
  });
});
