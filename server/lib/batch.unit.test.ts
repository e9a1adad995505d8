import { describe, expect, it } from 'vitest';
import { batchPerTick } from './batch.js';

describe('batchPerTick', () => {
  it('answers the calls of one tick with one call, equal keys asked once, in order', async () => {
    const calls: number[][] = [];
    const double = batchPerTick(
      (n: number) => String(n),
      async (ns: number[]) => {
        calls.push(ns);
        return ns.map((n) => n * 2);
      },
    );
    const got = await Promise.all([double(1), double(2), double(1), double(3)]);
    expect(got).toEqual([2, 4, 2, 6]);
    expect(calls).toEqual([[1, 2, 3]]);
    expect(await double(5)).toBe(10);
    expect(calls).toHaveLength(2);
  });

  it('rejects every caller of a failed batch, and the next batch starts afresh', async () => {
    let fail = true;
    const f = batchPerTick(
      (n: number) => String(n),
      async (ns: number[]) => {
        if (fail) throw new Error('down');
        return ns;
      },
    );
    const both = await Promise.allSettled([f(1), f(2)]);
    expect(both.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    expect(await f(3)).toBe(3);
  });
});
