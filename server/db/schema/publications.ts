import { boolean, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { programmes } from './programmes.js';
import { users } from './users.js';

/**
 * What a programme shows the public (no sign-in) at /public/<slug>: nothing until enabled, then
 * only the parts switched on — aggregated figures, never a unit's unpublished data.
 */
export const programmePublications = pgTable(
  'programme_publications',
  {
    programmeId: integer('programme_id')
      .primaryKey()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    /** The stable address: /public/<slug>. */
    slug: text('slug').notNull(),
    enabled: boolean('enabled').notNull().default(false),
    taskCounts: boolean('task_counts').notNull().default(true),
    warningLists: boolean('warning_lists').notNull().default(false),
    serviceIndicators: boolean('service_indicators').notNull().default(false),
    /** Indicators shown, by code (their values for the programme's root unit). */
    indicatorCodes: text('indicator_codes').array().notNull().default([]),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: integer('updated_by').references(() => users.id),
  },
  (t) => [uniqueIndex('programme_publications_slug_uq').on(t.slug)],
);
