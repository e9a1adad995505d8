import { bigint, index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { programmes } from './programmes.js';
import { tasks } from './tasks.js';
import { units } from './units.js';
import { users } from './users.js';

/**
 * Evidence attached to a task by a unit (from a report entry or a completion). The bytes live in
 * the data folder under `storage_key` (a random name, never the uploaded one).
 */
export const evidenceFiles = pgTable(
  'evidence_files',
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
    reportId: integer('report_id'),
    completionId: integer('completion_id'),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    uploadedBy: integer('uploaded_by')
      .notNull()
      .references(() => users.id),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('evidence_files_task_idx').on(t.taskId)],
);
