import type { Locale } from '../../../../shared/schemas/common.js';
import { isValidIsoDate } from '../../../../shared/dates.js';
import { RECURRENCES } from '../../../../shared/recurrence.js';
import { foldText } from '../../../../shared/text-fold.js';
import { ASSIGNED_LEVELS, PRIORITIES, TASK_KINDS } from '../../../../shared/vocabulary.js';
import { searchTextOf } from '../tasks.service.js';
import {
  KIND_WORDS,
  LEVEL_OF_UNIT_KIND,
  LEVEL_WORDS,
  PRIORITY_WORDS,
  RECURRENCE_WORDS,
  TASK_COLUMNS,
  TASK_HEADERS,
  type TaskColumn,
} from './columns.js';
import type { Cell, TaskSheetRow } from './read-sheet.js';
import { serialDate } from './read-sheet.js';
import { rowMessage, type TaskRowIssue } from './row-messages.js';

/** A task of the programme as stored, for an update by code. */
export type CurrentTask = {
  id: number;
  code: string;
  title: string;
  groupId: number | null;
  directiveId: number | null;
  assignedLevel: string;
  leadUnitId: number;
  responsiblePerson: string | null;
  startDate: string | null;
  deadline: string;
  deliverable: string | null;
  targetText: string | null;
  targetValue: string | null;
  targetUnit: string | null;
  priority: string;
  parentId: number | null;
  kind: string;
  recurrence: string | null;
  recurrenceDay: number | null;
  seriesId: number | null;
  coordinatorIds: number[];
};

export type ImportLookups = {
  units: Map<string, { id: number; kind: string }>;
  groups: Map<string, number>;
  directives: Map<string, number>;
  /** Every task of the programme: code → id and parent id. */
  tasks: Map<string, { id: number; parentId: number | null }>;
  codeOfId: Map<number, string>;
  /** The stored tasks the file names, in full. */
  current: Map<string, CurrentTask>;
};

export type StagedTask = {
  row: number;
  action: 'create' | 'update' | 'unchanged';
  existingId: number | null;
  code: string;
  title: string;
  groupId: number | null;
  directiveId: number | null;
  assignedLevel: string;
  leadUnitId: number;
  coordinatorIds: number[];
  responsiblePerson: string | null;
  startDate: string | null;
  deadline: string;
  deliverable: string | null;
  targetText: string | null;
  targetValue: string | null;
  targetUnit: string | null;
  priority: string;
  parentCode: string | null;
  kind: string;
  recurrence: string | null;
  recurrenceDay: number | null;
  searchText: string;
  changes: Record<string, { from: unknown; to: unknown }>;
  deadlineChanged: boolean;
  coordinatorsChanged: boolean;
};

export type RowError = { row: number; column: string; message: string };
export type CheckedRow = { row: number; cells: TaskSheetRow['cells']; errors: RowError[]; ok?: StagedTask };

/** Directive numbers and group codes are matched without case, spaces or diacritics. */
export const refKey = (s: string) => foldText(s).replace(/\s+/g, '');

const DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
function parseDate(c: string): string | null {
  let iso = c.slice(0, 10);
  const m = DMY.exec(c);
  if (m) iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  else if (/^\d{5}(\.0+)?$/.test(c)) iso = serialDate(Number(c));
  else if (!/^\d{4}-\d{2}-\d{2}([ T].*)?$/.test(c)) return null;
  return isValidIsoDate(iso) && iso >= '2000-01-01' && iso <= '2100-12-31' ? iso : null;
}

function choice(c: string, codes: readonly string[], words: Record<string, string>): string | undefined {
  const f = foldText(c);
  return codes.includes(f) ? f : words[f];
}

const LIMITS: Partial<Record<TaskColumn, number>> = {
  code: 50,
  title: 500,
  responsible: 200,
  deliverable: 2000,
  measure: 50,
  target: 2000,
};

/** Coordinating unit codes separated by ";" or "," (or line breaks). */
export const splitCodes = (c: string) => [
  ...new Set(
    c
      .split(/[;,\n]/)
      .map((s) => s.trim())
      .filter(Boolean),
  ),
];

const TRACKED = [
  'title',
  'groupId',
  'directiveId',
  'assignedLevel',
  'leadUnitId',
  'responsiblePerson',
  'startDate',
  'deadline',
  'deliverable',
  'targetText',
  'targetValue',
  'targetUnit',
  'priority',
  'kind',
  'recurrence',
  'recurrenceDay',
] as const;

/**
 * Checks every row (writes nothing): what is wrong with it, under its column's heading in the
 * reader's language, or what to write. An existing code of the programme is an update (blank
 * cells keep the stored value; changes are tracked as PATCH tracks them), a new code a creation.
 * Rows whose parent is a refused row of the file are refused too, so that "the valid rows" never
 * point at a task that was not written.
 */
