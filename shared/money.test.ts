import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  belowThreshold,
  displayRate,
  divRound,
  firstOverdrawn,
  forecastByPace,
  forecastBySeason,
  formatBillions,
  formatMoney,
  parseMoney,
  ratePercent,
  sameDayLastYear,
  thresholdOn,
} from './money.js';

describe('money parsing', () => {
  it('reads digits and thousands groupings', () => {
    expect(parseMoney('1250000')).toBe(1_250_000n);
    expect(parseMoney('1.250.000')).toBe(1_250_000n);
    expect(parseMoney('1,250,000')).toBe(1_250_000n);
    expect(parseMoney('1 250 000')).toBe(1_250_000n);
    expect(parseMoney(' 0 ')).toBe(0n);
    expect(parseMoney(42)).toBe(42n);
    expect(parseMoney('999999999999999999')).toBe(999_999_999_999_999_999n);
  });
  it('refuses negatives, fractions, exponents, mixed separators and garbage', () => {
    for (const bad of ['-5', '1.5', '1250000.50', '1,25', '1e9', '1.250,000', '', 'abc', '12 34', '1..000'])
      expect(parseMoney(bad), bad).toBeNull();
    expect(parseMoney(-1)).toBeNull();
    expect(parseMoney(1.5)).toBeNull();
    expect(parseMoney(2 ** 60)).toBeNull(); // not a safe integer: precision already lost
    expect(parseMoney('10000000000000000001')).toBeNull();
  });
  it('round-trips every amount through its formatting in each locale', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 18n - 1n }), fc.constantFrom('vi', 'en', 'ar'), (v, l) => {
        expect(parseMoney(formatMoney(v, l))).toBe(v);
      }),
    );
  });
});

describe('money formatting', () => {
  it('groups per locale with Latin digits', () => {
    expect(formatMoney(1_250_000n, 'vi')).toBe('1.250.000');
    expect(formatMoney('1250000', 'en')).toBe('1,250,000');
    expect(formatMoney(1_250_000n, 'ar')).toBe('1,250,000');
    expect(formatMoney(0n, 'vi')).toBe('0');
    expect(formatMoney(-1000n, 'en')).toBe('-1,000');
  });
  it('shows billions of đồng with two decimals, rounded half up', () => {
    expect(formatBillions(12_345_000_000n, 'vi')).toBe('12,35');
    expect(formatBillions(12_344_999_999n, 'en')).toBe('12.34');
    expect(formatBillions(1_234_567_000_000_000n, 'en')).toBe('1,234,567.00');
  });
});

describe('exact arithmetic beyond 2^53', () => {
  it('sums and rates stay exact where numbers would not', () => {
    const a = 9_007_199_254_740_993n; // 2^53 + 1: not representable as a JS number
    expect(String(a + 1n)).toBe('9007199254740994');
    expect(ratePercent(a, a * 2n)).toBe('50.0000');
    expect(belowThreshold(a, a * 2n, 5000)).toBe(false);
    expect(belowThreshold(a - 1n, a * 2n, 5000)).toBe(true);
  });
  it('rounds half away from zero', () => {
    expect(divRound(5n, 2n)).toBe(3n);
    expect(divRound(4n, 3n)).toBe(1n);
    expect(divRound(-5n, 2n)).toBe(-3n);
    expect(() => divRound(1n, 0n)).toThrow();
  });
  it('rates with four decimals, shown with two', () => {
    expect(ratePercent(1n, 3n)).toBe('33.3333');
    expect(ratePercent(2n, 3n)).toBe('66.6667');
    expect(ratePercent(0n, 0n)).toBeNull();
    expect(displayRate('33.3333', 'vi')).toBe('33,33%');
    expect(displayRate('42.1250', 'en')).toBe('42.13%');
    expect(displayRate(null, 'en')).toBe('—');
  });
  it('compares with the threshold exactly at the boundary', () => {
    expect(belowThreshold(30n, 100n, 3000)).toBe(false);
    expect(belowThreshold(29n, 100n, 3000)).toBe(true);
    expect(belowThreshold(0n, 0n, 3000)).toBe(false);
  });
});

describe('threshold curve', () => {
  const curve = [
    { byDay: '06-30', minRateBp: 3000 },
    { byDay: '09-30', minRateBp: 6000 },
    { byDay: '12-31', minRateBp: 9500 },
  ];
  it('is a staircase: a point holds from its day until the next', () => {
    expect(thresholdOn(curve, '2026-06-29')).toBeNull();
    expect(thresholdOn(curve, '2026-06-30')?.minRateBp).toBe(3000);
    expect(thresholdOn(curve, '2026-09-29')?.minRateBp).toBe(3000);
    expect(thresholdOn(curve, '2026-10-01')?.minRateBp).toBe(6000);
    expect(thresholdOn(curve, '2026-12-31')?.minRateBp).toBe(9500);
    expect(thresholdOn([], '2026-12-31')).toBeNull();
  });
});

