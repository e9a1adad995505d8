import type { Locale } from '../../../../shared/schemas/common.js';
import { foldText } from '../../../../shared/text-fold.js';

/** The columns of the task spreadsheet, in the template's order (decision 54). */
export const TASK_COLUMNS = [
  'code',
  'title',
  'group',
  'directive',
  'level',
  'lead',
  'coordinators',
  'responsible',
  'start',
  'deadline',
  'deliverable',
  'target',
  'measure',
  'priority',
  'parent',
  'kind',
  'recurrence',
] as const;
export type TaskColumn = (typeof TASK_COLUMNS)[number];
export const REQUIRED_COLUMNS: readonly TaskColumn[] = ['code', 'title', 'lead', 'deadline'];

export const TASK_HEADERS: Record<Locale, readonly string[]> = {
  vi: [
    'Mã nhiệm vụ',
    'Tên nhiệm vụ',
    'Mã tổ chuyên đề',
    'Số văn bản chỉ đạo',
    'Cấp giao',
    'Mã đơn vị chủ trì',
    'Mã đơn vị phối hợp',
    'Người phụ trách',
    'Ngày bắt đầu',
    'Thời hạn',
    'Sản phẩm',
    'Giá trị mục tiêu',
    'Đơn vị tính',
    'Mức ưu tiên',
    'Mã nhiệm vụ cha',
    'Loại',
    'Lặp lại',
  ],
  en: [
    'Task code',
    'Title',
    'Group code',
    'Directive number',
    'Level',
    'Lead unit code',
    'Coordinating unit codes',
    'Responsible person',
    'Start date',
    'Deadline',
    'Deliverable',
    'Target value',
    'Measure',
    'Priority',
    'Parent task code',
    'Kind',
    'Recurrence',
  ],
  ar: [
    'رمز المهمة',
    'العنوان',
    'رمز الفريق المتخصص',
    'رقم التوجيه',
    'المستوى',
    'رمز الوحدة الرائدة',
    'رموز الوحدات المنسقة',
    'الشخص المسؤول',
    'تاريخ البدء',
    'الموعد النهائي',
    'المخرج',
    'القيمة المستهدفة',
    'وحدة القياس',
    'الأولوية',
    'رمز المهمة الأم',
    'النوع',
    'التكرار',
  ],
};

/** Other headings real plans use for the same columns (folded: no diacritics, lower case). */
const EXTRA: Record<TaskColumn, string[]> = {
  code: ['ma', 'ma nv', 'so hieu nhiem vu', 'ma so'],
  title: ['nhiem vu', 'noi dung', 'noi dung nhiem vu', 'ten nhiem vu, de an'],
  group: ['to chuyen de', 'nhom', 'linh vuc', 'group'],
  directive: ['van ban chi dao', 'van ban', 'can cu', 'directive'],
  level: ['cap', 'level'],
  lead: ['chu tri', 'co quan chu tri', 'don vi chu tri', 'co quan, don vi chu tri', 'lead', 'lead unit'],
  coordinators: [
    'phoi hop',
    'co quan phoi hop',
    'don vi phoi hop',
    'co quan, don vi phoi hop',
    'coordinators',
  ],
  responsible: ['nguoi chiu trach nhiem', 'can bo phu trach', 'responsible'],
  start: ['bat dau', 'tu ngay', 'start'],
  deadline: ['han', 'thoi gian hoan thanh', 'han hoan thanh', 'thoi han hoan thanh', 'den ngay'],
  deliverable: ['san pham dau ra', 'ket qua', 'san pham du kien'],
  target: ['chi tieu', 'muc tieu', 'target'],
  measure: ['dvt', 'don vi do'],
  priority: ['uu tien'],
  parent: ['nhiem vu cha', 'thuoc nhiem vu', 'parent'],
  kind: ['loai nhiem vu', 'kind'],
  recurrence: ['tan suat', 'dinh ky', 'chu ky'],
};

const fold = (s: string) =>
  foldText(s)
    .replace(/[*:.]+$/g, '')
    .trim();

const ALIASES = new Map<string, TaskColumn>();
for (const [i, key] of TASK_COLUMNS.entries()) {
  for (const l of ['vi', 'en', 'ar'] as const) ALIASES.set(fold(TASK_HEADERS[l][i]!), key);
  ALIASES.set(key, key);
  for (const a of EXTRA[key]) ALIASES.set(a, key);
}

/** The column a heading names, if any. */
export const columnOf = (heading: string): TaskColumn | undefined => ALIASES.get(fold(heading));

/** Closed values: their codes, and the words plans write for them (folded). */
export const LEVEL_WORDS: Record<string, string> = {
  'trung uong': 'central',
  bo: 'ministry',
  'bo, nganh': 'ministry',
  tinh: 'province',
  'thanh pho': 'city',
  so: 'department',
  'so, nganh': 'department',
  huyen: 'district',
  xa: 'commune',
  'xa, phuong': 'commune',
};
export const PRIORITY_WORDS: Record<string, string> = {
  thap: 'low',
  'binh thuong': 'normal',
  cao: 'high',
  'khan cap': 'urgent',
  khan: 'urgent',
};
export const KIND_WORDS: Record<string, string> = {
  'nhiem vu': 'task',
  'mo hinh diem': 'pilot',
  'thi diem': 'pilot',
};
export const RECURRENCE_WORDS: Record<string, string> = {
  'hang thang': 'monthly',
  'hang quy': 'quarterly',
  'hang nam': 'yearly',
  'thuong xuyen': 'continuous',
  'lien tuc': 'continuous',
  'dinh ky hang thang': 'monthly',
  'dinh ky hang quy': 'quarterly',
  'dinh ky hang nam': 'yearly',
};
/** The level a task gets when the sheet leaves it blank: from its lead unit's kind. */
export const LEVEL_OF_UNIT_KIND: Record<string, string> = {
  central_agency: 'central',
  ministry: 'ministry',
  province: 'province',
  city: 'city',
  district: 'district',
  commune: 'commune',
  ward: 'commune',
};
