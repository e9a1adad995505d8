import ExcelJS from 'exceljs';
import type { Locale } from '../../../../shared/schemas/common.js';
import { foldText } from '../../../../shared/text-fold.js';
import { AppError } from '../../../lib/app-error.js';
import { cellText, type Cell } from '../../../lib/sheet-import.js';
import { csvRecords, decode } from '../../records/readers.js';

/**
 * Reading a unit tree from the files people really have: the product's template, or a sheet
 * someone made with a title row above the header, a merged "Tên đơn vị" over its three
 * languages, an "STT" column, a CSV saved by Excel in Windows-1258 or UTF-8 with a BOM. Columns
 * are found by their headings (any of the three languages, diacritics ignored), not by position.
 */

export const UNIT_KEYS = [
  'code',
  'parentCode',
  'nameVi',
  'nameEn',
  'nameAr',
  'kind',
  'leaderName',
  'contactEmail',
  'contactPhone',
] as const;
export type UnitKey = (typeof UNIT_KEYS)[number];
export const REQUIRED_KEYS: readonly UnitKey[] = ['code', 'parentCode', 'nameVi', 'kind'];

export const UNIT_HEADERS: Record<Locale, readonly string[]> = {
  vi: [
    'Mã đơn vị',
    'Mã đơn vị cấp trên',
    'Tên (tiếng Việt)',
    'Tên (tiếng Anh)',
    'Tên (tiếng Ả Rập)',
    'Loại đơn vị',
    'Người đứng đầu',
    'Thư điện tử',
    'Điện thoại',
  ],
  en: [
    'Unit code',
    'Parent unit code',
    'Name (Vietnamese)',
    'Name (English)',
    'Name (Arabic)',
    'Kind',
    'Leader',
    'E-mail',
    'Phone',
  ],
  ar: [
    'رمز الوحدة',
    'رمز الوحدة الأم',
    'الاسم (بالفيتنامية)',
    'الاسم (بالإنجليزية)',
    'الاسم (بالعربية)',
    'نوع الوحدة',
    'المسؤول',
    'البريد الإلكتروني',
    'الهاتف',
  ],
};

export type UnitSheetRow = { row: number; cells: Record<UnitKey, Cell> };

const MAX_ROWS = 20_000;
/** A header is looked for in the first rows only (a title, a subtitle, a blank line…). */
const HEADER_SEARCH = 10;

// Arabic hamza forms decompose into a letter and a combining mark: both sides drop the marks.
const words = (s: string) =>
  ` ${foldText(s)
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}@]+/gu, ' ')
    .trim()} `;
const has = (w: string, ...xs: string[]) => xs.some((x) => w.includes(words(x)));

/** Which column a heading names, or null. Parent before code: "Mã đơn vị cấp trên" holds "mã". */
export function keyOfHeading(heading: string): UnitKey | null {
  const w = words(heading);
  if (w.trim() === '') return null;
  if (has(w, 'cap tren', 'don vi cha', 'parent', 'الام', 'الأم', 'truc thuoc')) return 'parentCode';
  if (has(w, 'ma', 'code', 'رمز', 'ma so')) return 'code';
  if (has(w, 'loai', 'kind', 'type', 'نوع', 'cap')) return 'kind';
  if (has(w, 'nguoi dung dau', 'lanh dao', 'thu truong', 'leader', 'head', 'المسؤول')) return 'leaderName';
  if (has(w, 'email', 'e mail', 'thu dien tu', 'البريد الالكتروني', 'البريد')) return 'contactEmail';
  if (has(w, 'dien thoai', 'phone', 'so dien thoai', 'الهاتف')) return 'contactPhone';
  const named = has(w, 'ten', 'name', 'الاسم', 'اسم', 'ten don vi');
  const en = has(w, 'anh', 'english', 'en', 'بالانجليزية', 'بالإنجليزية', 'الإنجليزية');
  const ar = has(w, 'a rap', 'arabic', 'ar', 'بالعربية', 'العربية');
  const vi = has(w, 'viet', 'vietnamese', 'vi', 'بالفيتنامية', 'الفيتنامية');
  if (named || en || ar || vi) {
    if (en) return 'nameEn';
    if (ar) return 'nameAr';
    if (named || vi) return 'nameVi';
  }
  return null;
}

type Grid = { number: number; cells: Cell[] }[];

const recognise = (texts: (string | null)[]) => {
  const m = new Map<UnitKey, number>();
  texts.forEach((t, i) => {
    const k = t ? keyOfHeading(t) : null;
    if (k && !m.has(k)) m.set(k, i);
  });
  return m;
};
const complete = (m: Map<UnitKey, number>) => REQUIRED_KEYS.every((k) => m.has(k));
const texts = (cells: Cell[] | undefined) =>
  (cells ?? []).map((c) => (c === null || c === undefined ? null : String(c)));

