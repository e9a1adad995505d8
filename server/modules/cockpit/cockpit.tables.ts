import type { Cockpit } from '../../../shared/schemas/cockpit.js';
import type { Locale } from '../../../shared/schemas/common.js';
import { TASK_STATES } from '../../../shared/task-state.js';
import type { CockpitTile } from '../../../shared/vocabulary.js';

/** A tile's numbers as a table: what the XLSX sheet and the CSV file hold (numbers stay numbers). */
export type Table = {
  tile: CockpitTile;
  title: string;
  header: string[];
  rows: (string | number | Date | null)[][];
};

const L = {
  vi: {
    states: {
      done_on_time: 'Hoàn thành đúng hạn',
      done_late: 'Hoàn thành quá hạn',
      overdue: 'Quá hạn',
      in_progress: 'Đang thực hiện',
      not_started: 'Chưa triển khai',
    },
    titles: {
      states: 'Nhiệm vụ theo trạng thái',
      trend: 'Diễn biến theo tuần',
      overdue_units: 'Quá hạn theo đơn vị',
      overdue_groups: 'Theo tổ chuyên đề',
      units: 'Đơn vị trực thuộc',
      warning_list: 'Danh sách cảnh báo',
      reporting: 'Tỷ lệ báo cáo',
      kpis: 'Mục tiêu và kết quả then chốt',
      services: 'Chỉ số dịch vụ công',
      overdue_tasks: 'Nhiệm vụ quá hạn',
      money: 'Giải ngân vốn',
      obstacles: 'Khó khăn, vướng mắc',
      recommendations: 'Kiến nghị quá hạn trả lời',
      pilots: 'Mô hình thí điểm',
      criteria: 'Bộ tiêu chí',
      catalogue: 'Danh mục dữ liệu',
    },
    state: 'Trạng thái',
    count: 'Số nhiệm vụ',
    date: 'Ngày',
    total: 'Tổng',
    code: 'Mã',
    unit: 'Đơn vị',
    overdue: 'Quá hạn',
    done: 'Hoàn thành',
    doneRate: 'Tỷ lệ hoàn thành (%)',
    group: 'Tổ chuyên đề',
    noGroup: 'Chưa phân tổ',
    period: 'Kỳ',
    expected: 'Phải báo cáo',
    received: 'Đã báo cáo',
    onTime: 'Đúng hạn',
    reportingRate: 'Tỷ lệ báo cáo (%)',
    onTimeRate: 'Tỷ lệ đúng hạn (%)',
    reasons: 'Lý do',
    streak: 'Số kỳ liên tiếp',
    objective: 'Mục tiêu',
    indicator: 'Chỉ tiêu',
    baseline: 'Cơ sở',
    target: 'Mục tiêu',
    value: 'Giá trị',
    attainment: 'Mức đạt (%)',
    statusCol: 'Tình trạng',
    month: 'Tháng',
    numerator: 'Tử số',
    denominator: 'Mẫu số',
    task: 'Nhiệm vụ',
    deadline: 'Hạn',
    daysOverdue: 'Số ngày quá hạn',
    lead: 'Đơn vị chủ trì',
    year: 'Năm',
    allocated: 'Kế hoạch vốn (đồng)',
    disbursed: 'Đã giải ngân (đồng)',
    rate: 'Tỷ lệ giải ngân (%)',
    threshold: 'Ngưỡng (%)',
    thresholdBy: 'Ngưỡng đến ngày',
    category: 'Nhóm',
    statusName: 'Trạng thái',
    agency: 'Cơ quan xử lý',
    late: 'Trễ hạn',
    units: 'Số đơn vị',
    allMet: 'Đạt tất cả',
    datasets: 'Bộ dữ liệu',
    published: 'Đã công bố',
    notPublished: 'Đơn vị chưa công bố',
  },
  en: {
    states: {
      done_on_time: 'Done on time',
      done_late: 'Done late',
      overdue: 'Overdue',
      in_progress: 'In progress',
      not_started: 'Not started',
    },
    titles: {
      states: 'Tasks by state',
      trend: 'Week by week',
      overdue_units: 'Overdue by unit',
      overdue_groups: 'By specialised group',
      units: 'Units below',
      warning_list: 'Warning list',
      reporting: 'Reporting rate',
      kpis: 'Objectives and key results',
      services: 'Public service indicators',
      overdue_tasks: 'Overdue tasks',
      money: 'Disbursement',
      obstacles: 'Obstacles',
      recommendations: 'Recommendations answered late',
      pilots: 'Pilot models',
      criteria: 'Criteria sets',
      catalogue: 'Data catalogue',
    },
    state: 'State',
    count: 'Tasks',
    date: 'Date',
    total: 'Total',
    code: 'Code',
    unit: 'Unit',
    overdue: 'Overdue',
    done: 'Done',
    doneRate: 'Done (%)',
    group: 'Group',
    noGroup: 'No group',
    period: 'Period',
    expected: 'Expected',
    received: 'Received',
    onTime: 'On time',
    reportingRate: 'Reporting rate (%)',
    onTimeRate: 'On-time rate (%)',
    reasons: 'Reasons',
    streak: 'Periods in a row',
    objective: 'Objective',
    indicator: 'Indicator',
    baseline: 'Baseline',
    target: 'Target',
    value: 'Value',
    attainment: 'Attainment (%)',
    statusCol: 'Status',
    month: 'Month',
    numerator: 'Numerator',
    denominator: 'Denominator',
    task: 'Task',
    deadline: 'Deadline',
    daysOverdue: 'Days overdue',
    lead: 'Lead unit',
    year: 'Year',
    allocated: 'Allocated (VND)',
    disbursed: 'Disbursed (VND)',
    rate: 'Disbursement rate (%)',
    threshold: 'Threshold (%)',
    thresholdBy: 'Threshold by',
    category: 'Category',
    statusName: 'Status',
    agency: 'Handling agency',
    late: 'Late',
    units: 'Units',
    allMet: 'Meeting all',
    datasets: 'Datasets',
    published: 'Published',
    notPublished: 'Units not published',
  },
  ar: {
    states: {
      done_on_time: 'منجزة في الموعد',
      done_late: 'منجزة متأخرة',
      overdue: 'متأخرة',
      in_progress: 'قيد التنفيذ',
      not_started: 'لم تبدأ',
    },
    titles: {
      states: 'المهام حسب الحالة',
      trend: 'أسبوعاً بأسبوع',
      overdue_units: 'المتأخرة حسب الوحدة',
      overdue_groups: 'حسب الفريق المتخصص',
      units: 'الوحدات التابعة',
      warning_list: 'قائمة التحذير',
      reporting: 'معدل تقديم التقارير',
      kpis: 'الأهداف والنتائج الرئيسية',
      services: 'مؤشرات الخدمات العامة',
      overdue_tasks: 'المهام المتأخرة',
      money: 'صرف الاعتمادات',
      obstacles: 'العوائق',
      recommendations: 'التوصيات المتأخرة الرد',
      pilots: 'النماذج التجريبية',
      criteria: 'مجموعات المعايير',
      catalogue: 'فهرس البيانات',
    },
    state: 'الحالة',
    count: 'المهام',
    date: 'التاريخ',
    total: 'المجموع',
    code: 'الرمز',
    unit: 'الوحدة',
    overdue: 'متأخرة',
    done: 'منجزة',
    doneRate: 'نسبة الإنجاز (%)',
    group: 'الفريق',
    noGroup: 'بلا فريق',
    period: 'الفترة',
    expected: 'المطلوب',
    received: 'المستلم',
    onTime: 'في الموعد',
    reportingRate: 'معدل التقارير (%)',
    onTimeRate: 'معدل الالتزام بالموعد (%)',
    reasons: 'الأسباب',
    streak: 'فترات متتالية',
    objective: 'الهدف',
    indicator: 'المؤشر',
    baseline: 'خط الأساس',
    target: 'المستهدف',
    value: 'القيمة',
    attainment: 'نسبة التحقق (%)',
    statusCol: 'الوضع',
    month: 'الشهر',
    numerator: 'البسط',
    denominator: 'المقام',
    task: 'المهمة',
    deadline: 'الموعد النهائي',
    daysOverdue: 'أيام التأخير',
    lead: 'الوحدة الرئيسية',
    year: 'السنة',
    allocated: 'المخصص (دونغ)',
    disbursed: 'المصروف (دونغ)',
    rate: 'نسبة الصرف (%)',
    threshold: 'الحد الأدنى (%)',
    thresholdBy: 'الحد الأدنى بحلول',
    category: 'الفئة',
    statusName: 'الحالة',
    agency: 'الجهة المعالجة',
    late: 'متأخرة',
    units: 'الوحدات',
    allMet: 'تستوفي الكل',
    datasets: 'مجموعات البيانات',
    published: 'منشورة',
    notPublished: 'وحدات لم تنشر',
  },
} as const;

