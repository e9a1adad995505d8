import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import type { Locale } from '../../shared/schemas/common.js';

// Vietnamese administrative documents (Decree 30/2020/NĐ-CP): A4, Times New Roman 13–14 pt,
// margins top/bottom 20 mm, left 30 mm, right 20 mm. Sizes in twips (1 mm ≈ 56.7) and half-points.
export const A4 = { width: 11906, height: 16838 };
export const MARGIN = { top: 1134, bottom: 1134, left: 1701, right: 1134 };
export const TEXT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
const FONT = 'Times New Roman';
const BODY = 28; // 14 pt
export const SMALL = 24; // 12 pt (tables)
const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = {
  top: NO_BORDER,
  bottom: NO_BORDER,
  left: NO_BORDER,
  right: NO_BORDER,
  insideHorizontal: NO_BORDER,
  insideVertical: NO_BORDER,
};
const NATION: Record<Locale, { nation: string; motto: string }> = {
  vi: { nation: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', motto: 'Độc lập - Tự do - Hạnh phúc' },
  en: { nation: 'SOCIALIST REPUBLIC OF VIETNAM', motto: 'Independence - Freedom - Happiness' },
  ar: { nation: 'جمهورية فيتنام الاشتراكية', motto: 'الاستقلال - الحرية - السعادة' },
};

/** "Hà Nội, ngày 07 tháng 11 năm 2025" and its English and Arabic forms. */
export function placeAndDate(iso: string, locale: Locale) {
  const [y, m, d] = iso.split('-');
  return locale === 'vi'
    ? `Hà Nội, ngày ${d} tháng ${m} năm ${y}`
    : locale === 'en'
      ? `Hanoi, ${d}/${m}/${y}`
      : `هانوي، ${y}/${m}/${d}`;
}

export type Cell = string | number | null;
/** A figure written as text (a signed change, a rate with its sign, isolated left to right): aligned as a number. */
const FIGURE = /^\u2066?[−+-]?[\d.,]+%?\u2069?$/;

/**
 * The building blocks of an administrative document in the reader's language: runs and paragraphs
 * in Times New Roman (right to left in Arabic), bordered tables, the national header.
 */
export function adminDoc(locale: Locale) {
  const rtl = locale === 'ar';
  const run = (text: string, o: { bold?: boolean; italics?: boolean; size?: number } = {}) =>
    new TextRun({
      text,
      font: { ascii: FONT, hAnsi: FONT, cs: FONT },
      size: o.size ?? BODY,
      sizeComplexScript: o.size ?? BODY,
      bold: o.bold,
      boldComplexScript: o.bold,
      italics: o.italics,
      rightToLeft: rtl,
    });
  const para = (
    children: ParagraphChild[] | string,
    o: {
      align?: (typeof AlignmentType)[keyof typeof AlignmentType];
      before?: number;
      after?: number;
      bold?: boolean;
    } = {},
  ) =>
    new Paragraph({
      children: typeof children === 'string' ? [run(children, { bold: o.bold })] : children,
      alignment: o.align ?? (rtl ? AlignmentType.RIGHT : AlignmentType.JUSTIFIED),
      bidirectional: rtl,
      spacing: { before: o.before ?? 0, after: o.after ?? 120, line: 312 },
    });
  const start = rtl ? AlignmentType.RIGHT : AlignmentType.LEFT;
  const heading = (text: string) =>
    para([run(text, { bold: true })], { before: 240, after: 120, align: start });
  const table = (header: string[], rows: Cell[][], widths?: number[]) => {
    const w = widths ?? header.map(() => Math.floor(TEXT_WIDTH / header.length));
    const cell = (v: Cell, i: number, bold = false) =>
      new TableCell({
        width: { size: w[i]!, type: WidthType.DXA },
        children: [
          new Paragraph({
            bidirectional: rtl,
            alignment:
              typeof v === 'number' || (typeof v === 'string' && FIGURE.test(v))
                ? AlignmentType.RIGHT
                : start,
            children: [run(v === null ? '—' : String(v), { size: SMALL, bold })],
          }),
        ],
      });
    return new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: w,
      visuallyRightToLeft: rtl,
      rows: [
        new TableRow({ tableHeader: true, children: header.map((h, i) => cell(h, i, true)) }),
        ...rows.map((r) => new TableRow({ children: r.map((v, i) => cell(v, i)) })),
      ],
    });
  };
  /** The two-column header: issuing body, signature line and number; nation, motto, place and date. */
  const header = (o: { issuer: string; signature: string; number: string; dateLine: string }) =>
    new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: [3800, TEXT_WIDTH - 3800],
      borders: NO_BORDERS,
      visuallyRightToLeft: rtl,
      rows: [
        new TableRow({
          children: [
            new TableCell({
              borders: NO_BORDERS,
              width: { size: 3800, type: WidthType.DXA },
              children: [
                para([run(o.issuer.toUpperCase(), { size: 26 })], { align: AlignmentType.CENTER, after: 0 }),
                para([run(o.signature, { bold: true, size: 26 })], {
                  align: AlignmentType.CENTER,
                  after: 120,
                }),
                para([run(o.number, { size: 26 })], { align: AlignmentType.CENTER }),
              ],
            }),
            new TableCell({
              borders: NO_BORDERS,
              width: { size: TEXT_WIDTH - 3800, type: WidthType.DXA },
              children: [
                para([run(NATION[locale].nation, { bold: true, size: 24 })], {
                  align: AlignmentType.CENTER,
                  after: 0,
                }),
                para([run(NATION[locale].motto, { bold: true })], {
                  align: AlignmentType.CENTER,
                  after: 120,
                }),
                para([run(o.dateLine, { italics: true })], { align: AlignmentType.CENTER }),
              ],
            }),
          ],
        }),
      ],
    });
  const pack = (title: string, children: (Paragraph | Table)[]) =>
    Packer.toBuffer(
      new Document({
        creator: 'Steerboard',
        title,
        styles: { default: { document: { run: { font: FONT, size: BODY } } } },
        sections: [{ properties: { page: { size: A4, margin: MARGIN } }, children }],
      }),
    );
  return { rtl, run, para, heading, table, header, pack, start, AlignmentType };
}
