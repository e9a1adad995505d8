import { describe, expect, it } from 'vitest';
import { CRITERIA_PERIOD, criterionMet, periodStart, publishedAsOf } from './criteria.js';

describe('criteria rules', () => {
  it('a met / not met criterion is met only when said so; a score at or above its threshold', () => {
    expect(criterionMet({ kind: 'boolean', threshold: null }, { met: true })).toBe(true);
    expect(criterionMet({ kind: 'boolean', threshold: null }, { met: false })).toBe(false);
    expect(criterionMet({ kind: 'boolean', threshold: null }, { met: null })).toBe(false);
    expect(criterionMet({ kind: 'score', threshold: 80 }, { score: 80 })).toBe(true);
    expect(criterionMet({ kind: 'score', threshold: 80 }, { score: 79.9 })).toBe(false);
    expect(criterionMet({ kind: 'score', threshold: 80 }, { score: null, met: true })).toBe(false);
  });

  it('periods are a year, a quarter or a month', () => {
    for (const ok of ['2025', '2025-Q3', '2025-11']) expect(CRITERIA_PERIOD.test(ok)).toBe(true);
    for (const bad of ['2025-Q5', '2025-13', '2025-W46', '25', '2025-q3'])
      expect(CRITERIA_PERIOD.test(bad)).toBe(false);
  });

  it('a dataset is published as of a day on or after its publication day', () => {
    expect(publishedAsOf('2025-10-01', '2025-10-01')).toBe(true);
    expect(publishedAsOf('2025-10-01', '2025-09-30')).toBe(false);
    expect(publishedAsOf(null, '2030-01-01')).toBe(false);
  });
});

describe('periodStart', () => {
  it('gives the first day of a year, a quarter and a month', () => {
    expect(periodStart('2025')).toBe('2025-01-01');
    expect(periodStart('2025-Q3')).toBe('2025-07-01');
    expect(periodStart('2025-Q1')).toBe('2025-01-01');
    expect(periodStart('2025-11')).toBe('2025-11-01');
  });
});
