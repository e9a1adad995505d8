import { customType, index, integer, jsonb, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { programmes } from './programmes.js';
import { users } from './users.js';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/**
 * A task spreadsheet between its preview and its confirmation: the file is kept so that the
 * confirmation writes what was previewed (checked again against the data as it is then), and
 * nothing is written until the user confirms (decision 54).
 */
export const taskImports = pgTable(
  'task_imports',
  {
    id: serial('id').primaryKey(),
    programmeId: integer('programme_id')
      .notNull()
      .references(() => programmes.id),
    createdBy: integer('created_by').references(() => users.id),
    fileName: text('file_name').notNull(),
    format: text('format').notNull(),
    encoding: text('encoding').notNull(),
    content: bytea('content').notNull(),
    /** previewed → done | refused | failed */
    status: text('status').notNull().default('previewed'),
    /** The preview's, then the confirmation's, counts and first errors. */
    result: jsonb('result').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  },
  (t) => [index('task_imports_programme_idx').on(t.programmeId, t.createdAt)],
);
