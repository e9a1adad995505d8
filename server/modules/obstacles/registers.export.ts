import ExcelJS from 'exceljs';
import type { Locale } from '../../../shared/schemas/common.js';
import type { Obstacle } from '../../../shared/schemas/obstacles.js';
import type { Recommendation } from '../../../shared/schemas/recommendations.js';

/** Column headings per language; category, status and state are written as their stable codes. */
const OBSTACLE_HEADERS: Record<Locale, string[]> = {
  vi: [
    'Số',
    'Vướng mắc',
    'Nhóm',
    'Mức độ',
    'Đơn vị nêu',
    'Đơn vị chủ trì xử lý',
    'Ngày nêu',
    'Hạn xử lý',
    'Trạng thái',
    'Quá hạn',
    'Nhiệm vụ',
    'Kết quả xử lý',
  ],
  en: [
    'No.',
    'Obstacle',
    'Group',
    'Severity',
    'Raised by',
    'Owner unit',
    'Raised on',
    'Due',
    'Status',
    'Overdue',
    'Tasks',
    'Resolution',
  ],
  ar: [
    'الرقم',
    'العائق',
    'المجموعة',
    'الخطورة',
    'الجهة المبلِّغة',
    'الوحدة المسؤولة',
    'تاريخ الإبلاغ',
    'الموعد',
    'الحالة',
    'متأخر',
    'المهام',
    'المعالجة',
  ],
};
const RECOMMENDATION_HEADERS: Record<Locale, string[]> = {
  vi: [
    'Số',
    'Đơn vị kiến nghị',
    'Cơ quan xử lý',
    'Nội dung',
    'Ngày gửi',
    'Hạn trả lời',
    'Tình trạng',
    'Ngày trả lời',
    'Trả lời',
  ],
  en: [
    'No.',
    'From unit',
    'Handling agency',
    'Content',
    'Sent',
    'Answer due',
    'State',
    'Answered on',
    'Answer',
  ],
  ar: [
    'الرقم',
    'الوحدة المرسِلة',
    'الجهة المختصة',
    'المحتوى',
    'تاريخ الإرسال',
    'موعد الرد',
    'الحالة',
    'تاريخ الرد',
    'الرد',
  ],
};

async function book(sheet: string, locale: Locale, headers: string[], rows: (string | number | null)[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet, {
    views: [{ state: 'frozen', ySplit: 1, rightToLeft: locale === 'ar' }],
  });
  ws.addRow(headers).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  ws.columns.forEach((c) => (c.width = 18));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const obstaclesXlsx = (list: Obstacle[], locale: Locale, asOf: string) =>
  book(
    `obstacles ${asOf}`,
    locale,
    OBSTACLE_HEADERS[locale],
    list.map((o) => [
      o.id,
      o.title,
      o.category,
      o.severity,
      o.raisedBy.code,
      o.owner.code,
      o.raisedOn,
      o.dueOn,
      o.status,
      o.overdue ? 1 : 0,
      o.tasks.map((t) => t.code).join(', '),
      o.resolution,
    ]),
  );

export const recommendationsXlsx = (list: Recommendation[], locale: Locale, asOf: string) =>
  book(
    `recommendations ${asOf}`,
    locale,
    RECOMMENDATION_HEADERS[locale],
    list.map((r) => [
      r.id,
      r.from.code,
      r.to.code,
      r.content,
      r.submittedOn,
      r.answerDueOn,
      r.state,
      r.answeredOn,
      r.answer,
    ]),
  );
