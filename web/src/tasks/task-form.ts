import type { TaskDetail, UpdateTaskInput } from '@shared/schemas/tasks';

/** What the task form edits, as the form holds it (dates as ISO strings, units as ids). */
export type TaskFormValues = {
  code: string;
  title: string;
  description: string;
  leadUnitId: number | undefined;
  coordinatingUnitIds: number[];
  groupId: number | null;
  directiveId: number | null;
  assignedLevel: TaskDetail['assignedLevel'];
  responsiblePerson: string;
  startDate: string | null;
  deadline: string | null;
  deliverable: string;
  targetText: string;
  targetValue: number | null;
  targetUnit: string;
  priority: TaskDetail['priority'];
  kind: TaskDetail['kind'];
  parentId: number | null;
  milestones: { title: string; dueOn: string | null; doneOn: string | null }[];
  progress: number;
  progressFromSubtasks: boolean;
  completedOn: string | null;
};

/** The fields the form sends (the API's names); `code` only when creating. */
export const FORM_FIELDS = [
  'code',
  'title',
  'description',
  'leadUnitId',
  'coordinatingUnitIds',
  'groupId',
  'directiveId',
  'assignedLevel',
  'responsiblePerson',
  'startDate',
  'deadline',
  'deliverable',
  'targetText',
  'targetValue',
  'targetUnit',
  'priority',
  'kind',
  'parentId',
  'milestones',
  'progress',
  'progressFromSubtasks',
  'completedOn',
] as const satisfies readonly (keyof TaskFormValues)[];
export type FormField = (typeof FORM_FIELDS)[number];

export const emptyTask = (): TaskFormValues => ({
  code: '',
  title: '',
  description: '',
  leadUnitId: undefined,
  coordinatingUnitIds: [],
  groupId: null,
  directiveId: null,
  assignedLevel: 'city',
  responsiblePerson: '',
  startDate: null,
  deadline: null,
  deliverable: '',
  targetText: '',
  targetValue: null,
  targetUnit: '',
  priority: 'normal',
  kind: 'task',
  parentId: null,
  milestones: [],
  progress: 0,
  progressFromSubtasks: false,
  completedOn: null,
});

export function toFormValues(d: TaskDetail): TaskFormValues {
  return {
    code: d.code,
    title: d.title,
    description: d.description ?? '',
    leadUnitId: d.leadUnit.id,
    coordinatingUnitIds: d.coordinatingUnits.map((u) => u.id),
    groupId: d.groupId,
    directiveId: d.directiveId,
    assignedLevel: d.assignedLevel,
    responsiblePerson: d.responsiblePerson ?? '',
    startDate: d.startDate,
    deadline: d.deadline,
    deliverable: d.deliverable ?? '',
    targetText: d.targetText ?? '',
    targetValue: d.targetValue,
    targetUnit: d.targetUnit ?? '',
    priority: d.priority,
    kind: d.kind,
    parentId: d.parent?.id ?? null,
    milestones: d.milestones.map((m) => ({ title: m.title, dueOn: m.dueOn, doneOn: m.doneOn })),
    progress: d.progress,
    progressFromSubtasks: d.progressFromSubtasks,
    completedOn: d.completedOn,
  };
}

const orNull = (s: string | undefined | null) => (s && s.trim() ? s.trim() : null);

/** The API's value of one field (empty texts become null, as the API stores them). */
function apiValue(k: FormField, v: TaskFormValues): unknown {
  switch (k) {
    case 'description':
    case 'responsiblePerson':
    case 'deliverable':
    case 'targetText':
    case 'targetUnit':
      return orNull(v[k]);
    case 'coordinatingUnitIds':
      return [...(v.coordinatingUnitIds ?? [])].sort((a, b) => a - b);
    case 'milestones':
      return (v.milestones ?? []).map((m) => ({
        title: m.title?.trim() ?? '',
        dueOn: m.dueOn,
        doneOn: m.doneOn ?? null,
      }));
    case 'targetValue':
      return v.targetValue ?? null;
    default:
      return v[k] ?? null;
  }
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The body of POST /tasks. */
export function createBody(programmeId: number, v: TaskFormValues) {
  const body: Record<string, unknown> = { programmeId };
  for (const k of FORM_FIELDS) if (k !== 'completedOn' && k !== 'progress') body[k] = apiValue(k, v);
  body.progress = v.progress ?? 0;
  return body;
}

/** The fields whose value differs between two versions of the form. */
export const changedFields = (a: TaskFormValues, b: TaskFormValues): FormField[] =>
  FORM_FIELDS.filter((k) => k !== 'code' && !same(apiValue(k, a), apiValue(k, b)));

/** The body of PATCH /tasks/:id: only what the user changed since `base`, at `version`. */
export function patchBody(base: TaskFormValues, v: TaskFormValues, version: number): UpdateTaskInput {
  const body: Record<string, unknown> = { version };
  for (const k of changedFields(base, v)) body[k] = apiValue(k, v);
  // A derived progress is the sub-tasks' to move; sending it back unchanged is refused.
  if (v.progressFromSubtasks && !('completedOn' in body)) delete body.progress;
  return body as UpdateTaskInput;
}

/**
 * After a 409: what the other editor changed (base → theirs), and which of those the user changed
 * too (a real clash). The user's input stays in the form; saving again applies only the user's
 * own changes on top of theirs.
 */
export function conflictOf(base: TaskFormValues, theirs: TaskFormValues, mine: TaskFormValues) {
  const changedByThem = changedFields(base, theirs);
  const changedByMe = new Set(changedFields(base, mine));
  return changedByThem.map((field) => ({ field, clash: changedByMe.has(field) }));
}