/** A merged group cell ("Tên đơn vị") over its parts ("Tiếng Việt", "Tiếng Anh") one row below. */
function twoRows(top: (string | null)[], bottom: (string | null)[]): (string | null)[] {
  let group: string | null = null;
  const out: (string | null)[] = [];
  for (let c = 0; c < Math.max(top.length, bottom.length); c++) {
    const t = top[c] ?? null;
    if (t !== null) group = t;
    const b = bottom[c] ?? null;
    out.push(b === null ? t : t === b ? t : `${t ?? group ?? ''} ${b}`);
  }
  return out;
}

/**
 * Columns (0-based) of each key. The first row naming every required column is the header (rows
 * above it are titles); when the row below it adds columns (the parts of a merged group
 * heading), the two together are. Else two rows that only together name them all.
 */
function findHeader(grid: Grid): { columns: Map<UnitKey, number>; dataFrom: number } | null {
  const n = Math.min(grid.length, HEADER_SEARCH);
  for (let r = 0; r < n; r++) {
    const one = recognise(texts(grid[r]!.cells));
    if (!complete(one)) continue;
    const next = grid[r + 1];
    if (next) {
      const two = recognise(twoRows(texts(grid[r]!.cells), texts(next.cells)));
      if (two.size > one.size && complete(two)) return { columns: two, dataFrom: r + 2 };
    }
    return { columns: one, dataFrom: r + 1 };
  }
  for (let r = 0; r + 1 < n; r++) {
    const two = recognise(twoRows(texts(grid[r]!.cells), texts(grid[r + 1]!.cells)));
    if (complete(two)) return { columns: two, dataFrom: r + 2 };
  }
  return null;
}

function toRows(grid: Grid, locale: Locale): UnitSheetRow[] {
  const h = findHeader(grid);
  if (!h)
    throw new AppError('unit_import_columns', {
      required: REQUIRED_KEYS.map((k) => UNIT_HEADERS[locale][UNIT_KEYS.indexOf(k)]).join(', '),
    });
  const out: UnitSheetRow[] = [];
  for (const r of grid.slice(h.dataFrom)) {
    const cells = Object.fromEntries(
      UNIT_KEYS.map((k) => {
        const i = h.columns.get(k);
        const v = i === undefined ? null : (r.cells[i] ?? null);
        return [k, typeof v === 'string' && v.trim() === '' ? null : typeof v === 'string' ? v.trim() : v];
      }),
    ) as Record<UnitKey, Cell>;
    if (UNIT_KEYS.every((k) => cells[k] === null)) continue;
    if (out.length >= MAX_ROWS) throw new AppError('payload_too_large');
    out.push({ row: r.number, cells });
  }
  return out;
}

async function xlsxGrid(buffer: Buffer): Promise<Grid> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new AppError('import_file_invalid');
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new AppError('import_file_invalid');
  const grid: Grid = [];
  // The whole sheet is loaded (a unit tree is small): a merged cell's parts read its master's value.
  ws.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell.value);
    });
    for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
    grid.push({ number, cells });
  });
  return grid;
}

/** UTF-8 (with or without BOM) when it decodes strictly, else Windows-1258, unless told. */
async function csvText(buffer: Buffer, encoding: 'utf-8' | 'windows-1258' | undefined): Promise<string> {
  const read = async (enc: 'utf-8' | 'windows-1258') => {
    let s = '';
    for await (const part of decode(
      (async function* () {
        yield buffer;
      })(),
      enc,
    ))
      s += part;
    return s;
  };
  if (encoding) return read(encoding);
  try {
    return await read('utf-8');
  } catch (e) {
    if (e instanceof AppError && e.code === 'import_encoding' && e.params.encoding === 'Windows-1258?')
      return read('windows-1258');
    throw e;
  }
}

async function csvGrid(buffer: Buffer, encoding: 'utf-8' | 'windows-1258' | undefined): Promise<Grid> {
  const text = (await csvText(buffer, encoding)).replace(/^\uFEFF/, '');
  const grid: Grid = [];
  let n = 0;
  for await (const fields of csvRecords(
    (async function* () {
      yield text;
    })(),
  )) {
    n++;
    if (fields.every((f) => f.trim() === '')) continue;
    grid.push({ number: n, cells: fields.map((f) => (f.trim() === '' ? null : f.trim())) });
    if (grid.length > MAX_ROWS + HEADER_SEARCH) throw new AppError('payload_too_large');
  }
  return grid;
}

const isZip = (b: Buffer) => b.length > 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

export async function readUnitSheet(
  buffer: Buffer,
  opts: { format?: 'xlsx' | 'csv'; encoding?: 'utf-8' | 'windows-1258'; locale: Locale },
): Promise<UnitSheetRow[]> {
  const format = opts.format ?? (isZip(buffer) ? 'xlsx' : 'csv');
  const grid = format === 'xlsx' ? await xlsxGrid(buffer) : await csvGrid(buffer, opts.encoding);
  return toRows(grid, opts.locale);
}
