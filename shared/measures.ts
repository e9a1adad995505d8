/**
 * Units of measure of indicators (đơn vị tính) as a closed list of codes with their words in each
 * language, and a free-text fallback (decision 40): `indicators.measure` holds either a code of
 * this list or the words a programme wrote for a measure the list does not know, shown as written.
 * Free of any library so the web client, the brief and the exports share one table.
 */
export const MEASURE_CODES = [
  'percent',
  'percent_per_year',
  'days',
  'hours',
  'people',
  'businesses',
  'units',
  'records',
  'procedures',
  'systems',
  'datasets',
  'tasks',
  'times',
  'points',
  'vnd',
  'million_vnd',
  'billion_vnd',
] as const;
export type MeasureCode = (typeof MEASURE_CODES)[number];

type Words = { vi: string; en: string; ar: string };

/** What each code reads as after a figure ("2.77 days"); a Record, so a new code without its words does not compile. */
export const MEASURE_LABELS: Record<MeasureCode, Words> = {
  percent: { vi: '%', en: '%', ar: '%' },
  percent_per_year: { vi: '%/năm', en: '%/year', ar: '% سنويًا' },
  days: { vi: 'ngày', en: 'days', ar: 'يوم' },
  hours: { vi: 'giờ', en: 'hours', ar: 'ساعة' },
  people: { vi: 'người', en: 'people', ar: 'شخص' },
  businesses: { vi: 'doanh nghiệp', en: 'businesses', ar: 'شركة' },
  units: { vi: 'đơn vị', en: 'units', ar: 'وحدة' },
  records: { vi: 'hồ sơ', en: 'records', ar: 'ملف' },
  procedures: { vi: 'thủ tục', en: 'procedures', ar: 'إجراء' },
  systems: { vi: 'hệ thống', en: 'systems', ar: 'نظام' },
  datasets: { vi: 'cơ sở dữ liệu', en: 'datasets', ar: 'قاعدة بيانات' },
  tasks: { vi: 'nhiệm vụ', en: 'tasks', ar: 'مهمة' },
  times: { vi: 'lần', en: 'times', ar: 'مرة' },
  points: { vi: 'điểm', en: 'points', ar: 'نقطة' },
  vnd: { vi: 'đồng', en: 'VND', ar: 'دونغ' },
  million_vnd: { vi: 'triệu đồng', en: 'million VND', ar: 'مليون دونغ' },
  billion_vnd: { vi: 'tỷ đồng', en: 'billion VND', ar: 'مليار دونغ' },
};

export const isMeasureCode = (s: string): s is MeasureCode =>
  (MEASURE_CODES as readonly string[]).includes(s);

const fold = (s: string) => s.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');

/** Every word of the table (in any language) and a few common spellings, to the code. */
const BY_WORDS = new Map<string, MeasureCode>([
  ...MEASURE_CODES.flatMap((c) => [
    [fold(c), c] as const,
    ...Object.values(MEASURE_LABELS[c]).map((w) => [fold(w), c] as const),
  ]),
  ['phần trăm', 'percent'],
  ['tỉ đồng', 'billion_vnd'],
  ['tỷ', 'billion_vnd'],
  ['vnđ', 'vnd'],
  ['người dân', 'people'],
  ['lượt', 'times'],
  ['% / năm', 'percent_per_year'],
]);

/**
 * What is stored for a measure as a user or a file wrote it: the code when the words are known
 * ('tỷ đồng', 'billion VND', 'billion_vnd' → 'billion_vnd'), else the words themselves, trimmed.
 */
export function normaliseMeasure(written: string): string {
  return BY_WORDS.get(fold(written)) ?? written.trim();
}

/** A measure in the reader's language; free text (a measure the list does not know) as written. */
export function measureLabel(measure: string | null | undefined, lang: 'vi' | 'en' | 'ar'): string {
  if (!measure) return '';
  return isMeasureCode(measure) ? MEASURE_LABELS[measure][lang] : measure;
}
