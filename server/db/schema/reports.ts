import {
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { programmes } from './programmes.js';
import { tasks } from './tasks.js';
import { units } from './units.js';
import { users } from './users.js';

/**
 * A unit's progress report for one period of a programme: draft → submitted → approved, or
 * returned with a comment → resubmitted. `version` counts saves (a stale one is refused);
 * `revision` counts approvals (an edit after approval opens the next revision).
 */
export const progressReports = pgTable(
  'progress_reports',
  {
    id: serial('id').primaryKey(),
    programmeId: integer('programme_id')
      .notNull()
      .references(() => programmes.id),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    period: text('period').notNull(),
    status: text('status')
      .$type<'draft' | 'submitted' | 'approved' | 'returned'>()
      .notNull()
      .default('draft'),
    version: integer('version').notNull().default(1),
    revision: integer('revision').notNull().default(1),
    /** Reporting discipline reads this one: on time if by the period's due moment. */
    firstSubmittedAt: timestamp('first_submitted_at', { withTimezone: true }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    approvedBy: integer('approved_by').references(() => users.id),
    returnedAt: timestamp('returned_at', { withTimezone: true }),
    returnComment: text('return_comment'),
    createdBy: integer('created_by').references(() => users.id),
    updatedBy: integer('updated_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('progress_reports_unit_period_uq').on(t.programmeId, t.unitId, t.period),
    index('progress_reports_period_idx').on(t.programmeId, t.period, t.status),
  ],
);

/** One line per open task the unit leads or coordinates. */
export const progressReportEntries = pgTable(
  'progress_report_entries',
  {
    id: serial('id').primaryKey(),
    reportId: integer('report_id')
      .notNull()
      .references(() => progressReports.id, { onDelete: 'cascade' }),
    taskId: integer('task_id')
      .notNull()
      .references(() => tasks.id),
    role: text('role').$type<'lead' | 'coordinate'>().notNull(),
    percent: integer('percent').notNull().default(0),
    done: text('done').notNull().default(''),
    next: text('next').notNull().default(''),
    obstacles: text('obstacles').notNull().default(''),
    /** Required when the percent is below the last approved one. */
    belowReason: text('below_reason'),
  },
  (t) => [
    uniqueIndex('progress_report_entries_uq').on(t.reportId, t.taskId),
    index('progress_report_entries_task_idx').on(t.taskId),
  ],
);

/** What happened to a report, with the entries as they were at submission and approval. */
export const progressReportEvents = pgTable(
  'progress_report_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    reportId: integer('report_id')
      .notNull()
      .references(() => progressReports.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: integer('actor_id').references(() => users.id),
    action: text('action').notNull(),
    comment: text('comment'),
    revision: integer('revision').notNull(),
    snapshot: jsonb('snapshot'),
  },
  (t) => [index('progress_report_events_report_idx').on(t.reportId, t.at)],
);
