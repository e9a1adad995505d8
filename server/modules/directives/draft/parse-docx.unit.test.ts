import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { documentBlocks, parseDocx } from './parse-docx.js';
import { tableDrafts } from './extract-table.js';
import { checkZipSizes } from './zip-guard.js';
import { decodeEntities } from './xml.js';
import type { TableBlock } from './blocks.js';

const tc = (text: string, pr = '') =>
  `<w:tc><w:tcPr>${pr}</w:tcPr><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:tc>`;
const tr = (...cells: string[]) => `<w:tr>${cells.join('')}</w:tr>`;
const doc = (body: string) => `<?xml version="1.0"?><w:document><w:body>${body}</w:body></w:document>`;

describe('reading a DOCX', () => {
  it('spreads merged cells: gridSpan fills its first column, vMerge repeats the cell above', () => {
    const blocks = documentBlocks(
      doc(
        `<w:p><w:r><w:t>Phụ lục</w:t></w:r></w:p><w:tbl>` +
          tr(tc('STT'), tc('Nội dung nhiệm vụ'), tc('Cơ quan chủ trì'), tc('Thời gian hoàn thành')) +
          tr(tc('I. HOÀN THIỆN THỂ CHẾ', '<w:gridSpan w:val="4"/>')) +
          tr(tc('1'), tc('Việc A'), tc('Sở Tài chính', '<w:vMerge w:val="restart"/>'), tc('Quý IV/2025')) +
          tr(tc('2'), tc('Việc B'), tc('', '<w:vMerge/>'), tc('năm 2026')) +
          `</w:tbl>`,
      ),
    );
    expect(blocks[0]).toEqual({ kind: 'para', text: 'Phụ lục', line: 1 });
    const table = blocks[1] as TableBlock;
    expect(table.rows[1]).toEqual({ row: 2, cells: ['I. HOÀN THIỆN THỂ CHẾ', '', '', ''], cellCount: 1 });
    expect(table.rows[3]!.cells[2]).toBe('Sở Tài chính');
    const drafts = tableDrafts(table)!;
    expect(drafts.map((d) => [d.title, d.leadText, d.deadlineText, d.group])).toEqual([
      ['Việc A', 'Sở Tài chính', 'Quý IV/2025', 'I. HOÀN THIỆN THỂ CHẾ'],
      ['Việc B', 'Sở Tài chính', 'năm 2026', 'I. HOÀN THIỆN THỂ CHẾ'],
    ]);
  });

  it('keeps runs together, skips deleted text and field codes, decodes only safe entities', () => {
    const blocks = documentBlocks(
      doc(
        '<w:p><w:r><w:t>Sở KH</w:t></w:r><w:r><w:t>&amp;CN</w:t></w:r><w:del><w:r><w:delText>cũ</w:delText></w:r></w:del>' +
          '<w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:tab/><w:t>chủ trì</w:t></w:r></w:p>',
      ),
    );
    expect(blocks).toEqual([{ kind: 'para', text: 'Sở KH&CN chủ trì', line: 1 }]);
    expect(decodeEntities('&lt;a&gt; &#273; &#x110; &xxe;')).toBe('<a> đ Đ &xxe;');
  });

  it('refuses DOCTYPE and ENTITY declarations', () => {
    expect(() => documentBlocks('<!DOCTYPE x [<!ENTITY a "b">]><w:document/>')).toThrow('document_entities');
  });

  it('refuses declared sizes of a bomb before inflating', () => {
    expect(() =>
      checkZipSizes([{ name: 'word/document.xml', compressed: 10_000, uncompressed: 50 * 1_048_576 }]),
    ).toThrow('document_zip_bomb');
    expect(() => checkZipSizes([{ name: 'a', compressed: 1000, uncompressed: 5 * 1_048_576 }])).toThrow(
      'document_zip_bomb',
    );
    expect(() =>
      checkZipSizes([{ name: 'a', compressed: 200_000, uncompressed: 2 * 1_048_576 }]),
    ).not.toThrow();
  });

  it('refuses an entry that inflates past what it declared', async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', doc(`<w:p><w:r><w:t>${'a'.repeat(3 * 1_048_576)}</w:t></w:r></w:p>`));
    const buf = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    // Lie in the central directory: declare 100 bytes uncompressed.
    const cd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    buf.writeUInt32LE(100, cd + 24);
    await expect(parseDocx(buf)).rejects.toThrow('document_zip_bomb');
  });

  it('a file that is no zip is unreadable', async () => {
    await expect(parseDocx(Buffer.from('PK\x03\x04 not really a zip'))).rejects.toThrow(
      'document_unreadable',
    );
  });
});
