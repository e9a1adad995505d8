import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { TaskState } from '../../../shared/task-state.js';
import type { TaskScope } from '../auth/policy.js';
import { scopeSql } from './task-filters.sql.js';
import { tasksAsOfFrom, taskStateSql } from './task-state.sql.js';

export type SubtaskRow = {
  id: number;
  parent_id: number;
  depth: number;
  code: string;
  title: string;
  lead_unit_id: number;
  lead_code: string;
  lead_name_vi: string;
  lead_name_en: string | null;
  lead_name_ar: string | null;
  start_date: string | null;
  deadline_asof: string;
  progress: number;
  completed_on: string | null;
  subtask_weight: number;
  state: TaskState;
};

/** Sub-tasks (delegation, decision 43), the parent chain, and what reopening a task reads. */
export function createSubtasksRepo(db: Db) {
  const rows = async <T>(q: SQL) => (await db.execute(q)).rows as T[];

  return {
    /** Every task below `rootId` (depth ≤ 6) as of a date, with state, limited to the scope. */
    tree: (rootId: number, asOf: string, scope: TaskScope) =>
      rows<SubtaskRow>(sql`with recursive below as (
          select id, parent_id, 1 as depth from tasks where parent_id = ${rootId}
          union all
          select c.id, c.parent_id, b.depth + 1 from tasks c join below b on c.parent_id = b.id where b.depth < 6)
        select t.id, t.parent_id, b.depth, t.code, t.title, t.lead_unit_id, u.code as lead_code,
               u.name_vi as lead_name_vi, u.name_en as lead_name_en, u.name_ar as lead_name_ar,
               t.start_date, d.deadline_asof, t.progress, t.completed_on, t.subtask_weight,
               ${taskStateSql(asOf)} as state
          from ${tasksAsOfFrom(asOf)}
          join below b on b.id = t.id
          join units u on u.id = t.lead_unit_id
         where ${scopeSql(scope)}
         order by b.depth, d.deadline_asof, t.code`),

    /** The ids above a task (its parent, the parent's parent…), nearest first. */
    ancestorIds: async (id: number) =>
      (
        await rows<{ id: number }>(sql`with recursive up as (
            select parent_id as id, 1 as n from tasks where id = ${id} and parent_id is not null
            union all
            select t.parent_id, up.n + 1 from tasks t join up on t.id = up.id where t.parent_id is not null and up.n < 50)
          select id from up order by n`)
      ).map((r) => r.id),

    /** Codes already used under a parent's code (`CODE.1`, `CODE.2` …), to number new sub-tasks. */
    childCodes: async (programmeId: number, parentCode: string) =>
      (
        await rows<{ code: string }>(
          sql`select code from tasks where programme_id = ${programmeId} and code like ${parentCode.replace(/[\\%_]/g, (c) => `\\${c}`) + '.%'}`,
        )
      ).map((r) => r.code),

    /**
     * The last progress below 100 on record for a task (reports, edits, or the one a completion
     * replaced), for reopening it.
     */
    lastProgressBelowFull: async (taskId: number) =>
      (
        await rows<{ p: number }>(sql`select case when (changes->'progress'->>'to')::int < 100
                 then (changes->'progress'->>'to')::int else (changes->'progress'->>'from')::int end as p
            from task_history
           where task_id = ${taskId} and jsonb_typeof(changes->'progress'->'to') = 'number'
             and ((changes->'progress'->>'to')::int < 100
                  or (jsonb_typeof(changes->'progress'->'from') = 'number' and (changes->'progress'->>'from')::int < 100))
           order by at desc, id desc limit 1`)
      )[0]?.p ?? null,

    /** Tree paths of units by id. */
    unitPaths: async (ids: number[]) =>
      ids.length
        ? await rows<{ id: number; path: string }>(sql`select id, path from units where id in ${ids}`)
        : [],

    /** Holds the parent while sub-tasks are numbered and inserted under it. */
    lockTask: async (id: number) =>
      (
        await rows<{
          deadline: string;
          start_date: string | null;
          completed_on: string | null;
          cancelled_on: string | null;
        }>(
          sql`select deadline::text as deadline, start_date::text as start_date, completed_on::text as completed_on,
                cancelled_on::text as cancelled_on from tasks where id = ${id} for update`,
        )
      )[0],

    /** The trigger of migration 0034 recomputes the progress as it is switched on. */
    setProgressFromSubtasks: (id: number, on: boolean) =>
      db.execute(sql`update tasks set progress_from_subtasks = ${on}, version = version + 1, updated_at = now()
        where id = ${id}`),

    /** Units a sub-task may go to: below the lead unit's path (not the unit itself), or among `also`. */
    delegationTargets: (below: string | null, also: number[]) =>
      rows<{
        id: number;
        code: string;
        name_vi: string;
        name_en: string | null;
        name_ar: string | null;
        kind: string;
        path: string;
      }>(
        sql`select id, code, name_vi, name_en, name_ar, kind, path from units
          where ${below === null ? sql`true` : sql`(path like ${below + '%'} and path <> ${below})`}
             ${also.length ? sql`or id in ${also}` : sql``}
          order by path limit 2000`,
      ),

    coordinatorIds: async (taskId: number) =>
      (
        await rows<{ unit_id: number }>(sql`select unit_id from task_coordinators where task_id = ${taskId}`)
      ).map((r) => r.unit_id),
  };
}
export type SubtasksRepo = ReturnType<typeof createSubtasksRepo>;
