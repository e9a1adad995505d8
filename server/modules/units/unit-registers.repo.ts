import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { taskStateSql, tasksAsOfFrom } from '../tasks/task-state.sql.js';

type Json = Record<string, unknown>;
export type UnitRegistersRow = {
  money: { plans: number; allocated: string; disbursed: string };
  plans: { id: number; code: string; allocated: string; disbursed: string }[];
  obstacle_status: Record<string, number> | null;
  obstacle_overdue: number;
  obstacles: (Json & {
    id: number;
    title: string;
    category: string;
    status: string;
    due_on: string | null;
  })[];
  sent: Record<string, number> | null;
  to_answer: Record<string, number> | null;
  recommendations: Json[];
  pilots: Record<string, number> | null;
};

/**
 * A unit's registers in one statement (CTEs, each an aggregate over an index): its capital plans
 * of the year and what was paid by D, the obstacles it raised, owns or is linked to with their
 * status on D, the recommendations it sent or must answer with their state on D, and its pilot
 * models by state. `path` is the unit's path: the unit and every unit below it.
 */
export function createUnitRegistersRepo(db: Db) {
  return {
    unit: async (id: number) =>
      (await db.execute(sql`select id, code, path, name_vi, name_en, name_ar from units where id = ${id}`))
        .rows[0] as
        | {
            id: number;
            code: string;
            path: string;
            name_vi: string;
            name_en: string | null;
            name_ar: string | null;
          }
        | undefined,
    summary: async (f: { programmeId: number; path: string; asOf: string; year: number }) => {
      const d = sql`${f.asOf}::date`;
      const stateSql: SQL = sql`(case
          when r.answered_on is not null and r.answered_on <= ${d}
            then case when r.answered_on <= r.answer_due_on then 'answered_on_time' else 'answered_late' end
          when r.answer_due_on < ${d} then 'overdue' else 'pending' end)`;
      const res = await db.execute(sql`
        with sub as (select id from units where path like ${f.path + '%'}),
        plans as (
          select cp.id, cp.code,
            coalesce((select r.amount from capital_plan_revisions r where r.plan_id = cp.id and r.effective_from <= ${d}
              order by r.effective_from desc, r.id desc limit 1), 0) as a,
            coalesce((select sum(p.amount) from disbursements p where p.plan_id = cp.id and p.paid_on <= ${d}), 0) as p
          from capital_plans cp
          where cp.programme_id = ${f.programmeId} and cp.year = ${f.year} and cp.unit_id in (select id from sub)),
        obs as (
          select o.id, o.title, o.category, o.due_on, o.owner_unit_id, s.status
          from obstacles o cross join lateral (select e.status from obstacle_events e
            where e.obstacle_id = o.id and e.effective_on <= ${d} order by e.effective_on desc, e.id desc limit 1) s
          where o.programme_id = ${f.programmeId} and (o.raised_by_unit_id in (select id from sub)
            or o.owner_unit_id in (select id from sub)
            or exists (select 1 from obstacle_units l where l.obstacle_id = o.id and l.unit_id in (select id from sub)))),
        recs as (
          select r.id, r.content, r.answer_due_on, r.from_unit_id, r.to_unit_id, ${stateSql} as state,
            r.from_unit_id in (select id from sub) as sent, r.to_unit_id in (select id from sub) as to_answer
          from recommendations r
          where r.programme_id = ${f.programmeId} and r.submitted_on <= ${d}
            and (r.from_unit_id in (select id from sub) or r.to_unit_id in (select id from sub))),
        pil as (
          select ${taskStateSql(f.asOf)} as state from ${tasksAsOfFrom(f.asOf)}
          where t.programme_id = ${f.programmeId} and t.kind = 'pilot' and t.lead_unit_id in (select id from sub))
        select
          (select json_build_object('plans', count(*)::int, 'allocated', coalesce(sum(a), 0)::text,
             'disbursed', coalesce(sum(p), 0)::text) from plans) as money,
          (select coalesce(json_agg(json_build_object('id', id, 'code', code, 'allocated', a::text, 'disbursed', p::text)
             order by a desc, code), '[]') from (select * from plans order by a desc, code limit 10) x) as plans,
          (select json_object_agg(status, n) from (select status, count(*)::int as n from obs group by 1) x)
             as obstacle_status,
          (select count(*)::int from obs where status <> 'resolved' and due_on < ${d}) as obstacle_overdue,
          (select coalesce(json_agg(json_build_object('id', x.id, 'title', x.title, 'category', x.category,
             'status', x.status, 'due_on', x.due_on::text, 'owner_id', u.id, 'owner_code', u.code,
             'name_vi', u.name_vi, 'name_en', u.name_en, 'name_ar', u.name_ar)
             order by x.due_on nulls last, x.id), '[]')
             from (select * from obs where status <> 'resolved' order by due_on nulls last, id limit 10) x
             join units u on u.id = x.owner_unit_id) as obstacles,
          (select json_object_agg(state, n) from (select state, count(*)::int as n from recs where sent group by 1) x)
             as sent,
          (select json_object_agg(state, n) from (select state, count(*)::int as n from recs where to_answer group by 1) x)
             as to_answer,
          (select coalesce(json_agg(json_build_object('id', x.id, 'content', x.content, 'due', x.answer_due_on::text,
             'state', x.state, 'sent', x.sent, 'other_id', u.id, 'other_code', u.code,
             'name_vi', u.name_vi, 'name_en', u.name_en, 'name_ar', u.name_ar) order by x.answer_due_on, x.id), '[]')
             from (select * from recs where state in ('pending', 'overdue') order by answer_due_on, id limit 10) x
             join units u on u.id = case when x.sent then x.to_unit_id else x.from_unit_id end) as recommendations,
          (select json_object_agg(state, n) from (select state, count(*)::int as n from pil group by 1) x) as pilots`);
      return res.rows[0] as UnitRegistersRow;
    },
  };
}
