import { eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { programmePublications } from '../../db/schema/index.js';

export type PublicationRow = typeof programmePublications.$inferSelect;

/** The programmes' publication settings, and the frozen warning lists the public page may read. */
export function createPublicationRepo(db: Db) {
  const rows = async <T>(q: SQL) => (await db.execute(q)).rows as T[];
  return {
    of: async (programmeId: number) =>
      (
        await db
          .select()
          .from(programmePublications)
          .where(eq(programmePublications.programmeId, programmeId))
      )[0],
    bySlug: async (slug: string) =>
      (await db.select().from(programmePublications).where(eq(programmePublications.slug, slug)))[0],
    enabled: () =>
      rows<{ slug: string; programme_id: number }>(
        sql`select slug, programme_id from programme_publications where enabled order by slug`,
      ),
    upsert: async (v: typeof programmePublications.$inferInsert) => {
      const { programmeId: _id, ...set } = v;
      return (
        await db
          .insert(programmePublications)
          .values(v)
          .onConflictDoUpdate({ target: programmePublications.programmeId, set })
          .returning()
      )[0]!;
    },
    /** The latest list published before `before` (an instant): frozen, so the public may read it. */
    latestPublishedList: async (programmeId: number, before: Date) =>
      (
        await rows<{ id: number; period: string; published_at: Date | string }>(sql`
          select id, period, published_at from warning_lists
           where programme_id = ${programmeId} and status = 'published'
             and published_at < ${before.toISOString()}::timestamptz
           order by published_at desc limit 1`)
      )[0],
    listedUnits: (listId: number) =>
      rows<{
        code: string;
        name_vi: string;
        name_en: string | null;
        name_ar: string | null;
        streak: number;
        reasons: { code: string; count: number; items?: unknown[] }[];
      }>(sql`
        select u.code, u.name_vi, u.name_en, u.name_ar, w.streak, w.reasons
          from warning_list_units w join units u on u.id = w.unit_id
         where w.list_id = ${listId} and w.removed_at is null and jsonb_array_length(w.reasons) > 0
         order by w.streak desc, u.code`),
  };
}
export type PublicationRepo = ReturnType<typeof createPublicationRepo>;
