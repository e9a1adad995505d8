import {
  ASSIGNED_LEVELS,
  TASK_KINDS,
  TASK_SORTS,
  TASK_STATES,
  type AssignedLevel,
  type TaskSort,
  type TaskState,
} from '@shared/vocabulary';

/**
 * The task list's filters live in the URL, so a filtered list can be bookmarked, sent to a
 * colleague and replayed "as of" a date. Unknown or malformed values are dropped, never sent.
 */
export type TaskListFilters = {
  programmeId: number;
  asOf?: string;
  state?: TaskState[];
  level?: AssignedLevel[];
  groupId?: number[];
  unitId?: number;
  unitRole?: 'lead' | 'coordinate';
  directiveId?: number;
  kind?: (typeof TASK_KINDS)[number];
  deadlineFrom?: string;
  deadlineTo?: string;
  q?: string;
  sort?: TaskSort;
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const oneOf = <T extends string>(values: readonly T[], v: string | null): T | undefined =>
  v !== null && (values as readonly string[]).includes(v) ? (v as T) : undefined;
const listOf = <T extends string>(values: readonly T[], v: string | null): T[] | undefined => {
  const out = (v ?? '').split(',').filter((x): x is T => (values as readonly string[]).includes(x));
  return out.length ? [...new Set(out)] : undefined;
};
const positiveInt = (v: string | null) => {
  const n = Number(v);
  return v && Number.isInteger(n) && n > 0 ? n : undefined;
};
const date = (v: string | null) => (v && ISO_DATE.test(v) ? v : undefined);

export function parseTaskFilters(programmeId: number, params: URLSearchParams): TaskListFilters {
  const groupIds = (params.get('groupId') ?? '')
    .split(',')
    .map((x) => positiveInt(x))
    .filter((x): x is number => x !== undefined);
  const f: TaskListFilters = {
    programmeId,
    asOf: date(params.get('asOf')),
    state: listOf(TASK_STATES, params.get('state')),
    level: listOf(ASSIGNED_LEVELS, params.get('level')),
    groupId: groupIds.length ? groupIds : undefined,
    unitId: positiveInt(params.get('unitId')),
    unitRole: oneOf(['lead', 'coordinate'] as const, params.get('unitRole')),
    directiveId: positiveInt(params.get('directiveId')),
    kind: oneOf(TASK_KINDS, params.get('kind')),
    deadlineFrom: date(params.get('deadlineFrom')),
    deadlineTo: date(params.get('deadlineTo')),
    q: params.get('q')?.trim().slice(0, 200) || undefined,
    sort: oneOf(TASK_SORTS, params.get('sort')),
  };
  return Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)) as TaskListFilters;
}

/** The URL form of filters (programmeId is in the path, not the query). */
export function taskFiltersToParams(f: TaskListFilters): URLSearchParams {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) {
    if (k === 'programmeId' || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    p.set(k, Array.isArray(v) ? v.join(',') : String(v));
  }
  return p;
}

/** How many filters the user has set (the "as of" date and the sort are not filters). */
export function activeFilterCount(f: TaskListFilters): number {
  const { programmeId: _p, asOf: _a, sort: _s, ...rest } = f;
  return Object.values(rest).filter((v) => v !== undefined).length;
}
