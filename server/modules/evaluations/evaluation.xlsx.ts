import ExcelJS from 'exceljs';
import type { Evaluation } from '../../../shared/schemas/evaluations.js';
import type { Locale } from '../../../shared/schemas/common.js';
import { EVALUATION_LABELS } from './evaluation.labels.js';

/** The evaluation as a workbook: one row per unit, each criterion's figure and points beside it. */
export async function evaluationXlsx(e: Evaluation, locale: Locale): Promise<Buffer> {
  const l = EVALUATION_LABELS[locale];
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
