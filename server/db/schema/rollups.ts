import { bigint, date, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { programmes } from './programmes.js';

/**
 * The dates (per programme) whose task counts are kept in the two rollups below. A date is added
 * by the first summary read as of it and kept exact from then on by triggers on tasks and
 * task_deadline_changes (migration 0007); the oldest are dropped beyond a few per programme.
 */
export const taskRollupDates = pgTable(
  'task_rollup_dates',
  {
    programmeId: integer('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    asOf: date('as_of', { mode: 'string' }).notNull(),
    builtAt: timestamp('built_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.programmeId, t.asOf] })],
);

/** Tasks per state as of a date, by level, group (0 = none) and kind. */
export const taskStateCounts = pgTable(
  'task_state_counts',
  {
    programmeId: integer('programme_id').notNull(),
    asOf: date('as_of', { mode: 'string' }).notNull(),
    assignedLevel: text('assigned_level').notNull(),
    groupId: integer('group_id').notNull(),
    kind: text('kind').notNull(),
    state: text('state').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.programmeId, t.asOf, t.assignedLevel, t.groupId, t.kind, t.state] })],
);

/**
 * Tasks led by a unit, and how many of them are overdue as of a date, by group (0 = none) and kind,
 * and over all groups and kinds (group -1, kind ''): the unfiltered summary reads those alone.
 */
export const taskOverdueByUnit = pgTable(
  'task_overdue_by_unit',
  {
    programmeId: integer('programme_id').notNull(),
    asOf: date('as_of', { mode: 'string' }).notNull(),
    leadUnitId: integer('lead_unit_id').notNull(),
    groupId: integer('group_id').notNull(),
    kind: text('kind').notNull(),
    overdue: integer('overdue').notNull(),
    total: integer('total').notNull(),
  },
  (t) => [primaryKey({ columns: [t.programmeId, t.asOf, t.groupId, t.kind, t.leadUnitId] })],
);

/**
 * Which units' tasks changed in each move of a programme's tasks_version (unit null: any unit,
 * for bulk writes and deleted tasks), written by the same statement triggers (migration 0009):
 * a reader holding what it computed at an older version recomputes only those units.
 */
export const taskUnitChanges = pgTable(
  'task_unit_changes',
  {
    programmeId: integer('programme_id').notNull(),
    version: bigint('version', { mode: 'number' }).notNull(),
    unitId: integer('unit_id'),
  },
  (t) => [index('task_unit_changes_idx').on(t.programmeId, t.version)],
);
