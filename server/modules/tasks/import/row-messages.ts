import type { Locale } from '../../../../shared/schemas/common.js';

export type TaskRowIssue =
  | 'required'
  | 'too_long'
  | 'date'
  | 'deadline_before_start'
  | 'unknown_unit'
  | 'unknown_group'
  | 'unknown_directive'
  | 'duplicate_code'
  | 'coordinator_is_lead'
  | 'unknown_parent'
  | 'parent_cycle'
  | 'parent_row_invalid'
  | 'choice'
  | 'occurrence';

/** Why a row of the task spreadsheet is refused, in the reader's language. */
const M: Record<TaskRowIssue, Record<Locale, string>> = {
  required: { vi: 'không được để trống', en: 'must not be empty', ar: 'يجب ألا يكون فارغًا' },
  too_long: { vi: 'dài quá {max} ký tự', en: 'is longer than {max} characters', ar: 'أطول من {max} حرفًا' },
  date: {
    vi: '"{value}" không phải ngày (dd/mm/yyyy hoặc yyyy-mm-dd)',
    en: '"{value}" is not a date (dd/mm/yyyy or yyyy-mm-dd)',
    ar: '"{value}" ليس تاريخًا (dd/mm/yyyy أو yyyy-mm-dd)',
  },
  deadline_before_start: {
    vi: 'thời hạn {deadline} trước ngày bắt đầu {start}',
    en: 'the deadline {deadline} is before the start {start}',
    ar: 'الموعد النهائي {deadline} قبل تاريخ البدء {start}',
  },
  unknown_unit: {
    vi: 'không có đơn vị mã "{value}" trong chương trình',
    en: 'no unit with code "{value}" in the programme',
    ar: 'لا توجد وحدة بالرمز "{value}" في البرنامج',
  },
  unknown_group: {
    vi: 'chương trình không có tổ chuyên đề mã "{value}"',
    en: 'the programme has no group with code "{value}"',
    ar: 'لا يوجد في البرنامج فريق بالرمز "{value}"',
  },
  unknown_directive: {
    vi: 'chương trình không có văn bản chỉ đạo số "{value}"',
    en: 'the programme has no directive numbered "{value}"',
    ar: 'لا يوجد في البرنامج توجيه برقم "{value}"',
  },
  duplicate_code: {
    vi: 'mã "{value}" đã có ở dòng {row} của tệp',
    en: 'the code "{value}" is already on row {row} of the file',
    ar: 'الرمز "{value}" موجود في الصف {row} من الملف',
  },
  coordinator_is_lead: {
    vi: 'đơn vị "{value}" vừa chủ trì vừa phối hợp',
    en: 'the unit "{value}" both leads and coordinates',
    ar: 'الوحدة "{value}" رائدة ومنسقة في آن واحد',
  },
  unknown_parent: {
    vi: 'không có nhiệm vụ mã "{value}" trong chương trình hay trong tệp',
    en: 'no task with code "{value}" in the programme or the file',
    ar: 'لا توجد مهمة بالرمز "{value}" في البرنامج أو الملف',
  },
  parent_cycle: {
    vi: 'nhiệm vụ cha "{value}" tạo thành vòng lặp',
    en: 'the parent task "{value}" makes a loop',
    ar: 'المهمة الأم "{value}" تشكل حلقة',
  },
  parent_row_invalid: {
    vi: 'nhiệm vụ cha "{value}" ở dòng {row} có lỗi',
    en: 'the parent task "{value}" on row {row} has errors',
    ar: 'المهمة الأم "{value}" في الصف {row} فيها أخطاء',
  },
  choice: {
    vi: '"{value}" không phải một trong: {allowed}',
    en: '"{value}" is not one of: {allowed}',
    ar: '"{value}" ليست من: {allowed}',
  },
  occurrence: {
    vi: 'nhiệm vụ "{value}" là một lần lặp, không sửa bằng tệp được',
    en: 'the task "{value}" is an occurrence of a recurring task and cannot be changed from a file',
    ar: 'المهمة "{value}" تكرار لمهمة دورية ولا يمكن تغييرها من ملف',
  },
};

export function rowMessage(code: TaskRowIssue, locale: Locale, params: Record<string, unknown> = {}): string {
  return M[code][locale].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));
}
