import { AppError } from '../../../lib/app-error.js';
import { DOC_LIMITS, type Block } from './blocks.js';
import { cleanText, squash } from './text.js';

export const PDF_LIMITS = { pages: 500 };

type TextItem = { str: string; transform: number[]; hasEOL?: boolean };

/**
 * The lines of a PDF's text layer, page after page (pdfjs-dist 4, legacy build for Node 20: no
 * worker thread, no fonts loaded, no script run). Items on one baseline make one line; a
 * document whose pages hold no text at all is a scan, and is said to be one.
 */
export async function parsePdf(buf: Buffer): Promise<{ blocks: Block[]; pages: number }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let doc: Awaited<ReturnType<typeof pdfjs.getDocument>['promise']>;
  try {
    doc = await pdfjs.getDocument({
      data: new Uint8Array(buf),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      stopAtErrors: false,
      verbosity: 0,
    }).promise;
  } catch (e) {
    if ((e as { name?: string }).name === 'PasswordException') throw new AppError('document_encrypted');
    throw new AppError('document_unreadable', { format: 'PDF' });
  }
  try {
    if (doc.numPages > PDF_LIMITS.pages) throw new AppError('document_too_large');
    const blocks: Block[] = [];
    let line = 0;
    let chars = 0;
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      const rows: { y: number; parts: { x: number; s: string }[] }[] = [];
      for (const raw of content.items) {
        const it = raw as TextItem;
        if (typeof it.str !== 'string' || !it.str) continue;
        const x = it.transform[4] ?? 0;
        const y = it.transform[5] ?? 0;
        const row = rows.find((r) => Math.abs(r.y - y) < 2.5);
        if (row) row.parts.push({ x, s: it.str });
        else rows.push({ y, parts: [{ x, s: it.str }] });
      }
      rows.sort((a, b) => b.y - a.y);
      for (const r of rows) {
        r.parts.sort((a, b) => a.x - b.x);
        const text = squash(cleanText(r.parts.map((q) => q.s).join(' ')));
        if (!text) continue;
        chars += text.length;
        if (chars > DOC_LIMITS.textChars || blocks.length >= DOC_LIMITS.blocks)
          throw new AppError('document_too_large');
        line++;
        blocks.push({ kind: 'para', text, line });
      }
      page.cleanup();
    }
    if (!blocks.length) throw new AppError('pdf_no_text');
    return { blocks: joinWrapped(blocks), pages: doc.numPages };
  } finally {
    await doc.destroy();
  }
}

/**
 * A PDF breaks paragraphs into visual lines. A line that does not start a new item (a numbering,
 * a dash, a label) and follows one that does not end a sentence continues it.
 */
export function joinWrapped(lines: Block[]): Block[] {
  const out: Block[] = [];
  for (const b of lines) {
    const prev = out.at(-1);
    if (
      b.kind === 'para' &&
      prev?.kind === 'para' &&
      !startsItem(b.text) &&
      !/[.:!?]$/.test(prev.text) &&
      !/^[A-ZÀ-Ỹ\s,\-–]+$/.test(prev.text)
    ) {
      prev.text = `${prev.text} ${b.text}`;
      continue;
    }
    out.push(b.kind === 'para' ? { ...b } : b);
  }
  return out;
}

const startsItem = (s: string) =>
  /^(?:[IVXLC]+\.|\d+(?:\.\d+)*\.?\s|[a-zđ]\)|[-–+•*]\s|(?:Cơ quan|Đơn vị) (?:chủ trì|phối hợp)|Thời (?:gian|hạn)|Sản phẩm|Kết quả)/.test(
    s,
  );
