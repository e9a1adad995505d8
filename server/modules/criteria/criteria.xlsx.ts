import ExcelJS from 'exceljs';
import type { Db } from '../../db/client.js';
import { AppError } from '../../lib/app-error.js';
import type { Clock } from '../../lib/clock.js';
import { message } from '../../lib/messages.js';
import { LOCALES, type Locale } from '../../../shared/schemas/common.js';
import type { AssessmentImport, Matrix } from '../../../shared/schemas/criteria.js';
import type { Actor } from '../auth/actor.js';
import { auditLog } from '../audit/audit.service.js';
import { criteriaTransaction, type CriterionRow, type ValueWrite } from './criteria.repo.js';
import { checkValue, nameIn, type CriteriaService } from './criteria.service.js';

/**
 * The assessment template (a row per unit, a column per criterion of the set, and an evidence
 * column after each criterion that needs one), its import (preview, row-level errors, all or
 * nothing by default) and the matrix export with real numbers.
 */
const FIXED: Record<Locale, [string, string]> = {
  vi: ['Mã đơn vị', 'Tên đơn vị'],
  en: ['Unit code', 'Unit name'],
  ar: ['رمز الوحدة', 'اسم الوحدة'],
};
const EVIDENCE: Record<Locale, string> = { vi: 'minh chứng', en: 'evidence', ar: 'الدليل' };
const EXPORT_EXTRA: Record<Locale, { parent: string; met: string; total: string }> = {
  vi: { parent: 'Đơn vị cấp trên', met: 'Số tiêu chí đạt', total: 'Số đơn vị đạt' },
  en: { parent: 'Parent unit', met: 'Criteria met', total: 'Units meeting it' },
  ar: { parent: 'الوحدة الأم', met: 'المعايير المستوفاة', total: 'الوحدات المستوفية' },
};
const LEGEND: Record<Locale, string[]> = {
  vi: ['Mã', 'Tiêu chí', 'Loại', 'Ngưỡng', 'Điểm tối đa', 'Cần minh chứng', 'Nhóm'],
  en: ['Code', 'Criterion', 'Kind', 'Threshold', 'Max score', 'Evidence required', 'Group'],
  ar: ['الرمز', 'المعيار', 'النوع', 'العتبة', 'الدرجة القصوى', 'يتطلب دليلًا', 'المجموعة'],
};
const XLSX_MET_FORMAT = '"✓";"-";"✗"';
const MAX_ROWS = 10_000;

const evidenceHeader = (code: string, locale: Locale) => `${code} (${EVIDENCE[locale]})`;
function headers(criteria: CriterionRow[], locale: Locale): string[] {
  return [
    ...FIXED[locale],
    ...criteria.flatMap((c) => (c.evidence_required ? [c.code, evidenceHeader(c.code, locale)] : [c.code])),
  ];
}

type Cell = ExcelJS.CellValue;
function cellText(v: Cell): string | number | boolean | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'string') return v.trim() === '' ? null : v.trim();
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object' && 'result' in v) return cellText(v.result as Cell);
  if (typeof v === 'object' && 'richText' in v)
    return (
      v.richText
        .map((t) => t.text)
        .join('')
        .trim() || null
    );
  if (typeof v === 'object' && 'text' in v) return String(v.text).trim() || null;
  return null;
}

const YES = new Set(['1', 'x', '✓', 'true', 'đạt', 'dat', 'có', 'co', 'met', 'yes', 'مستوفى', 'نعم']);
const NO = new Set([
  '0',
  '✗',
  '-',
  'false',
  'không đạt',
  'khong dat',
  'không',
  'khong',
  'not met',
  'no',
  'غير مستوفى',
  'لا',
]);
/** A cell of a met / not met criterion, or of a scored one; undefined when it cannot be read. */
function readValue(c: CriterionRow, v: string | number | boolean) {
  if (c.kind === 'score') {
    const n = typeof v === 'number' ? v : Number(String(v).replace(',', '.'));
    return Number.isFinite(n) ? { met: null, score: n } : undefined;
  }
  const s = String(v).trim().toLowerCase();
  if (v === true || YES.has(s)) return { met: true, score: null };
  if (v === false || NO.has(s)) return { met: false, score: null };
  return undefined;
}

