import { describe, expect, it } from 'vitest';
import { formatDate, formatNumber, pickName } from './format';

describe('formatting for the reader', () => {
  it('shows calendar dates without a time-zone shift, in each language', () => {
    expect(formatDate('2025-12-31', 'vi')).toBe('31/12/2025');
    expect(formatDate('2025-12-31', 'en')).toBe('31/12/2025');
    expect(formatDate('2025-01-02', 'ar')).toMatch(/^02\D+01\D+2025$/);
    expect(formatDate(null, 'vi')).toBe('—');
  });
  it('keeps Latin digits in Arabic so figures match the documents', () => {
    expect(formatNumber(1240000, 'ar')).toMatch(/^1.240.000$/);
    expect(formatNumber(1240000, 'vi')).toBe('1.240.000');
    expect(formatNumber(23.45, 'en', 2)).toBe('23.45');
  });
  it('falls back to the Vietnamese name when a translation is missing', () => {
    expect(pickName({ vi: 'Hà Nội', en: 'Hanoi', ar: null }, 'ar')).toBe('Hà Nội');
    expect(pickName({ vi: 'Hà Nội', en: 'Hanoi', ar: null }, 'en')).toBe('Hanoi');
  });
});
