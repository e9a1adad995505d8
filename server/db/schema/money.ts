import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
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
 * A capital plan (kế hoạch vốn): money allocated for one year from one funding source to a unit,
 * for a task of the programme or a named project. The amount lives in its revisions.
 */
export const capitalPlans = pgTable(
  'capital_plans',
  {
    id: serial('id').primaryKey(),
    programmeId: integer('programme_id')
      .notNull()
      .references(() => programmes.id),
    code: text('code').notNull(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    taskId: integer('task_id').references(() => tasks.id),
    /** Name of the project when the plan is not for one of the programme's tasks. */
    project: text('project'),
    source: text('source').notNull(),
    year: integer('year').notNull(),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('capital_plans_code_uq').on(t.programmeId, t.code),
    index('capital_plans_programme_year_idx').on(t.programmeId, t.year, t.unitId),
    index('capital_plans_task_idx').on(t.taskId),
  ],
);

/** Every amount a plan has had, kept: the one in force on a date is the latest effective by then. */
export const capitalPlanRevisions = pgTable(
  'capital_plan_revisions',
  {
    id: serial('id').primaryKey(),
    planId: integer('plan_id')
      .notNull()
      .references(() => capitalPlans.id, { onDelete: 'cascade' }),
    /** Integer đồng. */
    amount: bigint('amount', { mode: 'bigint' }).notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    reason: text('reason'),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('capital_plan_revisions_plan_idx').on(t.planId, t.effectiveFrom),
    check('capital_plan_revisions_amount_ck', sql`${t.amount} >= 0`),
  ],
);

/** A payment against a plan (from a State Treasury statement, entered, imported or sent by API). */
export const disbursements = pgTable(
  'disbursements',
  {
    id: serial('id').primaryKey(),
    planId: integer('plan_id')
      .notNull()
      .references(() => capitalPlans.id, { onDelete: 'cascade' }),
    paidOn: date('paid_on', { mode: 'string' }).notNull(),
    /** Integer đồng, positive. */
    amount: bigint('amount', { mode: 'bigint' }).notNull(),
    /** The Treasury's voucher number: the same statement sent twice is refused, not counted twice. */
    reference: text('reference'),
    via: text('via').$type<'manual' | 'import' | 'api'>().notNull().default('manual'),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The amount in the index too: the weekly table sums a plan's payments by a day from the
    // index alone (an index-only scan; measured in bench/money.ts, decision 39).
    index('disbursements_plan_paid_idx').on(t.planId, t.paidOn, t.amount),
    uniqueIndex('disbursements_reference_uq').on(t.planId, t.reference),
    check('disbursements_amount_ck', sql`${t.amount} > 0`),
  ],
);

/**
 * The programme's threshold curve: by this day of the year (MM-DD) a unit's disbursement rate
 * should have reached this many basis points (3000 = 30%).
 */
export const disbursementThresholds = pgTable(
  'disbursement_thresholds',
  {
    programmeId: integer('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    byDay: text('by_day').notNull(),
    minRateBp: integer('min_rate_bp').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.programmeId, t.byDay] }),
    check('disbursement_thresholds_rate_ck', sql`${t.minRateBp} between 0 and 10000`),
  ],
);
