import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { transactionWith } from '../../db/transaction.js';
import {
  programmeGroups,
  programmePublications,
  programmes,
  steeringMembers,
  tasks,
  units,
} from '../../db/schema/index.js';

export type ProgrammeRow = typeof programmes.$inferSelect;
export type GroupRow = typeof programmeGroups.$inferSelect;

export function createProgrammesRepo(db: Db) {
  return {
    /** Programmes with the path of their root unit (what access checks need) and their public address. */
    listWithRoot: () =>
      db
        .select({
          programme: programmes,
          rootUnitPath: units.path,
          slug: programmePublications.slug,
          publicationEnabled: programmePublications.enabled,
        })
        .from(programmes)
        .leftJoin(units, eq(units.id, programmes.rootUnitId))
        .leftJoin(programmePublications, eq(programmePublications.programmeId, programmes.id))
        .orderBy(asc(programmes.id)),

    groupsOf: (ids: number[]) =>
      ids.length
        ? db
            .select()
            .from(programmeGroups)
            .where(inArray(programmeGroups.programmeId, ids))
            .orderBy(asc(programmeGroups.sort), asc(programmeGroups.id))
        : Promise.resolve([]),

    steeringOf: (ids: number[]) =>
      ids.length
        ? db
            .select()
            .from(steeringMembers)
            .where(inArray(steeringMembers.programmeId, ids))
            .orderBy(asc(steeringMembers.sort), asc(steeringMembers.id))
        : Promise.resolve([]),

    // ——— writes (programme set-up) ———

    /** Locks the programme's row for an edit: two editors are serialised, the second sees the new version. */
    lock: async (id: number) =>
      (await db.select().from(programmes).where(eq(programmes.id, id)).for('update'))[0],
    byCode: async (code: string) =>
      (await db.select({ id: programmes.id }).from(programmes).where(eq(programmes.code, code)))[0],
    insert: async (v: typeof programmes.$inferInsert) =>
      (await db.insert(programmes).values(v).returning())[0]!,
    update: async (id: number, v: Partial<typeof programmes.$inferInsert>) =>
      (
        await db
          .update(programmes)
          .set({ ...v, version: sql`${programmes.version} + 1` })
          .where(eq(programmes.id, id))
          .returning()
      )[0]!,

    /** The unit paths of these ids (unknown ids are absent). */
    unitPaths: async (ids: number[]) =>
      new Map(
        ids.length
          ? (
              await db.select({ id: units.id, path: units.path }).from(units).where(inArray(units.id, ids))
            ).map((u) => [u.id, u.path])
          : [],
      ),

    group: async (programmeId: number, id: number) =>
      (
        await db
          .select()
          .from(programmeGroups)
          .where(and(eq(programmeGroups.programmeId, programmeId), eq(programmeGroups.id, id)))
      )[0],
    groupByCode: async (programmeId: number, code: string) =>
      (
        await db
          .select()
          .from(programmeGroups)
          .where(and(eq(programmeGroups.programmeId, programmeId), eq(programmeGroups.code, code)))
      )[0],
    insertGroups: (rows: (typeof programmeGroups.$inferInsert)[]) =>
      rows.length ? db.insert(programmeGroups).values(rows).returning() : Promise.resolve([]),
    updateGroup: async (id: number, v: Partial<typeof programmeGroups.$inferInsert>) =>
      (await db.update(programmeGroups).set(v).where(eq(programmeGroups.id, id)).returning())[0]!,
    deleteGroup: (id: number) => db.delete(programmeGroups).where(eq(programmeGroups.id, id)),
    /** How many tasks (of any state) belong to the group. */
    groupTaskCount: async (id: number) =>
      (
        await db
          .select({ n: sql<number>`count(*)::int` })
          .from(tasks)
          .where(eq(tasks.groupId, id))
      )[0]!.n,
    /** Tasks per group of a programme, for the settings screen (a used group cannot be removed). */
    groupTaskCounts: async (programmeId: number) =>
      new Map(
        (
          await db
            .select({ groupId: tasks.groupId, n: sql<number>`count(*)::int` })
            .from(tasks)
            .where(and(eq(tasks.programmeId, programmeId), sql`${tasks.groupId} is not null`))
            .groupBy(tasks.groupId)
        ).map((r) => [r.groupId!, r.n]),
      ),
    nextGroupSort: async (programmeId: number) =>
      (
        await db
          .select({ n: sql<number>`coalesce(max(${programmeGroups.sort}), 0)::int + 1` })
          .from(programmeGroups)
          .where(eq(programmeGroups.programmeId, programmeId))
      )[0]!.n,

    replaceSteering: async (
      programmeId: number,
      rows: Omit<typeof steeringMembers.$inferInsert, 'programmeId'>[],
    ) => {
      await db.delete(steeringMembers).where(eq(steeringMembers.programmeId, programmeId));
      if (rows.length) await db.insert(steeringMembers).values(rows.map((r) => ({ ...r, programmeId })));
    },

    publicationBySlug: async (slug: string) =>
      (await db.select().from(programmePublications).where(eq(programmePublications.slug, slug)))[0],
    /** Sets the public address and the on/off switch, keeping the other publication choices. */
    setPublication: (programmeId: number, slug: string, enabled: boolean, by: number | null, at: Date) =>
      db
        .insert(programmePublications)
        .values({ programmeId, slug, enabled, updatedAt: at, updatedBy: by })
        .onConflictDoUpdate({
          target: programmePublications.programmeId,
          set: { slug, enabled, updatedAt: at, updatedBy: by },
        }),
  };
}
export type ProgrammesRepo = ReturnType<typeof createProgrammesRepo>;

export const programmesTransaction = <T>(db: Db, fn: (repo: ProgrammesRepo, tx: Db) => Promise<T>) =>
  transactionWith(db, createProgrammesRepo, fn);
