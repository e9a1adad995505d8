import { z } from 'zod';
import { blockingObstacleSchema } from './obstacles.js';
import { ASSIGNED_LEVELS, PRIORITIES, TASK_KINDS, TASK_SORTS, TASK_STATES } from '../vocabulary.js';
import { isoDate, longText, shortText } from './common.js';
import { RECURRENCES } from '../recurrence.js';

export { ASSIGNED_LEVELS, TASK_SORTS };

export const taskStateSchema = z.enum(TASK_STATES);
export const assignedLevelSchema = z.enum(ASSIGNED_LEVELS);
export const taskKindSchema = z.enum(TASK_KINDS);
export const prioritySchema = z.enum(PRIORITIES);

export const milestoneSchema = z.object({
  id: z.number().int().optional(),
  title: z.string(),
  dueOn: isoDate,
  doneOn: isoDate.nullable(),
});

const unitRef = z.object({ id: z.number().int(), code: z.string(), name: z.string() });

export const taskListItemSchema = z.object({
  id: z.number().int(),
  programmeId: z.number().int(),
  code: z.string(),
  title: z.string(),
  kind: taskKindSchema,
  assignedLevel: assignedLevelSchema,
  groupId: z.number().int().nullable(),
  directiveId: z.number().int().nullable(),
  leadUnit: unitRef,
  deadline: isoDate,
  /** The deadline in force on the asked date (differs from `deadline` only for past dates). */
  deadlineAsOf: isoDate,
  progress: z.number().int(),
  priority: prioritySchema,
  completedOn: isoDate.nullable(),
  state: taskStateSchema,
  daysOverdue: z.number().int().nullable(),
});
export type TaskListItem = z.infer<typeof taskListItemSchema>;

export const taskDetailSchema = taskListItemSchema.extend({
  description: z.string().nullable(),
  directive: z.object({ id: z.number().int(), number: z.string(), title: z.string() }).nullable(),
  group: z.object({ id: z.number().int(), code: z.string(), name: z.string() }).nullable(),
  coordinatingUnits: z.array(unitRef),
  responsiblePerson: z.string().nullable(),
  startDate: isoDate.nullable(),
  originalDeadline: isoDate,
  /** Cancelled (or replaced) by an approved adjustment from this day. */
  cancelledOn: isoDate.nullable(),
  replacedById: z.number().int().nullable(),
  deliverable: z.string().nullable(),
  targetText: z.string().nullable(),
  targetValue: z.number().nullable(),
  targetUnit: z.string().nullable(),
  parent: z.object({ id: z.number().int(), code: z.string(), title: z.string() }).nullable(),
  firstActivityOn: isoDate.nullable(),
  /** Reminders sent about it without progress; flagged to the steering body at the third. */
  escalation: z.object({ reminders: z.number().int(), flaggedAt: z.string().nullable() }).nullable(),
  milestones: z.array(milestoneSchema),
  deadlineChanges: z.array(
    z.object({ deadline: isoDate, effectiveFrom: isoDate, reason: z.string().nullable() }),
  ),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  history: z.array(
    z.object({
      id: z.number().int(),
      at: z.string(),
      actor: z.string().nullable(),
      action: z.string(),
      changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })),
    }),
  ),
  /** Its progress is derived from its sub-tasks (weighted); its weight in its parent's. */
  progressFromSubtasks: z.boolean(),
  subtaskWeight: z.number().int(),
  /** update: may edit (all of it when `manage`); delegate: may split it into sub-tasks. */
  can: z.object({ update: z.boolean(), manage: z.boolean(), delegate: z.boolean() }),
  /** Open obstacles (as of the date asked) that block it. */
  blockedBy: z.array(blockingObstacleSchema),
  /** A recurring task (decision 55), its occurrences newest first; an occurrence names its series. */
  recurrence: z.enum(RECURRENCES).nullable(),
  recurrenceDay: z.number().int().nullable(),
  series: z.object({ id: z.number().int(), code: z.string(), title: z.string() }).nullable(),
  occurrencePeriod: z.string().nullable(),
  occurrences: z.array(
    z.object({
      id: z.number().int(),
      code: z.string(),
      period: z.string(),
      deadline: isoDate,
      state: taskStateSchema,
      progress: z.number().int(),
    }),
  ),
});
export type TaskDetail = z.infer<typeof taskDetailSchema>;

const csvIds = z
  .string()
  .regex(/^\d+(,\d+)*$/, 'id_list_format')
  .transform((s) => s.split(',').map(Number));
const csvOf = <T extends [string, ...string[]]>(values: T) =>
  z
    .string()
    .transform((s) => s.split(','))
    .pipe(z.array(z.enum(values)));

export const taskListQuery = z
  .object({
    programmeId: z.coerce.number().int().positive(),
    asOf: isoDate.optional(),
    groupId: csvIds.optional(),
    /** Tasks led or coordinated by a unit of this subtree. */
    unitId: z.coerce.number().int().positive().optional(),
    unitRole: z.enum(['lead', 'coordinate', 'any']).default('any'),
    level: csvOf([...ASSIGNED_LEVELS]).optional(),
    state: csvOf([...TASK_STATES]).optional(),
    kind: taskKindSchema.optional(),
    directiveId: z.coerce.number().int().positive().optional(),
    deadlineFrom: isoDate.optional(),
    deadlineTo: isoDate.optional(),
    q: z.string().max(200).optional(),
    sort: z.enum(TASK_SORTS).default('deadline'),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
    cursor: z.string().max(500).optional(),
  })
  .strict();
