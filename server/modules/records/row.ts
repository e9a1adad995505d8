import type { RecordChannel } from '../../../shared/service-indicators.js';

/** A record ready to be written (unit resolved, dates as instants). */
export type RecordRow = {
  source: string;
  recordId: string;
  procedureCode: string;
  unitId: number;
  receivedAt: Date;
  channel: RecordChannel;
  synced: boolean;
  documentsDigitised: boolean;
  resultDigitised: boolean;
  resultElectronic: boolean;
  hasFee: boolean;
  paidOnline: boolean;
  dueAt: Date | null;
  completedAt: Date | null;
  supplementRequests: number;
  supplementDays: number;
};

export const REQUIRED_COLUMNS = [
  'record_id',
  'procedure_code',
  'unit_code',
  'received_at',
  'channel',
] as const;
export const OPTIONAL_COLUMNS = [
  'source',
  'synced',
  'documents_digitised',
  'result_digitised',
  'result_electronic',
  'has_fee',
  'paid_online',
  'due_at',
  'completed_at',
  'supplement_requests',
  'supplement_days',
] as const;
export const ALL_COLUMNS: readonly string[] = [...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS];

export type RowIssue = { column: string | null; code: RowIssueCode; params?: Record<string, unknown> };
export type RowIssueCode =
  | 'required'
  | 'too_long'
  | 'date'
  | 'date_range'
  | 'boolean'
  | 'channel'
  | 'count'
  | 'days'
  | 'unknown_unit'
  | 'unit_out_of_scope'
  | 'completed_before_received'
  | 'due_before_received'
  | 'duplicate_id'
  | 'not_json'
  | 'not_object';

const CHANNELS: Record<string, RecordChannel> = {
  online: 'online',
  in_person: 'in_person',
  post: 'post',
  truc_tuyen: 'online',
  'trực tuyến': 'online',
  'truc tiep': 'in_person',
  'trực tiếp': 'in_person',
  'buu chinh': 'post',
  'bưu chính': 'post',
};
const TRUE = new Set(['1', 'true', 'yes', 'y', 'x', 'có', 'co']);
const FALSE = new Set(['', '0', 'false', 'no', 'n', 'không', 'khong']);

// 2025-07-01, 2025-07-01 08:30[:15], 2025-07-01T08:30:15[.123][Z|+07:00]
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
// 01/07/2025, 1/7/2025 08:30[:15] (Vietnamese day/month/year)
const DMY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * An instant from a cell: ISO or dd/mm/yyyy; without an offset it is a wall-clock time in
 * Asia/Ho_Chi_Minh (UTC+7). A date alone is the start of that day. Invalid days (31/02) are refused.
 */
