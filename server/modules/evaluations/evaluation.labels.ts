import type { CriterionCode, Grade } from '../../../shared/evaluation.js';
import type { Locale } from '../../../shared/schemas/common.js';

/** Every word of the evaluation's exports (XLSX and DOCX), in the reader's language. */
export type EvaluationLabels = {
  sheet: string;
  rank: string;
  code: string;
  unit: string;
  leader: string;
  score: string;
  grade: string;
  capped: string;
  grades: Record<Grade, string>;
  crit: Record<CriterionCode, string>;
  /** The DOCX's own words. */
  doc: {
    number: string;
    title: (year: number) => string;
    subtitle: (asOf: string, status: 'draft' | 'approved', approvedBy: string | null) => string;
    rules: string;
    weight: string;
    criterion: string;
    thresholds: (excellent: number, good: number, complete: number, cap: number | null) => string;
    summary: string;
    count: string;
    ranking: string;
    breakdown: string;
    figure: string;
    points: string;
    evidence: string;
    notApplicable: string;
    none: string;
    more: (n: number) => string;
    signature: string;
    recipients: string;
  };
};

const vi: EvaluationLabels = {
  sheet: 'Đánh giá',
  rank: 'Hạng',
  code: 'Mã',
  unit: 'Đơn vị',
  leader: 'Thủ trưởng',
  score: 'Điểm',
  grade: 'Xếp loại',
  capped: 'Hạ do giới hạn tỷ lệ',
  grades: {
    excellent: 'Hoàn thành xuất sắc',
    good: 'Hoàn thành tốt',
    complete: 'Hoàn thành',
    not_complete: 'Không hoàn thành',
  },
  crit: {
    tasks_on_time: 'Nhiệm vụ đúng hạn',
    reporting_on_time: 'Báo cáo đúng hạn',
    kpi_attainment: 'Mức đạt chỉ tiêu',
    disbursement_rate: 'Tỷ lệ giải ngân',
    obstacles_in_time: 'Vướng mắc xử lý đúng hạn',
    recommendations_in_time: 'Kiến nghị trả lời đúng hạn',
  },
  doc: {
    number: 'Số: ……/BC-BCĐ',
    title: (y) => `BÁO CÁO KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CÁC ĐƠN VỊ NĂM ${y}`,
    subtitle: (d, s, by) =>
      `Số liệu tính đến ngày ${d}` +
      (s === 'approved' ? ` — đã phê duyệt${by ? ` (${by})` : ''}` : ' — dự thảo'),
    rules: 'I. TIÊU CHÍ VÀ TRỌNG SỐ',
    weight: 'Trọng số (điểm)',
    criterion: 'Tiêu chí',
    thresholds: (e, g, c, cap) =>
      `Xếp loại: Hoàn thành xuất sắc từ ${e} điểm; Hoàn thành tốt từ ${g} điểm; Hoàn thành từ ${c} điểm; dưới ${c} điểm: Không hoàn thành.` +
      (cap === null ? '' : ` Tỷ lệ đơn vị Hoàn thành xuất sắc không quá ${cap}%.`),
    summary: 'II. TỔNG HỢP XẾP LOẠI',
    count: 'Số đơn vị',
    ranking: 'III. BẢNG XẾP HẠNG',
    breakdown: 'IV. CHI TIẾT ĐIỂM VÀ CĂN CỨ',
    figure: 'Số liệu',
    points: 'Điểm',
    evidence: 'Căn cứ',
    notApplicable: 'Không áp dụng',
    none: 'Không có.',
    more: (n) => `… và ${n} mục khác`,
    signature: 'CƠ QUAN THƯỜNG TRỰC',
    recipients: 'Nơi nhận: Ban Chỉ đạo; Hội đồng Thi đua - Khen thưởng; Lưu: VT.',
  },
};

