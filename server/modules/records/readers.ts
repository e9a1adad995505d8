import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { ImportEncoding, ImportFormat } from '../../../shared/schemas/records.js';
import { AppError } from '../../lib/app-error.js';
import { ALL_COLUMNS, REQUIRED_COLUMNS, type RowIssue } from './row.js';

export type Cells = Record<string, unknown>;
/** One data row: its number (1 = first after the header; NDJSON: the line) and its cells, or why it is unreadable. */
export type RawRow = { row: number; cells: Cells } | { row: number; issue: RowIssue };

/** Counts the bytes read so far (the progress bar's numerator). */
export type ByteCounter = { bytes: number };

async function* counted(input: AsyncIterable<Buffer | string>, counter: ByteCounter): AsyncGenerator<Buffer> {
  for await (const c of input) {
    const chunk = typeof c === 'string' ? Buffer.from(c) : c;
    counter.bytes += chunk.length;
    yield chunk;
  }
}

/**
 * Bytes → text. UTF-8 (a BOM is skipped) is checked strictly: a Windows-1258 file read as UTF-8
 * is refused with a clear message rather than imported with broken names. Windows-1258 is decoded
 * and normalised to NFC (it writes tone marks as combining characters).
 */
export async function* decode(
  input: AsyncIterable<Buffer>,
  encoding: ImportEncoding,
): AsyncGenerator<string> {
  let first = true;
  if (encoding === 'windows-1258') {
    const dec = iconv.getDecoder('windows1258');
    for await (const chunk of input) {
      if (first && chunk.length >= 3 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf)
        throw new AppError('import_encoding', { encoding: 'UTF-8' });
      first = false;
      yield dec.write(chunk).normalize('NFC');
    }
    const rest = dec.end();
    if (rest) yield rest.normalize('NFC');
    return;
  }
  const dec = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of input) {
      if (
        first &&
        chunk.length >= 2 &&
        ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff))
      )
        throw new AppError('import_encoding', { encoding: 'UTF-16' });
      first = false;
      yield dec.decode(chunk, { stream: true });
    }
    yield dec.decode();
  } catch (e) {
    if (e instanceof TypeError) throw new AppError('import_encoding', { encoding: 'Windows-1258?' });
    throw e;
  }
}

/**
 * A streaming CSV parser (RFC 4180: quoted fields with "" escapes and line breaks, CRLF or LF),
 * yielding one array of fields per record; the delimiter (, ; or tab) is the one the header uses.
 */
export async function* csvRecords(text: AsyncIterable<string>): AsyncGenerator<string[]> {
  const START = 0,
    PLAIN = 1,
    QUOTED = 2,
    QUOTE = 3;
  let state = START;
  let delim = 0;
  let field = '';
  let fields: string[] = [];
  for await (const chunk of text) {
    if (!delim) {
      const line = chunk.split('\n', 1)[0] ?? '';
      const [c, s, t] = [',', ';', '\t'].map((d) => line.split(d).length) as [number, number, number];
      delim = s > c && s >= t ? 59 : t > c ? 9 : 44;
    }
    let start = 0;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (state === QUOTED) {
        if (c === 34) {
          field += chunk.slice(start, i);
          state = QUOTE;
        }
        continue;
      }
      if (state === QUOTE) {
        if (c === 34) {
          field += '"';
          state = QUOTED;
          start = i + 1;
          continue;
        }
        state = PLAIN;
        start = i;
      }
      if (state === START) {
        if (c === 34) {
          state = QUOTED;
          start = i + 1;
          continue;
        }
        state = PLAIN;
        start = i;
      }
      if (c === delim || c === 10) {
        field += chunk.slice(start, i);
        fields.push(field);
        field = '';
        state = START;
        if (c === 10) {
          yield fields;
          fields = [];
        }
      } else if (c === 13) {
        field += chunk.slice(start, i);
        start = i + 1;
      }
    }
    if (state === PLAIN || state === QUOTED) field += chunk.slice(start);
  }
  if (state !== START || field !== '' || fields.length) {
    fields.push(field);
    yield fields;
  }
}

function checkHeader(names: string[]): string[] {
  const header = names.map((h) => h.trim().toLowerCase());
  const missing = REQUIRED_COLUMNS.filter((c) => !header.includes(c));
  const unknown = header.filter((h) => h && !ALL_COLUMNS.includes(h));
  const dup = header.filter((h, i) => h && header.indexOf(h) !== i);
  if (missing.length || unknown.length || dup.length)
    throw new AppError('import_columns', {
      missing: missing.join(', ') || '-',
      unknown: [...unknown, ...dup].join(', ') || '-',
      expected: ALL_COLUMNS.join(', '),
    });
  return header;
}

