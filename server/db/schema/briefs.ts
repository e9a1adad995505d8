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

/** Who receives a programme's weekly brief by e-mail, each in their language. */
export const briefRecipients = pgTable(
  'brief_recipients',
  {
    id: serial('id').primaryKey(),
    programmeId: integer('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    name: text('name').notNull(),
    locale: text('locale').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: integer('created_by').references(() => users.id),
  },
  (t) => [uniqueIndex('brief_recipients_email_uq').on(t.programmeId, t.email)],
);

/** Every e-mail of a brief, as it went: to whom, which file, when, and the SMTP server's answer. */
export const briefSendings = pgTable(
  'brief_sendings',
  {
    id: serial('id').primaryKey(),
    programmeId: integer('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    briefId: integer('brief_id').references(() => weeklyBriefs.id, { onDelete: 'set null' }),
    period: text('period').notNull(),
    format: text('format').notNull(),
    locale: text('locale').notNull(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    /** 'sent' or 'failed'. */
    status: text('status').notNull(),
    error: text('error'),
    /** 'schedule' (after the list's publication) or 'manual' (the send button, the API). */
    trigger: text('trigger').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
    sentBy: integer('sent_by').references(() => users.id),
  },
  (t) => [index('brief_sendings_programme_idx').on(t.programmeId, t.sentAt)],
);
