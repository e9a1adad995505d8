import ExcelJS from 'exceljs';
import type { TaskListQuery } from '../../../shared/schemas/tasks.js';
import type { Actor } from '../auth/actor.js';
import type { TasksService } from './tasks.service.js';

const HEADERS = {
  vi: [
    'Mã',
    'Nhiệm vụ',
    'Cấp giao',
    'Loại',
    'Đơn vị chủ trì',
    'Hạn',
    'Tiến độ (%)',
    'Hoàn thành ngày',
    'Trạng thái',
    'Số ngày quá hạn',
  ],
  en: [
    'Code',
    'Task',
    'Assigned level',
    'Kind',
    'Lead unit',
    'Deadline',
    'Progress (%)',
    'Completed on',
    'State',
    'Days overdue',
  ],
  ar: [
    'الرمز',
    'المهمة',
    'مستوى التكليف',
    'النوع',
    'الوحدة الرئيسية',
    'الموعد النهائي',
    'التقدم (%)',
    'تاريخ الإنجاز',
    'الحالة',
    'أيام التأخير',
  ],
};
const STATES = {
  vi: {
    done_on_time: 'Hoàn thành đúng hạn',
    done_late: 'Hoàn thành quá hạn',
    overdue: 'Quá hạn',
    in_progress: 'Đang thực hiện',
    not_started: 'Chưa triển khai',
  },
  en: {
    done_on_time: 'Done on time',
    done_late: 'Done late',
    overdue: 'Overdue',
    in_progress: 'In progress',
    not_started: 'Not started',
  },
  ar: {
    done_on_time: 'منجزة في الموعد',
    done_late: 'منجزة متأخرة',
    overdue: 'متأخرة',
    in_progress: 'قيد التنفيذ',
    not_started: 'لم تبدأ',
  },
};

const asDate = (s: string | null) => (s ? new Date(`${s}T00:00:00Z`) : null);

/** The current view of the task list as a workbook: real dates and numbers, paged through the cursor. */
export async function exportTasksXlsx(
  tasks: TasksService,
  actor: Actor,
  q: Omit<TaskListQuery, 'limit' | 'cursor'>,
) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Tasks', {
    views: [{ state: 'frozen', ySplit: 1, rightToLeft: actor.locale === 'ar' }],
  });
  ws.addRow(HEADERS[actor.locale]).font = { bold: true };
  let cursor: string | undefined;
  let asOf = '';
  do {
    const page = await tasks.list(actor, { ...q, limit: 1000, cursor });
    asOf = page.asOf;
    for (const t of page.items) {
      ws.addRow([
        t.code,
        t.title,
        t.assignedLevel,
        t.kind,
        t.leadUnit.name,
        asDate(t.deadlineAsOf),
        t.progress,
        asDate(t.completedOn),
        STATES[actor.locale][t.state],
        t.daysOverdue,
      ]);
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  ws.getColumn(6).numFmt = 'yyyy-mm-dd';
  ws.getColumn(8).numFmt = 'yyyy-mm-dd';
  [12, 60, 14, 8, 36, 12, 10, 14, 20, 10].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  return { buffer, filename: `tasks-${q.programmeId}-${asOf}.xlsx` };
}
