import type { Locale } from '../../../shared/schemas/common.js';
import type { TaskState } from '../../../shared/task-state.js';

/** Every word of the weekly brief, in the reader's language (the document is read, not a screen). */
export type BriefLabels = {
  nation: string;
  motto: string;
  number: string;
  title: string;
  subtitle: (period: string, from: string, to: string) => string;
  asOf: (moment: string) => string;
  sections: {
    headline: string;
    warningList: string;
    overdue: string;
    discipline: string;
    kpis: string;
    services: string;
    adjustments: string;
    charts: string;
  };
  states: Record<TaskState, string>;
  levels: Record<string, string>;
  cols: Record<
    | 'state'
    | 'now'
    | 'lastWeek'
    | 'change'
    | 'level'
    | 'overdue'
    | 'unit'
    | 'reasons'
    | 'streak'
    | 'task'
    | 'deadline'
    | 'daysLate'
    | 'expected'
    | 'received'
    | 'onTime'
    | 'late'
    | 'missing'
    | 'rate'
    | 'objective'
    | 'indicator'
    | 'value'
    | 'target'
    | 'attainment'
    | 'status'
    | 'kind'
    | 'decision'
    | 'decidedAt'
    | 'reason'
    | 'numerator'
    | 'denominator',
    string
  >;
  reasons: Record<string, string>;
  total: string;
  reportingRate: (rate: string, received: number, expected: number, onTime: number) => string;
  noList: string;
  notPublished: string;
  none: string;
  recipients: string;
  signature: string;
};

const vi: BriefLabels = {
  nation: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  motto: 'Độc lập - Tự do - Hạnh phúc',
  number: 'Số: ……/BC-BCĐ',
  title: 'BÁO CÁO TUẦN',
  subtitle: (p, f, t) => `Tình hình thực hiện nhiệm vụ kỳ ${p} (từ ${f} đến ${t})`,
  asOf: (m) => `Số liệu tính đến ${m}`,
  sections: {
    headline: 'I. SỐ LIỆU CHÍNH',
    warningList: 'II. DANH SÁCH CẢNH BÁO',
    overdue: 'III. NHIỆM VỤ QUÁ HẠN THEO ĐƠN VỊ',
    discipline: 'IV. KỶ LUẬT BÁO CÁO',
    kpis: 'V. MỤC TIÊU VÀ CHỈ TIÊU',
    services: 'VI. DỊCH VỤ CÔNG TRỰC TUYẾN',
    adjustments: 'VII. ĐIỀU CHỈNH NHIỆM VỤ ĐÃ QUYẾT ĐỊNH',
    charts: 'Biểu đồ',
  },
  states: {
    done_on_time: 'Hoàn thành đúng hạn',
    done_late: 'Hoàn thành quá hạn',
    overdue: 'Quá hạn',
    in_progress: 'Đang thực hiện',
    not_started: 'Chưa triển khai',
  },
  levels: {
    central: 'Trung ương giao',
    ministry: 'Bộ, ngành giao',
    province: 'Tỉnh giao',
    city: 'Thành phố giao',
    department: 'Sở, ngành giao',
    district: 'Cấp huyện giao',
    commune: 'Cấp xã giao',
  },
  cols: {
    state: 'Trạng thái',
    now: 'Tuần này',
    lastWeek: 'Tuần trước',
    change: 'Thay đổi',
    level: 'Cấp giao',
    overdue: 'Quá hạn',
    unit: 'Đơn vị',
    reasons: 'Lý do',
    streak: 'Số kỳ liên tiếp',
    task: 'Nhiệm vụ',
    deadline: 'Hạn',
    daysLate: 'Số ngày quá hạn',
    expected: 'Phải báo cáo',
    received: 'Đã báo cáo',
    onTime: 'Đúng hạn',
    late: 'Muộn',
    missing: 'Không báo cáo',
    rate: 'Tỷ lệ (%)',
    objective: 'Mục tiêu',
    indicator: 'Chỉ tiêu',
    value: 'Giá trị',
    target: 'Chỉ tiêu đặt ra',
    attainment: 'Mức đạt (%)',
    status: 'Tình trạng',
    kind: 'Loại',
    decision: 'Quyết định',
    decidedAt: 'Ngày quyết định',
    reason: 'Lý do',
    numerator: 'Tử số',
    denominator: 'Mẫu số',
  },
  reasons: {
    overdue_tasks: 'nhiệm vụ quá hạn',
    report_missing: 'không báo cáo',
    report_late: 'báo cáo muộn',
  },
  total: 'Tổng số',
  reportingRate: (r, rec, exp, on) => `Tỷ lệ báo cáo ${r}: ${rec}/${exp} đơn vị đã báo cáo, ${on} đúng hạn.`,
  noList: 'Không có đơn vị nào trong danh sách cảnh báo kỳ này.',
  notPublished: 'Danh sách cảnh báo kỳ này chưa được công bố.',
  none: 'Không có.',
  recipients: 'Nơi nhận: Ban Chỉ đạo; Thường trực; Lưu: VT.',
  signature: 'CƠ QUAN THƯỜNG TRỰC',
};

