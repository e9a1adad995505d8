import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { tasks } from './tasks.js';
import { users } from './users.js';

/** In-app notifications; `key` makes each one happen once (e.g. report_due:12:2025-W46:user 7). */
export const notifications = pgTable(
  'notifications',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind').notNull(),
    key: text('key').notNull(),
    params: jsonb('params').$type<Record<string, string | number>>().notNull().default({}),
    link: text('link'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('notifications_key_uq').on(t.userId, t.key),
    index('notifications_user_idx').on(t.userId, t.createdAt),
  ],
);

/** A user's choice of e-mails per kind of notification (no row: the kind's default). */
export const notificationPrefs = pgTable(
  'notification_prefs',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    email: boolean('email').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);

/** Every e-mail, sent or not: without SMTP configured it stays here for admins to read. */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    notificationId: integer('notification_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
  },
  (t) => [
    index('mail_outbox_unsent_idx')
      .on(t.createdAt)
      .where(sql`${t.sentAt} is null`),
  ],
);

/** The escalation ladder: reminders about a task without progress; at three it is flagged. */
export const taskEscalations = pgTable('task_escalations', {
  taskId: integer('task_id')
    .primaryKey()
    .references(() => tasks.id, { onDelete: 'cascade' }),
  reminders: integer('reminders').notNull().default(0),
  /** The progress when the ladder (re)started: any change resets it. */
  progressAtStart: integer('progress_at_start').notNull(),
  lastRemindedAt: timestamp('last_reminded_at', { withTimezone: true }),
  flaggedAt: timestamp('flagged_at', { withTimezone: true }),
});