export function checkRows(rows: TaskSheetRow[], look: ImportLookups, locale: Locale): CheckedRow[] {
  const heading = (k: TaskColumn) => TASK_HEADERS[locale][TASK_COLUMNS.indexOf(k)]!;
  const firstRowOf = new Map<string, number>();
  const out: CheckedRow[] = rows.map((r) => {
    const errors: RowError[] = [];
    const say = (k: TaskColumn, code: TaskRowIssue, params: Record<string, unknown> = {}) =>
      errors.push({ row: r.row, column: heading(k), message: rowMessage(code, locale, params) });
    const c = r.cells;
    for (const [k, max] of Object.entries(LIMITS) as [TaskColumn, number][])
      if ((c[k]?.length ?? 0) > max) say(k, 'too_long', { max });
    const code = c.code ?? '';
    const cur = code ? look.current.get(code) : undefined;
    if (!code) say('code', 'required');
    else if (firstRowOf.has(code)) say('code', 'duplicate_code', { value: code, row: firstRowOf.get(code) });
    else firstRowOf.set(code, r.row);
    if (cur?.seriesId) say('code', 'occurrence', { value: code });
    const need = (k: TaskColumn, stored: unknown) => {
      if (c[k] == null && stored == null) say(k, 'required');
    };
    need('title', cur?.title);
    need('lead', cur?.leadUnitId);
    need('deadline', cur?.deadline);

    const unit = (k: TaskColumn, v: string) => {
      const u = look.units.get(v);
      if (!u) say(k, 'unknown_unit', { value: v });
      return u;
    };
    const lead = c.lead ? unit('lead', c.lead) : undefined;
    const coordCodes = c.coordinators ? splitCodes(c.coordinators) : null;
    const coordinatorIds: number[] = [];
    for (const cc of coordCodes ?? []) {
      const u = unit('coordinators', cc);
      if (u) coordinatorIds.push(u.id);
    }
    const leadId = lead?.id ?? cur?.leadUnitId;
    const leadCode = c.lead ?? (cur ? undefined : '');
    const finalCoords = coordCodes ? coordinatorIds : (cur?.coordinatorIds ?? []);
    if (leadId !== undefined && finalCoords.includes(leadId))
      say('coordinators', 'coordinator_is_lead', { value: leadCode ?? c.lead ?? '' });

    const group = c.group ? look.groups.get(refKey(c.group)) : undefined;
    if (c.group && group === undefined) say('group', 'unknown_group', { value: c.group });
    const directive = c.directive ? look.directives.get(refKey(c.directive)) : undefined;
    if (c.directive && directive === undefined) say('directive', 'unknown_directive', { value: c.directive });

    const date = (k: TaskColumn) => {
      const v = c[k];
      if (v == null) return undefined;
      const d = parseDate(v);
      if (!d) say(k, 'date', { value: v });
      return d ?? undefined;
    };
    const start = c.start != null ? date('start') : (cur?.startDate ?? null);
    const deadline = c.deadline != null ? date('deadline') : cur?.deadline;
    if (start && deadline && deadline < start) say('deadline', 'deadline_before_start', { deadline, start });

    const pick = (
      k: TaskColumn,
      codes: readonly string[],
      words: Record<string, string>,
      stored: string | undefined,
      dflt: string,
    ) => {
      const v = c[k];
      if (v == null) return stored ?? dflt;
      const got = choice(v, codes, words);
      if (!got) say(k, 'choice', { value: v, allowed: codes.join(', ') });
      return got ?? dflt;
    };
    const level = pick(
      'level',
      ASSIGNED_LEVELS,
      LEVEL_WORDS,
      cur?.assignedLevel,
      (lead && LEVEL_OF_UNIT_KIND[lead.kind]) ?? 'province',
    );
    const priority = pick('priority', PRIORITIES, PRIORITY_WORDS, cur?.priority, 'normal');
    const kind = pick('kind', TASK_KINDS, KIND_WORDS, cur?.kind, 'task');
    let recurrence = cur?.recurrence ?? null;
    let recurrenceDay = cur?.recurrenceDay ?? null;
    if (c.recurrence != null) {
      const m = /^(.*?)(?:[\s,:;-]*(?:ngay|day)?\s*(\d{1,2}))?$/.exec(foldText(c.recurrence))!;
      const got = choice(m[1]!.trim(), RECURRENCES, RECURRENCE_WORDS);
      const day = m[2] ? Number(m[2]) : null;
      if (!got || (day !== null && (day < 1 || day > 31)))
        say('recurrence', 'choice', {
          value: c.recurrence,
          allowed: `${RECURRENCES.join(', ')} (monthly:25)`,
        });
      recurrence = got ?? null;
      recurrenceDay = day;
    }
    let targetValue = cur?.targetValue ?? null;
    let targetText = cur?.targetText ?? null;
    if (c.target != null) {
      const num = /^-?\d+([.,]\d+)?$/.test(c.target) ? c.target.replace(',', '.') : null;
      targetValue = num;
      targetText = num === null ? c.target : null;
    }
    const parentCode = c.parent ?? (cur?.parentId ? (look.codeOfId.get(cur.parentId) ?? null) : null);

    if (errors.length || !deadline || leadId === undefined) return { row: r.row, cells: c, errors };
    const title = c.title ?? cur!.title;
    const deliverable = c.deliverable ?? cur?.deliverable ?? null;
    const staged: StagedTask = {
      row: r.row,
      action: cur ? 'update' : 'create',
      existingId: cur?.id ?? null,
      code,
      title,
      groupId: group ?? cur?.groupId ?? null,
      directiveId: directive ?? cur?.directiveId ?? null,
      assignedLevel: level,
      leadUnitId: leadId,
      coordinatorIds: finalCoords,
      responsiblePerson: c.responsible ?? cur?.responsiblePerson ?? null,
      startDate: start ?? null,
      deadline,
      deliverable,
      targetText,
      targetValue,
      targetUnit: c.measure ?? cur?.targetUnit ?? null,
      priority,
      parentCode,
      kind,
      recurrence,
      recurrenceDay,
      searchText: searchTextOf({ code, title, deliverable }),
      changes: {},
      deadlineChanged: false,
      coordinatorsChanged: !cur,
    };
    if (cur) {
      for (const k of TRACKED) {
        const from = cur[k];
        const to = staged[k];
        if (
          from !== to &&
          !(k === 'targetValue' && from !== null && to !== null && Number(from) === Number(to))
        )
          staged.changes[k] = {
            from: k === 'targetValue' && from !== null ? Number(from) : from,
            to: k === 'targetValue' && to !== null ? Number(to) : to,
          };
      }
      const parentId = parentCode ? (look.tasks.get(parentCode)?.id ?? null) : null;
      if (
        parentCode !== (cur.parentId ? look.codeOfId.get(cur.parentId) : null) ||
        (parentId && parentId !== cur.parentId)
      )
        staged.changes.parentId = { from: cur.parentId, to: parentCode };
      const same = [...cur.coordinatorIds].sort().join() === [...finalCoords].sort().join();
      if (!same) {
        staged.coordinatorsChanged = true;
        staged.changes.coordinatingUnitIds = { from: null, to: finalCoords };
      }
      staged.deadlineChanged = 'deadline' in staged.changes;
      if (!Object.keys(staged.changes).length) staged.action = 'unchanged';
    }
    return { row: r.row, cells: c, errors, ok: staged };
  });
  checkParents(out, look, locale, heading('parent'));
  return out;
}

