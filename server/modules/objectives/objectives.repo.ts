import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { keyResults, keyResultTasks, objectives, tasks, units } from '../../db/schema/index.js';
import { transactionWith } from '../../db/transaction.js';

export type ObjectiveRow = typeof objectives.$inferSelect;
export type KeyResultRow = typeof keyResults.$inferSelect;
export type OkrRow = {
  objective_id: number;
  objective_code: string;
  title_vi: string;
  title_en: string | null;
  title_ar: string | null;
  group_id: number | null;
  group_code: string | null;
  group_name_vi: string | null;
  group_name_en: string | null;
  group_name_ar: string | null;
  kr_id: number | null;
  indicator_id: number | null;
  unit_id: number | null;
  unit_code: string | null;
  unit_name_vi: string | null;
  unit_name_en: string | null;
  unit_name_ar: string | null;
  unit_path: string | null;
  baseline: number | null;
  target: number | null;
  start_date: string | null;
  deadline: string | null;
};

/** Objectives, key results and the tasks linked to them; the only SQL of the module. */
export function createObjectivesRepo(db: Db) {
  const rows = async <T>(q: SQL) => (await db.execute(q)).rows as T[];
  return {
    objective: async (id: number) => (await db.select().from(objectives).where(eq(objectives.id, id)))[0],
    keyResult: async (id: number) => (await db.select().from(keyResults).where(eq(keyResults.id, id)))[0],
    codeTaken: async (programmeId: number, code: string, exceptId = 0) =>
      (
        await db
          .select({ id: objectives.id })
          .from(objectives)
          .where(and(eq(objectives.programmeId, programmeId), eq(objectives.code, code)))
      ).some((o) => o.id !== exceptId),
    insertObjective: async (v: typeof objectives.$inferInsert) =>
      (await db.insert(objectives).values(v).returning())[0]!,
    updateObjective: async (id: number, v: Partial<typeof objectives.$inferInsert>) =>
      (await db.update(objectives).set(v).where(eq(objectives.id, id)).returning())[0]!,
    deleteObjective: (id: number) => db.delete(objectives).where(eq(objectives.id, id)),
    insertKeyResult: async (v: typeof keyResults.$inferInsert) =>
      (await db.insert(keyResults).values(v).returning())[0]!,
    updateKeyResult: async (id: number, v: Partial<typeof keyResults.$inferInsert>) =>
      (await db.update(keyResults).set(v).where(eq(keyResults.id, id)).returning())[0]!,
    deleteKeyResult: (id: number) => db.delete(keyResults).where(eq(keyResults.id, id)),

    /** Which of these task ids belong to the programme. */
    tasksOf: async (programmeId: number, ids: number[]) =>
      ids.length
        ? (
            await db
              .select({ id: tasks.id })
              .from(tasks)
              .where(and(eq(tasks.programmeId, programmeId), inArray(tasks.id, ids)))
          ).map((t) => t.id)
        : [],
    setTasks: async (keyResultId: number, taskIds: number[]) => {
      await db.delete(keyResultTasks).where(eq(keyResultTasks.keyResultId, keyResultId));
      if (taskIds.length)
        await db.insert(keyResultTasks).values(taskIds.map((taskId) => ({ keyResultId, taskId })));
    },
    taskIdsOf: async (keyResultId: number) =>
      (
        await db
          .select({ id: keyResultTasks.taskId })
          .from(keyResultTasks)
          .where(eq(keyResultTasks.keyResultId, keyResultId))
          .orderBy(asc(keyResultTasks.taskId))
      ).map((t) => t.id),

    /** Every objective of a programme with its key results (one row per key result), the unit each is measured at. */
    okrs: (programmeId: number, rootUnitId: number | null) =>
      rows<OkrRow>(sql`
        select o.id as objective_id, o.code as objective_code, o.title_vi, o.title_en, o.title_ar,
               g.id as group_id, g.code as group_code, g.name_vi as group_name_vi, g.name_en as group_name_en,
               g.name_ar as group_name_ar,
               k.id as kr_id, k.indicator_id, u.id as unit_id, u.code as unit_code, u.name_vi as unit_name_vi,
               u.name_en as unit_name_en, u.name_ar as unit_name_ar, u.path as unit_path,
               k.baseline, k.target, k.start_date::text as start_date, k.deadline::text as deadline
          from objectives o
          left join programme_groups g on g.id = o.group_id
          left join key_results k on k.objective_id = o.id
          left join units u on u.id = coalesce(k.unit_id, ${rootUnitId}::int)
         where o.programme_id = ${programmeId}
         order by g.sort nulls first, o.sort, o.code, k.sort, k.id`),

    /** Tasks linked to these key results. */
    linkedTasks: (keyResultIds: number[]) =>
      keyResultIds.length
        ? db
            .select({
              keyResultId: keyResultTasks.keyResultId,
              id: tasks.id,
              code: tasks.code,
              title: tasks.title,
              leadUnitPath: units.path,
            })
            .from(keyResultTasks)
            .innerJoin(tasks, eq(tasks.id, keyResultTasks.taskId))
            .innerJoin(units, eq(units.id, tasks.leadUnitId))
            .where(inArray(keyResultTasks.keyResultId, keyResultIds))
            .orderBy(asc(tasks.code))
        : Promise.resolve([]),
  };
}
export type ObjectivesRepo = ReturnType<typeof createObjectivesRepo>;

export const objectivesTransaction = <T>(db: Db, fn: (r: ObjectivesRepo, tx: Db) => Promise<T>) =>
  transactionWith(db, createObjectivesRepo, fn);
