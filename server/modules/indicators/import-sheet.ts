import ExcelJS from 'exceljs';

/**
 * Reads an import file (CSV text or an XLSX workbook in base64) into rows of text cells keyed by
 * column. The first row names the columns; names are matched case-insensitively, in English or
 * Vietnamese. Row numbers are those of the file (the header is row 1).
 */
export const IMPORT_COLUMNS = [
  'indicator',
  'unit',
  'period',
  'value',
  'numerator',
  'denominator',
  'note',
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];
export type SheetRow = { row: number; cells: Partial<Record<ImportColumn, string>> };

const ALIASES: Record<string, ImportColumn> = {
  indicator: 'indicator',
  indicator_code: 'indicator',
  'mã chỉ tiêu': 'indicator',
  'chỉ tiêu': 'indicator',
  unit: 'unit',
  unit_code: 'unit',
  'mã đơn vị': 'unit',
  'đơn vị': 'unit',
  period: 'period',
  kỳ: 'period',
  value: 'value',
  'giá trị': 'value',
  numerator: 'numerator',
  'tử số': 'numerator',
  denominator: 'denominator',
  'mẫu số': 'denominator',
  note: 'note',
  'ghi chú': 'note',
};

/** RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF; a leading BOM is dropped. */
export function parseCsv(text: string): string[][] {
  const out: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',' || c === ';') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
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

async function parseXlsx(base64: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  if (!ws) return [];
  const out: string[][] = [];
  ws.eachRow({ includeEmpty: true }, (r, n) => {
    const cells: string[] = [];
    r.eachCell({ includeEmpty: true }, (c, col) => {
      const v = c.value;
      cells[col - 1] =
        v === null || v === undefined
          ? ''
          : typeof v === 'object' && 'result' in v
            ? String(v.result ?? '')
            : typeof v === 'object' && 'richText' in v
              ? v.richText.map((t) => t.text).join('')
              : String(v);
    });
    out[n - 1] = Array.from(cells, (x) => x ?? '');
  });
  return Array.from(out, (x) => x ?? []);
}

export class SheetError extends Error {}

export async function readSheet(format: 'csv' | 'xlsx', content: string): Promise<SheetRow[]> {
  let grid: string[][];
  try {
    grid = format === 'csv' ? parseCsv(content) : await parseXlsx(content);
  } catch {
    throw new SheetError('unreadable');
  }
  const header = (grid[0] ?? []).map((h) => ALIASES[h.trim().toLowerCase()]);
  if (!header.includes('indicator') || !header.includes('unit') || !header.includes('period'))
    throw new SheetError('header');
  const rows: SheetRow[] = [];
  grid.slice(1).forEach((cells, k) => {
    if (cells.every((c) => c.trim() === '')) return;
    const row: SheetRow = { row: k + 2, cells: {} };
    header.forEach((col, i) => {
      if (col) row.cells[col] = (cells[i] ?? '').trim();
    });
    rows.push(row);
  });
  return rows;
}

/** A number as people type it in a sheet ('1234.5', '1 234,5' is refused as ambiguous); '' is none. */
export function parseNumber(s: string | undefined): number | null | 'bad' {
  if (s === undefined || s.trim() === '') return null;
  const t = s.trim().replace(/\s/g, '');
  if (!/^-?\d+(\.\d+)?(e-?\d+)?$/i.test(t)) return 'bad';
  const n = Number(t);
  return Number.isFinite(n) ? n : 'bad';
}
