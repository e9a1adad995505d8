import { describe, expect, it } from 'vitest';
import { MEASURE_CODES, MEASURE_LABELS, measureLabel, normaliseMeasure } from './measures.js';

describe('units of measure', () => {
  it('every code reads in vi, en and ar', () => {
    for (const c of MEASURE_CODES)
      for (const lang of ['vi', 'en', 'ar'] as const)
        expect(MEASURE_LABELS[c][lang].trim(), `${c} ${lang}`).not.toBe('');
  });
  it('stores the code for words it knows, in any language or spelling, and free text as written', () => {
    expect(normaliseMeasure('tỷ đồng')).toBe('billion_vnd');
    expect(normaliseMeasure(' Tỉ  đồng ')).toBe('billion_vnd');
    expect(normaliseMeasure('billion VND')).toBe('billion_vnd');
    expect(normaliseMeasure('ngày')).toBe('days');
    expect(normaliseMeasure('%')).toBe('percent');
    expect(normaliseMeasure('people')).toBe('people');
    expect(normaliseMeasure(' điểm truy cập wifi ')).toBe('điểm truy cập wifi');
  });
  it('shows a code in the reader’s words and free text unchanged', () => {
    expect(measureLabel('billion_vnd', 'en')).toBe('billion VND');
    expect(measureLabel('billion_vnd', 'ar')).toBe('مليار دونغ');
    expect(measureLabel('days', 'vi')).toBe('ngày');
    expect(measureLabel('điểm truy cập wifi', 'en')).toBe('điểm truy cập wifi');
    expect(measureLabel(null, 'en')).toBe('');
  });
});