/** Refuses a header row renamed, reordered, or naming a criterion the set does not have. */
function checkHeader(found: string[], criteria: CriterionRow[], locale: Locale) {
  const expected = headers(criteria, locale);
  const anyLocale = LOCALES.map((l) => headers(criteria, l));
  const norm = (s: string) => s.trim().toLowerCase();
  const codes = new Set(criteria.map((c) => norm(c.code)));
  const width = Math.max(expected.length, found.length);
  for (let i = 0; i < width; i++) {
    const f = found[i] ?? '';
    if (anyLocale.some((h) => h[i] !== undefined && norm(h[i]!) === norm(f))) continue;
    const looksLikeCriterion = i >= 2 && /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/.test(f.trim());
    if (looksLikeCriterion && !codes.has(norm(f)))
      throw new AppError('criterion_not_in_set', { criterion: f });
    throw new AppError('import_header_mismatch', { column: i + 1, expected: expected[i] ?? '', found: f });
  }
}

async function readSheet(buffer: Buffer) {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new AppError('import_file_invalid');
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new AppError('import_file_invalid');
  const header: string[] = [];
  ws.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => {
    header[col - 1] = String(cellText(cell.value) ?? '');
  });
  while (header.length && header.at(-1) === '') header.pop();
  const rows: { row: number; values: (string | number | boolean | null)[] }[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const values = Array.from({ length: header.length }, (_, i) => cellText(row.getCell(i + 1).value));
    if (values.every((v) => v === null)) return;
    rows.push({ row: n, values });
  });
  if (rows.length > MAX_ROWS) throw new AppError('payload_too_large');
  return { header, rows };
}

export function createCriteriaXlsx(deps: { db: Db; clock: Clock; criteria: CriteriaService }) {
  const { db, clock, criteria: service } = deps;

  /** Every row checked (unit, then each value); nothing written. */
  async function check(actor: Actor, setId: number, period: string, buffer: Buffer) {
    const { set, p, criteria } = await service.open(actor, setId);
    const { header, rows } = await readSheet(buffer);
    checkHeader(header, criteria, actor.locale);
    const cols = headers(criteria, actor.locale);
    const unitOf = await service.unitsForImport(
      actor,
      p,
      set,
      rows.map((r) => String(r.values[0] ?? '').trim()).filter(Boolean),
    );
    const now = clock.now();
    const seen = new Set<string>();
    const out = rows.map((r) => {
      const code = String(r.values[0] ?? '').trim();
      const errors: { column: string; message: string }[] = [];
      const writes: ValueWrite[] = [];
      const u = unitOf(code);
      if ('error' in u)
        errors.push({ column: cols[0]!, message: message(u.error.code, actor.locale, u.error.params) });
      else if (seen.has(code))
        errors.push({ column: cols[0]!, message: message('duplicate_code', actor.locale, { code }) });
      else {
        seen.add(code);
        let col = 2;
        for (const c of criteria) {
          const raw = r.values[col];
          const evidence = c.evidence_required ? r.values[col + 1] : null;
          col += c.evidence_required ? 2 : 1;
          if (raw === null || raw === undefined) continue;
          const v = readValue(c, raw);
          if (!v) {
            errors.push({
              column: c.code,
              message: message('value_missing', actor.locale, { criterion: c.code }),
            });
            continue;
          }
          const ev = evidence === null || evidence === undefined ? null : String(evidence);
          const checked = checkValue(c, { ...v, evidence: ev });
          if ('code' in checked) {
            errors.push({ column: c.code, message: message(checked.code, actor.locale, checked.params) });
            continue;
          }
          writes.push({
            setId: set.id,
            criterionId: c.id,
            unitId: u.unit.id,
            period,
            met: checked.met,
            score: c.kind === 'score' ? v.score : null,
            evidence: ev,
            enteredAs: u.as,
            enteredBy: actor.userId,
            enteredAt: now,
          });
        }
      }
      return { row: r.row, unitCode: code, values: writes.length, errors, writes };
    });
    return { set, out };
  }
  const view = (rows: Awaited<ReturnType<typeof check>>['out']) => rows.map(({ writes: _w, ...r }) => r);

  return {
    async preview(actor: Actor, setId: number, period: string, buffer: Buffer): Promise<AssessmentImport> {
      const { out } = await check(actor, setId, period, buffer);
      return {
        committed: false,
        total: out.length,
        valid: out.filter((r) => !r.errors.length).length,
        written: 0,
        rows: view(out),
      };
    },

    async commit(
      actor: Actor,
      setId: number,
      period: string,
      buffer: Buffer,
      mode: 'all' | 'valid',
    ): Promise<AssessmentImport> {
      const { set, out } = await check(actor, setId, period, buffer);
      const bad = out.filter((r) => r.errors.length);
      if (mode === 'all' && bad.length) throw new AppError('import_rows_invalid', { count: bad.length });
      const good = out.filter((r) => !r.errors.length);
      const written = await criteriaTransaction(db, async (r, tx) => {
        const n = await r.writeValues(good.flatMap((g) => g.writes));
        await auditLog(tx, clock).record({
          actorId: actor.userId,
          action: 'assessment.imported',
          entity: 'criteria_set',
          entityId: String(set.id),
          after: { period, rows: out.length, valid: good.length, values: n, mode },
        });
        return n;
      });
      return { committed: true, total: out.length, valid: good.length, written, rows: view(out) };
    },

    /** The template: the set's criteria as columns, a row per unit the actor may assess (pre-filled if assessed). */
    async template(actor: Actor, setId: number, period: string) {
      const { criteria } = await service.open(actor, setId);
      const matrix = await service.matrix(actor, setId, { period });
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet(period);
      ws.addRow(headers(criteria, actor.locale));
      ws.getRow(1).font = { bold: true };
      ws.getColumn(1).width = 22;
      ws.getColumn(2).width = 34;
      for (const r of matrix.rows) {
        const cells: (string | number | null)[] = [r.unit.code, r.unit.name];
        criteria.forEach((c, i) => {
          cells.push(c.kind === 'score' ? r.scores[i]! : r.met[i] === null ? null : r.met[i] ? 1 : 0);
          if (c.evidence_required) cells.push(null);
        });
        ws.addRow(cells);
      }
      legend(wb, criteria, actor.locale);
      return Buffer.from(await wb.xlsx.writeBuffer());
    },
  };
}
export type CriteriaXlsx = ReturnType<typeof createCriteriaXlsx>;

