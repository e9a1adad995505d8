import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, evaluateUnits, gradeOf, scoreUnit, type EvaluationRules } from './evaluation.js';

const rules: EvaluationRules = {
  criteria: [
    { code: 'tasks_on_time', weight: 50 },
    { code: 'reporting_on_time', weight: 30 },
    { code: 'kpi_attainment', weight: 20 },
  ],
  thresholds: { excellent: 90, good: 70, complete: 50 },
  excellentCapPct: null,
};
const f = (t: [number, number], r: [number, number], k?: [number, number]) => [
  { code: 'tasks_on_time', numerator: t[0], denominator: t[1] },
  { code: 'reporting_on_time', numerator: r[0], denominator: r[1] },
  ...(k ? [{ code: 'kpi_attainment', numerator: k[0], denominator: k[1] }] : []),
];

describe('year-end evaluation', () => {
  it('weights each criterion into 100 points, with the breakdown', () => {
    // 8/10 on time (40 of 50), 45/52 reports (25.96 of 30), attainment 0.75 (15 of 20) = 80.96
    const s = scoreUnit(rules, f([8, 10], [45, 52], [3, 4]));
    expect(s.breakdown.map((b) => b.points)).toEqual([40, 25.96, 15]);
    expect(s.score).toBe(80.96);
  });

  it('leaves out a criterion with nothing to judge and re-weights the others', () => {
    // No key result: (0.8 × 50 + 1 × 30) / 80 = 87.5
    const s = scoreUnit(rules, f([8, 10], [52, 52]));
    expect(s.breakdown[2]).toMatchObject({ share: null, points: null });
    expect(s.score).toBe(87.5);
    expect(scoreUnit(rules, [{ code: 'tasks_on_time', numerator: 0, denominator: 0 }]).score).toBeNull();
  });

  it('grades by thresholds, boundaries included', () => {
    expect([90, 89.99, 70, 69.99, 50, 49.99].map((x) => gradeOf(x, rules.thresholds))).toEqual([
      'excellent',
      'good',
      'good',
      'complete',
      'complete',
      'not_complete',
    ]);
  });

  it('ranks with shared places for equal scores', () => {
    const r = evaluateUnits(rules, [
      { unitId: 1, code: 'B', figures: f([9, 10], [1, 1]) },
      { unitId: 2, code: 'A', figures: f([9, 10], [1, 1]) },
      { unitId: 3, code: 'C', figures: f([10, 10], [1, 1]) },
      { unitId: 4, code: 'D', figures: f([1, 10], [0, 1]) },
      { unitId: 5, code: 'E', figures: [] },
    ]);
    expect(r.map((u) => [u.code, u.rank, u.score])).toEqual([
      ['C', 1, 100],
      ['A', 2, 93.75],
      ['B', 2, 93.75],
      ['D', 4, 6.25],
      ['E', null, null],
    ]);
  });

  it('caps the share of excellent: the lowest go down to good, a tie at the limit goes down together', () => {
    const units = [100, 98, 95, 95, 91, 80, 70, 60, 50, 40].map((score, i) => ({
      unitId: i + 1,
      code: `U${i}`,
      // tasks only: score = numerator %
      figures: [{ code: 'tasks_on_time', numerator: score, denominator: 100 }],
    }));
    const capped = (pct: number) =>
      evaluateUnits({ ...rules, excellentCapPct: pct }, units).map(
        (u) => `${u.code}:${u.grade}${u.capped ? '*' : ''}`,
      );
    // 5 excellent of 10; 30 % allows 3, but the third and fourth tie at 95: both go down.
    expect(capped(30)).toEqual([
      'U0:excellent',
      'U1:excellent',
      'U2:good*',
      'U3:good*',
      'U4:good*',
      'U5:good',
      'U6:good',
      'U7:complete',
      'U8:complete',
      'U9:not_complete',
    ]);
    // 40 % allows 4: the tie fits.
    expect(capped(40).slice(0, 5)).toEqual([
      'U0:excellent',
      'U1:excellent',
      'U2:excellent',
      'U3:excellent',
      'U4:good*',
    ]);
    // A cap that is not reached changes nothing.
    expect(capped(50).filter((x) => x.includes('*'))).toEqual([]);
  });

  it('has sensible defaults: weights that add up to 100', () => {
    expect(DEFAULT_RULES.criteria.reduce((a, c) => a + c.weight, 0)).toBe(100);
  });
});
