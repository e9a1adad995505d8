import {
  bigserial,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import type { ObstacleCategory, ObstacleSeverity, ObstacleStatus } from '../../../shared/registers.js';
import { programmes } from './programmes.js';
import { progressReports } from './reports.js';
import { tasks } from './tasks.js';
import { units } from './units.js';
import { users } from './users.js';

/** A blocker raised by a unit (from a weekly report entry or on its own), owned by a unit to resolve. */
export const obstacles = pgTable(
  'obstacles',
  {
    id: serial('id').primaryKey(),
    programmeId: integer('programme_id')
      .notNull()
      .references(() => programmes.id),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    category: text('category').$type<ObstacleCategory>().notNull(),
    severity: text('severity').$type<ObstacleSeverity>().notNull().default('medium'),
    raisedByUnitId: integer('raised_by_unit_id')
      .notNull()
      .references(() => units.id),
    /**
     * The weekly report entry it was raised from, if any: the report and the entry's task (entries
     * are rewritten on every save, so their ids do not last).
     */
    reportId: integer('report_id').references(() => progressReports.id),
    reportTaskId: integer('report_task_id').references(() => tasks.id),
    ownerUnitId: integer('owner_unit_id')
      .notNull()
      .references(() => units.id),
    raisedOn: date('raised_on', { mode: 'string' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }),
    /** The current status; the status on any day is read from obstacle_events. */
    status: text('status').$type<ObstacleStatus>().notNull().default('open'),
    resolution: text('resolution'),
    resolvedOn: date('resolved_on', { mode: 'string' }),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('obstacles_programme_idx').on(t.programmeId, t.status),
    index('obstacles_owner_idx').on(t.ownerUnitId),
    index('obstacles_raised_by_idx').on(t.raisedByUnitId),
    index('obstacles_report_idx').on(t.reportId, t.reportTaskId),
  ],
);

export const obstacleTasks = pgTable(
  'obstacle_tasks',
  {
    obstacleId: integer('obstacle_id')
      .notNull()
      .references(() => obstacles.id, { onDelete: 'cascade' }),
    taskId: integer('task_id')
      .notNull()
      .references(() => tasks.id),
  },
  (t) => [primaryKey({ columns: [t.obstacleId, t.taskId] }), index('obstacle_tasks_task_idx').on(t.taskId)],
);

export const obstacleUnits = pgTable(
  'obstacle_units',
  {
    obstacleId: integer('obstacle_id')
      .notNull()
      .references(() => obstacles.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
  },
  (t) => [primaryKey({ columns: [t.obstacleId, t.unitId] }), index('obstacle_units_unit_idx').on(t.unitId)],
);

/** Every status an obstacle took and the day it took effect: "status as of D" reads the latest by D. */
export const obstacleEvents = pgTable(
  'obstacle_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    obstacleId: integer('obstacle_id')
      .notNull()
      .references(() => obstacles.id, { onDelete: 'cascade' }),
    status: text('status').$type<ObstacleStatus>().notNull(),
    effectiveOn: date('effective_on', { mode: 'string' }).notNull(),
    note: text('note'),
    actorId: integer('actor_id').references(() => users.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('obstacle_events_obstacle_idx').on(t.obstacleId, t.effectiveOn)],
);

/** A unit's recommendation to a handling agency, which must answer by a due day. */
export const recommendations = pgTable(
  'recommendations',
  {
    id: serial('id').primaryKey(),
    programmeId: integer('programme_id')
      .notNull()
      .references(() => programmes.id),
    fromUnitId: integer('from_unit_id')
      .notNull()
      .references(() => units.id),
    toUnitId: integer('to_unit_id')
      .notNull()
      .references(() => units.id),
    content: text('content').notNull(),
    submittedOn: date('submitted_on', { mode: 'string' }).notNull(),
    answerDueOn: date('answer_due_on', { mode: 'string' }).notNull(),
    answer: text('answer'),
    answeredOn: date('answered_on', { mode: 'string' }),
    answeredBy: integer('answered_by').references(() => users.id),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('recommendations_to_idx').on(t.programmeId, t.toUnitId, t.answerDueOn),
    index('recommendations_from_idx').on(t.fromUnitId),
  ],
);

/** Per programme: working days an agency has to answer a recommendation (15 when absent). */
export const registerSettings = pgTable('register_settings', {
  programmeId: integer('programme_id')
    .primaryKey()
    .references(() => programmes.id),
  answerWorkingDays: integer('answer_working_days').notNull().default(15),
});

/** Pilot models (tasks of kind 'pilot') the steering body marked to accelerate. */
export const pilotAccelerations = pgTable('pilot_accelerations', {
  taskId: integer('task_id')
    .primaryKey()
    .references(() => tasks.id),
  programmeId: integer('programme_id')
    .notNull()
    .references(() => programmes.id),
  note: text('note'),
  markedAt: timestamp('marked_at', { withTimezone: true }).notNull(),
});
