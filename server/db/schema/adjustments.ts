import { date, index, integer, jsonb, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { programmes } from './programmes.js';
import { tasks } from './tasks.js';
import { units } from './units.js';
import { users } from './users.js';

export type AdjustmentKind = 'extend' | 'change' | 'replace' | 'cancel';
export type AdjustmentStatus = 'pending' | 'approved' | 'rejected' | 'withdrawn';
/** What an adjustment proposes; only the fields of its kind are set. */
export type AdjustmentProposal = {
  deadline?: string;
  deliverable?: string | null;
  targetText?: string | null;
  targetValue?: string | null;
  targetUnit?: string | null;
  /** For "replace": the new task's title and deadline (it inherits the rest). */
  replacement?: { title: string; deadline: string; deliverable?: string | null };
};

/** A unit asks to extend, change, replace or cancel a task; a steering member decides. */
export const adjustmentRequests = pgTable(
  'adjustment_requests',
  {
    id: serial('id').primaryKey(),
    programmeId: integer('programme_id')
      .notNull()
      .references(() => programmes.id),
    taskId: integer('task_id')
      .notNull()
      .references(() => tasks.id),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    kind: text('kind').$type<AdjustmentKind>().notNull(),
    reason: text('reason').notNull(),
    proposal: jsonb('proposal').$type<AdjustmentProposal>().notNull(),
    /** The task's fields the proposal would change, as they were when asked. */
    before: jsonb('before').$type<Record<string, unknown>>().notNull(),
    status: text('status').$type<AdjustmentStatus>().notNull().default('pending'),
    requestedBy: integer('requested_by')
      .notNull()
      .references(() => users.id),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    decidedBy: integer('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note'),
    /** For an approved "replace": the task created in its place. */
    replacementTaskId: integer('replacement_task_id').references(() => tasks.id),
  },
  (t) => [
    index('adjustment_requests_programme_idx').on(t.programmeId, t.status),
    index('adjustment_requests_task_idx').on(t.taskId),
  ],
);

/** A unit declares a task done with its product; the standing agency confirms or returns it. */
export const completionRequests = pgTable(
  'completion_requests',
  {
    id: serial('id').primaryKey(),
    programmeId: integer('programme_id')
      .notNull()
      .references(() => programmes.id),
    taskId: integer('task_id')
      .notNull()
      .references(() => tasks.id),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    completedOn: date('completed_on', { mode: 'string' }).notNull(),
    product: text('product').notNull(),
    status: text('status').$type<'pending' | 'confirmed' | 'returned'>().notNull().default('pending'),
    requestedBy: integer('requested_by')
      .notNull()
      .references(() => users.id),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    decidedBy: integer('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note'),
  },
  (t) => [
    index('completion_requests_programme_idx').on(t.programmeId, t.status),
    index('completion_requests_task_idx').on(t.taskId),
  ],
);