async function* csvRows(text: AsyncIterable<string>): AsyncGenerator<RawRow> {
  let header: string[] | null = null;
  let n = 0;
  for await (const rec of csvRecords(text)) {
    if (!header) {
      header = checkHeader(rec);
      continue;
    }
    n++;
    if (rec.length === 1 && rec[0] === '') continue; // blank line
    const cells: Cells = {};
    for (let i = 0; i < header.length; i++) if (header[i]) cells[header[i]!] = rec[i];
    yield { row: n, cells };
  }
  if (!header)
    throw new AppError('import_columns', {
      missing: REQUIRED_COLUMNS.join(', '),
      unknown: '-',
      expected: ALL_COLUMNS.join(', '),
    });
}

async function* lines(text: AsyncIterable<string>): AsyncGenerator<string> {
  let rest = '';
  for await (const chunk of text) {
    const parts = (rest + chunk).split('\n');
    rest = parts.pop() ?? '';
    yield* parts;
  }
  if (rest) yield rest;
}

async function* ndjsonRows(text: AsyncIterable<string>): AsyncGenerator<RawRow> {
  let n = 0;
  for await (const line of lines(text)) {
    n++;
    const s = line.trim();
    if (!s) continue;
    let v: unknown;
    try {
      v = JSON.parse(s);
    } catch {
      yield { row: n, issue: { column: null, code: 'not_json' } };
      continue;
    }
    if (!v || typeof v !== 'object' || Array.isArray(v)) {
      yield { row: n, issue: { column: null, code: 'not_object' } };
      continue;
    }
    const cells = v as Cells;
    const unknown = Object.keys(cells).filter((k) => !ALL_COLUMNS.includes(k));
    if (unknown.length)
      throw new AppError('import_columns', {
        missing: '-',
        unknown: unknown.join(', '),
        expected: ALL_COLUMNS.join(', '),
      });
    yield { row: n, cells };
  }
}

/** An Excel cell as text; dates (Excel stores wall-clock times) as 'YYYY-MM-DD HH:MM:SS' in Hanoi time. */
function cellValue(v: unknown): unknown {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 19).replace('T', ' ');
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; result?: unknown; text?: unknown };
    if (o.richText) return o.richText.map((r) => r.text).join('');
    if ('result' in o) return cellValue(o.result);
    if ('text' in o) return cellValue(o.text);
  }
  return v;
}

async function* xlsxRows(input: Readable): AsyncGenerator<RawRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'emit',
  });
  let header: string[] | null = null;
  for await (const sheet of reader) {
    for await (const r of sheet) {
      const values = (r.values as unknown[]).slice(1).map(cellValue);
      if (!header) {
        header = checkHeader(values.map((v) => String(v)));
        continue;
      }
      const cells: Cells = {};
      for (let i = 0; i < header.length; i++) if (header[i]) cells[header[i]!] = values[i];
      yield { row: r.number - 1, cells };
    }
    break; // the first sheet only
  }
  if (!header)
    throw new AppError('import_columns', {
      missing: REQUIRED_COLUMNS.join(', '),
      unknown: '-',
      expected: ALL_COLUMNS.join(', '),
    });
}

/** The rows of a file, read as a stream (a 1 GB file never sits in memory). */
export function readRows(
  input: Readable,
  opts: { format: ImportFormat; encoding: ImportEncoding; counter: ByteCounter },
): AsyncGenerator<RawRow> {
  const bytes = counted(input, opts.counter);
  if (opts.format === 'xlsx') return xlsxRows(toStream(bytes));
  const text = decode(bytes, opts.encoding);
  return opts.format === 'csv' ? csvRows(text) : ndjsonRows(text);
}

// exceljs wants a stream; Readable.from keeps the back-pressure of the source.
const toStream = (it: AsyncGenerator<Buffer>) => Readable.from(it, { objectMode: false });

/** The format from a file name, when not given. */
export function formatOf(name: string): ImportFormat | null {
  const ext = name.toLowerCase().split('.').pop();
  return ext === 'csv' || ext === 'txt'
    ? 'csv'
    : ext === 'xlsx'
      ? 'xlsx'
      : ext === 'ndjson' || ext === 'jsonl'
        ? 'ndjson'
        : null;
}
