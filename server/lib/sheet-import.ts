import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ZodError } from 'zod';
import type { Db } from '../db/client.js';
import type { Locale } from '../../shared/schemas/common.js';
import type { SheetImportResult } from '../../shared/schemas/sheet-import.js';
import type { Actor } from '../modules/auth/actor.js';
import { auditLog } from '../modules/audit/audit.service.js';
import { AppError } from './app-error.js';
import type { Clock } from './clock.js';
import { isCustomIssueKey, message, type CustomIssueKey } from './messages.js';
import { isZip, readCsvSheet } from './sheet-csv.js';

/**
 * One pattern for every register's XLSX import (capital plans, payments, obstacles,
 * recommendations): a template whose header row is checked (renamed or reordered columns are
 * refused), a preview that writes nothing and says per row what is wrong in the reader's
 * language, then a commit of all rows or none (by default) or only the good ones, in one
 * transaction. A register supplies its columns, its row check and its write.
 */

export type Cell = string | number | null;
export type SheetRow = { row: number; values: Cell[] };
export type RowError = { column: string; message: string };
export type Checked<T> = { row: number; values: Cell[]; errors: RowError[]; ok?: T };

export type SheetSpec<K extends string = string> = {
  /** The first sheet's name in the template. */
  sheet: string;
  keys: readonly K[];
  headers: Record<Locale, readonly string[]>;
  widths?: number[];
};

const MAX_ROWS = 20_000;

export function cellText(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return v.trim() === '' ? null : v.trim();
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'object' && 'result' in v) return cellText(v.result as ExcelJS.CellValue);
  if (typeof v === 'object' && 'richText' in v)
    return v.richText
      .map((t) => t.text)
      .join('')
      .trim();
  if (typeof v === 'object' && 'text' in v) return String(v.text).trim();
  return null;
}

/** Dates typed by hand: 2026-03-15 or 15/03/2026; real date cells arrive as ISO already. */
export function dateText(v: Cell): string {
  if (v === null) return '';
  const s = String(v);
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  return m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : s;
}
export const text = (v: Cell): string | null => (v === null ? null : String(v));

/** Reads the first sheet with the streaming reader (or a CSV file); refuses a header row renamed or reordered. */
export async function readSheet(buffer: Buffer, spec: SheetSpec, locale: Locale): Promise<SheetRow[]> {
  if (!isZip(buffer)) return readCsvSheet(buffer, spec, locale);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(buffer), {
    sharedStrings: 'cache',
    styles: 'cache',
    worksheets: 'emit',
    hyperlinks: 'ignore',
  });
  const n = spec.keys.length;
  const rows: SheetRow[] = [];
  let sawHeader = false;
  const norm = (s: string) => s.trim().toLowerCase();
  try {
    for await (const sheet of reader) {
      let header = true;
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        const values = spec.keys.map((_, i) => cellText(row.getCell(i + 1).value));
        if (header) {
          header = false;
          sawHeader = true;
          // One more cell than the template has: a column inserted anywhere shifts one out.
          const found = [...values, cellText(row.getCell(n + 1).value)].map((v) => String(v ?? ''));
          const same = (h: readonly string[]) => h.every((x, i) => norm(x) === norm(found[i]!)) && !found[n];
          if (!Object.values(spec.headers).some(same)) {
            const expected = spec.headers[locale];
            const i = Math.max(
              0,
              [...expected, ''].findIndex((x, j) => norm(x) !== norm(found[j]!)),
            );
            throw new AppError('import_header_mismatch', {
              column: i + 1,
              expected: expected[i] ?? '',
              found: found[i] ?? '',
            });
          }
          continue;
        }
        if (values.every((v) => v === null)) continue;
        if (rows.length >= MAX_ROWS) throw new AppError('payload_too_large');
        rows.push({ row: row.number, values });
      }
      break; // the first sheet only
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('import_file_invalid');
  }
  if (!sawHeader)
    throw new AppError('import_header_mismatch', { column: 1, expected: spec.headers[locale][0], found: '' });
  return rows;
}

