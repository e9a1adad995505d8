import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ImportEncoding } from '../../../../shared/schemas/records.js';
import { AppError } from '../../../lib/app-error.js';
import { csvRecords, decode } from '../../records/readers.js';
import { columnOf, REQUIRED_COLUMNS, TASK_COLUMNS, TASK_HEADERS, type TaskColumn } from './columns.js';

export type Cell = string | null;
/** A data row: its number in the file (1-based, as a spreadsheet shows it) and its cells by column. */
export type TaskSheetRow = { row: number; cells: Partial<Record<TaskColumn, Cell>> };
export type TaskSheet = { headerRow: number; columns: TaskColumn[]; rows: TaskSheetRow[] };

export const MAX_TASK_ROWS = 200_000;
/** How far down a title block above the header may reach. */
const HEADER_SCAN_ROWS = 15;

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function cellText(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return v.trim() === '' ? null : v.trim();
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'object' && 'result' in v) return cellText(v.result as ExcelJS.CellValue);
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

/** An Excel date serial typed in a cell without a date format (46022 → 2025-12-31). */
export const serialDate = (n: number) =>
  new Date(EXCEL_EPOCH + Math.round(n) * 86_400_000).toISOString().slice(0, 10);

/**
 * Finds the header among the first rows (a title block may stand above it) and maps its cells to
 * columns by name, in any of the three languages or the headings plans use. A header on two rows
 * (cells merged across "Cơ quan" over "Chủ trì | Phối hợp", or a heading merged down) is read as
 * one: each lower cell is read with the upper heading over it, or alone.
 */
export function headerOf(head: Cell[][]): { at: number; depth: number; map: (TaskColumn | undefined)[] } {
  const match = (cells: Cell[]) => cells.map((c) => (c ? columnOf(c) : undefined));
  for (let i = 0; i < head.length; i++) {
    const upper = head[i]!;
    const map = match(upper);
    if (map.filter(Boolean).length < 2) continue;
    const lower = head[i + 1];
    if (lower && REQUIRED_COLUMNS.concat(['coordinators']).some((k) => !map.includes(k))) {
      // The heading over a lower cell: its own, or the one merged across from its left.
      let over: Cell = null;
      const merged = upper.map((c, j) => {
        if (c) over = c;
        else if (!lower[j]) over = null;
        return c ?? (lower[j] ? over : null);
      });
      const two: (TaskColumn | undefined)[] = [];
      const width = Math.max(upper.length, lower.length);
      for (let j = 0; j < width; j++) {
        const u = merged[j] ?? null;
        const l = lower[j] ?? null;
        two[j] = l ? (columnOf(`${u ?? ''} ${l}`) ?? columnOf(l) ?? map[j]) : map[j];
      }
      const found = (m: (TaskColumn | undefined)[]) => new Set(m.filter(Boolean)).size;
      if (found(two) > found(map) && found(two) >= 2) return { at: i, depth: 2, map: two };
    }
    return { at: i, depth: 1, map };
  }
  throw new AppError('import_columns', {
    missing: REQUIRED_COLUMNS.join(', '),
    unknown: '-',
    expected: TASK_HEADERS.vi.join(', '),
  });
}

/** A row of column numbers under the header ("1 | 2 | 3" or "(1) | (2)"), as Vietnamese tables have. */
const isNumbering = (cells: Cell[]) => {
  const filled = cells.filter(Boolean) as string[];
  return filled.length >= 3 && filled.every((c) => /^\(?\d{1,2}\)?$/.test(c));
};

/** Rows (arrays of cells) → the sheet: header found, columns mapped, empty and numbering rows skipped. */
export async function sheetOf(records: AsyncIterable<Cell[]>): Promise<TaskSheet> {
  const head: Cell[][] = [];
  let header: ReturnType<typeof headerOf> | null = null;
  const rows: TaskSheetRow[] = [];
  let n = 0;
  let first = true;
  for await (const cells of records) {
    n++;
    if (!header) {
      head.push(cells);
      if (head.length < HEADER_SCAN_ROWS) continue;
      header = headerOf(head);
      for (let i = header.at + header.depth; i < head.length; i++) push(head[i]!, i + 1);
      continue;
    }
    push(cells, n);
  }
  if (!header) {
    header = headerOf(head);
    for (let i = header.at + header.depth; i < head.length; i++) push(head[i]!, i + 1);
  }
  const columns = [...new Set(header.map.filter((k): k is TaskColumn => !!k))];
  const missing = REQUIRED_COLUMNS.filter((k) => !columns.includes(k));
  if (missing.length)
    throw new AppError('import_columns', {
      missing: missing.map((k) => TASK_HEADERS.vi[TASK_COLUMNS.indexOf(k)]).join(', '),
      unknown: '-',
      expected: TASK_HEADERS.vi.join(', '),
    });
  return { headerRow: header.at + 1, columns, rows };

  function push(cells: Cell[], rowNumber: number) {
    if (!cells.some(Boolean)) return;
    if (first) {
      first = false;
      if (isNumbering(cells)) return;
    }
    if (rows.length >= MAX_TASK_ROWS) throw new AppError('payload_too_large');
    const out: TaskSheetRow['cells'] = {};
    const map = header!.map;
    for (let j = 0; j < map.length; j++) {
      const k = map[j];
      if (k && out[k] == null) out[k] = cells[j] ?? null;
    }
    rows.push({ row: rowNumber, cells: out });
  }
}

async function* xlsxRecords(buffer: Buffer): AsyncGenerator<Cell[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(buffer), {
    sharedStrings: 'cache',
    styles: 'cache',
    worksheets: 'emit',
    hyperlinks: 'ignore',
  });
  let last = 0;
  for await (const sheet of reader) {
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
      // Rows left out of the file (empty) still count, so that row numbers match the sheet.
      while (++last < row.number) yield [];
      const values = row.values as ExcelJS.CellValue[];
      const cells: Cell[] = [];
      for (let j = 1; j < values.length; j++) {
        const v = values[j];
        cells.push(cellText(v ?? null));
      }
      yield cells;
    }
    break; // the first sheet only; the others are the template's lists
  }
}

async function* csvCells(buffer: Buffer, encoding: ImportEncoding): AsyncGenerator<Cell[]> {
  for await (const rec of csvRecords(decode(Readable.from([buffer]), encoding)))
    yield rec.map((c) => (c.trim() === '' ? null : c.trim()));
}

export type SheetFormat = 'xlsx' | 'csv';

/** The format of a file from its first bytes (an XLSX is a zip; anything else is read as CSV). */
export const formatOf = (buffer: Buffer): SheetFormat =>
  buffer[0] === 0x50 && buffer[1] === 0x4b && buffer[2] === 0x03 && buffer[3] === 0x04 ? 'xlsx' : 'csv';

/** Reads a task spreadsheet; an unreadable file is refused with a clear error. */
export async function readTaskSheet(
  buffer: Buffer,
  format: SheetFormat,
  encoding: ImportEncoding,
): Promise<TaskSheet> {
  try {
    return await sheetOf(format === 'xlsx' ? xlsxRecords(buffer) : csvCells(buffer, encoding));
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('import_file_invalid');
  }
}
