import ExcelJS from 'exceljs';
import type { Locale } from '../../../shared/schemas/common.js';
import type { WeeklyTable } from '../../../shared/schemas/money.js';

const HEADERS: Record<Locale, string[]> = {
  vi: [
    'Hạng',
    'Mã đơn vị',
    'Đơn vị',
    'Kế hoạch vốn (đồng)',
    'Đã giải ngân (đồng)',
    'Tỷ lệ (%)',
    'Tỷ lệ tuần trước (%)',
    'Thay đổi (điểm %)',
    'Dưới ngưỡng',
  ],
  en: [
    'Rank',
    'Unit code',
    'Unit',
    'Allocated (VND)',
    'Disbursed (VND)',
    'Rate (%)',
    'Rate a week before (%)',
    'Change (points)',
    'Below threshold',
  ],
  ar: [
    'الترتيب',
    'رمز الوحدة',
    'الوحدة',
    'المخصص (دونغ)',
    'المصروف (دونغ)',
    'النسبة (%)',
    'النسبة قبل أسبوع (%)',
    'التغير (نقاط)',
    'دون العتبة',
  ],
};
const TOTAL: Record<Locale, string> = { vi: 'Tổng', en: 'Total', ar: 'المجموع' };

/** Exact đồng as a number cell when it is one (below 2^53), else as text: never rounded. */
const amount = (s: string) => (Number.isSafeInteger(Number(s)) ? Number(s) : s);
const pct = (s: string | null) => (s === null ? null : Number(s));

/** The weekly disbursement table as the Ministry of Finance publishes it, one sheet, ranked. */
export async function weeklyXlsx(w: WeeklyTable, locale: Locale) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(`${w.year} ${w.asOf}`, {
    views: [{ state: 'frozen', ySplit: 1, rightToLeft: locale === 'ar' }],
  });
  ws.addRow(HEADERS[locale]).font = { bold: true };
  for (const r of w.rows)
    ws.addRow([
      r.rank,
      r.unit.code,
      r.unit.name,
      amount(r.allocated),
      amount(r.disbursed),
      pct(r.rate),
      pct(r.previousRate),
      pct(r.change),
      r.belowThreshold ? 1 : 0,
    ]);
  ws.addRow([
    null,
    null,
    TOTAL[locale],
    amount(w.totals.allocated),
    amount(w.totals.disbursed),
    pct(w.totals.rate),
    pct(w.totals.previousRate),
    null,
    null,
  ]).font = { bold: true };
  const widths = [7, 14, 34, 22, 22, 11, 14, 14, 12];
  widths.forEach((x, i) => (ws.getColumn(i + 1).width = x));
  ws.getColumn(4).numFmt = '#,##0';
  ws.getColumn(5).numFmt = '#,##0';
  for (const c of [6, 7, 8]) ws.getColumn(c).numFmt = '0.00';
  return Buffer.from(await wb.xlsx.writeBuffer());
}
