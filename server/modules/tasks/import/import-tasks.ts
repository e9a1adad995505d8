import type { Db } from '../../../db/client.js';
import { transactionWithCopy } from '../../../db/transaction.js';
import { AppError } from '../../../lib/app-error.js';
import type { Clock } from '../../../lib/clock.js';
import type { ImportEncoding } from '../../../../shared/schemas/records.js';
import { PREVIEW_ROWS, type TaskImport } from '../../../../shared/schemas/task-import.js';
import type { Locale } from '../../../../shared/schemas/common.js';
import type { Actor } from '../../auth/actor.js';
import { canManageTasks } from '../../auth/policy.js';
import { auditLog } from '../../audit/audit.service.js';
import type { ProgrammeAccess, ProgrammesService } from '../../programmes/programmes.service.js';
import { cellValues, checkRows, type CheckedRow } from './check-rows.js';
import { TASK_COLUMNS, TASK_HEADERS } from './columns.js';
import { createTaskImportRepo } from './import.repo.js';
import { formatOf, readTaskSheet, type SheetFormat, type TaskSheet } from './read-sheet.js';
import { taskTemplate } from './template.js';

const MAX_ERRORS = 1000;

type Counts = Pick<
  TaskImport,
  'total' | 'valid' | 'invalid' | 'create' | 'update' | 'unchanged' | 'errors' | 'errorsTruncated' | 'rows'
>;

function countsOf(checked: CheckedRow[]): Counts {
  const errors = checked.flatMap((r) => r.errors);
  const n = (a: string) => checked.filter((r) => r.ok?.action === a).length;
  const valid = checked.filter((r) => r.ok).length;
  return {
    total: checked.length,
    valid,
    invalid: checked.length - valid,
    create: n('create'),
    update: n('update'),
    unchanged: n('unchanged'),
    errors: errors.slice(0, MAX_ERRORS),
    errorsTruncated: errors.length > MAX_ERRORS,
    // The first rows, then the refused ones (so a preview shows every row it must fix, up to the cap).
    rows: [
      ...checked.slice(0, PREVIEW_ROWS),
      ...checked
        .slice(PREVIEW_ROWS)
        .filter((r) => !r.ok)
        .slice(0, MAX_ERRORS),
    ].map((r) => ({ row: r.row, action: r.ok ? r.ok.action : 'error', values: cellValues(r.cells) })),
  };
}

const headingsOf = (sheet: TaskSheet, locale: Locale) =>
  TASK_COLUMNS.map((k, i) => (sheet.columns.includes(k) ? TASK_HEADERS[locale][i]! : ''));

/**
 * Tasks from a spreadsheet (decision 54): a preview that stores the file and writes no task,
 * then a confirmation that checks it again inside one transaction and writes all its rows or
 * none (by default), or only the valid ones, set-based. Only the programme's standing agency
 * and admins may import.
 */
