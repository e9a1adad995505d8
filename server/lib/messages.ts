import type { Locale } from '../../shared/schemas/common.js';
import type { ErrorCode } from '../../shared/errors.js';

type Messages = Record<ErrorCode | CustomIssueKey, Record<Locale, string>>;
/** Keys used as messages of custom zod checks (refine/regex) in shared/schemas. */
export type CustomIssueKey =
  'date_format' | 'id_list_format' | 'unknown_field' | 'period_format' | 'slug_format';

const M: Messages = {
  validation_failed: {
    vi: 'Dữ liệu gửi lên không hợp lệ.',
    en: 'The data sent is not valid.',
    ar: 'البيانات المرسلة غير صالحة.',
  },
  unauthenticated: { vi: 'Vui lòng đăng nhập.', en: 'Please sign in.', ar: 'يرجى تسجيل الدخول.' },
  invalid_credentials: {
    vi: 'Email hoặc mật khẩu không đúng.',
    en: 'Wrong e-mail or password.',
    ar: 'البريد الإلكتروني أو كلمة المرور غير صحيحة.',
  },
  account_locked: {
    vi: 'Tài khoản tạm khóa do đăng nhập sai nhiều lần. Thử lại sau {minutes} phút.',
    en: 'The account is locked after repeated failed sign-ins. Try again in {minutes} minutes.',
    ar: 'تم قفل الحساب بعد محاولات دخول فاشلة متكررة. حاول مرة أخرى بعد {minutes} دقيقة.',
  },
  forbidden: {
    vi: 'Bạn không có quyền thực hiện thao tác này.',
    en: 'You are not allowed to do this.',
    ar: 'لا يُسمح لك بالقيام بذلك.',
  },
  not_found: { vi: 'Không tìm thấy.', en: 'Not found.', ar: 'غير موجود.' },
  conflict: {
    vi: 'Dữ liệu bị xung đột.',
    en: 'The data conflicts with existing data.',
    ar: 'تتعارض البيانات مع بيانات موجودة.',
  },
  rate_limited: {
    vi: 'Quá nhiều yêu cầu. Vui lòng thử lại sau.',
    en: 'Too many requests. Please try again later.',
    ar: 'طلبات كثيرة جدًا. يرجى المحاولة لاحقًا.',
  },
  payload_too_large: {
    vi: 'Dữ liệu gửi lên quá lớn.',
    en: 'The data sent is too large.',
    ar: 'البيانات المرسلة كبيرة جدًا.',
  },
  unit_not_found: {
    vi: 'Đơn vị {id} không tồn tại.',
    en: 'Unit {id} does not exist.',
    ar: 'الوحدة {id} غير موجودة.',
  },
  unit_cycle: {
    vi: 'Không thể đặt một đơn vị làm cấp dưới của chính nó hoặc của đơn vị con.',
    en: 'A unit cannot be placed under itself or one of its own sub-units.',
    ar: 'لا يمكن وضع وحدة تحت نفسها أو تحت إحدى وحداتها الفرعية.',
  },
  parent_task_other_programme: {
    vi: 'Nhiệm vụ cha phải thuộc cùng chương trình.',
    en: 'The parent task must belong to the same programme.',
    ar: 'يجب أن تنتمي المهمة الأم إلى البرنامج نفسه.',
  },
  deadline_before_start: {
    vi: 'Hạn hoàn thành không được trước ngày bắt đầu.',
    en: 'The deadline cannot be before the start date.',
    ar: 'لا يمكن أن يكون الموعد النهائي قبل تاريخ البدء.',
  },
  programme_not_found: {
    vi: 'Chương trình không tồn tại.',
    en: 'The programme does not exist.',
    ar: 'البرنامج غير موجود.',
  },
  group_not_in_programme: {
    vi: 'Tổ chuyên đề không thuộc chương trình này.',
    en: 'The group does not belong to this programme.',
    ar: 'المجموعة لا تنتمي إلى هذا البرنامج.',
  },
  directive_not_in_programme: {
    vi: 'Văn bản chỉ đạo không thuộc chương trình này.',
    en: 'The directive does not belong to this programme.',
    ar: 'التوجيه لا ينتمي إلى هذا البرنامج.',
  },
  duplicate_code: {
    vi: 'Mã "{code}" đã được dùng.',
    en: 'The code "{code}" is already in use.',
    ar: 'الرمز "{code}" مستخدم بالفعل.',
  },
  stale_version: {
    vi: 'Nhiệm vụ đã được người khác sửa. Hãy tải lại để xem thay đổi mới nhất; dữ liệu của bạn chưa bị ghi.',
    en: 'Someone else changed this task. Reload to see their change; nothing of yours was saved.',
    ar: 'قام شخص آخر بتغيير هذه المهمة. أعد التحميل لرؤية التغيير؛ لم يُحفظ شيء من تعديلاتك.',
  },
  period_not_open: {
    vi: 'Kỳ báo cáo {period} chưa mở.',
    en: 'The reporting period {period} is not open yet.',
    ar: 'فترة التقرير {period} لم تُفتح بعد.',
  },
  period_closed: {
    vi: 'Kỳ báo cáo {period} đã đóng, không nhận báo cáo.',
    en: 'The reporting period {period} is closed.',
    ar: 'فترة التقرير {period} مغلقة.',
  },
  task_not_in_report: {
    vi: 'Nhiệm vụ {taskId} không thuộc báo cáo của đơn vị này.',
    en: 'Task {taskId} is not one this unit reports on.',
    ar: 'المهمة {taskId} ليست من مهام تقرير هذه الوحدة.',
  },
  percent_below_last: {
    vi: 'Tiến độ {percent}% thấp hơn mức đã duyệt {last}%: cần nêu lý do.',
    en: 'Progress {percent}% is below the approved {last}%: give a reason.',
    ar: 'التقدم {percent}% أقل من المعتمد {last}%: يلزم ذكر السبب.',
  },
  report_wrong_state: {
    vi: 'Báo cáo đang ở trạng thái "{status}", không thể {action}.',
    en: 'The report is "{status}": it cannot be {action}.',
    ar: 'التقرير في حالة "{status}": لا يمكن {action}.',
  },
  stale_report: {
    vi: 'Báo cáo đã được người khác lưu. Hãy tải lại; nội dung của bạn chưa bị ghi.',
    en: 'Someone else saved this report. Reload it; nothing of yours was saved.',
    ar: 'قام شخص آخر بحفظ هذا التقرير. أعد التحميل؛ لم يُحفظ شيء من تعديلاتك.',
  },
  warning_list_frozen: {
    vi: 'Danh sách cảnh báo kỳ {period} đã công bố, không thể sửa.',
    en: 'The warning list of {period} is published and frozen.',
    ar: 'قائمة التحذير للفترة {period} منشورة ومجمدة.',
  },
  reason_required: {
    vi: 'Cần nêu lý do.',
    en: 'A reason is required.',
    ar: 'يلزم ذكر السبب.',
  },
  period_not_due: {
    vi: 'Kỳ {period} chưa đến hạn lập danh sách cảnh báo ({dueAt}).',
    en: 'The warning list of {period} cannot be drawn before {dueAt}.',
    ar: 'لا يمكن إعداد قائمة التحذير للفترة {period} قبل {dueAt}.',
  },
  adjustment_pending: {
    vi: 'Nhiệm vụ đã có một đề nghị điều chỉnh đang chờ quyết định.',
    en: 'This task already has an adjustment request awaiting a decision.',
    ar: 'لهذه المهمة طلب تعديل بانتظار القرار.',
  },
  adjustment_wrong_state: {
    vi: 'Đề nghị điều chỉnh đã được quyết định ({status}).',
    en: 'The adjustment request was already decided ({status}).',
    ar: 'تم البت في طلب التعديل ({status}).',
  },
  completion_wrong_state: {
    vi: 'Đề nghị xác nhận hoàn thành đã được xử lý ({status}).',
    en: 'The completion was already handled ({status}).',
    ar: 'تمت معالجة إعلان الإنجاز ({status}).',
  },
  task_closed: {
    vi: 'Nhiệm vụ đã hoàn thành hoặc đã hủy.',
    en: 'The task is already done or cancelled.',
    ar: 'المهمة منجزة أو ملغاة بالفعل.',
  },
  file_too_large: {
    vi: 'Tệp quá lớn (tối đa {maxMb} MB).',
    en: 'The file is too large (at most {maxMb} MB).',
    ar: 'الملف كبير جدًا (الحد الأقصى {maxMb} ميغابايت).',
  },
  file_type_forbidden: {
    vi: 'Loại tệp không được phép. Chấp nhận: {allowed}.',
    en: 'This type of file is not allowed. Accepted: {allowed}.',
    ar: 'نوع الملف غير مسموح. المقبول: {allowed}.',
  },
  unit_outside_programme: {
    vi: 'Đơn vị {unit} không thuộc chương trình này.',
    en: 'Unit {unit} is not part of this programme.',
    ar: 'الوحدة {unit} ليست جزءًا من هذا البرنامج.',
  },
  task_not_in_programme: {
    vi: 'Nhiệm vụ {task} không thuộc chương trình này.',
    en: 'Task {task} does not belong to this programme.',
    ar: 'المهمة {task} لا تنتمي إلى هذا البرنامج.',
  },
  recommendation_answered: {
    vi: 'Kiến nghị này đã được trả lời.',
    en: 'This recommendation has already been answered.',
    ar: 'تمت الإجابة على هذه التوصية بالفعل.',
  },
  resolution_required: {
    vi: 'Cần ghi rõ cách giải quyết khi đóng vướng mắc.',
    en: 'Say how the obstacle was resolved.',
    ar: 'اذكر كيف تمت معالجة العائق.',
  },
  import_columns: {
    vi: 'Tệp không đúng mẫu: cột {column} phải là "{expected}" nhưng là "{found}". Hãy tải lại mẫu.',
    en: 'The file does not follow the template: column {column} must be "{expected}" but is "{found}". Download the template again.',
    ar: 'الملف لا يتبع القالب: يجب أن يكون العمود {column} "{expected}" لكنه "{found}". نزّل القالب مجددًا.',
  },
  import_rows_invalid: {
    vi: '{count} dòng có lỗi; không dòng nào được nhập.',
    en: '{count} rows have errors; nothing was imported.',
    ar: 'في {count} صفوف أخطاء؛ لم يُستورد شيء.',
  },
  internal: {
    vi: 'Đã xảy ra lỗi hệ thống. Vui lòng thử lại.',
    en: 'Something went wrong on our side. Please try again.',
    ar: 'حدث خطأ في النظام. يرجى المحاولة مرة أخرى.',
  },
  slug_format: {
    vi: 'chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang (tối đa 60 ký tự)',
    en: 'must be lower-case letters, digits and dashes (at most 60 characters)',
    ar: 'يجب أن يتكون من أحرف لاتينية صغيرة وأرقام وشرطات (60 حرفًا على الأكثر)',
  },
  period_format: {
    vi: 'phải là kỳ báo cáo dạng 2025-W46 (tuần), 2025-11 (tháng) hoặc 2025-Q4 (quý)',
    en: 'must be a period written 2025-W46 (week), 2025-11 (month) or 2025-Q4 (quarter)',
    ar: 'يجب أن تكون فترة بالصيغة 2025-W46 (أسبوع) أو 2025-11 (شهر) أو 2025-Q4 (ربع)',
  },
  date_format: {
    vi: 'phải là ngày theo dạng YYYY-MM-DD',
    en: 'must be a date written YYYY-MM-DD',
    ar: 'يجب أن يكون تاريخًا بالصيغة YYYY-MM-DD',
  },
  id_list_format: {
    vi: 'phải là danh sách mã số cách nhau bởi dấu phẩy',
    en: 'must be a comma-separated list of ids',
    ar: 'يجب أن تكون قائمة معرّفات مفصولة بفواصل',
  },
  unknown_field: {
    vi: 'trường không được phép: {keys}',
    en: 'unknown field: {keys}',
    ar: 'حقل غير معروف: {keys}',
  },
};

export function message(
  key: ErrorCode | CustomIssueKey,
  locale: Locale,
  params: Record<string, unknown> = {},
): string {
  const template = M[key]?.[locale] ?? M[key]?.en ?? key;
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));
}

export function isCustomIssueKey(s: string): s is CustomIssueKey {
  return s === 'date_format' || s === 'id_list_format' || s === 'unknown_field' || s === 'period_format';
}

export function pickLocale(acceptLanguage: string | undefined, fallback: Locale = 'vi'): Locale {
  if (!acceptLanguage) return fallback;
  for (const part of acceptLanguage.split(',')) {
    const tag = part.trim().slice(0, 2).toLowerCase();
    if (tag === 'vi' || tag === 'en' || tag === 'ar') return tag;
  }
  return fallback;
}
