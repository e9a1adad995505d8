import type { Locale } from '../../../shared/schemas/common.js';
import type { TaskState } from '../../../shared/task-state.js';

/** Every word of the weekly brief, in the reader's language (the document is read, not a screen). */
export type BriefLabels = {
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
    money: string;
    curve: string;
    obstacles: string;
    obstaclesNew: string;
    obstaclesOverdue: string;
    obstaclesResolved: string;
    recommendations: string;
  };
  /** The money paragraph: rate as of a day, last week's, and the curve's point in force. */
  disbursement: (p: {
    day: string;
    rate: string;
    previous: string;
    allocated: string;
    disbursed: string;
    threshold: string | null;
    byDay: string | null;
    below: boolean;
  }) => string;
  noMoney: string;
  noCurve: string;
  categories: Record<string, string>;
  obstacleStatuses: Record<string, string>;
  obstacleGroups: { new: string; overdue: string; resolved: string };
  adjustmentKinds: Record<string, string>;
  kpiStatuses: Record<string, string>;
  decisions: Record<string, string>;
  yes: string;
  no: string;
  extra: Record<
    | 'rank'
    | 'allocated'
    | 'disbursed'
    | 'allocatedBn'
    | 'disbursedBn'
    | 'changePts'
    | 'below'
    | 'byDay'
    | 'minRate'
    | 'group'
    | 'title'
    | 'category'
    | 'owner'
    | 'raisedOn'
    | 'dueOn'
    | 'resolvedOn'
    | 'daysOverdue'
    | 'from'
    | 'to'
    | 'content'
    | 'submittedOn'
    | 'answerDueOn'
    | 'workingDaysLate',
    string
  >;
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
  mail: {
    subject: (programme: string, period: string) => string;
    body: (p: {
      name: string;
      programme: string;
      period: string;
      from: string;
      to: string;
      asOf: string;
    }) => string;
  };
};

