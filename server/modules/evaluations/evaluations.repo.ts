import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { evaluations, units, users } from '../../db/schema/index.js';
import { tasksAsOfFrom, taskStateSql } from '../tasks/task-state.sql.js';

/** The evaluations' rules and frozen results, and the task figure they score. */
export function createEvaluationsRepo(db: Db) {
  return {
    of: async (programmeId: number, year: number) =>
      (
        await db
          .select()
          .from(evaluations)
          .where(and(eq(evaluations.programmeId, programmeId), eq(evaluations.year, year)))
      )[0],
    save: (v: typeof evaluations.$inferInsert) =>
      db
        .insert(evaluations)
        .values(v)
        .onConflictDoUpdate({
          target: [evaluations.programmeId, evaluations.year],
          set: {
            rules: v.rules,
            status: v.status,
            result: v.result,
            updatedAt: v.updatedAt,
            updatedBy: v.updatedBy,
            approvedAt: v.approvedAt,
            approvedBy: v.approvedBy,
          },
        }),
    userName: async (id: number | null) =>
      id === null
        ? null
        : ((await db.select({ n: users.displayName }).from(users).where(eq(users.id, id)))[0]?.n ?? null),
    units: (ids: number[]) =>
      ids.length
        ? db
            .select({
              id: units.id,
              code: units.code,
              nameVi: units.nameVi,
              nameEn: units.nameEn,
              nameAr: units.nameAr,
              leader: units.leaderName,
            })
            .from(units)
            .where(inArray(units.id, ids))
        : Promise.resolve([]),
    /** The first day of the earliest period a report was ever sent for: reporting counts from then. */
    firstReportedPeriod: async (programmeId: number) =>
      (
        (
          await db.execute(sql`select min(period) as period from progress_reports
            where programme_id = ${programmeId} and first_submitted_at is not null`)
        ).rows[0] as { period: string | null } | undefined
      )?.period ?? null,
    /**
     * Per lead unit: tasks whose deadline in force fell due in the year by `asOf` (not cancelled
     * by then), and how many of them were done on time — the state rule's own SQL.
     */
    tasksFallenDue: async (programmeId: number, yearStart: string, asOf: string) =>
      (
        await db.execute(sql`
          select t.lead_unit_id as unit_id,
                 count(*) filter (where ${taskStateSql(asOf)} = 'done_on_time')::int as on_time,
                 count(*)::int as due,
                 array_agg(t.code order by t.code)
                   filter (where ${taskStateSql(asOf)} = 'done_on_time') as on_time_codes,
                 array_agg(t.code order by t.code)
                   filter (where ${taskStateSql(asOf)} <> 'done_on_time') as other_codes
            from ${tasksAsOfFrom(asOf)}
           where t.programme_id = ${programmeId}
             and d.deadline_asof between ${yearStart}::date and ${asOf}::date
             and (t.cancelled_on is null or t.cancelled_on > ${asOf}::date)
           group by t.lead_unit_id`)
      ).rows as {
        unit_id: number;
        on_time: number;
        due: number;
        on_time_codes: string[] | null;
        other_codes: string[] | null;
      }[],
  };
}
