import ExcelJS from 'exceljs';
import type { Evaluation } from '../../../shared/schemas/evaluations.js';
import type { Locale } from '../../../shared/schemas/common.js';

const L = {
  vi: {
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
    },
  },
  en: {
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
    },
  },
  ar: {
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
    },
  },
} as const;

/** The evaluation as a workbook: one row per unit, each criterion's figure and points beside it. */
export async function evaluationXlsx(e: Evaluation, locale: Locale): Promise<Buffer> {
  const l = L[locale];
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(`${l.sheet} ${e.year}`, {
    views: [{ rightToLeft: locale === 'ar', state: 'frozen', ySplit: 1 }],
  });
  const crit = e.rules.criteria.map((c) => c.code);
  ws.addRow([
    l.rank,
    l.code,
    l.unit,
    l.leader,
    ...crit.flatMap((c) => [
      `${l.crit[c]} (n)`,
      `${l.crit[c]} (N)`,
      `${l.crit[c]} (${e.rules.criteria.find((x) => x.code === c)!.weight})`,
    ]),
    l.score,
    l.grade,
    l.capped,
  ]).font = { bold: true };
  for (const u of e.units)
    ws.addRow([
      u.rank,
      u.unit.code,
      u.unit.name,
      u.unit.leader,
      ...crit.flatMap((c) => {
        const b = u.breakdown.find((x) => x.code === c);
        return [b?.numerator ?? null, b?.denominator ?? null, b?.points ?? null];
      }),
      u.score,
      u.grade ? l.grades[u.grade] : null,
      u.capped ? '✓' : '',
    ]);
  ws.columns.forEach((c) => (c.width = 16));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
