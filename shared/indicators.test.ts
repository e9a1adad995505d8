import { describe, expect, it } from 'vitest';
import {
  attainment,
  elapsedShare,
  krStatus,
  lastPeriods,
  rawAttainment,
  rollUp,
  score,
  targetForYear,
  targetMatchesDirection,
  valuePeriodFromKey,
} from './indicators.js';

describe('attainment', () => {
  it('is (value − baseline) ÷ (target − baseline) for higher-is-better', () => {
    expect(rawAttainment('higher', 23.45, 99, 61.225)).toBeCloseTo(0.5);
    expect(attainment('higher', 10, 50, 30)).toBeCloseTo(0.5);
  });
  it('is direction-aware: lower is better counts a fall towards the target', () => {
    // Processing time 10 days → 4 days; at 7 days half the way is done.
    expect(attainment('lower', 10, 4, 7)).toBeCloseTo(0.5);
    // Worse than the baseline: floored at 0 (raw is negative).
    expect(rawAttainment('lower', 10, 4, 12)).toBeCloseTo(-1 / 3);
    expect(attainment('lower', 10, 4, 12)).toBe(0);
  });
  it('is capped by the scoring cap and missing stays missing', () => {
    expect(attainment('higher', 0, 100, 150, { fullAt: 1, cap: 1.2 })).toBe(1.2);
    expect(attainment('higher', 0, 100, 150, { fullAt: 1, cap: 1 })).toBe(1);
    expect(attainment('higher', 0, 100, null)).toBeNull();
  });
  it('treats a target equal to the baseline as met or not', () => {
    expect(rawAttainment('higher', 100, 100, 100)).toBe(1);
    expect(rawAttainment('higher', 100, 100, 99)).toBe(0);
    expect(rawAttainment('lower', 5, 5, 4)).toBe(1);
  });
  it('knows which side of the baseline a target must lie on', () => {
    expect(targetMatchesDirection('higher', 10, 20)).toBe(true);
    expect(targetMatchesDirection('higher', 10, 5)).toBe(false);
    expect(targetMatchesDirection('lower', 10, 5)).toBe(true);
  });
});

describe('score', () => {
  it('is full at or above the threshold and linear below', () => {
    const s = { fullAt: 0.8, cap: 1.2 };
    expect(score(0.8, s)).toBe(1);
    expect(score(1.1, s)).toBe(1);
    expect(score(0.4, s)).toBeCloseTo(0.5);
    expect(score(0, s)).toBe(0);
    expect(score(null, s)).toBeNull();
  });
});

describe('status against elapsed time', () => {
  it('measures the share of time from start to deadline', () => {
    expect(elapsedShare('2026-01-01', '2026-12-31', '2026-01-01')).toBe(0);
    expect(elapsedShare('2026-01-01', '2027-01-01', '2026-07-02')).toBeCloseTo(0.5, 2);
    expect(elapsedShare('2026-01-01', '2026-12-31', '2027-03-01')).toBe(1);
    expect(elapsedShare('2026-01-01', '2026-12-31', '2025-03-01')).toBe(0);
  });
  it('is on track within the tolerance, at risk within the band, off track below', () => {
    expect(krStatus(0.5, 0.5)).toBe('on_track');
    expect(krStatus(0.46, 0.5)).toBe('on_track');
    expect(krStatus(0.44, 0.5)).toBe('at_risk');
    expect(krStatus(0.31, 0.5)).toBe('at_risk');
    expect(krStatus(0.29, 0.5)).toBe('off_track');
    expect(krStatus(1, 1)).toBe('on_track');
    expect(krStatus(null, 0.5)).toBe('no_data');
  });
});

describe('roll-up', () => {
  it('sums and averages the units that reported, ignoring missing ones', () => {
    const rows = [{ value: 10 }, { value: null }, { value: 30 }];
    expect(rollUp('sum', rows)).toBe(40);
    expect(rollUp('average', rows)).toBe(20);
    expect(rollUp('sum', [{ value: null }])).toBeNull();
  });
  it('takes a ratio of sums, never an average of ratios', () => {
    // 1 of 10 and 90 of 90: the ratio of sums is 91%, the average of ratios would be 55%.
    const rows = [
      { value: 10, numerator: 1, denominator: 10 },
      { value: 100, numerator: 90, denominator: 90 },
    ];
    expect(rollUp('ratio', rows)).toBeCloseTo(91);
    expect(rollUp('ratio', [{ value: null, numerator: 1, denominator: 0 }])).toBeNull();
  });
});

describe('targets and periods', () => {
  it('takes the target of the year, the last one past the end, the first one before it', () => {
    const t = [
      { year: 2027, value: 30 },
      { year: 2026, value: 20 },
      { year: 2030, value: 50 },
    ];
    expect(targetForYear(t, 2026)).toBe(20);
    expect(targetForYear(t, 2028)).toBe(30);
    expect(targetForYear(t, 2031)).toBe(50);
    expect(targetForYear(t, 2025)).toBe(20);
    expect(targetForYear([], 2025)).toBeNull();
  });
  it('knows years besides weeks, months and quarters', () => {
    expect(valuePeriodFromKey('2025')).toMatchObject({
      cadence: 'yearly',
      start: '2025-01-01',
      end: '2025-12-31',
    });
    expect(valuePeriodFromKey('2025-11').cadence).toBe('monthly');
    expect(() => valuePeriodFromKey('2025-13')).toThrow();
  });
  it('lists the last n periods ending with the one of the date', () => {
    expect(lastPeriods('2026-02-10', 'monthly', 3).map((p) => p.key)).toEqual([
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
    expect(lastPeriods('2026-02-10', 'quarterly', 2).map((p) => p.key)).toEqual(['2025-Q4', '2026-Q1']);
    expect(lastPeriods('2026-02-10', 'yearly', 2).map((p) => p.key)).toEqual(['2025', '2026']);
  });
});
