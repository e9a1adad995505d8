import { describe, expect, it } from 'vitest';
import { toQueryString } from './client';

describe('toQueryString', () => {
  it('drops empty values and joins lists with commas', () => {
    expect(
      toQueryString({ programmeId: 3, state: ['overdue', 'in_progress'], q: '', unitId: undefined }),
    ).toBe('?programmeId=3&state=overdue%2Cin_progress');
    expect(toQueryString({ level: [] })).toBe('');
    expect(toQueryString({ q: 'hà nội' })).toBe('?q=h%C3%A0+n%E1%BB%99i');
  });
});