const vi: BriefLabels = {
  number: 'Số: ……/BC-BCĐ',
  title: 'BÁO CÁO TUẦN',
  subtitle: (p, f, t) => `Tình hình thực hiện nhiệm vụ kỳ ${p} (từ ${f} đến ${t})`,
  asOf: (m) => `Số liệu tính đến ${m}`,
  sections: {
    headline: 'I. SỐ LIỆU CHÍNH',
    warningList: 'II. DANH SÁCH CẢNH BÁO',
    overdue: 'III. NHIỆM VỤ QUÁ HẠN THEO ĐƠN VỊ',
    discipline: 'IV. KỶ LUẬT BÁO CÁO',
    money: 'V. GIẢI NGÂN VỐN',
    kpis: 'VI. MỤC TIÊU VÀ CHỈ TIÊU',
    services: 'VII. DỊCH VỤ CÔNG TRỰC TUYẾN',
    obstacles: 'VIII. VƯỚNG MẮC, KHÓ KHĂN',
    recommendations: 'IX. KIẾN NGHỊ QUÁ HẠN TRẢ LỜI',
    adjustments: 'X. ĐIỀU CHỈNH NHIỆM VỤ ĐÃ QUYẾT ĐỊNH',
    charts: 'Biểu đồ',
    curve: 'Lộ trình giải ngân tối thiểu',
    obstaclesNew: '1. Vướng mắc mới phát sinh trong kỳ',
    obstaclesOverdue: '2. Vướng mắc quá hạn xử lý',
    obstaclesResolved: '3. Vướng mắc đã giải quyết trong kỳ',
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
    disbursement_below_threshold: 'giải ngân dưới ngưỡng',
    recommendations_overdue: 'kiến nghị quá hạn trả lời',
  },
  total: 'Tổng số',
  reportingRate: (r, rec, exp, on) => `Tỷ lệ báo cáo ${r}: ${rec}/${exp} đơn vị đã báo cáo, ${on} đúng hạn.`,
  noList: 'Không có đơn vị nào trong danh sách cảnh báo kỳ này.',
  notPublished: 'Danh sách cảnh báo kỳ này chưa được công bố.',
  none: 'Không có.',
  recipients: 'Nơi nhận: Ban Chỉ đạo; Thường trực; Lưu: VT.',
  disbursement: (p) =>
    `Đến ngày ${p.day}, đã giải ngân ${p.disbursed}/${p.allocated} đồng, đạt ${p.rate} (tuần trước ${p.previous}). ` +
    (p.threshold === null
      ? 'Chưa đến mốc nào của lộ trình giải ngân tối thiểu.'
      : `Ngưỡng tối thiểu theo lộ trình (mốc ${p.byDay}): ${p.threshold} — ${p.below ? 'THẤP HƠN NGƯỠNG' : 'đạt ngưỡng'}.`),
  noMoney: 'Chương trình chưa có kế hoạch vốn năm nay.',
  noCurve: 'Chương trình chưa đặt lộ trình giải ngân tối thiểu.',
  categories: {
    institutions: 'Thể chế, lãnh đạo điều hành',
    data_infrastructure: 'Dữ liệu và hạ tầng',
    resources: 'Nguồn lực',
    service_quality: 'Chất lượng dịch vụ',
    legal: 'Pháp lý',
    other: 'Khác',
  },
  obstacleStatuses: {
    open: 'Mới',
    in_progress: 'Đang xử lý',
    escalated: 'Đã báo cáo cấp trên',
    resolved: 'Đã giải quyết',
  },
  obstacleGroups: { new: 'Mới phát sinh', overdue: 'Quá hạn xử lý', resolved: 'Đã giải quyết' },
  kpiStatuses: {
    on_track: 'Đúng tiến độ',
    at_risk: 'Có nguy cơ',
    off_track: 'Chậm tiến độ',
    no_data: 'Chưa có số liệu',
  },
  adjustmentKinds: {
    extend: 'Gia hạn',
    change: 'Điều chỉnh nội dung',
    replace: 'Thay thế',
    cancel: 'Hủy bỏ',
  },
  decisions: {
    approved: 'Chấp thuận',
    rejected: 'Không chấp thuận',
    pending: 'Chờ quyết định',
    withdrawn: 'Đã rút',
  },
  yes: 'Có',
  no: 'Không',
  extra: {
    rank: 'Hạng',
    allocated: 'Kế hoạch vốn (đồng)',
    disbursed: 'Đã giải ngân (đồng)',
    allocatedBn: 'Kế hoạch vốn (tỷ đồng)',
    disbursedBn: 'Đã giải ngân (tỷ đồng)',
    changePts: 'Thay đổi so với tuần trước (điểm %)',
    below: 'Dưới ngưỡng',
    byDay: 'Mốc (ngày/tháng)',
    minRate: 'Tỷ lệ tối thiểu (%)',
    group: 'Nhóm',
    title: 'Nội dung',
    category: 'Lĩnh vực',
    owner: 'Đơn vị chủ trì xử lý',
    raisedOn: 'Ngày phát sinh',
    dueOn: 'Hạn xử lý',
    resolvedOn: 'Ngày giải quyết',
    daysOverdue: 'Số ngày quá hạn',
    from: 'Đơn vị kiến nghị',
    to: 'Cơ quan trả lời',
    content: 'Nội dung kiến nghị',
    submittedOn: 'Ngày gửi',
    answerDueOn: 'Hạn trả lời',
    workingDaysLate: 'Số ngày làm việc quá hạn',
  },
  signature: 'CƠ QUAN THƯỜNG TRỰC',
  mail: {
    subject: (p, k) => `[Steerboard] Báo cáo tuần ${p} — kỳ ${k}`,
    body: (p) =>
      `Kính gửi ${p.name},\n\nXin gửi kèm báo cáo tuần của ${p.programme}, kỳ ${p.period} (từ ${p.from} đến ${p.to}), số liệu tính đến ${p.asOf}.\n\nTrân trọng,\nCơ quan thường trực (gửi tự động từ Steerboard)`,
  },
};

