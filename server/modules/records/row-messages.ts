import type { Locale } from '../../../shared/schemas/common.js';
import type { RowIssueCode } from './row.js';

/** Why a row was refused, in the reader's language ({value} is the cell as read). */
const M: Record<RowIssueCode, Record<Locale, string>> = {
  required: { vi: 'bắt buộc phải có', en: 'is required', ar: 'مطلوب' },
  too_long: { vi: 'dài quá {max} ký tự', en: 'is longer than {max} characters', ar: 'أطول من {max} حرفًا' },
  date: {
    vi: '"{value}" không phải ngày giờ (YYYY-MM-DD hh:mm hoặc dd/mm/yyyy hh:mm)',
    en: '"{value}" is not a date and time (YYYY-MM-DD hh:mm or dd/mm/yyyy hh:mm)',
    ar: '"{value}" ليس تاريخًا ووقتًا (YYYY-MM-DD hh:mm أو dd/mm/yyyy hh:mm)',
  },
  date_range: {
    vi: 'ngày nằm ngoài khoảng 2000–2099',
    en: 'the date is outside 2000–2099',
    ar: 'التاريخ خارج الفترة 2000–2099',
  },
  boolean: {
    vi: '"{value}" không phải có/không (1/0, true/false, có/không)',
    en: '"{value}" is not yes/no (1/0, true/false, yes/no)',
    ar: '"{value}" ليست نعم/لا (1/0، true/false، yes/no)',
  },
  channel: {
    vi: '"{value}" không phải kênh tiếp nhận (online, in_person, post)',
    en: '"{value}" is not a channel (online, in_person, post)',
    ar: '"{value}" ليست قناة تقديم (online، in_person، post)',
  },
  count: {
    vi: '"{value}" phải là số nguyên không âm',
    en: '"{value}" must be a whole number, not negative',
    ar: '"{value}" يجب أن يكون عددًا صحيحًا غير سالب',
  },
  days: {
    vi: '"{value}" phải là số ngày không âm',
    en: '"{value}" must be a number of days, not negative',
    ar: '"{value}" يجب أن يكون عدد أيام غير سالب',
  },
  unknown_unit: {
    vi: 'không có đơn vị mã "{value}"',
    en: 'there is no unit with code "{value}"',
    ar: 'لا توجد وحدة بالرمز "{value}"',
  },
  unit_out_of_scope: {
    vi: 'đơn vị "{value}" nằm ngoài phạm vi của bạn',
    en: 'unit "{value}" is outside your scope',
    ar: 'الوحدة "{value}" خارج نطاقك',
  },
  completed_before_received: {
    vi: 'ngày hoàn thành trước ngày tiếp nhận',
    en: 'is before the intake (received_at)',
    ar: 'قبل تاريخ الاستلام',
  },
  due_before_received: {
    vi: 'hạn giải quyết trước ngày tiếp nhận',
    en: 'the promised date is before the intake (received_at)',
    ar: 'الموعد المحدد قبل تاريخ الاستلام',
  },
  duplicate_id: {
    vi: 'mã hồ sơ "{value}" đã xuất hiện ở dòng trước trong tệp',
    en: 'record id "{value}" already appears on an earlier row of the file',
    ar: 'معرّف الملف "{value}" ورد في سطر سابق من الملف',
  },
  not_json: {
    vi: 'dòng không phải JSON hợp lệ',
    en: 'the line is not valid JSON',
    ar: 'السطر ليس JSON صالحًا',
  },
  not_object: {
    vi: 'dòng phải là một đối tượng JSON',
    en: 'the line must be a JSON object',
    ar: 'يجب أن يكون السطر كائن JSON',
  },
};

export const rowMessage = (code: RowIssueCode, locale: Locale, params: Record<string, unknown> = {}) =>
  (M[code][locale] ?? M[code].en).replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));