/** Builds the errors of one row, each under its column's heading in the reader's language. */
export function rowErrors<K extends string>(spec: SheetSpec<K>, locale: Locale) {
  const heading = (k: K | string) => {
    const i = spec.keys.indexOf(k as K);
    return i >= 0 ? spec.headers[locale][i]! : String(k);
  };
  return {
    heading,
    say: (k: K, key: Parameters<typeof message>[0], params: Record<string, unknown> = {}): RowError => ({
      column: heading(k),
      message: message(key, locale, params),
    }),
    /** zod issues: a custom key when the schema names one, "required" for an empty cell. */
    zod: (e: ZodError, values: Record<string, unknown>): RowError[] =>
      e.issues.map((i) => {
        const k = String(i.path[0] ?? '');
        const empty = values[k] === null || values[k] === undefined || values[k] === '';
        const key: CustomIssueKey | 'validation_failed' = isCustomIssueKey(i.message)
          ? i.message
          : empty
            ? 'import_required'
            : 'validation_failed';
        return { column: heading(k), message: message(key, locale) };
      }),
    /** A service's refusal (AppError), under the column its field belongs to. */
    app: (e: AppError, fieldToKey: Record<string, K>, fallback: K): RowError => ({
      column: heading(fieldToKey[e.field ?? ''] ?? fallback),
      message: message(e.code, locale, e.params),
    }),
  };
}

export type SheetImporter<Ctx, T> = {
  spec: SheetSpec;
  /** The download's file name, without extension. */
  fileName: string;
  auditAction: string;
  /** Opens the programme and checks the actor may import into it (throws otherwise). */
  open(actor: Actor, programmeId: number): Promise<Ctx>;
  /** Every row with its errors, and what to write for the good ones. Writes nothing. */
  check(ctx: Ctx, actor: Actor, rows: SheetRow[]): Promise<Checked<T>[]>;
  /** Writes the good rows inside the transaction; returns how many were written. */
  write(ctx: Ctx, actor: Actor, good: T[], tx: Db): Promise<number>;
  /** Reference sheets beside the template (codes to use), in the reader's language. */
  reference?(ctx: Ctx, actor: Actor, wb: ExcelJS.Workbook): Promise<void>;
};

const present = <T>(
  spec: SheetSpec,
  locale: Locale,
  rows: Checked<T>[],
  committed: boolean,
  written: number,
): SheetImportResult => ({
  committed,
  total: rows.length,
  valid: rows.filter((r) => r.ok !== undefined).length,
  written,
  columns: [...spec.headers[locale]],
  rows: rows.map((r) => ({
    row: r.row,
    values: r.values.map((v) => (v === null ? null : String(v))),
    errors: r.errors,
  })),
});

export function sheetImport<Ctx, T>(deps: { db: Db; clock: Clock }, def: SheetImporter<Ctx, T>) {
  const { db, clock } = deps;
  return {
    spec: def.spec,
    fileName: def.fileName,

    async preview(actor: Actor, programmeId: number, buffer: Buffer): Promise<SheetImportResult> {
      const ctx = await def.open(actor, programmeId);
      const rows = await def.check(ctx, actor, await readSheet(buffer, def.spec, actor.locale));
      return present(def.spec, actor.locale, rows, false, 0);
    },

    async commit(
      actor: Actor,
      programmeId: number,
      buffer: Buffer,
      mode: 'all' | 'valid',
    ): Promise<SheetImportResult> {
      const ctx = await def.open(actor, programmeId);
      const rows = await def.check(ctx, actor, await readSheet(buffer, def.spec, actor.locale));
      const bad = rows.filter((r) => r.ok === undefined).length;
      if (mode === 'all' && bad) throw new AppError('import_rows_invalid', { count: bad });
      const good = rows.flatMap((r) => (r.ok === undefined ? [] : [r.ok]));
      const written = await db.transaction(async (t) => {
        const tx = t as unknown as Db;
        const n = good.length ? await def.write(ctx, actor, good, tx) : 0;
        await auditLog(tx, clock).record({
          actorId: actor.userId,
          action: def.auditAction,
          entity: 'programme',
          entityId: String(programmeId),
          after: { rows: rows.length, written: n, mode },
        });
        return n;
      });
      return present(def.spec, actor.locale, rows, true, written);
    },

    /** The template: the header row in the reader's language, bold and frozen, and its reference sheets. */
    async template(actor: Actor, programmeId: number): Promise<Buffer> {
      const ctx = await def.open(actor, programmeId);
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet(def.spec.sheet, {
        views: [{ state: 'frozen', ySplit: 1, rightToLeft: actor.locale === 'ar' }],
      });
      ws.addRow([...def.spec.headers[actor.locale]]).font = { bold: true };
      def.spec.keys.forEach((_, i) => (ws.getColumn(i + 1).width = def.spec.widths?.[i] ?? 20));
      await def.reference?.(ctx, actor, wb);
      return Buffer.from(await wb.xlsx.writeBuffer());
    },
  };
}
export type SheetImport = ReturnType<typeof sheetImport>;
