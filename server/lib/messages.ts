import type { Locale } from '../../shared/schemas/common.js';
import type { ErrorCode } from '../../shared/errors.js';

type Messages = Record<ErrorCode | CustomIssueKey, Record<Locale, string>>;
/** Keys used as messages of custom zod checks (refine/regex) in shared/schemas. */
export type CustomIssueKey =
  | 'slug_format'
  | 'date_format'
  | 'id_list_format'
  | 'unknown_field'
  | 'period_format'
  | 'value_period_format'
  | 'cap_below_full'
  | 'money_format'
  // Row messages of the XLSX imports (server/lib/sheet-import.ts).
  | 'import_required'
  | 'import_choice'
  | 'import_unit_unknown'
  | 'import_task_unknown'
  | 'import_plan_unknown'
  | 'import_duplicate_in_file'
  | 'import_due_past'
  // people (the password policy's reasons, the people import's row messages)
  | 'password_too_short'
  | 'password_too_long'
  | 'password_classes'
  | 'password_contains_email'
  | 'password_common'
  | 'import_role_unknown'
  | 'import_programme_unknown'
  | 'import_email_exists'
  | 'import_locale_unknown'
  | 'import_email_invalid'
  // Programme set-up.
  | 'time_zone_format'
  | 'time_format'
  // Row messages of the unit tree import (server/modules/units/import).
  | 'import_parent_unknown'
  | 'import_unit_cycle'
  | 'import_code_taken'
  | 'import_too_long'
  | 'import_parent_merged'
  | 'import_parent_invalid';

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
  evaluation_frozen: {
    vi: 'Kết quả đánh giá năm {year} đã được phê duyệt và không thể thay đổi.',
    en: 'The {year} evaluation has been approved and can no longer change.',
    ar: 'تمت الموافقة على تقييم عام {year} ولا يمكن تغييره بعد الآن.',
  },
  recipient_exists: {
    vi: 'Địa chỉ {email} đã có trong danh sách nhận báo cáo.',
    en: '{email} is already on the brief’s recipient list.',
    ar: 'العنوان {email} موجود بالفعل في قائمة مستلمي التقرير.',
  },
  no_recipients: {
    vi: 'Chương trình chưa có người nhận báo cáo tuần; hãy thêm người nhận trước khi gửi.',
    en: 'The programme has no brief recipients yet; add some before sending.',
    ar: 'لا يوجد مستلمون للتقرير الأسبوعي في هذا البرنامج بعد؛ أضف مستلمين قبل الإرسال.',
  },
  pdf_unavailable: {
    vi: 'Máy chủ chưa cài LibreOffice nên chưa tạo được bản PDF; hãy tải bản DOCX hoặc XLSX.',
    en: 'LibreOffice is not installed on the server, so no PDF can be made; download the DOCX or XLSX.',
    ar: 'لم يُثبَّت LibreOffice على الخادم، لذا لا يمكن إنشاء ملف PDF؛ نزّل ملف DOCX أو XLSX.',
  },
  import_encoding: {
    vi: 'Tệp không đọc được theo bảng mã đã chọn (có vẻ là {encoding}). Hãy lưu lại tệp dạng UTF-8, hoặc chọn bảng mã Windows-1258.',
    en: 'The file cannot be read in the chosen encoding (it looks like {encoding}). Save it as UTF-8, or choose the Windows-1258 encoding.',
    ar: 'لا يمكن قراءة الملف بالترميز المختار (يبدو أنه {encoding}). احفظه بترميز UTF-8 أو اختر ترميز Windows-1258.',
  },
  import_columns: {
    vi: 'Các cột của tệp không đúng. Thiếu: {missing}. Không được phép: {unknown}. Các cột hợp lệ: {expected}.',
    en: 'The file has the wrong columns. Missing: {missing}. Not allowed: {unknown}. Valid columns: {expected}.',
    ar: 'أعمدة الملف غير صحيحة. الناقصة: {missing}. غير المسموح بها: {unknown}. الأعمدة الصالحة: {expected}.',
  },
  import_format: {
    vi: 'Định dạng tệp không được hỗ trợ: chấp nhận CSV, XLSX và NDJSON.',
    en: 'This file format is not supported: CSV, XLSX and NDJSON are accepted.',
    ar: 'صيغة الملف غير مدعومة: تُقبل CSV وXLSX وNDJSON.',
  },
  indicator_computed: {
    vi: 'Chỉ tiêu {code} được tính tự động từ dữ liệu, không nhập tay.',
    en: 'Indicator {code} is computed from the records; its values cannot be entered.',
    ar: 'المؤشر {code} يُحسب من السجلات؛ لا يمكن إدخال قيمه.',
  },
  value_negative: {
    vi: 'Chỉ tiêu {code} không nhận giá trị âm.',
    en: 'Indicator {code} does not take negative values.',
    ar: 'المؤشر {code} لا يقبل قيمًا سالبة.',
  },
  value_shape: {
    vi: 'Chỉ tiêu {code}: chỉ tiêu tỷ lệ cần cả tử số và mẫu số (mẫu số lớn hơn 0); chỉ tiêu khác cần một giá trị số.',
    en: 'Indicator {code}: a ratio needs both a numerator and a denominator (the denominator above 0); other indicators need one number.',
    ar: 'المؤشر {code}: تحتاج النسبة إلى بسط ومقام معًا (المقام أكبر من 0)؛ وتحتاج المؤشرات الأخرى إلى رقم واحد.',
  },
  unit_not_reporter: {
    vi: 'Đơn vị {unit} không báo cáo chỉ tiêu {code}.',
    en: 'Unit {unit} does not report indicator {code}.',
    ar: 'الوحدة {unit} لا تبلّغ عن المؤشر {code}.',
  },
  unit_out_of_scope: {
    vi: 'Bạn chỉ được nhập số liệu của đơn vị mình (không được nhập cho {unit}).',
    en: 'You may enter figures only for your own unit (not for {unit}).',
    ar: 'يمكنك إدخال الأرقام لوحدتك فقط (وليس للوحدة {unit}).',
  },
  target_wrong_side: {
    vi: 'Mục tiêu {target} ngược chiều với giá trị cơ sở {baseline}: chỉ tiêu "càng cao càng tốt" cần mục tiêu không thấp hơn cơ sở, "càng thấp càng tốt" thì không cao hơn.',
    en: 'The target {target} lies on the wrong side of the baseline {baseline}: a higher-is-better indicator needs a target at or above it, a lower-is-better one at or below it.',
    ar: 'الهدف {target} في الجهة الخاطئة من خط الأساس {baseline}: المؤشر الذي يكون أفضل كلما ارتفع يحتاج هدفًا مساويًا له أو أعلى، والذي يكون أفضل كلما انخفض يحتاج هدفًا مساويًا له أو أدنى.',
  },
  period_cadence: {
    vi: 'Kỳ {period} không đúng kỳ của chỉ tiêu {code} ({cadence}).',
    en: 'Period {period} is not a period of indicator {code} ({cadence}).',
    ar: 'الفترة {period} ليست من فترات المؤشر {code} ({cadence}).',
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
  document_type: {
    vi: 'Chỉ nhận tệp DOCX, PDF có lớp chữ, hoặc văn bản dán vào.',
    en: 'Only a DOCX file, a PDF with a text layer, or pasted text can be read.',
    ar: 'لا يُقرأ إلا ملف DOCX أو PDF يحتوي على طبقة نصية أو نص ملصق.',
  },
  document_unreadable: {
    vi: 'Không đọc được tệp {format}: tệp bị hỏng hoặc không đúng định dạng.',
    en: 'The {format} file cannot be read: it is damaged or not of that format.',
    ar: 'تعذّرت قراءة ملف {format}: الملف تالف أو ليس بهذا التنسيق.',
  },
  document_too_large: {
    vi: 'Văn bản quá lớn để đọc (quá nhiều trang, dòng hoặc bảng).',
    en: 'The document is too large to read (too many pages, lines or tables).',
    ar: 'المستند أكبر من أن يُقرأ (صفحات أو أسطر أو جداول كثيرة جدًا).',
  },
  document_zip_bomb: {
    vi: 'Tệp DOCX bị từ chối: kích thước giải nén bất thường (có thể là "bom zip").',
    en: 'The DOCX file is refused: its uncompressed size is abnormal (a possible zip bomb).',
    ar: 'رُفض ملف DOCX: حجمه بعد فك الضغط غير طبيعي (قد يكون قنبلة ضغط).',
  },
  document_entities: {
    vi: 'Tệp DOCX bị từ chối: chứa khai báo DOCTYPE/ENTITY không được phép.',
    en: 'The DOCX file is refused: it carries DOCTYPE/ENTITY declarations, which are not allowed.',
    ar: 'رُفض ملف DOCX: يحتوي على تعريفات DOCTYPE/ENTITY غير مسموح بها.',
  },
  document_encrypted: {
    vi: 'Tệp PDF có mật khẩu; hãy gửi bản không khóa.',
    en: 'The PDF is password-protected; send an unlocked copy.',
    ar: 'ملف PDF محمي بكلمة مرور؛ أرسل نسخة غير مقفلة.',
  },
  pdf_no_text: {
    vi: 'Tệp PDF không có lớp chữ (bản quét): hãy gửi bản DOCX, PDF xuất từ Word, hoặc dán nội dung.',
    en: 'The PDF has no text layer (it is a scan): send the DOCX, a PDF exported from Word, or paste the text.',
    ar: 'لا يحتوي ملف PDF على طبقة نصية (نسخة ممسوحة): أرسل ملف DOCX أو PDF مُصدَّرًا من Word أو الصق النص.',
  },
  draft_rows_invalid: {
    vi: '{count} nhiệm vụ có lỗi; chưa nhiệm vụ nào được tạo.',
    en: '{count} tasks have errors; no task was created.',
    ar: '{count} مهام فيها أخطاء؛ لم تُنشأ أي مهمة.',
  },
  import_rows_invalid: {
    vi: '{count} dòng có lỗi; không dòng nào được nhập.',
    en: '{count} rows have errors; nothing was imported.',
    ar: 'في {count} صفوف أخطاء؛ لم يُستورد شيء.',
  },
  // task form, completions and delegation
  completed_in_future: {
    vi: 'Ngày hoàn thành không được sau hôm nay ({today}).',
    en: 'The completion date cannot be after today ({today}).',
    ar: 'لا يمكن أن يكون تاريخ الإنجاز بعد اليوم ({today}).',
  },
  completed_before_start: {
    vi: 'Ngày hoàn thành không được trước ngày bắt đầu ({start}).',
    en: 'The completion date cannot be before the start date ({start}).',
    ar: 'لا يمكن أن يكون تاريخ الإنجاز قبل تاريخ البدء ({start}).',
  },
  reopen_progress_full: {
    vi: 'Mở lại nhiệm vụ thì tiến độ phải dưới 100%: hãy ghi phần việc còn lại.',
    en: 'A reopened task needs a progress below 100%: say what is left.',
    ar: 'المهمة المعاد فتحها تحتاج إلى تقدم أقل من 100%: بيّن ما تبقى.',
  },
  progress_derived: {
    vi: 'Tiến độ của nhiệm vụ này được tính từ các nhiệm vụ con; hãy cập nhật nhiệm vụ con.',
    en: 'This task’s progress is derived from its sub-tasks; update the sub-tasks instead.',
    ar: 'يُحسب تقدم هذه المهمة من مهامها الفرعية؛ حدّث المهام الفرعية بدلاً من ذلك.',
  },
  subtask_deadline_after_parent: {
    vi: 'Hạn của nhiệm vụ con không được sau hạn của nhiệm vụ cha ({deadline}).',
    en: 'A sub-task’s deadline cannot be after its parent’s ({deadline}).',
    ar: 'لا يمكن أن يكون الموعد النهائي للمهمة الفرعية بعد موعد المهمة الأم ({deadline}).',
  },
  subtask_start_before_parent: {
    vi: 'Ngày bắt đầu của nhiệm vụ con không được trước ngày bắt đầu của nhiệm vụ cha ({start}).',
    en: 'A sub-task cannot start before its parent ({start}).',
    ar: 'لا يمكن أن تبدأ المهمة الفرعية قبل المهمة الأم ({start}).',
  },
  delegate_unit_outside: {
    vi: 'Chỉ giao được cho đơn vị trực thuộc đơn vị chủ trì hoặc đơn vị phối hợp của nhiệm vụ.',
    en: 'A sub-task can only go to a unit under the lead unit or to one of the task’s coordinating units.',
    ar: 'لا يمكن إسناد مهمة فرعية إلا إلى وحدة تابعة للوحدة الرائدة أو إلى إحدى الوحدات المنسقة للمهمة.',
  },
  parent_task_cycle: {
    vi: 'Không thể đặt nhiệm vụ làm nhiệm vụ con của chính nó hoặc của nhiệm vụ con của nó.',
    en: 'A task cannot be placed under itself or one of its own sub-tasks.',
    ar: 'لا يمكن وضع مهمة تحت نفسها أو تحت إحدى مهامها الفرعية.',
  },
  // end task form
  internal: {
    vi: 'Đã xảy ra lỗi hệ thống. Vui lòng thử lại.',
    en: 'Something went wrong on our side. Please try again.',
    ar: 'حدث خطأ في النظام. يرجى المحاولة مرة أخرى.',
  },
  payment_above_plan: {
    vi: 'Khoản giải ngân vượt kế hoạch vốn: đến ngày {date} đã giải ngân {paid} đồng, kế hoạch hiệu lực chỉ {allowed} đồng. Cần điều chỉnh kế hoạch trước.',
    en: 'The payment exceeds the capital plan: by {date}, {paid} đồng would be paid against {allowed} đồng in force. Revise the plan first.',
    ar: 'الدفعة تتجاوز خطة رأس المال: بحلول {date} سيُصرف {paid} دونغ مقابل {allowed} دونغ سارية. عدّل الخطة أولًا.',
  },
  plan_below_disbursed: {
    vi: 'Không thể giảm kế hoạch xuống {allowed} đồng: đến ngày {date} đã giải ngân {paid} đồng.',
    en: 'The plan cannot be lowered to {allowed} đồng: {paid} đồng had been paid by {date}.',
    ar: 'لا يمكن خفض الخطة إلى {allowed} دونغ: صُرف {paid} دونغ بحلول {date}.',
  },
  payment_in_future: {
    vi: 'Ngày giải ngân {date} ở tương lai (hôm nay là {today}).',
    en: 'The payment date {date} is in the future (today is {today}).',
    ar: 'تاريخ الدفع {date} في المستقبل (اليوم {today}).',
  },
  payment_outside_year: {
    vi: 'Ngày {date} không thuộc năm kế hoạch {year}.',
    en: 'The date {date} is outside the plan year {year}.',
    ar: 'التاريخ {date} خارج سنة الخطة {year}.',
  },
  duplicate_payment: {
    vi: 'Chứng từ {reference} đã được ghi nhận cho kế hoạch này.',
    en: 'Voucher {reference} is already recorded for this plan.',
    ar: 'القسيمة {reference} مسجلة مسبقًا لهذه الخطة.',
  },
  plan_task_other_programme: {
    vi: 'Nhiệm vụ phải thuộc cùng chương trình với kế hoạch vốn.',
    en: 'The task must belong to the same programme as the capital plan.',
    ar: 'يجب أن تنتمي المهمة إلى برنامج خطة رأس المال نفسه.',
  },
  plan_needs_task_or_project: {
    vi: 'Kế hoạch vốn phải gắn với một nhiệm vụ hoặc ghi tên dự án.',
    en: 'A capital plan needs a task or the name of a project.',
    ar: 'تحتاج خطة رأس المال إلى مهمة أو اسم مشروع.',
  },
  import_header_mismatch: {
    vi: 'Tệp không đúng mẫu: cột {column} phải là "{expected}" nhưng là "{found}". Hãy tải mẫu và không đổi tên, đổi thứ tự cột.',
    en: 'The file does not follow the template: column {column} must be "{expected}" but is "{found}". Download the template and keep its columns, in order.',
    ar: 'الملف لا يطابق القالب: العمود {column} يجب أن يكون "{expected}" لكنه "{found}". نزّل القالب وحافظ على أعمدته وترتيبها.',
  },
  import_file_invalid: {
    vi: 'Không đọc được tệp XLSX.',
    en: 'The XLSX file cannot be read.',
    ar: 'تعذّرت قراءة ملف XLSX.',
  },
  import_required: { vi: 'không được để trống', en: 'must not be empty', ar: 'يجب ألا يكون فارغًا' },
  import_choice: {
    vi: '"{value}" không hợp lệ; chỉ nhận: {allowed}',
    en: '"{value}" is not accepted; use one of: {allowed}',
    ar: '"{value}" غير مقبول؛ استخدم أحد: {allowed}',
  },
  import_unit_unknown: {
    vi: 'không có đơn vị mã "{code}" trong chương trình',
    en: 'no unit with code "{code}" in the programme',
    ar: 'لا توجد وحدة بالرمز "{code}" في البرنامج',
  },
  import_task_unknown: {
    vi: 'không có nhiệm vụ mã "{code}" trong chương trình',
    en: 'no task with code "{code}" in the programme',
    ar: 'لا توجد مهمة بالرمز "{code}" في البرنامج',
  },
  import_plan_unknown: {
    vi: 'không có kế hoạch vốn mã "{code}" trong chương trình',
    en: 'no capital plan with code "{code}" in the programme',
    ar: 'لا توجد خطة رأس مال بالرمز "{code}" في البرنامج',
  },
  import_due_past: {
    vi: 'hạn {date} đã qua (hôm nay là {today})',
    en: 'the due day {date} has passed (today is {today})',
    ar: 'الموعد {date} قد مضى (اليوم {today})',
  },
  import_duplicate_in_file: {
    vi: 'mã "{code}" đã có ở dòng {row} của tệp',
    en: 'code "{code}" already appears on row {row} of the file',
    ar: 'الرمز "{code}" موجود في الصف {row} من الملف',
  },
  // the unit tree in bulk (import, move, merge)
  unit_merged: {
    vi: 'Đơn vị "{code}" đã hợp nhất vào đơn vị khác từ ngày {on}; chỉ còn là lịch sử, không thể chọn.',
    en: 'Unit "{code}" was merged into another unit on {on}; it is kept as history and cannot be chosen.',
    ar: 'دُمجت الوحدة "{code}" في وحدة أخرى في {on}؛ تبقى سجلًا تاريخيًا ولا يمكن اختيارها.',
  },
  merge_successor_invalid: {
    vi: 'Đơn vị kế thừa không được là một trong các đơn vị bị hợp nhất hoặc đơn vị cấp dưới của chúng.',
    en: 'The successor cannot be one of the units merged, nor a unit below them.',
    ar: 'لا يمكن أن تكون الوحدة الخلف إحدى الوحدات المدموجة ولا وحدة تابعة لها.',
  },
  unit_import_columns: {
    vi: 'Không tìm thấy dòng tiêu đề của mẫu (cần ít nhất các cột: {required}). Hãy tải mẫu và giữ tên cột.',
    en: "The template's header row was not found (at least these columns are needed: {required}). Download the template and keep its headings.",
    ar: 'لم يُعثر على صف عناوين القالب (يلزم على الأقل الأعمدة: {required}). نزّل القالب واحتفظ بعناوينه.',
  },
  import_parent_unknown: {
    vi: 'không có đơn vị cấp trên mã "{code}" (trong tệp hoặc trong hệ thống)',
    en: 'no parent unit with code "{code}" (in the file or the system)',
    ar: 'لا توجد وحدة أم بالرمز "{code}" (في الملف أو النظام)',
  },
  import_unit_cycle: {
    vi: 'vòng lặp cấp trên: {chain}',
    en: 'the parents form a cycle: {chain}',
    ar: 'الوحدات الأم تشكّل حلقة: {chain}',
  },
  import_code_taken: {
    vi: 'mã "{code}" trùng với đơn vị đã có "{existing}" (khác chữ hoa/thường hoặc khoảng trắng)',
    en: 'code "{code}" clashes with the existing unit "{existing}" (differs only in case or spaces)',
    ar: 'الرمز "{code}" يتعارض مع الوحدة الموجودة "{existing}" (يختلف في حالة الأحرف أو المسافات فقط)',
  },
  import_too_long: {
    vi: 'dài {length} ký tự, tối đa {max}',
    en: '{length} characters long, at most {max}',
    ar: 'طوله {length} حرفًا، والحد الأقصى {max}',
  },
  import_parent_invalid: {
    vi: 'đơn vị cấp trên "{code}" ở dòng {row} có lỗi nên dòng này cũng không nhập được',
    en: 'the parent unit "{code}" on row {row} has errors, so this row cannot be written either',
    ar: 'الوحدة الأم "{code}" في الصف {row} فيها أخطاء، لذا لا يمكن كتابة هذا الصف أيضًا',
  },
  import_parent_merged: {
    vi: 'đơn vị cấp trên "{code}" đã hợp nhất ngày {on}',
    en: 'the parent unit "{code}" was merged on {on}',
    ar: 'الوحدة الأم "{code}" دُمجت في {on}',
  },
  // criteria sets, assessments and the data catalogue
  criterion_not_in_set: {
    vi: 'Tiêu chí {criterion} không thuộc bộ tiêu chí này.',
    en: 'Criterion {criterion} is not in this criteria set.',
    ar: 'المعيار {criterion} ليس ضمن مجموعة المعايير هذه.',
  },
  evidence_required: {
    vi: 'Tiêu chí {criterion} cần minh chứng (ghi chú hoặc đường dẫn) mới được ghi là đạt.',
    en: 'Criterion {criterion} needs evidence (a note or a link) before it can be marked met.',
    ar: 'يتطلب المعيار {criterion} دليلًا (ملاحظة أو رابطًا) قبل اعتباره مستوفى.',
  },
  unit_kind_not_in_set: {
    vi: 'Đơn vị {unit} không thuộc diện đánh giá của bộ tiêu chí này.',
    en: 'Unit {unit} is not among the units this criteria set assesses.',
    ar: 'الوحدة {unit} ليست من الوحدات التي تقيّمها مجموعة المعايير هذه.',
  },
  score_out_of_range: {
    vi: 'Điểm của tiêu chí {criterion} phải từ 0 đến {max}.',
    en: 'The score of criterion {criterion} must be between 0 and {max}.',
    ar: 'يجب أن تكون درجة المعيار {criterion} بين 0 و{max}.',
  },
  value_missing: {
    vi: 'Tiêu chí {criterion}: cần ghi đạt/không đạt (tiêu chí đạt) hoặc điểm (tiêu chí chấm điểm).',
    en: 'Criterion {criterion}: give met / not met (a met criterion) or a score (a scored criterion).',
    ar: 'المعيار {criterion}: أدخل مستوفى / غير مستوفى (معيار استيفاء) أو درجة (معيار بالدرجات).',
  },
  // end criteria
  // programme set-up and directives
  group_in_use: {
    vi: 'Tổ chuyên đề "{group}" đang có {count} nhiệm vụ; hãy chuyển các nhiệm vụ sang tổ khác trước khi xóa.',
    en: 'The group "{group}" has {count} tasks; move them to another group before removing it.',
    ar: 'المجموعة "{group}" لديها {count} مهام؛ انقل المهام إلى مجموعة أخرى قبل حذفها.',
  },
  programme_archived: {
    vi: 'Chương trình đã lưu trữ: chỉ xem, không sửa được. Khôi phục chương trình để sửa.',
    en: 'The programme is archived: it can be read, not changed. Restore it to edit it.',
    ar: 'البرنامج مؤرشف: يمكن قراءته ولا يمكن تغييره. استعده لتعديله.',
  },
  directive_supersede_invalid: {
    vi: 'Văn bản được thay thế phải là một văn bản khác của cùng chương trình, và không tạo vòng thay thế.',
    en: 'The superseded document must be another document of the same programme, without a loop of replacements.',
    ar: 'يجب أن تكون الوثيقة المستبدَلة وثيقة أخرى من البرنامج نفسه، دون حلقة استبدال.',
  },
  record_changed: {
    vi: 'Người khác vừa sửa mục này. Hãy tải lại để xem thay đổi mới nhất; dữ liệu của bạn chưa bị ghi.',
    en: 'Someone else changed this just now. Reload to see their change; nothing of yours was saved.',
    ar: 'قام شخص آخر بتغيير هذا للتو. أعد التحميل لرؤية التغيير؛ لم يُحفظ شيء من تعديلاتك.',
  },
  time_zone_format: {
    vi: 'phải là múi giờ IANA, ví dụ Asia/Ho_Chi_Minh',
    en: 'must be an IANA time zone, e.g. Asia/Ho_Chi_Minh',
    ar: 'يجب أن تكون منطقة زمنية من IANA، مثل Asia/Ho_Chi_Minh',
  },
  time_format: {
    vi: 'phải là giờ dạng HH:MM (00:00–23:59)',
    en: 'must be a time written HH:MM (00:00–23:59)',
    ar: 'يجب أن يكون وقتًا بالصيغة HH:MM (00:00–23:59)',
  },
  // end programme set-up
  money_format: {
    vi: 'phải là số tiền nguyên không âm tính bằng đồng (ví dụ 1.250.000), không có phần lẻ',
    en: 'must be a whole, non-negative amount of đồng (e.g. 1,250,000), without fractions',
    ar: 'يجب أن يكون مبلغًا صحيحًا غير سالب بالدونغ (مثل 1,250,000) بلا كسور',
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
  value_period_format: {
    vi: 'phải là kỳ dạng 2025 (năm), 2025-Q4 (quý), 2025-11 (tháng) hoặc 2025-W46 (tuần)',
    en: 'must be a period written 2025 (year), 2025-Q4 (quarter), 2025-11 (month) or 2025-W46 (week)',
    ar: 'يجب أن تكون فترة بالصيغة 2025 (سنة) أو 2025-Q4 (ربع) أو 2025-11 (شهر) أو 2025-W46 (أسبوع)',
  },
  cap_below_full: {
    vi: 'mức trần phải không thấp hơn ngưỡng đạt điểm tối đa',
    en: 'the cap must not be below the full-score threshold',
    ar: 'يجب ألا يكون الحد الأقصى أدنى من عتبة الدرجة الكاملة',
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
  // people: accounts, roles, invitations, passwords
  password_weak: {
    vi: 'Mật khẩu chưa đạt yêu cầu: {reasons}.',
    en: 'The password does not meet the policy: {reasons}.',
    ar: 'كلمة المرور لا تستوفي السياسة: {reasons}.',
  },
  password_too_short: {
    vi: 'cần ít nhất 10 ký tự',
    en: 'at least 10 characters',
    ar: '10 أحرف على الأقل',
  },
  password_too_long: { vi: 'tối đa 200 ký tự', en: 'at most 200 characters', ar: '200 حرف كحد أقصى' },
  password_classes: {
    vi: 'cần có ít nhất 3 trong 4 loại: chữ thường, chữ hoa, chữ số, ký hiệu (hoặc một cụm từ từ 16 ký tự, 3 từ trở lên)',
    en: 'use three of lower case, upper case, digits and signs (or a passphrase of 16 characters and three words or more)',
    ar: 'استخدم ثلاثة من: أحرف صغيرة، أحرف كبيرة، أرقام، رموز (أو عبارة مرور من 16 حرفًا وثلاث كلمات على الأقل)',
  },
  password_contains_email: {
    vi: 'không được chứa địa chỉ email',
    en: 'must not contain the e-mail address',
    ar: 'يجب ألا تحتوي على عنوان البريد الإلكتروني',
  },
  password_common: {
    vi: 'quá phổ biến, dễ đoán',
    en: 'too common, easy to guess',
    ar: 'شائعة جدًا وسهلة التخمين',
  },
  link_invalid: {
    vi: 'Liên kết này không còn hiệu lực (đã dùng hoặc đã hết hạn). Hãy yêu cầu một liên kết mới.',
    en: 'This link is no longer valid (already used or expired). Ask for a new one.',
    ar: 'هذا الرابط لم يعد صالحًا (استُخدم أو انتهت صلاحيته). اطلب رابطًا جديدًا.',
  },
  email_taken: {
    vi: 'Đã có tài khoản dùng email {email}.',
    en: 'An account already uses the e-mail {email}.',
    ar: 'يوجد حساب يستخدم البريد {email} بالفعل.',
  },
  cannot_disable_self: {
    vi: 'Bạn không thể tự khóa tài khoản của mình.',
    en: 'You cannot disable your own account.',
    ar: 'لا يمكنك تعطيل حسابك بنفسك.',
  },
  last_admin: {
    vi: 'Phải còn ít nhất một quản trị hệ thống đang hoạt động.',
    en: 'At least one active administrator must remain.',
    ar: 'يجب أن يبقى مسؤول نظام نشط واحد على الأقل.',
  },
  role_not_grantable: {
    vi: 'Bạn không được giao vai trò {role} với phạm vi này.',
    en: 'You may not grant the role {role} with this scope.',
    ar: 'لا يُسمح لك بمنح الدور {role} بهذا النطاق.',
  },
  role_exists: {
    vi: 'Người này đã có vai trò này với cùng phạm vi.',
    en: 'This person already holds this role with the same scope.',
    ar: 'يحمل هذا الشخص هذا الدور بالنطاق نفسه بالفعل.',
  },
  account_out_of_reach: {
    vi: 'Tài khoản này có vai trò ngoài phạm vi bạn quản lý; chỉ quản trị hệ thống được sửa hoặc khóa.',
    en: 'This account holds roles outside what you manage; only an administrator may edit or disable it.',
    ar: 'يحمل هذا الحساب أدوارًا خارج نطاق إدارتك؛ يعدّله أو يعطّله مسؤول النظام فقط.',
  },
  invitation_not_needed: {
    vi: 'Tài khoản này đã đặt mật khẩu; hãy dùng "Quên mật khẩu".',
    en: 'This account already has a password; use "Forgot password?".',
    ar: 'لهذا الحساب كلمة مرور بالفعل؛ استخدم "نسيت كلمة المرور؟".',
  },
  import_role_unknown: {
    vi: 'vai trò "{code}" không có (dùng: {list})',
    en: 'unknown role "{code}" (use: {list})',
    ar: 'دور غير معروف "{code}" (استخدم: {list})',
  },
  import_programme_unknown: {
    vi: 'không có chương trình mã "{code}"',
    en: 'no programme with code "{code}"',
    ar: 'لا يوجد برنامج بالرمز "{code}"',
  },
  import_email_exists: {
    vi: 'đã có tài khoản {email} (đổi vai trò của người này trên màn hình Người dùng)',
    en: 'an account {email} already exists (change its roles on the People screen)',
    ar: 'الحساب {email} موجود بالفعل (غيّر أدواره في شاشة الأشخاص)',
  },
  import_locale_unknown: {
    vi: 'ngôn ngữ phải là vi, en hoặc ar',
    en: 'language must be vi, en or ar',
    ar: 'يجب أن تكون اللغة vi أو en أو ar',
  },
  import_email_invalid: {
    vi: 'email "{email}" không hợp lệ',
    en: '"{email}" is not a valid e-mail',
    ar: '"{email}" ليس بريدًا إلكترونيًا صالحًا',
  },
  // end people
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
  return (
    s === 'date_format' ||
    s === 'id_list_format' ||
    s === 'unknown_field' ||
    s === 'period_format' ||
    s === 'slug_format' ||
    s === 'value_period_format' ||
    s === 'cap_below_full' ||
    s === 'money_format' ||
    s === 'time_zone_format' ||
    s === 'time_format'
  );
}

export function pickLocale(acceptLanguage: string | undefined, fallback: Locale = 'vi'): Locale {
  if (!acceptLanguage) return fallback;
  for (const part of acceptLanguage.split(',')) {
    const tag = part.trim().slice(0, 2).toLowerCase();
    if (tag === 'vi' || tag === 'en' || tag === 'ar') return tag;
  }
  return fallback;
}
