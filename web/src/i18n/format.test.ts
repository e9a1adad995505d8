import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatInstantDate, formatNumber, pickName, zoneLabel } from './format';

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

describe('moments in the programme’s time zone', () => {
  // Published 19:06 UTC on 4 December: already 5 December, 02:06, in Hanoi.
  const published = '2026-12-04T19:06:00.000Z';
  it('shows the date and time of the programme’s zone, not the reader’s, and names the zone', () => {
    expect(formatDateTime(published, 'vi', 'Asia/Ho_Chi_Minh', { zone: 'always' })).toBe(
      '05/12/2026 02:06 (\u2066GMT+7\u2069)',
    );
    expect(formatDateTime(published, 'en', 'Asia/Ho_Chi_Minh', { zone: 'never' })).toBe('05/12/2026 02:06');
    expect(formatDateTime(published, 'vi', 'UTC', { zone: 'never' })).toBe('04/12/2026 19:06');
    expect(formatInstantDate(published, 'vi', 'Asia/Ho_Chi_Minh')).toBe('05/12/2026');
    expect(formatInstantDate(published, 'vi', 'Europe/London')).toBe('04/12/2026');
    expect(formatInstantDate(published, 'ar', 'Asia/Ho_Chi_Minh')).toMatch(/^05\D+12\D+2026$/);
  });
  it('names the zone as an offset, whatever the language', () => {
    expect(zoneLabel(published, 'Asia/Ho_Chi_Minh')).toBe('GMT+7');
    expect(zoneLabel(published, 'UTC')).toMatch(/^GMT(\+0)?$/);
    expect(formatDateTime(published, 'ar', 'Asia/Ho_Chi_Minh', { zone: 'always' })).toMatch(/02:06.*GMT\+7/);
  });
});
