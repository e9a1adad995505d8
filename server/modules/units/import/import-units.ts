import ExcelJS from 'exceljs';
import { foldText } from '../../../../shared/text-fold.js';
import { UNIT_KINDS } from '../../../../shared/vocabulary.js';
import type { UnitImportQuery, UnitImportResult } from '../../../../shared/schemas/unit-bulk.js';
import type { Db } from '../../../db/client.js';
import { transactionWith } from '../../../db/transaction.js';
import { AppError } from '../../../lib/app-error.js';
import type { Clock } from '../../../lib/clock.js';
import type { Actor } from '../../auth/actor.js';
import { canManageUnits } from '../../auth/policy.js';
import { auditLog } from '../../audit/audit.service.js';
import { createUnitBulkRepo } from '../unit-bulk.repo.js';
import { checkUnitRows, type CheckedUnitRow } from './check-units.js';
import { UNIT_KIND_LABELS } from './unit-kinds.js';
import { readUnitSheet, UNIT_HEADERS, UNIT_KEYS } from './unit-sheet.js';

type Deps = { db: Db; clock: Clock };

const present = (
  actor: Actor,
  rows: CheckedUnitRow[],
  committed: boolean,
  counts: { written: number; created: number; updated: number; moved: number },
): UnitImportResult => ({
  committed,
  total: rows.length,
  valid: rows.filter((r) => r.ok).length,
  ...counts,
  columns: [...UNIT_HEADERS[actor.locale]],
  rows: rows.map((r) => ({
    row: r.row,
    values: r.values.map((v) => (v === null ? null : String(v))),
    errors: r.errors,
    action: r.ok?.action ?? null,
  })),
});

const plan = (rows: CheckedUnitRow[]) => {
  const good = rows.flatMap((r) => (r.ok ? [r.ok] : []));
  return {
    written: good.filter((g) => g.action !== 'none').length,
    created: good.filter((g) => g.action === 'create').length,
    updated: good.filter((g) => g.action === 'update').length,
    moved: good.filter((g) => g.action === 'move').length,
  };
};

async function checkFile(db: Db, actor: Actor, buffer: Buffer, q: UnitImportQuery) {
  if (!canManageUnits(actor)) throw new AppError('forbidden');
  const sheet = await readUnitSheet(buffer, { format: q.format, encoding: q.encoding, locale: actor.locale });
  return checkUnitRows(sheet, await createUnitBulkRepo(db).existing(), actor.locale);
}

/** What the file would do; writes nothing. */
export async function previewUnitImport(deps: Deps, actor: Actor, buffer: Buffer, q: UnitImportQuery) {
  const rows = await checkFile(deps.db, actor, buffer, q);
  return present(actor, rows, false, plan(rows));
}

/**
 * All rows or none (by default), or the good rows only; new units, changed names and kinds, and
 * moves (a new parent code) in one transaction, the paths computed in SQL. The rows are checked
 * again inside it, against the tree as it is once locked.
 */
export async function commitUnitImport(deps: Deps, actor: Actor, buffer: Buffer, q: UnitImportQuery) {
  if (!canManageUnits(actor)) throw new AppError('forbidden');
  const sheet = await readUnitSheet(buffer, { format: q.format, encoding: q.encoding, locale: actor.locale });
  return transactionWith(deps.db, createUnitBulkRepo, async (repo, tx) => {
    await repo.lockTree();
    const rows = checkUnitRows(sheet, await repo.existing(), actor.locale);
    const bad = rows.filter((r) => !r.ok).length;
    if (q.mode === 'all' && bad) throw new AppError('import_rows_invalid', { count: bad });
    const counts = plan(rows);
    const good = rows.flatMap((r) =>
      r.ok && r.ok.action !== 'none'
        ? [{ ...r.ok, searchText: foldText(`${r.ok.code} ${r.ok.nameVi} ${r.ok.nameEn ?? ''}`) }]
        : [],
    );
    let paths = 0;
    if (good.length) {
      const w = await repo.writeImport(good);
      paths = w.paths;
      if (counts.updated || counts.moved) await repo.invalidateUnitCaches();
    }
    await auditLog(tx, deps.clock).record({
      actorId: actor.userId,
      action: 'unit.import',
      entity: 'unit',
      entityId: 'import',
      after: {
        mode: q.mode,
        rows: rows.length,
        ...counts,
        pathsWritten: paths,
        codes: good.slice(0, 2000).map((g) => `${g.action}:${g.code}`),
      },
    });
    return present(actor, rows, true, counts);
  });
}

/** The template: headings in the reader's language, codes as text, the kinds on a second sheet. */
export async function unitImportTemplate(actor: Actor): Promise<Buffer> {
  if (!canManageUnits(actor)) throw new AppError('forbidden');
  const wb = new ExcelJS.Workbook();
  const rtl = actor.locale === 'ar';
  const ws = wb.addWorksheet(actor.locale === 'vi' ? 'Đơn vị' : actor.locale === 'ar' ? 'الوحدات' : 'Units', {
    views: [{ state: 'frozen', ySplit: 1, rightToLeft: rtl }],
  });
  ws.addRow([...UNIT_HEADERS[actor.locale]]).font = { bold: true };
  const widths = [16, 18, 36, 30, 30, 18, 24, 26, 16];
  UNIT_KEYS.forEach((_, i) => {
    const col = ws.getColumn(i + 1);
    col.width = widths[i] ?? 20;
    // Codes are text: "00127" keeps its zeros.
    if (i < 2) col.numFmt = '@';
  });
  const kinds = wb.addWorksheet(
    actor.locale === 'vi' ? 'Loại đơn vị' : actor.locale === 'ar' ? 'الأنواع' : 'Kinds',
    {
      views: [{ rightToLeft: rtl }],
    },
  );
  kinds.addRow([UNIT_HEADERS[actor.locale][5], '']).font = { bold: true };
  for (const k of UNIT_KINDS) kinds.addRow([k, UNIT_KIND_LABELS[actor.locale][k]]);
  kinds.getColumn(1).width = 18;
  kinds.getColumn(2).width = 28;
  // The kind column offers the list (codes; a name in any language is accepted too).
  const list = `'${kinds.name}'!$A$2:$A$${UNIT_KINDS.length + 1}`;
  for (let r = 2; r <= 500; r++)
    ws.getCell(r, 6).dataValidation = { type: 'list', allowBlank: true, formulae: [list] };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
