import { foldText } from '../../../../shared/text-fold.js';
import type { TableBlock } from './blocks.js';
import type { RawDraft } from './raw-draft.js';

type Role = 'stt' | 'content' | 'lead' | 'coord' | 'deadline' | 'deliverable';

/** Which column holds what, from the heading words ("Cơ quan chủ trì", "Thời gian hoàn thành"…). */
function roleOf(heading: string): Role | null {
  const h = foldText(heading);
  if (!h) return null;
  if (/^(?:stt|tt|so tt|so thu tu)$/.test(h)) return 'stt';
  if (/phoi hop/.test(h)) return 'coord';
  if (/chu tri|don vi thuc hien|co quan thuc hien$|don vi chiu trach nhiem/.test(h)) return 'lead';
  if (/thoi gian|thoi han|tien do|han hoan thanh|moc hoan thanh/.test(h)) return 'deadline';
  if (/san pham|ket qua|hinh thuc/.test(h)) return 'deliverable';
  if (/noi dung|nhiem vu|cong viec|hoat dong|ten (?:de an|du an|chuong trinh)|giai phap/.test(h))
    return 'content';
  return null;
}

const ROMAN_OR_LETTER = /^(?:[IVXLC]+|[A-ZĐ])\.?$/;
const isNumberRow = (cells: string[]) => cells.every((c) => !c || /^\(?\d+\)?$/.test(c.trim()));

/**
 * Tasks from an appendix table (STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp |
 * Thời gian hoàn thành | Sản phẩm). The heading may take two rows ("Cơ quan thực hiện" over
 * "Chủ trì | Phối hợp"); a row that is one cell across the table, or a numbered heading with
 * nothing in the other columns ("I. HOÀN THIỆN THỂ CHẾ"), is a group, not a task.
 * A table without a content column and a lead or deadline column is not a task table: null.
 */
export function tableDrafts(t: TableBlock): RawDraft[] | null {
  const width = Math.max(0, ...t.rows.map((r) => r.cells.length));
  for (let h = 0; h < Math.min(4, t.rows.length); h++) {
    const roles = new Map<Role, number>();
    for (let c = 0; c < width; c++) {
      // A heading spanning columns names them all; the row below it can name each one.
      const parts = [t.rows[h]?.cells[c] ?? '', t.rows[h + 1]?.cells[c] ?? ''];
      const role = roleOf(parts[1] ?? '') ?? roleOf(parts[0] ?? '');
      if (role && !roles.has(role)) roles.set(role, c);
    }
    if (!roles.has('content') || !(roles.has('lead') || roles.has('deadline'))) continue;
    const twoRows = [...roles.values()].some((c) => roleOf(t.rows[h + 1]?.cells[c] ?? '') !== null);
    return rowsToDrafts(t, roles, h + (twoRows ? 2 : 1));
  }
  return null;
}

function rowsToDrafts(t: TableBlock, roles: Map<Role, number>, first: number): RawDraft[] {
  const out: RawDraft[] = [];
  let group: string | null = null;
  const get = (cells: string[], r: Role) => {
    const c = roles.get(r);
    return c === undefined ? '' : (cells[c] ?? '').trim();
  };
  for (const row of t.rows.slice(first)) {
    const cells = row.cells;
    if (!cells.some((c) => c.trim()) || isNumberRow(cells)) continue;
    const content = get(cells, 'content');
    const stt = get(cells, 'stt');
    const lead = get(cells, 'lead');
    const coord = get(cells, 'coord');
    const deadline = get(cells, 'deadline');
    const deliverable = get(cells, 'deliverable');
    const filled = [...new Set(cells.map((c) => c.trim()).filter(Boolean))];
    const across = row.cellCount === 1 || filled.length === 1;
    const bare = !lead && !coord && !deadline && !deliverable;
    if (across || (bare && (ROMAN_OR_LETTER.test(stt) || isUpper(content)))) {
      group = across ? (filled[0] ?? '') : [stt, content].filter(Boolean).join(' ');
      continue;
    }
    if (!content) continue;
    out.push({
      title: content,
      leadText: lead || null,
      coordText: coord || null,
      deadlineText: deadline || null,
      deadlineInProse: false,
      deliverable: deliverable || null,
      group,
      source: { kind: 'row', table: t.table, row: row.row, text: cells.filter(Boolean).join(' | ') },
    });
  }
  return out;
}

const isUpper = (s: string) => {
  const letters = s.replace(/[^\p{L}]/gu, '');
  return letters.length >= 4 && letters === letters.toUpperCase();
};
