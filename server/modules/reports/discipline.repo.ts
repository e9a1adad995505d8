import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';

export type DisciplineRow = {
  period: string;
  unit_id: number;
  code: string;
  name_vi: string;
  name_en: string | null;
  name_ar: string | null;
  expected: boolean;
  first_submitted_at: Date | string | null;
};

/**
 * For each period of a range, the units expected to report (they lead or coordinate a task open
 * during it) and any report they sent: one query, whatever the number of units and periods.
 */
export function createDisciplineRepo(db: Db) {
  return {
    async rows(
      programmeId: number,
      periods: { key: string; start: string; end: string }[],
      unitPaths: string[] | null,
    ) {
      if (!periods.length) return [];
      const values = sql.join(
        periods.map((p) => sql`(${p.key}::text, ${p.start}::date, ${p.end}::date)`),
        sql`, `,
      );
      const open = (alias: string) =>
        sql`${sql.raw(alias)}.programme_id = ${programmeId}
            and (${sql.raw(alias)}.completed_on is null or ${sql.raw(alias)}.completed_on >= p.start_d)
            and (${sql.raw(alias)}.cancelled_on is null or ${sql.raw(alias)}.cancelled_on > p.start_d)
            and (${sql.raw(alias)}.start_date is null or ${sql.raw(alias)}.start_date <= p.end_d)`;
      const scope: SQL = unitPaths
        ? unitPaths.length
          ? sql`and (${sql.join(
              unitPaths.map((x) => sql`u.path like ${x + '%'}`),
              sql` or `,
            )})`
          : sql`and false`
        : sql``;
      const res = await db.execute(sql`
        with p(key, start_d, end_d) as (values ${values}),
        expected as (
          select distinct p.key, t.lead_unit_id as unit_id from p join tasks t on ${open('t')}
          union
          select p.key, c.unit_id from p join tasks t2 on ${open('t2')} join task_coordinators c on c.task_id = t2.id),
        sent as (
          select r.period as key, r.unit_id, r.first_submitted_at from progress_reports r
           where r.programme_id = ${programmeId} and r.period in (select key from p)),
        cells as (
          select coalesce(e.key, s.key) as period, coalesce(e.unit_id, s.unit_id) as unit_id,
                 e.unit_id is not null as expected, s.first_submitted_at
            from expected e full join sent s on s.key = e.key and s.unit_id = e.unit_id)
        select c.period, c.unit_id, u.code, u.name_vi, u.name_en, u.name_ar, c.expected, c.first_submitted_at
          from cells c join units u on u.id = c.unit_id
         where true ${scope}
         order by u.code, c.period`);
      return res.rows as DisciplineRow[];
    },

    unitPath: async (id: number) =>
      ((await db.execute(sql`select path from units where id = ${id}`)).rows as { path: string }[])[0]?.path,

    daysOff: async (from: string, to: string) =>
      new Set(
        (
          (await db.execute(sql`select day from days_off where day between ${from}::date and ${to}::date`))
            .rows as { day: string }[]
        ).map((r) => r.day),
      ),
  };
}
