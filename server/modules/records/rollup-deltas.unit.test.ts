import { describe, expect, it } from 'vitest';
import { addInto, recordCounts, ZERO_SUMS, type RecordSums } from '../../../shared/service-indicators.js';
import { RollupDeltas } from './rollup-deltas.js';

const rec = (i: number) => {
  const receivedAt = new Date(Date.UTC(2025, 6, 1 + (i % 40), i % 24));
  return {
    unitId: 1 + (i % 7),
    receivedAt,
    channel: (['online', 'in_person', 'post'] as const)[i % 3]!,
    synced: i % 2 === 0,
    documentsDigitised: i % 3 !== 0,
    resultDigitised: i % 5 !== 0,
    resultElectronic: i % 4 === 0,
    hasFee: i % 2 === 1,
    paidOnline: i % 6 === 1,
    dueAt: new Date(receivedAt.getTime() + 3 * 86_400_000),
    completedAt: i % 9 ? new Date(receivedAt.getTime() + (i % 100) * 3_600_000) : null,
    supplementRequests: i % 11 === 0 ? 2 : i % 13 === 0 ? 1 : 0,
    supplementDays: i % 13 === 0 ? 1.5 : 0,
  };
};

describe('rollup deltas', () => {
  it('sum exactly what recordCounts says, per unit and day, with records removed again', () => {
    const d = new RollupDeltas();
    const naive = new Map<string, RecordSums>();
    const add = (unitId: number, day: string, s: RecordSums, sign: number) => {
      const k = `${unitId}|${day}`;
      const m = naive.get(k) ?? { ...ZERO_SUMS };
      addInto(m, s, sign);
      naive.set(k, m);
    };
    // 5,000 records in (the store grows past its first allocation), every third taken out again.
    for (let i = 0; i < 5000; i++) {
      const r = rec(i);
      for (const sign of i % 3 === 0 ? [1, -1] : [1]) {
        d.count(r, sign as 1 | -1);
        const c = recordCounts(r);
        add(r.unitId, c.intake.day, c.intake.sums, sign);
        if (c.completion) add(r.unitId, c.completion.day, c.completion.sums, sign);
      }
    }
    expect(d.size).toBe(naive.size);
    const got = new Map(d.take().map((x) => [`${x.unitId}|${x.day}`, x.sums]));
    expect(got).toEqual(naive);
    expect(d.size).toBe(0);
    // Taken means empty: the next sums start from zero.
    d.count(rec(1), 1);
    const again = d.take();
    expect(again.reduce((n, x) => n + x.sums.received, 0)).toBe(1);
    expect(again.reduce((n, x) => n + x.sums.completed, 0)).toBe(1);
  });
});
