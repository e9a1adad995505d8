import ExcelJS from 'exceljs';
import type { Directive } from '../../../shared/schemas/programmes.js';
import type { Summary } from '../../../shared/schemas/tasks.js';
import { TASK_STATES } from '../../../shared/task-state.js';
import type { Locale } from '../../../shared/schemas/common.js';
import type { Actor } from '../auth/actor.js';
import type { Table } from '../cockpit/cockpit.tables.js';
import { toCsv } from '../cockpit/cockpit.tables.js';
import type { TasksService } from '../tasks/tasks.service.js';

const L: Record<
  Locale,
  {
    states: Record<(typeof TASK_STATES)[number], string>;
    head: string[];
    info: string[];
    count: string;
    state: string;
  }
> = {
  vi: {
    states: {
      done_on_time: 'Hoàn thành đúng hạn',
      done_late: 'Hoàn thành quá hạn',
      overdue: 'Quá hạn',
      in_progress: 'Đang thực hiện',
      not_started: 'Chưa triển khai',
    },
    head: [
      'Mã',
      'Nhiệm vụ',
      'Đơn vị chủ trì',
      'Hạn',
      'Tiến độ (%)',
      'Hoàn thành ngày',
      'Trạng thái',
      'Số ngày quá hạn',
    ],
    info: ['Số, ký hiệu', 'Trích yếu', 'Cơ quan ban hành', 'Ngày ký', 'Tính đến ngày'],
    count: 'Số nhiệm vụ',
    state: 'Trạng thái',
  },
  en: {
    states: {
      done_on_time: 'Done on time',
      done_late: 'Done late',
      overdue: 'Overdue',
      in_progress: 'In progress',
      not_started: 'Not started',
    },
    head: ['Code', 'Task', 'Lead unit', 'Deadline', 'Progress (%)', 'Completed on', 'State', 'Days overdue'],
    info: ['Number', 'Title', 'Issuer', 'Signed on', 'As of'],
    count: 'Tasks',
    state: 'State',
  },
  ar: {
    states: {
      done_on_time: 'منجزة في الموعد',
      done_late: 'منجزة متأخرة',
      overdue: 'متأخرة',
      in_progress: 'قيد التنفيذ',
      not_started: 'لم تبدأ',
    },
    head: [
      'الرمز',
      'المهمة',
      'الوحدة الرئيسية',
      'الموعد النهائي',
      'التقدم (%)',
      'تاريخ الإنجاز',
      'الحالة',
      'أيام التأخير',
    ],
    info: ['الرقم', 'العنوان', 'جهة الإصدار', 'تاريخ التوقيع', 'حتى تاريخ'],
    count: 'المهام',
    state: 'الحالة',
  },
};
const asDate = (s: string | null) => (s ? new Date(`${s}T00:00:00Z`) : null);

/** A directive's tasks as the reader may see them as of a date: the rows the XLSX and CSV hold. */
export async function directiveTaskTable(
  tasks: TasksService,
  actor: Actor,
  d: Directive,
  asOf: string | undefined,
): Promise<{ table: Table; asOf: string }> {
  const l = L[actor.locale];
  const rows: Table['rows'] = [];
  let cursor: string | undefined;
  let at = asOf ?? '';
  do {
    const page = await tasks.list(actor, {
      programmeId: d.programmeId,
      directiveId: d.id,
      asOf,
      unitRole: 'any',
      sort: 'code',
      limit: 1000,
      cursor,
    });
    at = page.asOf;
    for (const t of page.items)
      rows.push([
        t.code,
        t.title,
        t.leadUnit.name,
        asDate(t.deadlineAsOf),
        t.progress,
        asDate(t.completedOn),
        l.states[t.state],
        t.daysOverdue,
      ]);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return { table: { tile: 'states', title: d.number, header: l.head, rows }, asOf: at };
}

export const directiveCsv = (table: Table) => toCsv(table);

/** Two sheets: the document and its counts by state (the cockpit's counting), then its tasks. */
export async function directiveXlsx(actor: Actor, d: Directive, summary: Summary, table: Table) {
  const l = L[actor.locale];
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Steerboard';
  const rtl = actor.locale === 'ar';
  const info = wb.addWorksheet(d.number.replace(/[:\\/?*[\]]/g, '-').slice(0, 31) || 'Directive', {
    views: [{ rightToLeft: rtl }],
  });
  [d.number, d.title, d.issuer ?? '', d.issuedOn ?? '', summary.asOf].forEach((v, i) =>
    info.addRow([l.info[i], v]),
  );
  info.addRow([]);
  info.addRow([l.state, l.count]).font = { bold: true };
  for (const s of TASK_STATES) info.addRow([l.states[s], summary.byState[s]]);
  info.getColumn(1).width = 24;
  info.getColumn(2).width = 80;
  const ws = wb.addWorksheet('Tasks', { views: [{ state: 'frozen', ySplit: 1, rightToLeft: rtl }] });
  ws.addRow(table.header).font = { bold: true };
  for (const r of table.rows) ws.addRow(r);
  ws.getColumn(4).numFmt = 'yyyy-mm-dd';
  ws.getColumn(6).numFmt = 'yyyy-mm-dd';
  [14, 60, 36, 12, 10, 14, 20, 10].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
