import {
  customType,
  index,
  integer,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { programmes } from './programmes.js';
import { users } from './users.js';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/**
 * The weekly briefs as generated, one per programme, period, format and language (a new
 * generation replaces the file and says who and when): the steering body's archive.
 */
export const weeklyBriefs = pgTable(
  'weekly_briefs',
  {
    id: serial('id').primaryKey(),
    programmeId: integer('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    period: text('period').notNull(),
    format: text('format').notNull(),
    locale: text('locale').notNull(),
    fileName: text('file_name').notNull(),
    content: bytea('content').notNull(),
    bytes: integer('bytes').notNull(),
    sha256: text('sha256').notNull(),
    asOf: text('as_of').notNull(),
    generatedAt: timestamp('generated_at', { withTimezone: true }).notNull(),
    generatedBy: integer('generated_by').references(() => users.id),
    /** Milliseconds the generation took (the brief must write itself quickly). */
    tookMs: integer('took_ms').notNull(),
  },
  (t) => [
    uniqueIndex('weekly_briefs_key_uq').on(t.programmeId, t.period, t.format, t.locale),
    index('weekly_briefs_programme_idx').on(t.programmeId, t.generatedAt),
  ],
);
