import { describe, expect, it } from 'vitest';
import { bitsOf, judge, judgeBits } from './discipline.service.js';

const due = new Date('2025-11-14T10:00:00Z');
const before = new Date('2025-11-14T09:00:00Z');
const after = new Date('2025-11-15T03:00:00Z');

describe('judging a report against its due moment', () => {
  it('on time, late, missing, not yet due, not expected', () => {
    expect(judge(true, before, due, after)).toBe('on_time');
    expect(judge(true, due, due, after)).toBe('on_time'); // at the due moment exactly
    expect(judge(true, after, due, after)).toBe('late');
    expect(judge(false, after, due, after)).toBe('late'); // sent although not expected
    expect(judge(true, null, due, after)).toBe('missing');
    expect(judge(true, null, due, before)).toBe('pending');
    expect(judge(false, null, due, after)).toBe('not_expected');
  });
  it('the bit form agrees with the instant form on every case', () => {
    for (const expected of [true, false])
      for (const sent of [null, before, due, after])
        for (const now of [before, after])
          expect(judgeBits(expected, sent !== null, sent !== null && sent <= due, due, now)).toBe(
            judge(expected, sent, due, now),
          );
  });
  it('reads the bits of a mask as a shift would, up to bit 61', () => {
    const masks = [0n, 1n, 2n, 5n, (1n << 61n) - 1n, 1n << 60n, (1n << 61n) + 12345n, 0b1010110n];
    for (const m of masks)
      expect(bitsOf(m.toString(), 62)).toEqual(
        Array.from({ length: 62 }, (_, i) => ((m >> BigInt(i)) & 1n) === 1n),
      );
  });
});
