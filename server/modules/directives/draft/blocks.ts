/**
 * What every reader (DOCX, PDF, pasted text) turns a document into: its paragraphs or lines in
 * order, and its tables as grids (merged cells already spread), each with its place in the file.
 */
export type ParaBlock = {
  kind: 'para';
  text: string;
  /** 1-based number among the document's non-empty paragraphs or lines. */
  line: number;
  /** A Word list paragraph's level (numbering Word draws itself, absent from the text). */
  listLevel?: number;
};
export type TableRow = {
  /** 1-based row number in its table. */
  row: number;
  /** One string per grid column: a cell spanning columns fills the first, a vertical merge repeats. */
  cells: string[];
  /** How many cells the row had before spreading (1 for a heading row across the table). */
  cellCount: number;
};
export type TableBlock = { kind: 'table'; table: number; rows: TableRow[] };
export type Block = ParaBlock | TableBlock;

/** Limits on what a document may hold (a 60-page plan has ~2,000 lines and a few tables). */
export const DOC_LIMITS = { blocks: 50_000, rowsPerTable: 5_000, textChars: 5_000_000 };