const en: BriefLabels = {
  number: 'No.: ……/BC-BCĐ',
  title: 'WEEKLY BRIEF',
  subtitle: (p, f, t) => `Progress of the tasks, period ${p} (${f} to ${t})`,
  asOf: (m) => `Figures as of ${m}`,
  sections: {
    headline: 'I. HEADLINE FIGURES',
    warningList: 'II. WARNING LIST',
    overdue: 'III. OVERDUE TASKS BY UNIT',
    discipline: 'IV. REPORTING DISCIPLINE',
    money: 'V. DISBURSEMENT',
    kpis: 'VI. OBJECTIVES AND KEY RESULTS',
    services: 'VII. ONLINE PUBLIC SERVICES',
    obstacles: 'VIII. OBSTACLES',
    recommendations: 'IX. RECOMMENDATIONS PAST DUE',
    adjustments: 'X. ADJUSTMENTS DECIDED',
    charts: 'Charts',
    curve: 'Minimum disbursement curve',
    obstaclesNew: '1. New obstacles in the period',
    obstaclesOverdue: '2. Obstacles past their due day',
    obstaclesResolved: '3. Obstacles resolved in the period',
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
  reasons: {
    overdue_tasks: 'overdue tasks',
    report_missing: 'no report',
    report_late: 'late report',
    disbursement_below_threshold: 'disbursement below threshold',
    recommendations_overdue: 'recommendations unanswered past due',
  },
  total: 'Total',
  reportingRate: (r, rec, exp, on) => `Reporting rate ${r}: ${rec}/${exp} units reported, ${on} on time.`,
  noList: 'No unit is on this period’s warning list.',
  notPublished: 'This period’s warning list has not been published yet.',
  none: 'None.',
  recipients: 'To: the Steering Committee; the standing office; archive.',
  disbursement: (p) =>
    `By ${p.day}, ${p.disbursed} of ${p.allocated} đồng disbursed: ${p.rate} (last week ${p.previous}). ` +
    (p.threshold === null
      ? 'No point of the minimum disbursement curve has been reached yet.'
      : `Minimum by the curve (point ${p.byDay}): ${p.threshold} — ${p.below ? 'BELOW THE THRESHOLD' : 'threshold met'}.`),
  noMoney: 'The programme has no capital plan for this year.',
  noCurve: 'The programme has set no minimum disbursement curve.',
  categories: {
    institutions: 'Institutions, leadership',
    data_infrastructure: 'Data and infrastructure',
    resources: 'Resources',
    service_quality: 'Service quality',
    legal: 'Legal',
    other: 'Other',
  },
  obstacleStatuses: {
    open: 'Open',
    in_progress: 'In progress',
    escalated: 'Escalated',
    resolved: 'Resolved',
  },
  obstacleGroups: { new: 'New', overdue: 'Past due', resolved: 'Resolved' },
  kpiStatuses: { on_track: 'On track', at_risk: 'At risk', off_track: 'Off track', no_data: 'No data' },
  adjustmentKinds: {
    extend: 'Extension',
    change: 'Change of scope',
    replace: 'Replacement',
    cancel: 'Cancellation',
  },
  decisions: { approved: 'Approved', rejected: 'Rejected', pending: 'Pending', withdrawn: 'Withdrawn' },
  yes: 'Yes',
  no: 'No',
  extra: {
    rank: 'Rank',
    allocated: 'Allocated (đồng)',
    disbursed: 'Disbursed (đồng)',
    allocatedBn: 'Allocated (billion VND)',
    disbursedBn: 'Disbursed (billion VND)',
    changePts: 'Change in a week (points)',
    below: 'Below threshold',
    byDay: 'By (day/month)',
    minRate: 'Minimum rate (%)',
    group: 'Group',
    title: 'Obstacle',
    category: 'Category',
    owner: 'Owner unit',
    raisedOn: 'Raised on',
    dueOn: 'Due on',
    resolvedOn: 'Resolved on',
    daysOverdue: 'Days past due',
    from: 'From unit',
    to: 'To agency',
    content: 'Recommendation',
    submittedOn: 'Submitted on',
    answerDueOn: 'Answer due on',
    workingDaysLate: 'Working days late',
  },
  signature: 'STANDING AGENCY',
  mail: {
    subject: (p, k) => `[Steerboard] Weekly brief ${p} — period ${k}`,
    body: (p) =>
      `Dear ${p.name},\n\nPlease find attached the weekly brief of ${p.programme}, period ${p.period} (${p.from} to ${p.to}), figures as of ${p.asOf}.\n\nRegards,\nThe standing agency (sent by Steerboard)`,
  },
};

const ar: BriefLabels = {
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
    money: 'خامساً: صرف رأس المال',
    kpis: 'سادساً: الأهداف والنتائج الرئيسية',
    services: 'سابعاً: الخدمات العامة الإلكترونية',
    obstacles: 'ثامناً: العوائق',
    recommendations: 'تاسعاً: التوصيات المتأخرة الرد',
    adjustments: 'عاشراً: التعديلات المقررة',
    charts: 'الرسوم البيانية',
    curve: 'منحنى الحد الأدنى للصرف',
    obstaclesNew: '1. العوائق الجديدة في الفترة',
    obstaclesOverdue: '2. العوائق المتجاوزة لموعدها',
    obstaclesResolved: '3. العوائق التي عولجت في الفترة',
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
  reasons: {
    overdue_tasks: 'مهام متأخرة',
    report_missing: 'لم يقدّم التقرير',
    report_late: 'تقرير متأخر',
    disbursement_below_threshold: 'صرف دون الحد الأدنى',
    recommendations_overdue: 'توصيات متأخرة الرد',
  },
  total: 'المجموع',
  reportingRate: (r, rec, exp, on) => `معدل تقديم التقارير ${r}: ${rec}/${exp} وحدة قدّمت، ${on} في الموعد.`,
  noList: 'لا توجد وحدة في قائمة التحذير لهذه الفترة.',
  notPublished: 'لم تُنشر قائمة التحذير لهذه الفترة بعد.',
  none: 'لا يوجد.',
  recipients: 'إلى: اللجنة التوجيهية؛ المكتب الدائم؛ الأرشيف.',
  disbursement: (p) =>
    `حتى \u2066${p.day}\u2069 صُرف \u2066${p.disbursed}\u2069 من \u2066${p.allocated}\u2069 دونغ، بنسبة \u2066${p.rate}\u2069 (الأسبوع الماضي \u2066${p.previous}\u2069). ` +
    (p.threshold === null
      ? 'لم تُبلغ بعد أي نقطة من منحنى الحد الأدنى للصرف.'
      : `الحد الأدنى وفق المنحنى (النقطة \u2066${p.byDay}\u2069): \u2066${p.threshold}\u2069 — ${p.below ? 'دون الحد الأدنى' : 'تم بلوغ الحد'}.`),
  noMoney: 'لا توجد خطة رأس مال للبرنامج لهذا العام.',
  noCurve: 'لم يحدد البرنامج منحنى للحد الأدنى للصرف.',
  categories: {
    institutions: 'المؤسسات والقيادة والتنفيذ',
    data_infrastructure: 'البيانات والبنية التحتية',
    resources: 'الموارد',
    service_quality: 'جودة الخدمة',
    legal: 'قانوني',
    other: 'أخرى',
  },
  obstacleStatuses: {
    open: 'مفتوح',
    in_progress: 'قيد المعالجة',
    escalated: 'مُصعَّد',
    resolved: 'تمت معالجته',
  },
  obstacleGroups: { new: 'جديدة', overdue: 'متجاوزة لموعدها', resolved: 'تمت معالجتها' },
  kpiStatuses: {
    on_track: 'على المسار',
    at_risk: 'معرّض للخطر',
    off_track: 'خارج المسار',
    no_data: 'لا بيانات',
  },
  adjustmentKinds: { extend: 'تمديد', change: 'تعديل النطاق', replace: 'استبدال', cancel: 'إلغاء' },
  decisions: { approved: 'موافق عليه', rejected: 'مرفوض', pending: 'قيد القرار', withdrawn: 'مسحوب' },
  yes: 'نعم',
  no: 'لا',
  extra: {
    rank: 'الترتيب',
    allocated: 'المخصص (دونغ)',
    disbursed: 'المصروف (دونغ)',
    allocatedBn: 'المخصص (مليار دونغ)',
    disbursedBn: 'المصروف (مليار دونغ)',
    changePts: 'التغير خلال أسبوع (نقاط)',
    below: 'دون الحد',
    byDay: 'الموعد (يوم/شهر)',
    minRate: 'الحد الأدنى (%)',
    group: 'المجموعة',
    title: 'العائق',
    category: 'الفئة',
    owner: 'الوحدة المسؤولة',
    raisedOn: 'تاريخ الإثارة',
    dueOn: 'الموعد المحدد',
    resolvedOn: 'تاريخ المعالجة',
    daysOverdue: 'أيام التجاوز',
    from: 'الوحدة المقدِّمة',
    to: 'الجهة المعنية بالرد',
    content: 'التوصية',
    submittedOn: 'تاريخ التقديم',
    answerDueOn: 'موعد الرد',
    workingDaysLate: 'أيام العمل المتأخرة',
  },
  signature: 'الجهة الدائمة',
  mail: {
    subject: (p, k) => `[Steerboard] التقرير الأسبوعي \u2066${p}\u2069 — الفترة \u2066${k}\u2069`,
    body: (p) =>
      `السيد/السيدة ${p.name}،\n\nتجدون مرفقاً التقرير الأسبوعي لـ ${p.programme}، الفترة \u2066${p.period}\u2069 (من \u2066${p.from}\u2069 إلى \u2066${p.to}\u2069)، والأرقام حتى \u2066${p.asOf}\u2069.\n\nمع التحية،\nالجهة الدائمة (أُرسل من Steerboard)`,
  },
};

export const BRIEF_LABELS: Record<Locale, BriefLabels> = { vi, en, ar };