const en: EvaluationLabels = {
  sheet: 'Evaluation',
  rank: 'Rank',
  code: 'Code',
  unit: 'Unit',
  leader: 'Head',
  score: 'Score',
  grade: 'Grade',
  capped: 'Lowered by the cap',
  grades: { excellent: 'Excellent', good: 'Good', complete: 'Complete', not_complete: 'Not complete' },
  crit: {
    tasks_on_time: 'Tasks on time',
    reporting_on_time: 'Reports on time',
    kpi_attainment: 'Key results attained',
    disbursement_rate: 'Disbursement rate',
    obstacles_in_time: 'Obstacles resolved in time',
    recommendations_in_time: 'Recommendations answered in time',
  },
  doc: {
    number: 'No.: ……/BC-BCĐ',
    title: (y) => `YEAR-END EVALUATION OF THE UNITS, ${y}`,
    subtitle: (d, s, by) =>
      `Figures as of ${d}` + (s === 'approved' ? ` — approved${by ? ` (${by})` : ''}` : ' — draft'),
    rules: 'I. CRITERIA AND WEIGHTS',
    weight: 'Weight (points)',
    criterion: 'Criterion',
    thresholds: (e, g, c, cap) =>
      `Grades: excellent from ${e} points; good from ${g}; complete from ${c}; below ${c}: not complete.` +
      (cap === null ? '' : ` At most ${cap}% of the units may be excellent.`),
    summary: 'II. GRADES',
    count: 'Units',
    ranking: 'III. RANKING',
    breakdown: 'IV. POINTS AND EVIDENCE BY UNIT',
    figure: 'Figure',
    points: 'Points',
    evidence: 'Evidence',
    notApplicable: 'Not applicable',
    none: 'None.',
    more: (n) => `… and ${n} more`,
    signature: 'STANDING AGENCY',
    recipients: 'To: the Steering Committee; the Emulation and Rewards Council; archive.',
  },
};

const ar: EvaluationLabels = {
  sheet: 'التقييم',
  rank: 'الترتيب',
  code: 'الرمز',
  unit: 'الوحدة',
  leader: 'الرئيس',
  score: 'النقاط',
  grade: 'التصنيف',
  capped: 'خُفّض بسبب الحد الأقصى',
  grades: { excellent: 'ممتاز', good: 'جيد', complete: 'مكتمل', not_complete: 'غير مكتمل' },
  crit: {
    tasks_on_time: 'المهام في الموعد',
    reporting_on_time: 'التقارير في الموعد',
    kpi_attainment: 'تحقق النتائج الرئيسية',
    disbursement_rate: 'معدل الصرف',
    obstacles_in_time: 'العوائق المعالجة في الموعد',
    recommendations_in_time: 'التوصيات المجاب عنها في الموعد',
  },
  doc: {
    number: 'الرقم: ……/BC-BCĐ',
    title: (y) => `تقرير تقييم الوحدات وتصنيفها لعام \u2066${y}\u2069`,
    subtitle: (d, s, by) =>
      `الأرقام حتى \u2066${d}\u2069` + (s === 'approved' ? ` — معتمد${by ? ` (${by})` : ''}` : ' — مسودة'),
    rules: 'أولاً: المعايير والأوزان',
    weight: 'الوزن (نقاط)',
    criterion: 'المعيار',
    thresholds: (e, g, c, cap) =>
      `التصنيف: ممتاز من \u2066${e}\u2069 نقطة؛ جيد من \u2066${g}\u2069؛ مكتمل من \u2066${c}\u2069؛ أقل من \u2066${c}\u2069: غير مكتمل.` +
      (cap === null ? '' : ` لا تتجاوز نسبة الوحدات الممتازة \u2066${cap}%\u2069.`),
    summary: 'ثانياً: التصنيفات',
    count: 'عدد الوحدات',
    ranking: 'ثالثاً: الترتيب',
    breakdown: 'رابعاً: النقاط والأدلة حسب الوحدة',
    figure: 'الرقم',
    points: 'النقاط',
    evidence: 'الأدلة',
    notApplicable: 'لا ينطبق',
    none: 'لا يوجد.',
    more: (n) => `… و\u2066${n}\u2069 أخرى`,
    signature: 'الجهة الدائمة',
    recipients: 'إلى: اللجنة التوجيهية؛ مجلس المحاكاة والمكافآت؛ الأرشيف.',
  },
};

export const EVALUATION_LABELS: Record<Locale, EvaluationLabels> = { vi, en, ar };
