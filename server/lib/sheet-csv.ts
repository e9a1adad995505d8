import iconv from 'iconv-lite';
import type { Locale } from '../../shared/schemas/common.js';
import { AppError } from './app-error.js';
import type { Cell, SheetRow, SheetSpec } from './sheet-import.js';

const MAX_ROWS = 20_000;

/** An XLSX is a zip: it starts with PK\x03\x04. Anything else is read as CSV text. */
export const isZip = (b: Buffer) =>
  b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 3 && b[3] === 4;

/** UTF-8 (with or without BOM), else Windows-1258 (what Vietnamese Excel writes as "CSV"). */
export function decodeCsv(b: Buffer): string {
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  try {
    return utf8.decode(b).replace(/^\uFEFF/, '');
  } catch {
    return iconv.decode(b, 'windows-1258').normalize('NFC');
  }
}

/** RFC 4180 fields; the delimiter (comma, semicolon or tab) is the one the header line uses most. */
export function parseCsvGrid(text: string): string[][] {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = [',', ';', '\t'].reduce((best, d) =>
    firstLine.split(d).length > firstLine.split(best).length ? d : best,
  );
  const out: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      out.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    out.push(row);
  }
  return out;
}

/** The CSV counterpart of readSheet: the same header check, the same rows (row 1 is the header). */
export function readCsvSheet(buffer: Buffer, spec: SheetSpec, locale: Locale): SheetRow[] {
  const text = decodeCsv(buffer);
  // Neither a workbook nor text with a delimited header line (a PDF, an image, a sentence).
  if (text.includes('\u0000') || !/[,;\t]/.test(text.split(/\r?\n/, 1)[0] ?? ''))
    throw new AppError('import_file_invalid');
  const grid = parseCsvGrid(text);
  const n = spec.keys.length;
  const norm = (s: string) => s.trim().toLowerCase();
  const found = Array.from({ length: n + 1 }, (_, i) => grid[0]?.[i] ?? '');
  const same = (h: readonly string[]) => h.every((x, i) => norm(x) === norm(found[i]!)) && !norm(found[n]!);
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
  const rows: SheetRow[] = [];
  grid.slice(1).forEach((cells, k) => {
    const values: Cell[] = spec.keys.map((_, i) => {
      const v = (cells[i] ?? '').trim();
      return v === '' ? null : v;
    });
    if (values.every((v) => v === null)) return;
    if (rows.length >= MAX_ROWS) throw new AppError('payload_too_large');
    rows.push({ row: k + 2, values });
  });
  return rows;
}
