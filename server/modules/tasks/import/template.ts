import ExcelJS from 'exceljs';
import type { Db } from '../../../db/client.js';
import type { Locale } from '../../../../shared/schemas/common.js';
import { RECURRENCES } from '../../../../shared/recurrence.js';
import { ASSIGNED_LEVELS, PRIORITIES, TASK_KINDS } from '../../../../shared/vocabulary.js';
import type { ProgrammeAccess } from '../../programmes/programmes.service.js';
import { TASK_COLUMNS, TASK_HEADERS, type TaskColumn } from './columns.js';
import { createTaskImportRepo } from './import.repo.js';

/** Rows of the template that carry the drop-down lists. */
const LIST_ROWS = 5000;

const SHEETS: Record<
  Locale,
  {
    tasks: string;
    groups: string;
    units: string;
    directives: string;
    lists: string;
    code: string;
    name: string;
    kind: string;
    number: string;
    title: string;
  }
> = {
  vi: {
    tasks: 'Nhiệm vụ',
    groups: 'Tổ chuyên đề',
    units: 'Đơn vị',
    directives: 'Văn bản chỉ đạo',
    lists: 'Danh mục',
    code: 'Mã',
    name: 'Tên',
    kind: 'Loại',
    number: 'Số',
    title: 'Trích yếu',
  },
  en: {
    tasks: 'Tasks',
    groups: 'Groups',
    units: 'Units',
    directives: 'Directives',
    lists: 'Lists',
    code: 'Code',
    name: 'Name',
    kind: 'Kind',
    number: 'Number',
    title: 'Title',
  },
  ar: {
    tasks: 'المهام',
    groups: 'الفرق',
    units: 'الوحدات',
    directives: 'التوجيهات',
    lists: 'القوائم',
    code: 'الرمز',
    name: 'الاسم',
    kind: 'النوع',
    number: 'الرقم',
    title: 'العنوان',
  },
};

const col = (k: TaskColumn) => String.fromCharCode(65 + TASK_COLUMNS.indexOf(k));

/**
 * The template of the task spreadsheet, in the reader's language: the header row, and beside it
 * the programme's groups, units (of its tree) and directives, and the closed lists; drop-down
 * lists (data validation) on the cells that take one of them.
 */
export async function taskTemplate(db: Db, p: ProgrammeAccess, locale: Locale): Promise<Buffer> {
  const s = SHEETS[locale];
  const { groups, units, directives } = await createTaskImportRepo(db).templateLists(
    p.id,
    p.rootUnitPath,
    locale,
  );
  const wb = new ExcelJS.Workbook();
  const rtl = locale === 'ar';
  const ws = wb.addWorksheet(s.tasks, { views: [{ state: 'frozen', ySplit: 1, rightToLeft: rtl }] });
  ws.addRow([...TASK_HEADERS[locale]]).font = { bold: true };
  TASK_COLUMNS.forEach(
    (k, i) => (ws.getColumn(i + 1).width = k === 'title' || k === 'deliverable' ? 40 : 18),
  );
  const ref = (name: string, header: string[], data: string[][], widths: number[]) => {
    const sh = wb.addWorksheet(name, { views: [{ rightToLeft: rtl }] });
    sh.addRow(header).font = { bold: true };
    for (const d of data) sh.addRow(d);
    widths.forEach((w, i) => (sh.getColumn(i + 1).width = w));
    return `'${name}'!$A$2:$A$${Math.max(2, data.length + 1)}`;
  };
  const gRange = ref(
    s.groups,
    [s.code, s.name],
    groups.map((g) => [g.code, g.name]),
    [16, 50],
  );
  const uRange = ref(
    s.units,
    [s.code, s.name, s.kind],
    units.map((u) => [u.code, u.name, u.kind]),
    [16, 50, 16],
  );
  const dRange = ref(
    s.directives,
    [s.number, s.title],
    directives.map((d) => [d.number, d.title]),
    [24, 60],
  );
  const lists = wb.addWorksheet(s.lists, { views: [{ rightToLeft: rtl }] });
  const closed: [TaskColumn, readonly string[]][] = [
    ['level', ASSIGNED_LEVELS],
    ['priority', PRIORITIES],
    ['kind', TASK_KINDS],
    ['recurrence', RECURRENCES],
  ];
  closed.forEach(([k, values], j) => {
    const c = lists.getColumn(j + 1);
    c.width = 18;
    c.values = [TASK_HEADERS[locale][TASK_COLUMNS.indexOf(k)]!, ...values];
    lists.getCell(1, j + 1).font = { bold: true };
  });
  const validations = (ws as unknown as { dataValidations: { add: (a: string, v: unknown) => void } })
    .dataValidations;
  const list = (k: TaskColumn, formula: string) =>
    validations.add(`${col(k)}2:${col(k)}${LIST_ROWS}`, {
      type: 'list',
      allowBlank: true,
      showErrorMessage: true,
      formulae: [formula],
    });
  if (groups.length) list('group', gRange);
  if (units.length) list('lead', uRange);
  if (directives.length) list('directive', dRange);
  closed.forEach(([k, values], j) => {
    const letter = String.fromCharCode(65 + j);
    list(k, `'${s.lists}'!$${letter}$2:$${letter}$${values.length + 1}`);
  });
  for (const k of ['start', 'deadline'] as const) ws.getColumn(col(k)).numFmt = 'dd/mm/yyyy';
  return Buffer.from(await wb.xlsx.writeBuffer());
}
