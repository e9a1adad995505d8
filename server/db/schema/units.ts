import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/** The organisation tree: ministry/province → department/district → commune/ward. */
export const units = pgTable(
  'units',
  {
    id: serial('id').primaryKey(),
    code: text('code').notNull(),
    nameVi: text('name_vi').notNull(),
    nameEn: text('name_en'),
    nameAr: text('name_ar'),
    kind: text('kind').notNull(),
    parentId: integer('parent_id'),
    /** Materialised path of ids, '/1/5/23/': a subtree is `path LIKE '/1/5/%'`. */
    path: text('path').notNull(),
    depth: integer('depth').notNull().default(0),
    leaderName: text('leader_name'),
    contactEmail: text('contact_email'),
    contactPhone: text('contact_phone'),
    searchText: text('search_text').notNull().default(''),
    /**
     * Merged into this unit (decision 0050): from `merged_on` its work is the successor's, which it
     * sits under in the tree; before that day every replay still shows it as it was.
     */
    mergedIntoId: integer('merged_into_id'),
    mergedOn: date('merged_on', { mode: 'string' }),
    /** Where a merged unit sat before its merge: the tree as of an earlier day shows it there. */
    mergedFromParentId: integer('merged_from_parent_id'),
    /** A successor created by a merge exists from that day (null: always, as far as replays go). */
    existsFrom: date('exists_from', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('units_code_uq').on(t.code),
    index('units_parent_idx').on(t.parentId),
    index('units_path_idx').using('btree', sql`${t.path} text_pattern_ops`),
    index('units_merged_into_idx')
      .on(t.mergedIntoId)
      .where(sql`${t.mergedIntoId} is not null`),
  ],
);