const asDate = (d: string) => new Date(`${d}T00:00:00Z`);

/** Every tile of the cockpit as a table, in the reader's language; `groups` names the groups. */
export function cockpitTables(c: Cockpit, locale: Locale, groupName: (id: number | null) => string): Table[] {
  const l = L[locale];
  const t = (tile: CockpitTile, header: string[], rows: Table['rows']): Table => ({
    tile,
    title: l.titles[tile],
    header,
    rows,
  });
  const reasonText = (u: { reasons: { code: string; count: number }[] }) =>
    u.reasons.map((x) => `${x.code} (${x.count})`).join('; ');
  return [
    t(
      'states',
      [l.state, l.count],
      TASK_STATES.map((s) => [l.states[s], c.summary.byState[s]]),
    ),
    t(
      'trend',
      [l.date, ...TASK_STATES.map((s) => l.states[s]), l.total],
      c.trend.map((w) => [asDate(w.date), ...TASK_STATES.map((s) => w.byState[s]), w.total]),
    ),
    t(
      'overdue_units',
      [l.code, l.unit, l.overdue, l.total],
      c.summary.overdueByUnit.map((u) => [u.code, u.name, u.overdue, u.total]),
    ),
    t(
      'overdue_groups',
      [l.group, l.overdue, l.total],
      c.summary.byGroup.map((g) => [
        g.groupId === null ? l.noGroup : groupName(g.groupId),
        g.byState.overdue,
        g.total,
      ]),
    ),
    t(
      'units',
      [l.code, l.unit, l.total, l.done, l.overdue, l.doneRate],
      c.units.map((u) => [u.unit.code, u.unit.name, u.total, u.done, u.overdue, u.doneRate]),
    ),
    t(
      'overdue_tasks',
      [l.code, l.task, l.lead, l.deadline, l.daysOverdue],
      c.overdueTasks.map((x) => [x.code, x.title, x.leadUnit, asDate(x.deadline), x.daysOverdue]),
    ),
    t(
      'warning_list',
      [l.code, l.unit, l.reasons, l.streak],
      (c.warningList?.units ?? []).map((u) => [u.unit.code, u.unit.name, reasonText(u), u.streak]),
    ),
    t(
      'reporting',
      [l.period, l.expected, l.received, l.onTime, l.reportingRate, l.onTimeRate],
      c.reporting.map((r) => [r.period, r.expected, r.received, r.onTime, r.reportingRate, r.onTimeRate]),
    ),
    t(
      'kpis',
      [l.objective, l.indicator, l.baseline, l.target, l.deadline, l.value, l.attainment, l.statusCol],
      c.kpis.map((k) => [
        k.objective,
        k.name,
        k.baseline,
        k.target,
        k.deadline ? asDate(k.deadline) : null,
        k.value,
        k.attainment,
        k.status,
      ]),
    ),
    t(
      'money',
      [l.year, l.allocated, l.disbursed, l.rate, l.threshold, l.thresholdBy],
      c.registers.money
        ? [
            [
              c.registers.money.year,
              Number(c.registers.money.allocated),
              Number(c.registers.money.disbursed),
              c.registers.money.rate === null ? null : Number(c.registers.money.rate),
              c.registers.money.threshold ? Number(c.registers.money.threshold.minRatePct) : null,
              c.registers.money.threshold
                ? asDate(`${c.registers.money.year}-${c.registers.money.threshold.byDay}`)
                : null,
            ],
          ]
        : [],
    ),
    t(
      'obstacles',
      [l.category, l.statusName, l.count],
      Object.entries(c.registers.obstacles?.byCategory ?? {})
        .map(([k, n]) => [k, null, n] as Table['rows'][number])
        .concat(Object.entries(c.registers.obstacles?.byStatus ?? {}).map(([k, n]) => [null, k, n])),
    ),
    t(
      'recommendations',
      [l.agency, l.total, l.overdue, l.late],
      (c.registers.recommendations?.agencies ?? []).map((a) => [a.agency.name, a.total, a.overdue, a.late]),
    ),
    t(
      'pilots',
      [l.state, l.count],
      c.registers.pilots ? TASK_STATES.map((s) => [l.states[s], c.registers.pilots!.byState[s]]) : [],
    ),
    t(
      'criteria',
      [l.code, l.indicator, l.period, l.units, l.allMet],
      c.registers.criteria.map((x) => [x.code, x.name, x.period, x.units, x.allMet]),
    ),
    t(
      'catalogue',
      [l.datasets, l.published, l.notPublished, l.deadline],
      c.registers.catalogue
        ? [
            [
              c.registers.catalogue.total,
              c.registers.catalogue.published,
              c.registers.catalogue.notPublished,
              c.registers.catalogue.deadline ? asDate(c.registers.catalogue.deadline.deadline) : null,
            ],
          ]
        : [],
    ),
    t(
      'services',
      [l.month, l.indicator, l.numerator, l.denominator, l.value],
      (c.services?.months ?? []).flatMap((m) =>
        m.indicators.map((i) => [m.month, i.code, i.numerator, i.denominator, i.value]),
      ),
    ),
  ];
}

/** RFC 4180 CSV with a BOM, so that Excel opens Vietnamese and Arabic text correctly. */
export function toCsv(table: Table): string {
  const cell = (v: Table['rows'][number][number]) => {
    if (v === null) return '';
    let s = v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
    // A text that a spreadsheet would run as a formula is kept as text (CSV injection).
    if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return '\ufeff' + [table.header, ...table.rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
