import { sql, type SQL } from 'drizzle-orm';
import { foldText } from '../../../shared/text-fold.js';
import type { TaskListQuery } from '../../../shared/schemas/tasks.js';
import type { TaskScope } from '../auth/policy.js';

const orList = (parts: SQL[]) => sql.join(parts, sql` or `);
const likeAnyPath = (column: SQL, paths: string[]) =>
  orList(paths.map((p) => sql`${column} like ${p + '%'}`));

/** What the actor may read, as a WHERE fragment on tasks `t` (see auth/policy.ts). */
export function scopeSql(scope: TaskScope): SQL {
  if (scope.kind === 'programme') return sql`true`;
  if (scope.kind === 'none') return sql`false`;
  // One id list from both indexed sides (tasks_lead_unit_idx, task_coordinators_unit_idx): an OR
  // of the two per row made PostgreSQL read every task of the programme.
  return sql`t.id in (select st.id from tasks st join units su on su.id = st.lead_unit_id
                      where ${likeAnyPath(sql`su.path`, scope.unitPaths)}
                    union
                    select sc.task_id from task_coordinators sc join units scu on scu.id = sc.unit_id
                      where ${likeAnyPath(sql`scu.path`, scope.unitPaths)})`;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export type TaskFilters = Omit<TaskListQuery, 'sort' | 'limit' | 'cursor' | 'asOf' | 'state'>;

/** The filters of the task list that do not depend on the state (those go on the outer query). */
export function filtersSql(f: TaskFilters): SQL {
  const where: SQL[] = [sql`t.programme_id = ${f.programmeId}`];
  if (f.groupId?.length) where.push(sql`t.group_id in ${f.groupId}`);
  if (f.level?.length) where.push(sql`t.assigned_level in ${f.level}`);
  if (f.kind) where.push(sql`t.kind = ${f.kind}`);
  if (f.directiveId) where.push(sql`t.directive_id = ${f.directiveId}`);
  if (f.deadlineFrom) where.push(sql`t.deadline >= ${f.deadlineFrom}::date`);
  if (f.deadlineTo) where.push(sql`t.deadline <= ${f.deadlineTo}::date`);
  if (f.q?.trim()) where.push(sql`t.search_text like ${'%' + escapeLike(foldText(f.q)) + '%'}`);
  if (f.unitId) {
    const sub = sql`(select fu.id from units fu where fu.path like (select pu.path from units pu where pu.id = ${f.unitId}) || '%')`;
    const lead = sql`t.lead_unit_id in ${sub}`;
    // `= any(array(…))`: the subtree's few thousand ids drive primary-key lookups. As a semi-join
    // PostgreSQL scanned every task of the programme (and the folded search on each) instead.
    const coord = sql`t.id = any(array(select fc.task_id from task_coordinators fc where fc.unit_id in ${sub}))`;
    const any = sql`t.id = any(array(select lt.id from tasks lt where lt.lead_unit_id in ${sub}
                             union select fc.task_id from task_coordinators fc where fc.unit_id in ${sub}))`;
    where.push(f.unitRole === 'lead' ? lead : f.unitRole === 'coordinate' ? coord : any);
  }
  return sql.join(where, sql` and `);
}
