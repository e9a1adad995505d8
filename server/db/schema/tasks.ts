import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { directives, programmeGroups, programmes } from './programmes.js';
import { units } from './units.js';
import { users } from './users.js';

export const tasks = pgTable(
  'tasks',
  {
    id: serial('id').primaryKey(),
    programmeId: integer('programme_id')
      .notNull()
      .references(() => programmes.id),
    code: text('code').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    groupId: integer('group_id').references(() => programmeGroups.id),
    directiveId: integer('directive_id').references(() => directives.id),
    assignedLevel: text('assigned_level').notNull(),
    leadUnitId: integer('lead_unit_id')
      .notNull()
      .references(() => units.id),
    responsiblePerson: text('responsible_person'),
    startDate: date('start_date', { mode: 'string' }),
    /** The deadline in force since `deadline_effective_from` (the latest approved one). */
    deadline: date('deadline', { mode: 'string' }).notNull(),
    originalDeadline: date('original_deadline', { mode: 'string' }).notNull(),
    /** Null while the deadline was never changed; then the fast path of the state rule applies. */
    deadlineEffectiveFrom: date('deadline_effective_from', { mode: 'string' }),
    deliverable: text('deliverable'),
    targetText: text('target_text'),
    targetValue: numeric('target_value'),
    targetUnit: text('target_unit'),
    priority: text('priority').notNull().default('normal'),
    parentId: integer('parent_id'),
    /** Its share in the parent's derived progress (delegated sub-tasks; decision 43). */
    subtaskWeight: integer('subtask_weight').notNull().default(1),
    /** The progress is the weighted mean of the sub-tasks', kept by a trigger (decision 43). */
    progressFromSubtasks: boolean('progress_from_subtasks').notNull().default(false),
    kind: text('kind').notNull().default('task'),
    progress: integer('progress').notNull().default(0),
    /** First day with any progress or report: before it the task is "not started". */
    firstActivityOn: date('first_activity_on', { mode: 'string' }),
    /** Completion day in the programme's time zone; the state rules compare dates. */
    completedOn: date('completed_on', { mode: 'string' }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    /** Cancelled by an approved adjustment: no longer reported on or warned about from this day. */
    cancelledOn: date('cancelled_on', { mode: 'string' }),
    /** The task that replaced this one (approved adjustment of kind "replace"). */
    replacedById: integer('replaced_by_id'),
    /** A recurring task (a series): monthly, quarterly, yearly or continuous (decision 55). */
    recurrence: text('recurrence'),
    /** The day of the period's last month an occurrence is due (null: the period's last day). */
    recurrenceDay: integer('recurrence_day'),
    /** An occurrence: the series it belongs to and its period ('2026-03', '2026-Q1', '2026'). */
    seriesId: integer('series_id'),
    occurrencePeriod: text('occurrence_period'),
    searchText: text('search_text').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('tasks_code_uq').on(t.programmeId, t.code),
    index('tasks_programme_deadline_idx').on(t.programmeId, t.deadline, t.id),
    // With the id: the lead side of a unit-subtree filter is read from the index alone.
    index('tasks_lead_unit_idx').on(t.leadUnitId, t.id),
    index('tasks_programme_level_idx').on(t.programmeId, t.assignedLevel),
    index('tasks_group_idx').on(t.groupId),
    index('tasks_directive_idx').on(t.directiveId),
    index('tasks_parent_idx').on(t.parentId),
    // One occurrence per series and period, whichever server's scheduler makes it.
    uniqueIndex('tasks_series_period_uq').on(t.seriesId, t.occurrencePeriod),
    index('tasks_recurring_idx')
      .on(t.programmeId)
      .where(sql`${t.recurrence} is not null`),
    index('tasks_deadline_changed_idx')
      .on(t.deadlineEffectiveFrom)
      .where(sql`${t.deadlineEffectiveFrom} is not null`),
    index('tasks_open_idx')
      .on(t.programmeId, t.deadline)
      .where(sql`${t.completedOn} is null`),
  ],
);

export const taskCoordinators = pgTable(
  'task_coordinators',
  {
    taskId: integer('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
  },
  (t) => [
    primaryKey({ columns: [t.taskId, t.unitId] }),
    index('task_coordinators_unit_idx').on(t.unitId, t.taskId),
  ],
);

/** The roadmap of a task. */
export const taskMilestones = pgTable(
  'task_milestones',
  {
    id: serial('id').primaryKey(),
    taskId: integer('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    doneOn: date('done_on', { mode: 'string' }),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [index('task_milestones_task_idx').on(t.taskId)],
);

/** Every deadline a task has had, from the day it took effect; the original stays on the task. */
export const taskDeadlineChanges = pgTable(
  'task_deadline_changes',
  {
    id: serial('id').primaryKey(),
    taskId: integer('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    reason: text('reason'),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('task_deadline_changes_task_idx').on(t.taskId, t.effectiveFrom)],
);

export const taskHistory = pgTable(
  'task_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    taskId: integer('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: integer('actor_id').references(() => users.id),
    action: text('action').notNull(),
    changes: jsonb('changes').$type<Record<string, { from: unknown; to: unknown }>>().notNull().default({}),
  },
  (t) => [index('task_history_task_idx').on(t.taskId, t.at)],
);
