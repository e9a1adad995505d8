import { sql, type SQL } from 'drizzle-orm';

/**
 * The SQL twin of shared/task-state.ts (a property test proves they agree). Both expect the task
 * table aliased `t` (deadlineAsOfSql also the join `dc` that tasksAsOfFrom makes). The deadline in
 * force on D is the task's current one when it took effect on or before D (or never changed: the
 * fast path for almost every row), otherwise the latest change effective by D, otherwise the original.
 */
export function deadlineAsOfSql(asOf: string): SQL<string> {
  return sql<string>`(case when t.deadline_effective_from is null or t.deadline_effective_from <= ${asOf}::date
    then t.deadline
    else coalesce(dc.deadline, t.original_deadline) end)`;
}

/**
 * The deadline in force on `asOf` of the tasks whose current deadline took effect after it: a
 * join (hashed once per query) instead of a correlated subquery, whose cost the planner charges
 * to every row even though the CASE fast path skips it (that made every task query look 100x
 * too expensive, hence JIT and bad plans). tasks_deadline_changed_idx finds those tasks.
 */
const changedAsOfSql = (asOf: string) => sql`(select distinct on (c.task_id) c.task_id, c.deadline
    from task_deadline_changes c join tasks ct on ct.id = c.task_id
    where ct.deadline_effective_from > ${asOf}::date and c.effective_from <= ${asOf}::date
    order by c.task_id, c.effective_from desc, c.id desc)`;

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
  return sql`tasks t left join ${changedAsOfSql(asOf)} dc on dc.task_id = t.id
    cross join lateral (select ${deadlineAsOfSql(asOf)} as deadline_asof) d`;
}

const OPEN_STATES = ['overdue', 'not_started', 'in_progress'];
const DONE_STATES = ['done_on_time', 'done_late'];

/**
 * A condition on the task's own columns that every task in one of `states` as of `asOf` meets
 * (so adding it changes no result), which indexes can use: not done by then, done by then, and
 * for overdue the deadline passed (the current one, or the task's deadline changed after asOf).
 */
export function statePrefilterSql(asOf: string, states: readonly string[] | undefined): SQL {
  if (!states?.length) return sql`true`;
  const parts: SQL[] = [];
  if (states.every((s) => OPEN_STATES.includes(s)))
    parts.push(sql`(t.completed_on is null or t.completed_on > ${asOf}::date)`);
  if (states.every((s) => DONE_STATES.includes(s))) parts.push(sql`t.completed_on <= ${asOf}::date`);
  if (states.every((s) => s === 'overdue'))
    parts.push(sql`(t.deadline < ${asOf}::date or t.deadline_effective_from > ${asOf}::date)`);
  return parts.length ? sql.join(parts, sql` and `) : sql`true`;
}
