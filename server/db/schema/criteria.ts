import {
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type {
  CriterionGroup,
  CriterionKind,
  DatasetMark,
  EnteredAs,
  Platform,
} from '../../../shared/criteria.js';
import { programmes } from './programmes.js';
import { tasks } from './tasks.js';
import { units } from './units.js';
import { users } from './users.js';

/** A set of criteria a programme assesses units of some kinds against (communes and wards, say). */
export const criteriaSets = pgTable(
  'criteria_sets',
  {
    id: serial('id').primaryKey(),
    programmeId: integer('programme_id')
      .notNull()
      .references(() => programmes.id),
    code: text('code').notNull(),
    nameVi: text('name_vi').notNull(),
    nameEn: text('name_en'),
    nameAr: text('name_ar'),
    /** Unit kinds assessed (e.g. commune, ward). */
    unitKinds: text('unit_kinds').array().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('criteria_sets_code_idx').on(t.programmeId, t.code)],
);

export const criteria = pgTable(
  'criteria',
  {
    id: serial('id').primaryKey(),
    setId: integer('set_id')
      .notNull()
      .references(() => criteriaSets.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    nameVi: text('name_vi').notNull(),
    nameEn: text('name_en'),
    nameAr: text('name_ar'),
    kind: text('kind').$type<CriterionKind>().notNull(),
    /** For scores: met at or above it; the maximum bounds what may be entered. */
    threshold: doublePrecision('threshold'),
    maxScore: doublePrecision('max_score'),
    evidenceRequired: boolean('evidence_required').notNull().default(false),
    groupCode: text('group_code').$type<CriterionGroup>(),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [uniqueIndex('criteria_code_idx').on(t.setId, t.code)],
);

/** One value per unit, period and criterion, with who entered it and when. */
export const assessments = pgTable(
  'assessments',
  {
    id: serial('id').primaryKey(),
    setId: integer('set_id')
      .notNull()
      .references(() => criteriaSets.id, { onDelete: 'cascade' }),
    criterionId: integer('criterion_id')
      .notNull()
      .references(() => criteria.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    period: text('period').notNull(),
    met: boolean('met').notNull(),
    score: doublePrecision('score'),
    evidence: text('evidence'),
    enteredAs: text('entered_as').$type<EnteredAs>().notNull(),
    enteredBy: integer('entered_by').references(() => users.id),
    enteredAt: timestamp('entered_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('assessments_value_idx').on(t.setId, t.period, t.unitId, t.criterionId),
    index('assessments_criterion_idx').on(t.setId, t.period, t.criterionId, t.met),
  ],
);

/** A unit's dataset in the shared data catalogue. */
export const datasets = pgTable(
  'datasets',
  {
    id: serial('id').primaryKey(),
    programmeId: integer('programme_id')
      .notNull()
      .references(() => programmes.id),
    ownerUnitId: integer('owner_unit_id')
      .notNull()
      .references(() => units.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    /** Published on that day (null: not published); "published as of D" compares with D. */
    publishedOn: date('published_on', { mode: 'string' }),
    platforms: text('platforms').array().$type<Platform[]>().notNull().default([]),
    /** The marks it holds, of correct, sufficient, clean, live, unified, shared. */
    marks: text('marks').array().$type<DatasetMark[]>().notNull().default([]),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('datasets_code_idx').on(t.programmeId, t.code),
    index('datasets_owner_idx').on(t.ownerUnitId),
  ],
);

/** Per programme: the task that carries the catalogue's publication deadline, and who must publish. */
export const catalogueSettings = pgTable('catalogue_settings', {
  programmeId: integer('programme_id')
    .primaryKey()
    .references(() => programmes.id),
  taskId: integer('task_id').references(() => tasks.id),
  /** Unit kinds expected to publish (departments by default). */
  publisherKinds: text('publisher_kinds').array().notNull().default(['department']),
});
