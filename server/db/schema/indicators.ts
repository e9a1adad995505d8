import {
  bigserial,
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { Aggregation, Direction, IndicatorSource, ValueCadence } from '../../../shared/indicators.js';
import { programmeGroups, programmes } from './programmes.js';
import { tasks } from './tasks.js';
import { units } from './units.js';
import { users } from './users.js';

/**
 * A measured figure of a programme (chỉ tiêu): how it is measured, which way is better, how it
 * rolls up the unit tree, its baseline and scoring, and where its values come from.
 */
export const indicators = pgTable(
  'indicators',
  {
    id: serial('id').primaryKey(),
    programmeId: integer('programme_id')
      .notNull()
      .references(() => programmes.id),
    groupId: integer('group_id').references(() => programmeGroups.id),
    code: text('code').notNull(),
    nameVi: text('name_vi').notNull(),
    nameEn: text('name_en'),
    nameAr: text('name_ar'),
    description: text('description'),
    /** Unit of measure as written ('%', 'người', 'tỷ đồng', 'ngày'). */
    measure: text('measure').notNull(),
    direction: text('direction').$type<Direction>().notNull(),
    aggregation: text('aggregation').$type<Aggregation>().notNull(),
    /** A ratio's value is numerator ÷ denominator × scale (100 for a percentage). */
    ratioScale: doublePrecision('ratio_scale').notNull().default(100),
    allowNegative: boolean('allow_negative').notNull().default(false),
    /** The periods its values are given for. */
    cadence: text('cadence').$type<ValueCadence>().notNull(),
    baseline: doublePrecision('baseline'),
    baselinePeriod: text('baseline_period'),
    scoringFullAt: doublePrecision('scoring_full_at').notNull().default(1),
    scoringCap: doublePrecision('scoring_cap').notNull().default(1.2),
    source: text('source').$type<IndicatorSource>().notNull(),
    /** For computed indicators: the key of the function that computes it ('records.sync_rate'). */
    computeKey: text('compute_key'),
    /** Unit kinds that report it; empty = the units without sub-units. Only reporters enter values. */
    reporterKinds: text('reporter_kinds').array().notNull().default([]),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('indicators_code_uq').on(t.programmeId, t.code)],
);

/** Targets per year ('2030') or per period ('2026-Q2'). */
export const indicatorTargets = pgTable(
  'indicator_targets',
  {
    indicatorId: integer('indicator_id')
      .notNull()
      .references(() => indicators.id, { onDelete: 'cascade' }),
    period: text('period').notNull(),
    value: doublePrecision('value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.indicatorId, t.period] })],
);

/**
 * Values entered or imported per unit per period, append-only: each save is a new row, the
 * latest row entered by a moment is the value as of that moment (so revisions are kept and a
 * past day replays). A row with no value clears it (missing again).
 */
export const indicatorValues = pgTable(
  'indicator_values',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    indicatorId: integer('indicator_id')
      .notNull()
      .references(() => indicators.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    period: text('period').notNull(),
    value: doublePrecision('value'),
    numerator: doublePrecision('numerator'),
    denominator: doublePrecision('denominator'),
    source: text('source').$type<'entered' | 'imported'>().notNull(),
    note: text('note'),
    enteredBy: integer('entered_by').references(() => users.id),
    enteredAt: timestamp('entered_at', { withTimezone: true }).notNull(),
  },
  // Latest first within a unit and period: the figures statement reads it in this order, no sort.
  (t) => [
    index('indicator_values_latest_idx').on(
      t.indicatorId,
      t.period,
      t.unitId,
      t.enteredAt.desc(),
      t.id.desc(),
    ),
  ],
);

/** An objective of a programme or one of its groups (OKR). */
export const objectives = pgTable(
  'objectives',
  {
    id: serial('id').primaryKey(),
    programmeId: integer('programme_id')
      .notNull()
      .references(() => programmes.id),
    groupId: integer('group_id').references(() => programmeGroups.id),
    code: text('code').notNull(),
    titleVi: text('title_vi').notNull(),
    titleEn: text('title_en'),
    titleAr: text('title_ar'),
    sort: integer('sort').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('objectives_code_uq').on(t.programmeId, t.code)],
);

/** A key result: an indicator measured at a unit (the programme's root by default) towards a target by a deadline. */
export const keyResults = pgTable(
  'key_results',
  {
    id: serial('id').primaryKey(),
    objectiveId: integer('objective_id')
      .notNull()
      .references(() => objectives.id, { onDelete: 'cascade' }),
    indicatorId: integer('indicator_id')
      .notNull()
      .references(() => indicators.id),
    unitId: integer('unit_id').references(() => units.id),
    baseline: doublePrecision('baseline').notNull(),
    target: doublePrecision('target').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [index('key_results_objective_idx').on(t.objectiveId)],
);

/** Tasks that move a key result. */
export const keyResultTasks = pgTable(
  'key_result_tasks',
  {
    keyResultId: integer('key_result_id')
      .notNull()
      .references(() => keyResults.id, { onDelete: 'cascade' }),
    taskId: integer('task_id')
      .notNull()
      .references(() => tasks.id),
  },
  (t) => [
    primaryKey({ columns: [t.keyResultId, t.taskId] }),
    index('key_result_tasks_task_idx').on(t.taskId),
  ],
);
