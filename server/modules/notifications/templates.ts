import type { Locale } from '../../../shared/schemas/common.js';

import { NOTIFICATION_KINDS, type NotificationKind } from '../../../shared/vocabulary.js';

export { NOTIFICATION_KINDS, type NotificationKind };

type Text = Record<Locale, string>;
/** One line per kind, in each language; {name} is filled from the notification's parameters. */
const TITLES: Record<NotificationKind, Text> = {
  report_due: {
    vi: 'Báo cáo tuần {period} của {unit} đến hạn lúc {dueAt}.',
    en: 'The {period} report of {unit} is due at {dueAt}.',
    ar: 'تقرير {period} للوحدة {unit} مستحق في {dueAt}.',
  },
  report_missing: {
    vi: '{unit} chưa gửi báo cáo kỳ {period} (hạn {dueAt}).',
    en: '{unit} has not sent its {period} report (due {dueAt}).',
    ar: 'لم ترسل {unit} تقرير {period} (الموعد {dueAt}).',
  },
  report_returned: {
    vi: 'Báo cáo kỳ {period} của {unit} bị trả lại: {comment}',
    en: 'The {period} report of {unit} was returned: {comment}',
    ar: 'أُعيد تقرير {period} للوحدة {unit}: {comment}',
  },
  task_due: {
    vi: 'Nhiệm vụ {code} "{title}" đến hạn sau {days} ngày ({deadline}).',
    en: 'Task {code} "{title}" is due in {days} days ({deadline}).',
    ar: 'المهمة {code} "{title}" مستحقة خلال {days} أيام ({deadline}).',
  },
  task_overdue: {
    vi: 'Nhiệm vụ {code} "{title}" đã quá hạn {days} ngày (hạn {deadline}).',
    en: 'Task {code} "{title}" is {days} days overdue (due {deadline}).',
    ar: 'المهمة {code} "{title}" متأخرة {days} يومًا (الموعد {deadline}).',
  },
  task_escalated: {
    vi: 'Nhiệm vụ {code} "{title}" của {unit} không có tiến triển sau {reminders} lần nhắc: báo cáo Ban Chỉ đạo.',
    en: 'Task {code} "{title}" of {unit} has not moved after {reminders} reminders: flagged to the steering body.',
    ar: 'المهمة {code} "{title}" للوحدة {unit} لم تتقدم بعد {reminders} تذكيرات: رُفعت إلى اللجنة التوجيهية.',
  },
  warning_published: {
    vi: 'Danh sách cảnh báo kỳ {period} đã công bố: {count} đơn vị.',
    en: 'The warning list of {period} is published: {count} units.',
    ar: 'نُشرت قائمة التحذير للفترة {period}: {count} وحدات.',
  },
  adjustment_requested: {
    vi: '{unit} đề nghị điều chỉnh nhiệm vụ {code}: {reason}',
    en: '{unit} asks to adjust task {code}: {reason}',
    ar: 'تطلب {unit} تعديل المهمة {code}: {reason}',
  },
  adjustment_decided: {
    vi: 'Đề nghị điều chỉnh nhiệm vụ {code} đã được {decision}.',
    en: 'The adjustment request on task {code} was {decision}.',
    ar: 'تم {decision} طلب تعديل المهمة {code}.',
  },
  completion_requested: {
    vi: '{unit} báo cáo hoàn thành nhiệm vụ {code}: cần xác nhận.',
    en: '{unit} declares task {code} done: please confirm.',
    ar: 'أعلنت {unit} إنجاز المهمة {code}: يرجى التأكيد.',
  },
  completion_decided: {
    vi: 'Hoàn thành nhiệm vụ {code} đã được {decision}.',
    en: 'The completion of task {code} was {decision}.',
    ar: 'تم {decision} إنجاز المهمة {code}.',
  },
};

const DECISIONS: Record<string, Text> = {
  approved: { vi: 'chấp thuận', en: 'approved', ar: 'قبول' },
  rejected: { vi: 'từ chối', en: 'rejected', ar: 'رفض' },
  confirmed: { vi: 'xác nhận', en: 'confirmed', ar: 'تأكيد' },
  returned: { vi: 'trả lại', en: 'returned', ar: 'إرجاع' },
};

export const KIND_LABELS: Record<NotificationKind, Text> = {
  report_due: { vi: 'Báo cáo sắp đến hạn', en: 'Report due soon', ar: 'تقرير مستحق قريبًا' },
  report_missing: { vi: 'Thiếu báo cáo', en: 'Report missing', ar: 'تقرير مفقود' },
  report_returned: { vi: 'Báo cáo bị trả lại', en: 'Report returned', ar: 'تقرير مُعاد' },
  task_due: { vi: 'Nhiệm vụ sắp đến hạn', en: 'Task due soon', ar: 'مهمة مستحقة قريبًا' },
  task_overdue: { vi: 'Nhiệm vụ quá hạn', en: 'Task overdue', ar: 'مهمة متأخرة' },
  task_escalated: { vi: 'Nhiệm vụ báo cáo Ban Chỉ đạo', en: 'Task flagged', ar: 'مهمة مرفوعة' },
  warning_published: { vi: 'Danh sách cảnh báo', en: 'Warning list', ar: 'قائمة التحذير' },
  adjustment_requested: { vi: 'Đề nghị điều chỉnh', en: 'Adjustment requested', ar: 'طلب تعديل' },
  adjustment_decided: { vi: 'Quyết định điều chỉnh', en: 'Adjustment decided', ar: 'قرار التعديل' },
  completion_requested: {
    vi: 'Đề nghị xác nhận hoàn thành',
    en: 'Completion to confirm',
    ar: 'إنجاز للتأكيد',
  },
  completion_decided: { vi: 'Xác nhận hoàn thành', en: 'Completion decided', ar: 'قرار الإنجاز' },
};

export function renderNotification(
  kind: NotificationKind,
  params: Record<string, string | number>,
  locale: Locale,
): string {
  return TITLES[kind][locale].replace(/\{(\w+)\}/g, (_, k: string) => {
    // A name stored in each language (unit, unit_en, unit_ar) is read in the reader's.
    const v = (locale !== 'vi' ? params[`${k}_${locale}`] : undefined) ?? params[k];
    if (k === 'decision' && typeof v === 'string') return DECISIONS[v]?.[locale] ?? v;
    return v === undefined ? '' : String(v);
  });
}

const SIGNATURE: Text = {
  vi: 'Steerboard — hệ thống theo dõi nhiệm vụ của Ban Chỉ đạo',
  en: 'Steerboard — the steering committee’s task tracker',
  ar: 'Steerboard — متابعة مهام اللجنة التوجيهية',
};

/** The e-mail of a notification: the line as subject, the line, the link and a signature as body. */
export function renderMail(
  kind: NotificationKind,
  params: Record<string, string | number>,
  locale: Locale,
  link: string | null,
) {
  const line = renderNotification(kind, params, locale);
  return {
    subject: `[Steerboard] ${line.length > 120 ? line.slice(0, 117) + '…' : line}`,
    body: [line, link ? `\n${link}` : '', `\n--\n${SIGNATURE[locale]}`].join('\n'),
  };
}