export function parseInstant(s: string): Date | null {
  let y: number,
    mo: number,
    d: number,
    h = 0,
    mi = 0,
    se = 0;
  let offset: string | undefined;
  let m = ISO.exec(s);
  if (m) {
    [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (m[4]) [h, mi, se] = [Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
    offset = m[7];
  } else {
    m = DMY.exec(s);
    if (!m) return null;
    [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (m[4]) [h, mi, se] = [Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
  }
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || se > 59) return null;
  const wall = Date.UTC(y, mo - 1, d, h, mi, se);
  if (new Date(wall).getUTCDate() !== d) return null;
  let off = 7 * 60;
  if (offset && offset !== 'Z') {
    const sign = offset[0] === '-' ? -1 : 1;
    const digits = offset.slice(1).replace(':', '');
    off = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
  } else if (offset === 'Z') off = 0;
  return new Date(wall - off * 60_000);
}

const MIN_AT = Date.UTC(2000, 0, 1);
const MAX_AT = Date.UTC(2100, 0, 1);

const text = (v: unknown): string =>
  v === null || v === undefined ? '' : typeof v === 'string' ? v.trim() : String(v).trim();

function str(
  cells: Record<string, unknown>,
  col: string,
  max: number,
  required: boolean,
  issues: RowIssue[],
) {
  const s = text(cells[col]);
  if (!s) {
    if (required) issues.push({ column: col, code: 'required' });
  } else if (s.length > max) issues.push({ column: col, code: 'too_long', params: { max } });
  return s;
}

function instant(
  cells: Record<string, unknown>,
  col: string,
  required: boolean,
  issues: RowIssue[],
): Date | null {
  const s = text(cells[col]);
  if (!s) {
    if (required) issues.push({ column: col, code: 'required' });
    return null;
  }
  const at = parseInstant(s);
  if (!at) {
    issues.push({ column: col, code: 'date', params: { value: s.slice(0, 40) } });
    return null;
  }
  const t = at.getTime();
  if (t < MIN_AT || t >= MAX_AT) {
    issues.push({ column: col, code: 'date_range' });
    return null;
  }
  return at;
}

function bool(cells: Record<string, unknown>, col: string, issues: RowIssue[]): boolean {
  const v = cells[col];
  if (typeof v === 'boolean') return v;
  if (v === '1' || v === 1) return true;
  if (v === '0' || v === 0 || v === '' || v === undefined || v === null) return false;
  const s = text(v).toLowerCase();
  if (TRUE.has(s)) return true;
  if (FALSE.has(s)) return false;
  issues.push({ column: col, code: 'boolean', params: { value: s.slice(0, 40) } });
  return false;
}

function count(
  cells: Record<string, unknown>,
  col: string,
  code: 'count' | 'days',
  integer: boolean,
  issues: RowIssue[],
) {
  const v = cells[col];
  if (v === '0' || v === 0 || v === '' || v === undefined || v === null) return 0;
  const s = text(v);
  if (!s) return 0;
  const n = Number(s.replace(',', '.'));
  if (!Number.isFinite(n) || n < 0 || n > 9999 || (integer && !Number.isInteger(n))) {
    issues.push({ column: col, code, params: { value: s.slice(0, 40) } });
    return 0;
  }
  return Math.round(n * 100) / 100;
}

/**
 * Checks one row (cells by column name, from a file or JSON) and resolves its unit. Every problem
 * of the row is reported, each with its column; the record is returned only when there is none.
 */
export function parseRow(
  cells: Record<string, unknown>,
  ctx: {
    defaultSource: string;
    unitByCode: (code: string) => { id: number; path: string } | undefined;
    inScope: (path: string) => boolean;
  },
): { ok: true; row: RecordRow } | { ok: false; issues: RowIssue[] } {
  const issues: RowIssue[] = [];
  const source = str(cells, 'source', 40, false, issues) || ctx.defaultSource;
  const recordId = str(cells, 'record_id', 100, true, issues);
  const procedureCode = str(cells, 'procedure_code', 100, true, issues);
  const unitCode = str(cells, 'unit_code', 100, true, issues);
  const receivedAt = instant(cells, 'received_at', true, issues);
  const channelText = text(cells.channel).toLowerCase();
  const channel = CHANNELS[channelText];
  if (!channelText) issues.push({ column: 'channel', code: 'required' });
  else if (!channel)
    issues.push({ column: 'channel', code: 'channel', params: { value: channelText.slice(0, 40) } });
  const synced = bool(cells, 'synced', issues);
  const documentsDigitised = bool(cells, 'documents_digitised', issues);
  const resultDigitised = bool(cells, 'result_digitised', issues);
  const resultElectronic = bool(cells, 'result_electronic', issues);
  const hasFee = bool(cells, 'has_fee', issues);
  const paidOnline = bool(cells, 'paid_online', issues);
  const dueAt = instant(cells, 'due_at', false, issues);
  const completedAt = instant(cells, 'completed_at', false, issues);
  const supplementRequests = count(cells, 'supplement_requests', 'count', true, issues);
  const supplementDays = count(cells, 'supplement_days', 'days', false, issues);
  if (receivedAt && completedAt && completedAt < receivedAt)
    issues.push({ column: 'completed_at', code: 'completed_before_received' });
  if (receivedAt && dueAt && dueAt < receivedAt)
    issues.push({ column: 'due_at', code: 'due_before_received' });
  let unitId = 0;
  if (unitCode) {
    const unit = ctx.unitByCode(unitCode);
    if (!unit)
      issues.push({ column: 'unit_code', code: 'unknown_unit', params: { value: unitCode.slice(0, 40) } });
    else if (!ctx.inScope(unit.path))
      issues.push({
        column: 'unit_code',
        code: 'unit_out_of_scope',
        params: { value: unitCode.slice(0, 40) },
      });
    else unitId = unit.id;
  }
  if (issues.length || !receivedAt || !channel) return { ok: false, issues };
  return {
    ok: true,
    row: {
      source,
      recordId,
      procedureCode,
      unitId,
      receivedAt,
      channel,
      synced,
      documentsDigitised,
      resultDigitised,
      resultElectronic,
      hasFee,
      paidOnline,
      dueAt,
      completedAt,
      supplementRequests,
      supplementDays,
    },
  };
}
