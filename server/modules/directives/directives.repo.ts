import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { transactionWith } from '../../db/transaction.js';
import { directives, tasks } from '../../db/schema/index.js';

export type DirectiveRow = typeof directives.$inferSelect;
export type DirectiveListRow = DirectiveRow & {
  supersedesNumber: string | null;
  supersededById: number | null;
  supersededByNumber: string | null;
  taskCount: number;
};

// Written qualified: inside a subquery drizzle would print the outer column unqualified.
const D_ID = sql.raw('"directives"."id"');
const successor = sql`(select s.id from directives s where s.supersedes_id = ${D_ID} order by s.id limit 1)`;

export function createDirectivesRepo(db: Db) {
  const select = () =>
    db
      .select({
        d: directives,
        supersedesNumber: sql<
          string | null
        >`(select p.number from directives p where p.id = ${sql.raw('"directives"."supersedes_id"')})`,
        supersededById: sql<number | null>`${successor}`,
        supersededByNumber: sql<
          string | null
        >`(select s.number from directives s where s.supersedes_id = ${D_ID} order by s.id limit 1)`,
        taskCount: sql<number>`(select count(*)::int from tasks t where t.directive_id = ${D_ID})`,
      })
      .from(directives);
  const flat = (rows: Awaited<ReturnType<ReturnType<typeof select>['where']>>): DirectiveListRow[] =>
    rows.map((r) => ({
      ...r.d,
      supersedesNumber: r.supersedesNumber,
      supersededById: r.supersededById,
      supersededByNumber: r.supersededByNumber,
      taskCount: r.taskCount,
    }));

  return {
    ofProgramme: async (programmeId: number) =>
      flat(
        await select()
          .where(eq(directives.programmeId, programmeId))
          .orderBy(sql`${directives.issuedOn} desc nulls last`, asc(directives.id)),
      ),
    byId: async (id: number) => flat(await select().where(eq(directives.id, id)))[0],
    lock: async (id: number) =>
      (await db.select().from(directives).where(eq(directives.id, id)).for('update'))[0],
    byNumber: async (programmeId: number, number: string) =>
      (
        await db
          .select({ id: directives.id })
          .from(directives)
          .where(and(eq(directives.programmeId, programmeId), eq(directives.number, number)))
      )[0],
    /** The chain of documents `id` supersedes, back to the oldest (to refuse a loop). */
    supersededChain: async (id: number) =>
      (
        await db.execute(sql`with recursive chain(id, supersedes_id, depth) as (
            select id, supersedes_id, 0 from directives where id = ${id}
            union all
            select d.id, d.supersedes_id, c.depth + 1 from directives d join chain c on d.id = c.supersedes_id
             where c.depth < 100)
          select id from chain`)
      ).rows.map((r) => Number((r as { id: number }).id)),
    insert: async (v: typeof directives.$inferInsert) =>
      (await db.insert(directives).values(v).returning())[0]!,
    update: async (id: number, v: Partial<typeof directives.$inferInsert>) =>
      (
        await db
          .update(directives)
          .set({ ...v, version: sql`${directives.version} + 1` })
          .where(eq(directives.id, id))
          .returning()
      )[0]!,
    taskCount: async (id: number) =>
      (
        await db
          .select({ n: sql<number>`count(*)::int` })
          .from(tasks)
          .where(eq(tasks.directiveId, id))
      )[0]!.n,
  };
}
export type DirectivesRepo = ReturnType<typeof createDirectivesRepo>;

export const directivesTransaction = <T>(db: Db, fn: (repo: DirectivesRepo, tx: Db) => Promise<T>) =>
  transactionWith(db, createDirectivesRepo, fn);
