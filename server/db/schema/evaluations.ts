import { integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { EvaluationRules } from '../../../shared/evaluation.js';
import { programmes } from './programmes.js';
import { users } from './users.js';

/**
 * A programme's year-end evaluation of units: its rules (criteria, weights, grade thresholds,
 * the cap on "excellent"), and once approved the result, frozen as it was approved.
 */
export const evaluations = pgTable(
  'evaluations',
  {
    id: serial('id').primaryKey(),
    programmeId: integer('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    rules: jsonb('rules').$type<EvaluationRules>().notNull(),
    status: text('status').notNull().default('draft'),
    /** The evaluation as approved (units, scores, breakdowns): never recomputed afterwards. */
    result: jsonb('result'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    updatedBy: integer('updated_by').references(() => users.id),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    approvedBy: integer('approved_by').references(() => users.id),
  },
  (t) => [uniqueIndex('evaluations_programme_year_uq').on(t.programmeId, t.year)],
);
