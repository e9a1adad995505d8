import { DOC_LIMITS, type Block, type TableRow } from './blocks.js';
import { AppError } from '../../../lib/app-error.js';
import { cleanText, squash } from './text.js';

/**
 * Pasted text: one block a line. Lines that carry cells (tabs, as a table copied from Word or a
 * sheet gives, or "|" separators) in a run make a table.
 */
export function parseText(input: string): Block[] {
  const text = cleanText(input);
  if (text.length > DOC_LIMITS.textChars) throw new AppError('document_too_large');
  const blocks: Block[] = [];
  let line = 0;
  let table: TableRow[] | null = null;
  let tableNo = 0;
  const close = () => {
    if (table && table.length) blocks.push({ kind: 'table', table: ++tableNo, rows: table });
    table = null;
  };
  for (const raw of text.split(/\r?\n|\r/)) {
    const cells = raw.includes('\t')
      ? raw.split('\t')
      : /\|/.test(raw) && raw.split('|').length >= 3
        ? raw
            .replace(/^\s*\|/, '')
            .replace(/\|\s*$/, '')
            .split('|')
        : null;
    if (cells && !/^[\s|:\-–]+$/.test(raw)) {
      table ??= [];
      const clean = cells.map((c) => squash(c));
      table.push({ row: table.length + 1, cells: clean, cellCount: clean.filter(Boolean).length });
      continue;
    }
    if (cells) continue; // a markdown rule line "|---|---|"
    close();
    const t = squash(raw);
    if (!t) continue;
    line++;
    blocks.push({ kind: 'para', text: t, line });
    if (blocks.length > DOC_LIMITS.blocks) throw new AppError('document_too_large');
  }
  close();
  return blocks;
}
