import { AppError } from '../../../lib/app-error.js';
import { DOC_LIMITS, type Block, type TableRow } from './blocks.js';
import { cleanText, squash } from './text.js';
import { tokenize } from './xml.js';
import { readZipText } from './zip-guard.js';

type Cell = { text: string[]; span: number; vMerge: 'restart' | 'continue' | null };
type Table = { rows: Cell[][]; row: Cell[] | null; cell: Cell | null };

/**
 * The paragraphs and tables of a DOCX, in document order. The zip's declared sizes are checked
 * before inflating and the inflating itself is capped (zip-guard); the XML is read by our own
 * tokenizer, which refuses any DTD or entity declaration. Merged cells: a cell spanning columns
 * (gridSpan) fills its first column; a vertical merge (vMerge) repeats the text above it.
 */
export async function parseDocx(buf: Buffer): Promise<Block[]> {
  const xml = await readZipText(buf, 'word/document.xml');
  if (xml === null) throw new AppError('document_unreadable', { format: 'DOCX' });
  return documentBlocks(xml);
}

export function documentBlocks(xml: string): Block[] {
  const blocks: Block[] = [];
  const tables: Table[] = [];
  let para: string[] | null = null;
  let listLevel: number | undefined;
  let inText = false;
  let skip = 0;
  let line = 0;
  let tableNo = 0;
  let chars = 0;

  const push = (b: Block) => {
    if (blocks.length >= DOC_LIMITS.blocks) throw new AppError('document_too_large');
    blocks.push(b);
  };

  for (const t of tokenize(xml)) {
    if (t.type === 'text') {
      if (inText && para && !skip) {
        para.push(t.text);
        chars += t.text.length;
        if (chars > DOC_LIMITS.textChars) throw new AppError('document_too_large');
      }
      continue;
    }
    const name = t.name;
    if (t.type === 'open') {
      const val = t.attrs['w:val'];
      switch (name) {
        case 'w:p':
          if (!t.selfClosing) {
            para = [];
            listLevel = undefined;
          }
          break;
        case 'w:t':
          inText = !t.selfClosing;
          break;
        case 'w:tab':
          para?.push('\t');
          break;
        case 'w:br':
        case 'w:cr':
          para?.push(' ');
          break;
        case 'w:ilvl':
          listLevel = Number(val ?? 0);
          break;
        case 'w:del':
        case 'w:instrText':
        case 'w:delText':
          if (!t.selfClosing) skip++;
          break;
        case 'w:tbl':
          tables.push({ rows: [], row: null, cell: null });
          break;
        case 'w:tr': {
          const tb = tables.at(-1);
          if (tb) tb.row = [];
          break;
        }
        case 'w:tc': {
          const tb = tables.at(-1);
          if (tb) tb.cell = { text: [], span: 1, vMerge: null };
          break;
        }
        case 'w:gridSpan': {
          const c = tables.at(-1)?.cell;
          if (c) c.span = Math.max(1, Math.min(64, Number(val ?? 1) || 1));
          break;
        }
        case 'w:vMerge': {
          const c = tables.at(-1)?.cell;
          if (c) c.vMerge = val === 'restart' ? 'restart' : 'continue';
          break;
        }
      }
      continue;
    }
    // closing tags
    switch (name) {
      case 'w:t':
        inText = false;
        break;
      case 'w:del':
      case 'w:instrText':
      case 'w:delText':
        skip = Math.max(0, skip - 1);
        break;
      case 'w:p': {
        const text = squash(cleanText((para ?? []).join('')).replace(/\t/g, ' '));
        const cell = tables.at(-1)?.cell;
        if (cell) {
          if (text) cell.text.push(text);
        } else if (text) {
          line++;
          push({ kind: 'para', text, line, ...(listLevel !== undefined ? { listLevel } : {}) });
        }
        para = null;
        break;
      }
      case 'w:tc': {
        const tb = tables.at(-1);
        if (tb?.cell && tb.row) tb.row.push(tb.cell);
        if (tb) tb.cell = null;
        break;
      }
      case 'w:tr': {
        const tb = tables.at(-1);
        if (tb?.row) {
          if (tb.rows.length >= DOC_LIMITS.rowsPerTable) throw new AppError('document_too_large');
          tb.rows.push(tb.row);
        }
        if (tb) tb.row = null;
        break;
      }
      case 'w:tbl': {
        const tb = tables.pop();
        if (!tb) break;
        const outer = tables.at(-1);
        if (outer?.cell) {
          // A table inside a cell: its text joins the cell's, row by row.
          for (const r of tb.rows) outer.cell.text.push(r.map((c) => c.text.join(' ')).join(' | '));
        } else {
          tableNo++;
          push({ kind: 'table', table: tableNo, rows: spread(tb.rows) });
        }
        break;
      }
    }
  }
  return blocks;
}

/** Spreads merged cells onto the grid: one string per grid column in every row. */
function spread(rows: Cell[][]): TableRow[] {
  const out: TableRow[] = [];
  let above: string[] = [];
  rows.forEach((cells, i) => {
    const grid: string[] = [];
    for (const c of cells) {
      const col = grid.length;
      const text = c.vMerge === 'continue' ? (above[col] ?? '') : c.text.join('\n');
      grid.push(text);
      for (let k = 1; k < c.span; k++) grid.push('');
    }
    out.push({ row: i + 1, cells: grid, cellCount: cells.length });
    above = grid;
  });
  return out;
}
