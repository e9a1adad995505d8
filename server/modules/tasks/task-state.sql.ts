import { sql, type SQL } from 'drizzle-orm';

/**
 * The SQL twin of shared/task-state.ts (a property test proves they agree). Both expect the task
 * table aliased `t`. The deadline in force on D is the task's current one when it took effect on
 * or before D (or never changed: the fast path for almost every row), otherwise the latest change
 * effective by D, otherwise the original.
 */
export function deadlineAsOfSql(asOf: string): SQL<string> {
  return sql<string>`(case when t.deadline_effective_from is null or t.deadline_effective_from <= ${asOf}::date
    then t.deadline
    else coalesce((select c.deadline from task_deadline_changes c
                   where c.task_id = t.id and c.effective_from <= ${asOf}::date
                   order by c.effective_from desc, c.id desc limit 1), t.original_deadline) end)`;
}

/** Expects `d.deadline_asof` from a lateral join on deadlineAsOfSql. */
export function taskStateSql(asOf: string): SQL<string> {
  return sql<string>`(case
    when t.completed_on is not null and t.completed_on <= ${asOf}::date
      then case when t.completed_on <= d.deadline_asof then 'done_on_time' else 'done_late' end
    when d.deadline_asof < ${asOf}::date then 'overdue'
    when t.first_activity_on is null or t.first_activity_on > ${asOf}::date then 'not_started'
    else 'in_progress' end)`;
}

/** `FROM tasks t CROSS JOIN LATERAL (…) d` gives every query the same deadline-as-of column. */
export function tasksAsOfFrom(asOf: string): SQL {
  return sql`tasks t cross join lateral (select ${deadlineAsOfSql(asOf)} as deadline_asof) d`;
}