export type TaskListQuery = z.infer<typeof taskListQuery>;

export const taskListResponse = z.object({
  items: z.array(taskListItemSchema),
  nextCursor: z.string().nullable(),
  total: z.number().int(),
  asOf: isoDate,
});

const taskWritable = {
  title: shortText(500),
  description: longText().nullable(),
  groupId: z.number().int().positive().nullable(),
  directiveId: z.number().int().positive().nullable(),
  assignedLevel: assignedLevelSchema,
  leadUnitId: z.number().int().positive(),
  coordinatingUnitIds: z.array(z.number().int().positive()).max(200),
  responsiblePerson: shortText(200).nullable(),
  startDate: isoDate.nullable(),
  deadline: isoDate,
  deliverable: longText(2000).nullable(),
  targetText: longText(2000).nullable(),
  targetValue: z.number().finite().nullable(),
  targetUnit: z.string().max(50).nullable(),
  priority: prioritySchema,
  parentId: z.number().int().positive().nullable(),
  kind: taskKindSchema,
  progress: z.number().int().min(0).max(100),
  milestones: z.array(milestoneSchema.omit({ id: true })).max(100),
  recurrence: z.enum(RECURRENCES).nullable(),
  recurrenceDay: z.number().int().min(1).max(31).nullable(),
  progressFromSubtasks: z.boolean(),
  subtaskWeight: z.number().int().min(1).max(100),
};

export const createTaskBody = z
  .object({
    programmeId: z.number().int().positive(),
    code: shortText(50),
    ...taskWritable,
    description: taskWritable.description.default(null),
    groupId: taskWritable.groupId.default(null),
    directiveId: taskWritable.directiveId.default(null),
    coordinatingUnitIds: taskWritable.coordinatingUnitIds.default([]),
    responsiblePerson: taskWritable.responsiblePerson.default(null),
    startDate: taskWritable.startDate.default(null),
    deliverable: taskWritable.deliverable.default(null),
    targetText: taskWritable.targetText.default(null),
    targetValue: taskWritable.targetValue.default(null),
    targetUnit: taskWritable.targetUnit.default(null),
    priority: taskWritable.priority.default('normal'),
    parentId: taskWritable.parentId.default(null),
    kind: taskWritable.kind.default('task'),
    progress: taskWritable.progress.default(0),
    milestones: taskWritable.milestones.default([]),
    recurrence: taskWritable.recurrence.default(null),
    recurrenceDay: taskWritable.recurrenceDay.default(null),
    progressFromSubtasks: taskWritable.progressFromSubtasks.default(false),
    subtaskWeight: taskWritable.subtaskWeight.default(1),
  })
  .strict();
export type CreateTaskInput = z.infer<typeof createTaskBody>;

/** Partial update; `version` is the one the editor read (a stale one gets 409 stale_version). */
export const updateTaskBody = z
  .object({
    ...Object.fromEntries(Object.entries(taskWritable).map(([k, v]) => [k, v.optional()])),
    version: z.number().int().positive(),
    completedOn: isoDate.nullable().optional(),
  })
  .strict() as unknown as z.ZodType<UpdateTaskInput>;
export type UpdateTaskInput = Partial<{
  title: string;
  description: string | null;
  groupId: number | null;
  directiveId: number | null;
  assignedLevel: z.infer<typeof assignedLevelSchema>;
  leadUnitId: number;
  coordinatingUnitIds: number[];
  responsiblePerson: string | null;
  startDate: string | null;
  deadline: string;
  deliverable: string | null;
  targetText: string | null;
  targetValue: number | null;
  targetUnit: string | null;
  priority: z.infer<typeof prioritySchema>;
  parentId: number | null;
  kind: z.infer<typeof taskKindSchema>;
  progress: number;
  milestones: { title: string; dueOn: string; doneOn: string | null }[];
  progressFromSubtasks: boolean;
  subtaskWeight: number;
  completedOn: string | null;
  recurrence: (typeof RECURRENCES)[number] | null;
  recurrenceDay: number | null;
}> & { version: number };

export const stateCounts = z.object(
  Object.fromEntries(TASK_STATES.map((s) => [s, z.number().int()])) as Record<
    (typeof TASK_STATES)[number],
    z.ZodNumber
  >,
);
export type StateCounts = z.infer<typeof stateCounts>;

export const summaryQuery = z
  .object({
    programmeId: z.coerce.number().int().positive(),
    asOf: isoDate.optional(),
    kind: taskKindSchema.optional(),
    groupId: z.coerce.number().int().positive().optional(),
    unitId: z.coerce.number().int().positive().optional(),
    /** The tasks of one directive (its page shows their states as of the date). */
    directiveId: z.coerce.number().int().positive().optional(),
  })
  .strict();

export const summaryResponse = z.object({
  programmeId: z.number().int(),
  asOf: isoDate,
  total: z.number().int(),
  byState: stateCounts,
  byLevel: z.array(z.object({ level: assignedLevelSchema, total: z.number().int(), byState: stateCounts })),
  byGroup: z.array(
    z.object({ groupId: z.number().int().nullable(), total: z.number().int(), byState: stateCounts }),
  ),
  /** Units leading overdue tasks, most overdue first. */
  overdueByUnit: z.array(
    z.object({
      unitId: z.number().int(),
      code: z.string(),
      name: z.string(),
      overdue: z.number().int(),
      total: z.number().int(),
    }),
  ),
});
export type Summary = z.infer<typeof summaryResponse>;
