import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { TaskState } from '../../../shared/task-state.js';
import type { TaskScope } from '../auth/policy.js';
import { scopeSql } from '../tasks/task-filters.sql.js';
import { taskStateSql, tasksAsOfFrom } from '../tasks/task-state.sql.js';

/** Pilot models marked to accelerate: the only SQL of the module. */
export function createPilotsRepo(db: Db) {
  return {
    accelerate: async (programmeId: number, asOf: string, scope: TaskScope) =>
      (
        await db.execute(sql`select t.id, t.code, t.title, t.progress, d.deadline_asof::text as deadline,
            ${taskStateSql(asOf)} as state, a.note, u.id as unit_id, u.code as unit_code, u.name_vi, u.name_en, u.name_ar
          from ${tasksAsOfFrom(asOf)} join pilot_accelerations a on a.task_id = t.id join units u on u.id = t.lead_unit_id
          where t.programme_id = ${programmeId} and t.kind = 'pilot' and ${scopeSql(scope)}
          order by t.code`)
      ).rows as {
        id: number;
        code: string;
        title: string;
        progress: number;
        deadline: string;
        state: TaskState;
        note: string | null;
        unit_id: number;
        unit_code: string;
        name_vi: string;
        name_en: string | null;
        name_ar: string | null;
      }[],

    pilot: async (taskId: number) =>
      (await db.execute(sql`select id, programme_id, kind from tasks where id = ${taskId}`)).rows[0] as
        { id: number; programme_id: number; kind: string } | undefined,

    mark: (v: { taskId: number; programmeId: number; note: string | null; at: Date }) =>
      db.execute(sql`insert into pilot_accelerations (task_id, programme_id, note, marked_at)
        values (${v.taskId}, ${v.programmeId}, ${v.note}, ${v.at.toISOString()})
        on conflict (task_id) do update set note = excluded.note`),

    unmark: (taskId: number) => db.execute(sql`delete from pilot_accelerations where task_id = ${taskId}`),
  };
}