const en: BriefLabels = {
  nation: 'SOCIALIST REPUBLIC OF VIETNAM',
  motto: 'Independence - Freedom - Happiness',
  number: 'No.: ……/BC-BCĐ',
  title: 'WEEKLY BRIEF',
  subtitle: (p, f, t) => `Progress of the tasks, period ${p} (${f} to ${t})`,
  asOf: (m) => `Figures as of ${m}`,
  sections: {
    headline: 'I. HEADLINE FIGURES',
    warningList: 'II. WARNING LIST',
    overdue: 'III. OVERDUE TASKS BY UNIT',
    discipline: 'IV. REPORTING DISCIPLINE',
    kpis: 'V. OBJECTIVES AND KEY RESULTS',
    services: 'VI. ONLINE PUBLIC SERVICES',
    adjustments: 'VII. ADJUSTMENTS DECIDED',
    charts: 'Charts',
  },
  states: {
    done_on_time: 'Done on time',
    done_late: 'Done late',
    overdue: 'Overdue',
    in_progress: 'In progress',
    not_started: 'Not started',
  },
  levels: {
    central: 'Central level',
    ministry: 'Ministry',
    province: 'Province',
    city: 'City',
    department: 'Department',
    district: 'District',
    commune: 'Commune',
  },
  cols: {
    state: 'State',
    now: 'This week',
    lastWeek: 'Last week',
    change: 'Change',
    level: 'Assigned level',
    overdue: 'Overdue',
    unit: 'Unit',
    reasons: 'Reasons',
    streak: 'Periods in a row',
    task: 'Task',
    deadline: 'Deadline',
    daysLate: 'Days late',
    expected: 'Expected',
    received: 'Received',
    onTime: 'On time',
    late: 'Late',
    missing: 'Missing',
    rate: 'Rate (%)',
    objective: 'Objective',
    indicator: 'Indicator',
    value: 'Value',
    target: 'Target',
    attainment: 'Attainment (%)',
    status: 'Status',
    kind: 'Kind',
    decision: 'Decision',
    decidedAt: 'Decided on',
    reason: 'Reason',
    numerator: 'Numerator',
    denominator: 'Denominator',
  },
  reasons: { overdue_tasks: 'overdue tasks', report_missing: 'no report', report_late: 'late report' },
  total: 'Total',
  reportingRate: (r, rec, exp, on) => `Reporting rate ${r}: ${rec}/${exp} units reported, ${on} on time.`,
  noList: 'No unit is on this period’s warning list.',
  notPublished: 'This period’s warning list has not been published yet.',
  none: 'None.',
  recipients: 'To: the Steering Committee; the standing office; archive.',
  signature: 'STANDING AGENCY',
};

const ar: BriefLabels = {
  nation: 'جمهورية فيتنام الاشتراكية',
  motto: 'الاستقلال - الحرية - السعادة',
  number: 'الرقم: ……/BC-BCĐ',
  title: 'التقرير الأسبوعي',
  // Codes and dates kept left-to-right inside Arabic (Unicode isolates).
  subtitle: (p, f, t) =>
    `سير تنفيذ المهام، الفترة \u2066${p}\u2069 (من \u2066${f}\u2069 إلى \u2066${t}\u2069)`,
  asOf: (m) => `الأرقام حتى \u2066${m}\u2069`,
  sections: {
    headline: 'أولاً: الأرقام الرئيسية',
    warningList: 'ثانياً: قائمة التحذير',
    overdue: 'ثالثاً: المهام المتأخرة حسب الوحدة',
    discipline: 'رابعاً: الانضباط في تقديم التقارير',
    kpis: 'خامساً: الأهداف والنتائج الرئيسية',
    services: 'سادساً: الخدمات العامة الإلكترونية',
    adjustments: 'سابعاً: التعديلات المقررة',
    charts: 'الرسوم البيانية',
  },
  states: {
    done_on_time: 'منجزة في الموعد',
    done_late: 'منجزة متأخرة',
    overdue: 'متأخرة',
    in_progress: 'قيد التنفيذ',
    not_started: 'لم تبدأ',
  },
  levels: {
    central: 'المستوى المركزي',
    ministry: 'الوزارة',
    province: 'المقاطعة',
    city: 'المدينة',
    department: 'الدائرة',
    district: 'المنطقة',
    commune: 'البلدية',
  },
  cols: {
    state: 'الحالة',
    now: 'هذا الأسبوع',
    lastWeek: 'الأسبوع الماضي',
    change: 'التغير',
    level: 'مستوى التكليف',
    overdue: 'متأخرة',
    unit: 'الوحدة',
    reasons: 'الأسباب',
    streak: 'فترات متتالية',
    task: 'المهمة',
    deadline: 'الموعد النهائي',
    daysLate: 'أيام التأخير',
    expected: 'المطلوب',
    received: 'المستلم',
    onTime: 'في الموعد',
    late: 'متأخر',
    missing: 'لم يقدَّم',
    rate: 'المعدل (%)',
    objective: 'الهدف',
    indicator: 'المؤشر',
    value: 'القيمة',
    target: 'المستهدف',
    attainment: 'نسبة التحقق (%)',
    status: 'الوضع',
    kind: 'النوع',
    decision: 'القرار',
    decidedAt: 'تاريخ القرار',
    reason: 'السبب',
    numerator: 'البسط',
    denominator: 'المقام',
  },
  reasons: { overdue_tasks: 'مهام متأخرة', report_missing: 'لم يقدّم التقرير', report_late: 'تقرير متأخر' },
  total: 'المجموع',
  reportingRate: (r, rec, exp, on) => `معدل تقديم التقارير ${r}: ${rec}/${exp} وحدة قدّمت، ${on} في الموعد.`,
  noList: 'لا توجد وحدة في قائمة التحذير لهذه الفترة.',
  notPublished: 'لم تُنشر قائمة التحذير لهذه الفترة بعد.',
  none: 'لا يوجد.',
  recipients: 'إلى: اللجنة التوجيهية؛ المكتب الدائم؛ الأرشيف.',
  signature: 'الجهة الدائمة',
};

export const BRIEF_LABELS: Record<Locale, BriefLabels> = { vi, en, ar };
