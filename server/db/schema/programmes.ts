import {
  type AnyPgColumn,
  bigint,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { units } from './units.js';

export const programmes = pgTable(
  'programmes',
  {
    id: serial('id').primaryKey(),
    code: text('code').notNull(),
    nameVi: text('name_vi').notNull(),
    nameEn: text('name_en'),
    nameAr: text('name_ar'),
    description: text('description'),
    /** The steering body's name (Ban Chỉ đạo …), per locale. */
    steeringBodyVi: text('steering_body_vi'),
    steeringBodyEn: text('steering_body_en'),
    steeringBodyAr: text('steering_body_ar'),
    /** The unit that compiles reports for the steering body. */
    standingUnitId: integer('standing_unit_id').references(() => units.id),
    /** The unit subtree the programme runs through. */
    rootUnitId: integer('root_unit_id').references(() => units.id),
    cadence: text('cadence').notNull().default('weekly'),
    reportDueWeekday: integer('report_due_weekday').notNull().default(5),
    reportDueTime: text('report_due_time').notNull().default('17:00'),
    timeZone: text('time_zone').notNull().default('Asia/Ho_Chi_Minh'),
    /** Hours after the report due moment at which the warning list is drawn (reports in between are late). */
    warningGraceHours: integer('warning_grace_hours').notNull().default(0),
    /** Days before a report falls due that units are reminded. */
    reminderDaysBefore: integer('reminder_days_before').notNull().default(2),
    /** Bumped by every write to the programme's tasks or coordinators (triggers): caches key on it. */
    tasksVersion: bigint('tasks_version', { mode: 'number' }).notNull().default(0),
    warningThresholds: jsonb('warning_thresholds').$type<Record<string, number>>().notNull().default({}),
    startsOn: date('starts_on', { mode: 'string' }),
    endsOn: date('ends_on', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Bumped by every edit of the settings: an editor holding an older one gets 409 stale_version. */
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** Archived programmes leave the pickers and the scheduler; they stay readable. */
    archivedAt: timestamp('archived_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('programmes_code_uq').on(t.code)],
);

/** Specialised groups (tổ chuyên đề): institutions, infrastructure, human resources, innovation… */
export const programmeGroups = pgTable(
  'programme_groups',
  {
    id: serial('id').primaryKey(),
    programmeId: integer('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    nameVi: text('name_vi').notNull(),
    nameEn: text('name_en'),
    nameAr: text('name_ar'),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [uniqueIndex('programme_groups_code_uq').on(t.programmeId, t.code)],
);

/** The steering body: chair, deputies, members. */
export const steeringMembers = pgTable(
  'steering_members',
  {
    id: serial('id').primaryKey(),
    programmeId: integer('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    position: text('position').notNull(),
    personName: text('person_name').notNull(),
    title: text('title'),
    unitId: integer('unit_id').references(() => units.id),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [index('steering_members_programme_idx').on(t.programmeId)],
);

export const directives = pgTable(
  'directives',
  {
    id: serial('id').primaryKey(),
    programmeId: integer('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    number: text('number').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }),
    issuer: text('issuer'),
    title: text('title').notNull(),
    url: text('url'),
    /** resolution, directive, decision, plan, conclusion, official_letter, … (shared/vocabulary.ts). */
    kind: text('kind').notNull().default('directive'),
    summary: text('summary'),
    /** The directive this one replaces: the older one then shows as superseded. */
    supersedesId: integer('supersedes_id').references((): AnyPgColumn => directives.id),
    /** The document itself, stored like evidence files (random name under the files folder). */
    fileName: text('file_name'),
    fileMediaType: text('file_media_type'),
    fileSize: bigint('file_size', { mode: 'number' }),
    fileSha256: text('file_sha256'),
    fileStorageKey: text('file_storage_key'),
    fileUploadedAt: timestamp('file_uploaded_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('directives_number_uq').on(t.programmeId, t.number),
    index('directives_supersedes_idx').on(t.supersedesId),
  ],
);
