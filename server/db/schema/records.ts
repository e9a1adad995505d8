import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { users } from './users.js';

/**
 * Service records (administrative dossiers), keyed by (source system, record id). On PostgreSQL
 * and PGlite the table is partitioned by month of `received_at` (hand-written in migration 0010:
 * drizzle-kit does not write PARTITION BY), so the key carries `received_at` too.
 */
export const serviceRecords = pgTable(
  'service_records',
  {
    source: text('source').notNull(),
    recordId: text('record_id').notNull(),
    procedureCode: text('procedure_code').notNull(),
    unitId: integer('unit_id').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    /** online | in_person | post */
    channel: text('channel').notNull(),
    synced: boolean('synced').notNull(),
    documentsDigitised: boolean('documents_digitised').notNull(),
    resultDigitised: boolean('result_digitised').notNull(),
    resultElectronic: boolean('result_electronic').notNull(),
    hasFee: boolean('has_fee').notNull(),
    paidOnline: boolean('paid_online').notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    supplementRequests: smallint('supplement_requests').notNull().default(0),
    supplementDays: numeric('supplement_days', { precision: 8, scale: 2, mode: 'number' })
      .notNull()
      .default(0),
    importId: integer('import_id'),
  },
  (t) => [primaryKey({ columns: [t.source, t.recordId, t.receivedAt] })],
);

/**
 * Where each record (source, record id) lives now: one unpartitioned key index, so an import
 * learns with one probe whether a record is new, and where its old version is (its month).
 */
export const serviceRecordKeys = pgTable(
  'service_record_keys',
  {
    source: text('source').notNull(),
    recordId: text('record_id').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    importId: integer('import_id'),
  },
  (t) => [primaryKey({ columns: [t.source, t.recordId] })],
);

/**
 * Exact daily rollup per unit: what was received that day (intake-based counts) and what was
 * completed that day (completion-based counts), kept in the import's own transaction.
 */
export const serviceRecordDays = pgTable(
  'service_record_days',
  {
    unitId: integer('unit_id').notNull(),
    day: date('day').notNull(),
    received: integer('received').notNull().default(0),
    online: integer('online').notNull().default(0),
    synced: integer('synced').notNull().default(0),
    digitised: integer('digitised').notNull().default(0),
    withFee: integer('with_fee').notNull().default(0),
    paidOnline: integer('paid_online').notNull().default(0),
    completed: integer('completed').notNull().default(0),
    onTime: integer('on_time').notNull().default(0),
    resultElectronic: integer('result_electronic').notNull().default(0),
    processingSeconds: bigint('processing_seconds', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.day] }), index('service_record_days_day_idx').on(t.day)],
);

const rollupCounts = {
  received: integer('received').notNull().default(0),
  online: integer('online').notNull().default(0),
  synced: integer('synced').notNull().default(0),
  digitised: integer('digitised').notNull().default(0),
  withFee: integer('with_fee').notNull().default(0),
  paidOnline: integer('paid_online').notNull().default(0),
  completed: integer('completed').notNull().default(0),
  onTime: integer('on_time').notNull().default(0),
  resultElectronic: integer('result_electronic').notNull().default(0),
  processingSeconds: bigint('processing_seconds', { mode: 'number' }).notNull().default(0),
};

/**
 * The same counts per unit and month (`month` = its first day), kept with the daily rows: a
 * year for the whole country sums 3,400 × 12 rows instead of 3,400 × 365.
 */
export const serviceRecordMonths = pgTable(
  'service_record_months',
  { unitId: integer('unit_id').notNull(), month: date('month').notNull(), ...rollupCounts },
  (t) => [primaryKey({ columns: [t.unitId, t.month] })],
);

/** One import (a file or an API call): who, what, how it ended, and the row errors (first 1000). */
export const recordImports = pgTable(
  'record_imports',
  {
    id: serial('id').primaryKey(),
    source: text('source').notNull(),
    format: text('format').notNull(),
    mode: text('mode').notNull(),
    fileName: text('file_name'),
    status: text('status').notNull(),
    rowsTotal: integer('rows_total').notNull().default(0),
    rowsImported: integer('rows_imported').notNull().default(0),
    rowsFailed: integer('rows_failed').notNull().default(0),
    bytes: bigint('bytes', { mode: 'number' }).notNull().default(0),
    errors: jsonb('errors')
      .notNull()
      .default(sql`'[]'::jsonb`),
    createdBy: integer('created_by').references(() => users.id),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('record_imports_started_idx').on(t.startedAt)],
);