/** Parent codes: known in the programme or the file, no loop, and not a refused row. */
function checkParents(out: CheckedRow[], look: ImportLookups, locale: Locale, column: string) {
  const inFile = new Map<string, CheckedRow>();
  for (const r of out) {
    const code = r.cells.code;
    if (code && !inFile.has(code)) inFile.set(code, r);
  }
  const parentOf = (code: string): string | null => {
    const r = inFile.get(code);
    if (r) return r.ok ? r.ok.parentCode : (r.cells.parent ?? null);
    const t = look.tasks.get(code);
    return t?.parentId ? (look.codeOfId.get(t.parentId) ?? null) : null;
  };
  const refuse = (r: CheckedRow, code: TaskRowIssue, params: Record<string, unknown>) => {
    r.errors.push({ row: r.row, column, message: rowMessage(code, locale, params) });
    r.ok = undefined;
  };
  for (const r of out) {
    const p = r.ok?.parentCode;
    if (!r.ok || !p) continue;
    if (!inFile.has(p) && !look.tasks.has(p)) {
      refuse(r, 'unknown_parent', { value: p });
      continue;
    }
    let node: string | null = p;
    for (let steps = 0; node && steps < 10_000; steps++) {
      if (node === r.ok.code) {
        refuse(r, 'parent_cycle', { value: p });
        break;
      }
      node = parentOf(node);
    }
  }
  // A row under a refused row is refused, down the tree (until nothing changes).
  for (let changed = true; changed;) {
    changed = false;
    for (const r of out) {
      const p = r.ok?.parentCode;
      const parent = p ? inFile.get(p) : undefined;
      if (r.ok && parent && !parent.ok) {
        refuse(r, 'parent_row_invalid', { value: p, row: parent.row });
        changed = true;
      }
    }
  }
}

export const cellValues = (cells: Partial<Record<TaskColumn, Cell>>) =>
  TASK_COLUMNS.map((k) => cells[k] ?? null);