function legend(wb: ExcelJS.Workbook, criteria: CriterionRow[], locale: Locale) {
  const ref = wb.addWorksheet(locale === 'vi' ? 'Tiêu chí' : locale === 'ar' ? 'المعايير' : 'Criteria');
  ref.addRow(LEGEND[locale]);
  ref.getRow(1).font = { bold: true };
  for (const c of criteria)
    ref.addRow([
      c.code,
      nameIn(locale, c),
      c.kind,
      c.threshold,
      c.max_score,
      c.evidence_required ? 1 : 0,
      c.group_code,
    ]);
  ref.getColumn(2).width = 60;
}

/** The matrix as XLSX: 1/0 shown as ✓/✗ and scores as numbers, a count row per criterion. */
export async function matrixXlsx(m: Matrix, locale: Locale, title: string) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(m.period);
  if (locale === 'ar') ws.views = [{ rightToLeft: true }];
  const x = EXPORT_EXTRA[locale];
  ws.addRow([title]);
  ws.getRow(1).font = { bold: true };
  ws.addRow([FIXED[locale][0], FIXED[locale][1], x.parent, ...m.criteria.map((c) => c.code), x.met]);
  ws.getRow(2).font = { bold: true };
  for (const r of m.rows)
    ws.addRow([
      r.unit.code,
      r.unit.name,
      r.unit.parent,
      ...m.criteria.map((c, i) =>
        c.kind === 'score' ? r.scores[i]! : r.met[i] === null ? null : r.met[i] ? 1 : 0,
      ),
      r.metCount,
    ]);
  const totals = ws.addRow([x.total, null, null, ...m.counts.map((c) => c.met), m.allMet]);
  totals.font = { bold: true };
  // The ✓/✗ format on whole columns (text cells ignore it), not cell by cell.
  m.criteria.forEach((c, i) => {
    if (c.kind === 'boolean') ws.getColumn(4 + i).numFmt = XLSX_MET_FORMAT;
  });
  ws.getColumn(1).width = 22;
  ws.getColumn(2).width = 34;
  ws.getColumn(3).width = 24;
  const ref = wb.addWorksheet(LEGEND[locale][1]!);
  ref.addRow(LEGEND[locale]);
  for (const c of m.criteria)
    ref.addRow([c.code, c.name, c.kind, c.threshold, c.maxScore, c.evidenceRequired ? 1 : 0, c.group]);
  ref.getColumn(2).width = 60;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