export function createTaskImport(deps: { db: Db; clock: Clock; programmes: ProgrammesService }) {
  const { db, clock, programmes } = deps;
  const repo = createTaskImportRepo(db);

  async function open(actor: Actor, programmeId: number): Promise<ProgrammeAccess> {
    const p = await programmes.access(actor, programmeId);
    if (!canManageTasks(actor, programmeId)) throw new AppError('forbidden');
    return p;
  }

  async function check(p: ProgrammeAccess, sheet: TaskSheet, locale: Locale, r = repo) {
    const codes = [...new Set(sheet.rows.map((x) => x.cells.code).filter((c): c is string => !!c))];
    const look = await r.lookups(p.id, p.rootUnitPath, codes);
    return checkRows(sheet.rows, look, locale);
  }

  /**
   * Checks and writes a parsed sheet in one transaction (the CLI and the bench call it directly).
   * Mode "all": any refused row and nothing is written (`refused`).
   */
  async function write(
    actor: Actor,
    p: ProgrammeAccess,
    sheet: TaskSheet,
    mode: 'all' | 'valid',
    importId?: number,
  ) {
    const started = performance.now();
    return transactionWithCopy(db, async (tx, copyIn) => {
      const r = createTaskImportRepo(tx, copyIn);
      await r.lock(p.id);
      const checked = await check(p, sheet, actor.locale, r);
      const counts = countsOf(checked);
      if (mode === 'all' && counts.invalid)
        return { counts, created: 0, updated: 0, refused: true, seconds: 0 };
      const good = checked.flatMap((x) => (x.ok ? [x.ok] : []));
      await r.stage(good);
      const { created, updated } = await r.write(p.id, p.today, actor.userId);
      await auditLog(tx, clock).record({
        actorId: actor.userId,
        action: 'task.import',
        entity: 'programme',
        entityId: String(p.id),
        after: {
          importId: importId ?? null,
          rows: counts.total,
          created,
          updated,
          invalid: counts.invalid,
          mode,
        },
      });
      return { counts, created, updated, refused: false, seconds: (performance.now() - started) / 1000 };
    });
  }

  const present = (
    v: { id: number; programmeId: number; fileName: string; status: TaskImport['status'] },
    sheet: TaskSheet,
    locale: Locale,
    counts: Counts,
    extra: { created?: number; updated?: number; seconds: number },
  ): TaskImport => ({
    ...v,
    headerRow: sheet.headerRow,
    columns: headingsOf(sheet, locale),
    ...counts,
    created: extra.created ?? 0,
    updated: extra.updated ?? 0,
    seconds: extra.seconds,
  });

  return {
    write,
    open,
    read: (buffer: Buffer, format: SheetFormat, encoding: ImportEncoding) =>
      readTaskSheet(buffer, format, encoding),

    template: async (actor: Actor, programmeId: number) =>
      taskTemplate(db, await open(actor, programmeId), actor.locale),

    /** Reads and checks the file, keeps it for the confirmation; writes no task. */
    async preview(
      actor: Actor,
      q: { programmeId: number; fileName: string; encoding: ImportEncoding },
      body: Buffer,
    ): Promise<TaskImport> {
      const started = performance.now();
      const p = await open(actor, q.programmeId);
      const format = formatOf(body);
      const sheet = await readTaskSheet(body, format, q.encoding);
      const counts = countsOf(await check(p, sheet, actor.locale));
      const id = await repo.saveImport({
        programmeId: p.id,
        createdBy: actor.userId,
        fileName: q.fileName,
        format,
        encoding: q.encoding,
        content: body,
        result: { total: counts.total, valid: counts.valid },
      });
      return present(
        { id, programmeId: p.id, fileName: q.fileName, status: 'previewed' },
        sheet,
        actor.locale,
        counts,
        {
          seconds: (performance.now() - started) / 1000,
        },
      );
    },

    /** Writes a previewed file: all rows or none (mode "all", refused with the row errors), or the valid rows. */
    async confirm(actor: Actor, id: number, mode: 'all' | 'valid'): Promise<TaskImport> {
      const imp = await repo.findImport(id);
      if (!imp) throw new AppError('not_found');
      const p = await open(actor, imp.programme_id).catch((e: unknown) => {
        throw e instanceof AppError && e.code === 'forbidden' ? e : new AppError('not_found');
      });
      if (!(await repo.claimImport(id))) throw new AppError('conflict');
      const sheet = await readTaskSheet(
        imp.content,
        imp.format as SheetFormat,
        imp.encoding as ImportEncoding,
      );
      let done: Awaited<ReturnType<typeof write>>;
      try {
        done = await write(actor, p, sheet, mode, id);
      } catch (e) {
        await repo.finishImport(id, 'previewed', imp.result);
        throw e;
      }
      const status = done.refused ? 'previewed' : 'done';
      await repo.finishImport(id, status, {
        ...done.counts,
        rows: [],
        created: done.created,
        updated: done.updated,
        mode,
      });
      if (done.refused) throw new AppError('import_rows_invalid', { count: done.counts.invalid });
      return present(
        { id, programmeId: p.id, fileName: imp.file_name, status: 'done' },
        sheet,
        actor.locale,
        done.counts,
        done,
      );
    },
  };
}
export type TaskImportService = ReturnType<typeof createTaskImport>;
