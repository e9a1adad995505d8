import {
  date,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { programmes } from './programmes.js';
import { units } from './units.js';
import { users } from './users.js';

export type WarningReason =
  | {
      code: 'overdue_tasks';
      count: number;
      items: { taskId: number; code: string; title: string; deadline: string; daysOverdue: number }[];
    }
  | { code: 'report_missing'; count: 1; items: [] }
  | { code: 'report_late'; count: 1; items: { submittedAt: string }[] }
  | {
      code: 'disbursement_below_threshold';
      count: 1;
      /** The unit's rate and the threshold in force at the draw date (percent, four / two decimals). */
      items: {
        year: number;
        allocated: string;
        disbursed: string;
        rate: string;
        minRatePct: string;
        byDay: string;
      }[];
    }
  | {
      code: 'recommendations_overdue';
      count: number;
      items: {
        recommendationId: number;
        fromCode: string;
        content: string;
        dueOn: string;
        daysOverdue: number;
      }[];
    };

/** The weekly warning list of a programme: computed at the due moment, reviewed, then frozen. */
export const warningLists = pgTable(
  'warning_lists',
  {
    id: serial('id').primaryKey(),
    programmeId: integer('programme_id')
      .notNull()
      .references(() => programmes.id),
    period: text('period').notNull(),
    status: text('status').$type<'draft' | 'published'>().notNull().default('draft'),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    /** The moment the reasons were drawn (the due moment, or later when caught up or recomputed). */
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
    /** The day overdue tasks were counted as of (the due moment's date in the programme's zone). */
    asOf: date('as_of', { mode: 'string' }).notNull(),
    note: text('note'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publishedBy: integer('published_by').references(() => users.id),
  },
  (t) => [uniqueIndex('warning_lists_period_uq').on(t.programmeId, t.period)],
);

export const warningListUnits = pgTable(
  'warning_list_units',
  {
    id: serial('id').primaryKey(),
    listId: integer('list_id')
      .notNull()
      .references(() => warningLists.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    reasons: jsonb('reasons').$type<WarningReason[]>().notNull(),
    /** Periods in a row the unit has been listed, this one included. */
    streak: integer('streak').notNull().default(1),
    note: text('note'),
    /** A unit is never dropped silently: removal keeps who, when and why. */
    removedAt: timestamp('removed_at', { withTimezone: true }),
    removedBy: integer('removed_by').references(() => users.id),
    removedReason: text('removed_reason'),
  },
  (t) => [uniqueIndex('warning_list_units_uq').on(t.listId, t.unitId)],
);

/** Scheduled work done once per key (e.g. warnings:3:2025-W46), whatever the number of servers. */
export const jobRuns = pgTable(
  'job_runs',
  {
    job: text('job').notNull(),
    key: text('key').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    status: text('status').$type<'running' | 'done' | 'failed'>().notNull().default('running'),
    detail: jsonb('detail'),
  },
  (t) => [primaryKey({ columns: [t.job, t.key] })],
);

/** Public holidays and other days off (Saturdays and Sundays are always off). */
export const daysOff = pgTable('days_off', {
  day: date('day', { mode: 'string' }).primaryKey(),
  name: text('name').notNull(),
});
