import { sql } from 'drizzle-orm';
import type { Db } from '../server/db/client.js';
import { dueMoment, periodOf, previousPeriod, type DueRule, type Period } from '../shared/periods.js';

/**
 * A year of weekly reports for the bench programme: for each of the last `weeks` periods, one
 * report per unit that leads a task open during it, 80 % on time, 12 % late, 8 % missing (by a
 * hash, so every run is the same). Entries (one per open task) only for the last `entryWeeks`
 * periods: the warning list and the discipline table read reports, not entries, and ten million
 * entry rows would only slow the load.
 */
export async function generateReports(
  db: Db,
  o: { programmeId: number; today: string; weeks: number; entryWeeks: number; log: (m: string) => void },
) {
  const rule: DueRule = {
    cadence: 'weekly',
    reportDueWeekday: 5,
    reportDueTime: '17:00',
    timeZone: 'Asia/Ho_Chi_Minh',
  };
  const periods: Period[] = [];
  for (let p = previousPeriod(periodOf(o.today, 'weekly')); periods.length < o.weeks; p = previousPeriod(p))
    periods.unshift(p);
  const values = sql.join(
    periods.map(
      (p) =>
        sql`(${p.key}::text, ${dueMoment(p, rule).toISOString()}::timestamptz, ${p.start}::date, ${p.end}::date)`,
    ),
    sql`, `,
  );
  const t0 = performance.now();
  const res = await db.execute(sql`
    insert into progress_reports (programme_id, unit_id, period, status, version, revision, first_submitted_at,
      submitted_at, approved_at, created_at, updated_at)
    select ${o.programmeId}, e.unit_id, p.key, 'approved', 3, 1, s.at, s.at, s.at + interval '20 hours', s.at, s.at
      from (values ${values}) p(key, due, start_d, end_d)
      join lateral (select distinct t.lead_unit_id as unit_id from tasks t
                     where t.programme_id = ${o.programmeId}
                       and (t.completed_on is null or t.completed_on >= p.start_d)
                       and (t.start_date is null or t.start_date <= p.end_d)) e on true
      cross join lateral (select abs(hashtext(p.key || ':' || e.unit_id)) % 100 as h) x
      cross join lateral (select case when x.h < 80 then p.due - make_interval(hours => 1 + x.h % 48)
                                      else p.due + make_interval(hours => 1 + x.h % 60) end as at) s
     where x.h < 92`);
  o.log(
    `  reports: ${(res as { rowCount?: number }).rowCount ?? '?'} for ${periods.length} weeks (${Math.round(performance.now() - t0)} ms)`,
  );
  const t1 = performance.now();
  const last = periods.slice(-o.entryWeeks).map((p) => p.key);
  await db.execute(sql`
    insert into progress_report_entries (report_id, task_id, role, percent, done, next, obstacles)
    select r.id, t.id, 'lead', t.progress, 'Đã triển khai theo kế hoạch.', 'Tiếp tục thực hiện.', ''
      from progress_reports r join tasks t on t.lead_unit_id = r.unit_id and t.programme_id = r.programme_id
     where r.programme_id = ${o.programmeId} and r.period in (${sql.join(
       last.map((k) => sql`${k}`),
       sql`, `,
     )})
       and t.completed_on is null`);
  await db.execute(sql`analyze progress_reports`);
  await db.execute(sql`analyze progress_report_entries`);
  o.log(`  entries for ${last.join(', ')} (${Math.round(performance.now() - t1)} ms)`);
  return { periods: periods.map((p) => p.key) };
}
