import { and, asc, eq, inArray, isNull, like, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { transactionWith } from '../../db/transaction.js';
import { units } from '../../db/schema/index.js';

export type UnitRow = typeof units.$inferSelect;
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export function createUnitsRepo(db: Db) {
  return {
    byId: async (id: number) => (await db.select().from(units).where(eq(units.id, id)))[0],
    byIds: (ids: number[]) =>
      ids.length ? db.select().from(units).where(inArray(units.id, ids)) : Promise.resolve([]),
    byCode: async (code: string) => (await db.select().from(units).where(eq(units.code, code)))[0],

    roots: () => db.select().from(units).where(isNull(units.parentId)).orderBy(asc(units.code)),
    /**
     * The units under a parent, as the tree stood on `asOf` when given (decision 0050): a unit
     * merged after that day under its old parent, a successor made by a later merge not yet there.
     */
    children: (parentId: number, asOf?: string) =>
      db
        .select()
        .from(units)
        .where(
          asOf
            ? sql`(${units.parentId} = ${parentId}
                    and (${units.existsFrom} is null or ${units.existsFrom} <= ${asOf}::date)
                    and not (${units.mergedOn} is not null and ${units.mergedOn} > ${asOf}::date
                             and ${units.mergedFromParentId} is distinct from ${parentId}))
               or (${units.mergedFromParentId} = ${parentId} and ${units.mergedOn} > ${asOf}::date)`
            : eq(units.parentId, parentId),
        )
        .orderBy(asc(units.kind), asc(units.nameVi)),
    subtree: (path: string, limit: number) =>
      db
        .select()
        .from(units)
        .where(like(units.path, `${escapeLike(path)}%`))
        .orderBy(asc(units.path))
        .limit(limit),
    search: (folded: string, limit: number, underPath?: string) =>
      db
        .select()
        .from(units)
        .where(
          and(
            like(units.searchText, `%${escapeLike(folded)}%`),
            underPath ? like(units.path, `${escapeLike(underPath)}%`) : undefined,
            // Merged units are history: a picker never offers them.
            isNull(units.mergedIntoId),
          ),
        )
        .orderBy(asc(units.depth), asc(units.nameVi))
        .limit(limit),

    childCounts: async (ids: number[]) =>
      ids.length
        ? (
            await db
              .select({ parentId: units.parentId, n: sql<number>`count(*)::int` })
              .from(units)
              .where(inArray(units.parentId, ids))
              .groupBy(units.parentId)
          ).reduce((m, r) => m.set(r.parentId!, r.n), new Map<number, number>())
        : new Map<number, number>(),

    insert: async (v: typeof units.$inferInsert) => (await db.insert(units).values(v).returning())[0]!,
    update: async (id: number, v: Partial<typeof units.$inferInsert>) =>
      (await db.update(units).set(v).where(eq(units.id, id)).returning())[0],

    /** Moves a subtree: every descendant's path and depth follow its root's new place. */
    movePaths: (oldPath: string, newPath: string, depthDelta: number) =>
      db.execute(sql`update units set path = ${newPath} || substr(path, ${oldPath.length + 1}), depth = depth + ${depthDelta}
        where path like ${escapeLike(oldPath) + '%'}`),
  };
}
export type UnitsRepo = ReturnType<typeof createUnitsRepo>;

export const unitsTransaction = <T>(db: Db, fn: (repo: UnitsRepo, tx: Db) => Promise<T>): Promise<T> =>
  transactionWith(db, createUnitsRepo, fn);