describe('year-end forecast on hand-made series', () => {
  it('by pace: a quarter of a 365-day year gone, a quarter paid → all paid by year end', () => {
    // 2026 is not a leap year; 1 Jan..1 Apr inclusive = 91 days.
    const f = forecastByPace({ asOf: '2026-04-01', disbursed: 91_000n, allocated: 400_000n });
    expect(f).toEqual({
      method: 'pace',
      daysElapsed: 91,
      daysInYear: 365,
      projected: '365000',
      backlog: '35000',
    });
  });
  it('by pace in a leap year counts 366 days', () => {
    const f = forecastByPace({ asOf: '2024-12-31', disbursed: 100n, allocated: 200n });
    expect(f).toMatchObject({ daysElapsed: 366, daysInYear: 366, projected: '100', backlog: '100' });
  });
  it('by pace never projects above what is allocated', () => {
    const f = forecastByPace({ asOf: '2026-01-10', disbursed: 500n, allocated: 1_000n });
    expect(f).toMatchObject({ projected: '1000', backlog: '0' });
  });
  it('by pace on nothing paid projects nothing', () => {
    expect(forecastByPace({ asOf: '2026-08-01', disbursed: 0n, allocated: 1_000n })).toMatchObject({
      projected: '0',
      backlog: '1000',
    });
  });
  it('by season: last year 20% was paid by this day → this year’s payments are 20% of the year', () => {
    const f = forecastBySeason({
      disbursed: 150n,
      allocated: 1_000n,
      lastYearToDate: 200n,
      lastYearTotal: 1_000n,
    });
    expect(f).toEqual({
      method: 'seasonal',
      lastYearToDate: '200',
      lastYearTotal: '1000',
      projected: '750',
      backlog: '250',
    });
  });
  it('by season: a back-loaded year (most paid in December) forecasts more than the pace does', () => {
    const asOf = '2026-07-01'; // day 182 of 365
    const pace = forecastByPace({ asOf, disbursed: 200n, allocated: 1_000n });
    const season = forecastBySeason({
      disbursed: 200n,
      allocated: 1_000n,
      lastYearToDate: 250n,
      lastYearTotal: 1_000n,
    });
    expect(pace).toMatchObject({ projected: '401' }); // 200 × 365 ÷ 182 = 401.09…
    expect(season).toMatchObject({ projected: '800', backlog: '200' });
  });
  it('by season without history says so', () => {
    expect(forecastBySeason({ disbursed: 1n, allocated: 2n, lastYearToDate: 0n, lastYearTotal: 9n })).toEqual(
      {
        method: 'seasonal',
        unavailable: 'no_history',
      },
    );
  });
  it('maps 29 February to the day before last year', () => {
    expect(sameDayLastYear('2028-02-29')).toBe('2027-02-28');
    expect(sameDayLastYear('2026-06-30')).toBe('2025-06-30');
  });
});

describe('a plan is never overdrawn', () => {
  const revs = [
    { effectiveFrom: '2026-01-01', amount: 100n },
    { effectiveFrom: '2026-07-01', amount: 150n },
  ];
  it('accepts payments within the amount in force on their dates', () => {
    expect(
      firstOverdrawn(revs, [
        { paidOn: '2026-03-01', amount: 100n },
        { paidOn: '2026-08-01', amount: 50n },
      ]),
    ).toBeNull();
  });
  it('refuses a payment above the plan before the revision that would allow it', () => {
    expect(
      firstOverdrawn(revs, [
        { paidOn: '2026-03-01', amount: 60n },
        { paidOn: '2026-04-01', amount: 50n },
      ]),
    ).toEqual({
      date: '2026-04-01',
      paid: 110n,
      allowed: 100n,
    });
  });
  it('refuses a payment before the plan exists, and a revision below what was paid', () => {
    expect(firstOverdrawn(revs, [{ paidOn: '2025-12-31', amount: 1n }])?.allowed).toBe(0n);
    expect(
      firstOverdrawn(
        [...revs, { effectiveFrom: '2026-09-01', amount: 90n }],
        [{ paidOn: '2026-08-01', amount: 120n }],
      ),
    ).toEqual({ date: '2026-09-01', paid: 120n, allowed: 90n });
  });
});
