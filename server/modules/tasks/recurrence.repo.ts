import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { TaskState } from '../../../shared/task-state.js';
import type { Recurrence } from '../../../shared/recurrence.js';
import { tasksAsOfFrom, taskStateSql } from './task-state.sql.js';

export type SeriesRow = {
  id: number;
  code: string;
  recurrence: Recurrence;
  recurrence_day: number | null;
  start_date: string | null;
  deadline: string;
};
export type NewOccurrence = { seriesId: number; period: string; start: string; deadline: string };

const arr = (v: unknown[]) => sql.param(JSON.stringify(v));

/** Recurring tasks and their occurrences (decision 55). */
export function createRecurrenceRepo(db: Db) {
  const rows = async <T>(q: ReturnType<typeof sql>) => (await db.execute(q)).rows as T[];
  return {
    /** The programme's series still running on `today` (not done, not cancelled). */
    openSeries: (programmeId: number, today: string) =>
      rows<SeriesRow>(sql`select id, code, recurrence, recurrence_day, start_date::text, deadline::text
        from tasks where programme_id = ${programmeId} and recurrence is not null and series_id is null
          and (completed_on is null or completed_on > ${today}::date)
          and (cancelled_on is null or cancelled_on > ${today}::date)`),

    /**
     * Creates the occurrences in one statement from the series' own fields; one that exists
     * already (the unique (series, period), or its code) is skipped, so a second server or a
     * second run adds nothing. Their coordinators and history follow, set-based.
     */
    async insertOccurrences(occ: NewOccurrence[]) {
      if (!occ.length) return [];
      const made = await rows<{ id: number; series_id: number }>(sql`
        insert into tasks (programme_id, code, title, description, group_id, directive_id, assigned_level,
          lead_unit_id, responsible_person, start_date, deadline, original_deadline, deliverable, target_text,
          target_value, target_unit, priority, kind, series_id, occurrence_period, search_text)
        select s.programme_id, s.code || '/' || o.period, s.title, s.description, s.group_id, s.directive_id,
          s.assigned_level, s.lead_unit_id, s.responsible_person, o.start, o.deadline, o.deadline, s.deliverable,
          s.target_text, s.target_value, s.target_unit, s.priority, s.kind, s.id, o.period,
          s.search_text || ' ' || lower(o.period)
        from json_to_recordset(${arr(occ)}::json) as o("seriesId" int, period text, start date, deadline date)
        join tasks s on s.id = o."seriesId"
        order by o."seriesId", o.start
        on conflict do nothing
        returning id, series_id`);
      if (!made.length) return made;
      const ids = made.map((m) => m.id);
      await db.execute(sql`insert into task_coordinators (task_id, unit_id)
        select t.id, c.unit_id from tasks t join task_coordinators c on c.task_id = t.series_id
         where t.id in (select json_array_elements_text(${arr(ids)}::json)::int)`);
      await db.execute(sql`insert into task_history (task_id, actor_id, action, changes)
        select t.id, null, 'occurrence_created', jsonb_build_object('series', jsonb_build_object('from', null, 'to', t.series_id))
          from tasks t where t.id in (select json_array_elements_text(${arr(ids)}::json)::int)`);
      return made;
    },

    occurrences: (seriesId: number, asOf: string) =>
      rows<{
        id: number;
        code: string;
        period: string;
        deadline: string;
        state: TaskState;
        progress: number;
      }>(
        sql`select t.id, t.code, t.occurrence_period as period, d.deadline_asof::text as deadline,
            ${taskStateSql(asOf)} as state, t.progress
          from ${tasksAsOfFrom(asOf)} where t.series_id = ${seriesId}
          order by t.start_date desc, t.id desc limit 120`,
      ),

    series: async (id: number) =>
      (
        await rows<{ id: number; code: string; title: string }>(
          sql`select id, code, title from tasks where id = ${id}`,
        )
      )[0],
  };
}
