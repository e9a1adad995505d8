import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { transactionWith } from '../../db/transaction.js';
import {
  directives,
  programmeGroups,
  taskCoordinators,
  taskDeadlineChanges,
  taskEscalations,
  taskHistory,
  taskMilestones,
  tasks,
  units,
  users,
} from '../../db/schema/index.js';
import type { TaskState } from '../../../shared/task-state.js';
import type { TaskListQuery } from '../../../shared/schemas/tasks.js';
import type { TaskScope } from '../auth/policy.js';
import { filtersSql, scopeSql, type TaskFilters } from './task-filters.sql.js';
import { statePrefilterSql, tasksAsOfFrom, taskStateSql } from './task-state.sql.js';

export type TaskListRow = {
  id: number;
  programme_id: number;
  code: string;
  title: string;
  kind: string;
  assigned_level: string;
  group_id: number | null;
  directive_id: number | null;
  lead_unit_id: number;
  lead_code: string;
  lead_name_vi: string;
  lead_name_en: string | null;
  lead_name_ar: string | null;
  deadline: string;
  deadline_asof: string;
  progress: number;
  priority: string;
  completed_on: string | null;
  state: TaskState;
};

type StateCountRow = { assigned_level: string; group_id: number | null; state: TaskState; n: number };
type OverdueByUnitRow = {
  unit_id: number;
  code: string;
  name_vi: string;
  name_en: string | null;
  name_ar: string | null;
  overdue: number;
  total: number;
};

/** How many dates per programme the rollups keep (each costs the task writes a few upserts). */
export const ROLLUP_DATES = 8;

/** Whether the rollups can answer for these filters: by programme, level, group and kind only. */
export const rollupFits = (scope: TaskScope, f: TaskFilters) =>
  scope.kind === 'programme' &&
  !f.q?.trim() &&
  !f.unitId &&
  !f.directiveId &&
  !f.deadlineFrom &&
  !f.deadlineTo;

/** The rollup rows of a date for the filters that rollupFits accepts (`level` only in task_state_counts). */
function rollupWhere(asOf: string, f: TaskFilters): SQL {
  const where: SQL[] = [sql`programme_id = ${f.programmeId}`, sql`as_of = ${asOf}::date`];
  if (f.groupId?.length) where.push(sql`group_id in ${f.groupId}`);
  if (f.level?.length) where.push(sql`assigned_level in ${f.level}`);
  if (f.kind) where.push(sql`kind = ${f.kind}`);
  return sql.join(where, sql` and `);
}

/** Tasks of a programme as of a date, with state, within the scope and filters: a subquery `x`. */
function tasksAsOf(asOf: string, scope: TaskScope, f: TaskFilters, states?: TaskState[]): SQL {
  return sql`(select t.id, t.programme_id, t.code, t.title, t.kind, t.assigned_level, t.group_id, t.directive_id,
      t.lead_unit_id, t.deadline, d.deadline_asof, t.progress, t.priority, t.completed_on,
      ${taskStateSql(asOf)} as state
    from ${tasksAsOfFrom(asOf)}
    where ${filtersSql(f)} and ${scopeSql(scope)} and ${statePrefilterSql(asOf, states)}) x`;
}

const SORT_COLUMNS = { deadline: 'deadline', code: 'code', progress: 'progress', title: 'title' } as const;
export type SortKey = TaskListQuery['sort'];
export type Cursor = { v: string | number; id: number };

function orderAndCursor(sort: SortKey, cursor: Cursor | undefined, alias = 'x'): { order: SQL; after: SQL } {
  const desc = sort.startsWith('-');
  const col = sql.raw(`${alias}.${SORT_COLUMNS[sort.replace('-', '') as keyof typeof SORT_COLUMNS]}`);
  const id = sql.raw(`${alias}.id`);
  const dir = sql.raw(desc ? 'desc' : 'asc');
  const order = sql`order by ${col} ${dir}, ${id} ${dir}`;
  if (!cursor) return { order, after: sql`true` };
  const cmp = sql.raw(desc ? '<' : '>');
  return { order, after: sql`(${col}, ${id}) ${cmp} (${cursor.v}, ${cursor.id})` };
}

const stateWhere = (states: TaskState[] | undefined) =>
  states?.length ? sql`x.state in ${states}` : sql`true`;

/**
 * The lead unit to count a task under on `asOf`: its successor once it had been merged
 * (decision 0050); expects the lead unit joined as `mu`.
 */
const successorOn = (asOf: string, alias: string) =>
  sql`coalesce(case when mu.merged_on <= ${asOf}::date then mu.merged_into_id end, ${sql.raw(alias)}.lead_unit_id)`;

export function createTasksRepo(db: Db) {
  const rows = async <T>(q: SQL) => (await db.execute(q)).rows as T[];

  return {
    async list(
      asOf: string,
      scope: TaskScope,
      f: TaskFilters,
      states: TaskState[] | undefined,
      sort: SortKey,
      limit: number,
      cursor?: Cursor,
    ) {
      const { order, after } = orderAndCursor(sort, cursor);
      // The page first, then its lead units: joined before the LIMIT, a misestimated row count
      // made PostgreSQL join units by nested loop over every candidate row.
      return rows<TaskListRow>(sql`select p.*, u.code as lead_code, u.name_vi as lead_name_vi, u.name_en as lead_name_en, u.name_ar as lead_name_ar
        from (select x.* from ${tasksAsOf(asOf, scope, f, states)}
              where ${stateWhere(states)} and ${after} ${order} limit ${limit}) p
        join units u on u.id = p.lead_unit_id
        ${orderAndCursor(sort, undefined, 'p').order}`);
    },

    async count(asOf: string, scope: TaskScope, f: TaskFilters, states: TaskState[] | undefined) {
      const [r] = await rows<{ n: number }>(
        sql`select count(*)::int as n from ${tasksAsOf(asOf, scope, f, states)} where ${stateWhere(states)}`,
      );
      return r?.n ?? 0;
    },

    /** Counts by level, group and state in one scan; the caller folds the few rows into totals. */
    stateCounts: (asOf: string, scope: TaskScope, f: TaskFilters) =>
      rows<StateCountRow>(sql`select x.assigned_level, x.group_id, x.state, count(*)::int as n
        from ${tasksAsOf(asOf, scope, f)} group by 1, 2, 3`),

    overdueByUnit: (asOf: string, scope: TaskScope, f: TaskFilters, limit: number) =>
      rows<OverdueByUnitRow>(
        sql`select u.id as unit_id, u.code, u.name_vi, u.name_en, u.name_ar, c.overdue, c.total
        from (select ${successorOn(asOf, 'x')} as lead_unit_id,
                count(*) filter (where x.state = 'overdue')::int as overdue, count(*)::int as total
              from ${tasksAsOf(asOf, scope, f)} join units mu on mu.id = x.lead_unit_id group by 1) c
        join units u on u.id = c.lead_unit_id
        where c.overdue > 0 order by c.overdue desc, u.code limit ${limit}`,
      ),

    /** Counts by state at each of `dates` in one round trip (the cockpit's week-by-week trend). */
    stateCountsAt: (dates: string[], scope: TaskScope, f: TaskFilters) =>
      rows<{ d: string; state: TaskState; n: number }>(
        sql.join(
          dates.map(
            (d) => sql`(select ${d}::text as d, x.state, count(*)::int as n
              from ${tasksAsOf(d, scope, f)} group by x.state)`,
          ),
          sql` union all `,
        ),
      ),
    /** Whether the rollups hold the counts of the programme as of this date. */
    rollupHas: async (programmeId: number, asOf: string) =>
      (
        await rows<{ one: number }>(
          sql`select 1 as one from task_rollup_dates where programme_id = ${programmeId} and as_of = ${asOf}::date`,
        )
      ).length > 0,

    /**
     * Fills both rollups for a date from the direct query, inside the caller's transaction. Writers
     * are held off while it reads (SHARE lock: the triggers keep the date exact from the commit
     * on); NOWAIT: when a writer is busy it fails at once and the caller reads directly instead.
     * Keeps the ROLLUP_DATES most recently built dates of the programme.
     */
    async buildRollup(programmeId: number, asOf: string, scope: TaskScope) {
      if (scope.kind !== 'programme') throw new Error('buildRollup: the whole programme only');
      await db.execute(sql`lock table task_deadline_changes, tasks in share mode nowait`);
      const added = await rows<{ one: number }>(sql`insert into task_rollup_dates (programme_id, as_of)
        values (${programmeId}, ${asOf}::date) on conflict do nothing returning 1 as one`);
      if (!added.length) return;
      const all = tasksAsOf(asOf, scope, { programmeId, unitRole: 'any' });
      await db.execute(sql`insert into task_state_counts (programme_id, as_of, assigned_level, group_id, kind, state, n)
        select ${programmeId}, ${asOf}::date, x.assigned_level, coalesce(x.group_id, 0), x.kind, x.state, count(*)::int
          from ${all} group by x.assigned_level, x.group_id, x.kind, x.state`);
      await db.execute(sql`insert into task_overdue_by_unit (programme_id, as_of, lead_unit_id, group_id, kind, overdue, total)
        select ${programmeId}, ${asOf}::date, x.lead_unit_id, coalesce(x.group_id, 0), x.kind,
               count(*) filter (where x.state = 'overdue')::int, count(*)::int
          from ${all} group by x.lead_unit_id, x.group_id, x.kind`);
      await db.execute(sql`insert into task_overdue_by_unit (programme_id, as_of, lead_unit_id, group_id, kind, overdue, total)
        select programme_id, as_of, lead_unit_id, -1, '', sum(overdue)::int, sum(total)::int
          from task_overdue_by_unit where programme_id = ${programmeId} and as_of = ${asOf}::date
         group by programme_id, as_of, lead_unit_id`);
      const stale = sql`(select as_of from task_rollup_dates where programme_id = ${programmeId}
        order by built_at desc, as_of desc offset ${ROLLUP_DATES})`;
      await db.execute(
        sql`delete from task_state_counts where programme_id = ${programmeId} and as_of in ${stale}`,
      );
      await db.execute(
        sql`delete from task_overdue_by_unit where programme_id = ${programmeId} and as_of in ${stale}`,
      );
      await db.execute(
        sql`delete from task_rollup_dates where programme_id = ${programmeId} and as_of in ${stale}`,
      );
    },

    /** stateCounts from the rollup (only for filters that rollupFits accepts). */
    rollupStateCounts: (asOf: string, f: TaskFilters) =>
      rows<StateCountRow>(sql`select assigned_level, nullif(group_id, 0) as group_id, state, sum(n)::int as n
        from task_state_counts where ${rollupWhere(asOf, f)}
        group by assigned_level, group_id, state having sum(n) > 0`),

    /** count() from the rollup (only for filters that rollupFits accepts). */
    async rollupCount(asOf: string, f: TaskFilters, states: TaskState[] | undefined) {
      const [r] = await rows<{ n: number }>(sql`select coalesce(sum(n), 0)::int as n from task_state_counts
        where ${rollupWhere(asOf, f)} and ${states?.length ? sql`state in ${states}` : sql`true`}`);
      return r?.n ?? 0;
    },

    /**
     * overdueByUnit from the rollup (only for filters that rollupFits accepts, without a level).
     * Without a group or kind, the rows over all of them (group -1) are the answer; only the units
     * with at least as many overdue tasks as the limit-th are joined to their names.
     */
    rollupOverdueByUnit: (asOf: string, f: TaskFilters, limit: number) => {
      const where =
        f.groupId?.length || f.kind
          ? sql`${rollupWhere(asOf, f)} and group_id >= 0`
          : sql`${rollupWhere(asOf, f)} and group_id = -1 and kind = ''`;
      return rows<OverdueByUnitRow>(sql`with c as (
          select ${successorOn(asOf, 'r')} as lead_unit_id, sum(r.overdue)::int as overdue, sum(r.total)::int as total
            from (select * from task_overdue_by_unit where ${where}) r join units mu on mu.id = r.lead_unit_id
           group by 1 having sum(r.overdue) > 0),
        top as (select * from c where c.overdue >= coalesce(
          (select overdue from c order by overdue desc offset ${limit - 1} limit 1), 0))
        select u.id as unit_id, u.code, u.name_vi, u.name_en, u.name_ar, top.overdue, top.total
          from top join units u on u.id = top.lead_unit_id
         order by top.overdue desc, u.code limit ${limit}`);
    },

    /** Per unit of `unitIds`: tasks led by its subtree (counts per lead unit first, then rolled up by path). */
    countsForUnits: (asOf: string, scope: TaskScope, f: TaskFilters, unitIds: number[]) =>
      unitIds.length === 0
        ? Promise.resolve([])
        : rows<{ unit_id: number; total: number; overdue: number; done: number }>(
            sql`with per_lead as (
              select x.lead_unit_id, count(*)::int as total,
                count(*) filter (where x.state = 'overdue')::int as overdue,
                count(*) filter (where x.state in ('done_on_time', 'done_late'))::int as done
              from ${tasksAsOf(asOf, scope, f)} group by x.lead_unit_id),
            -- The tree as of the day (decision 0050): a unit merged after it still sits where it was.
            moved as (select m.path as cur, coalesce(pp.path, '/') || m.id || '/' as was
                from units m left join units pp on pp.id = m.merged_from_parent_id
               where m.merged_on > ${asOf}::date),
            tree as (select lu.id, coalesce((select mv.was || substr(lu.path, length(mv.cur) + 1) from moved mv
                  where lu.path like mv.cur || '%' order by length(mv.cur) desc limit 1), lu.path) as path
                from units lu)
            select u.id as unit_id, coalesce(sum(p.total), 0)::int as total,
              coalesce(sum(p.overdue), 0)::int as overdue, coalesce(sum(p.done), 0)::int as done
            from tree u
            left join tree lu on lu.path like u.path || '%'
            left join per_lead p on p.lead_unit_id = lu.id
            where u.id in ${unitIds}
            group by u.id`,
          ),

    async findOne(id: number, asOf: string, scope: TaskScope) {
      const [r] = await rows<
        TaskListRow & { lead_unit_path: string }
      >(sql`select x.*, u.code as lead_code, u.name_vi as lead_name_vi,
          u.name_en as lead_name_en, u.name_ar as lead_name_ar, u.path as lead_unit_path
        from (select t.*, d.deadline_asof, ${taskStateSql(asOf)} as state from ${tasksAsOfFrom(asOf)}
              where t.id = ${id} and ${scopeSql(scope)}) x
        join units u on u.id = x.lead_unit_id`);
      return r;
    },

    /** Everything the detail page shows beside the task row: a fixed number of queries, not one per item. */
    async details(taskId: number) {
      const [task] = await db.select().from(tasks).where(eq(tasks.id, taskId));
      if (!task) return undefined;
      const [coordinators, milestones, changes, history, directive, group, parent, escalation] =
        await Promise.all([
          db
            .select({
              id: units.id,
              code: units.code,
              nameVi: units.nameVi,
              nameEn: units.nameEn,
              nameAr: units.nameAr,
            })
            .from(taskCoordinators)
            .innerJoin(units, eq(units.id, taskCoordinators.unitId))
            .where(eq(taskCoordinators.taskId, taskId))
            .orderBy(asc(units.code)),
          db
            .select()
            .from(taskMilestones)
            .where(eq(taskMilestones.taskId, taskId))
            .orderBy(asc(taskMilestones.sort), asc(taskMilestones.dueOn)),
          db
            .select()
            .from(taskDeadlineChanges)
            .where(eq(taskDeadlineChanges.taskId, taskId))
            .orderBy(asc(taskDeadlineChanges.effectiveFrom), asc(taskDeadlineChanges.id)),
          db
            .select({
              id: taskHistory.id,
              at: taskHistory.at,
              action: taskHistory.action,
              changes: taskHistory.changes,
              actor: users.displayName,
            })
            .from(taskHistory)
            .leftJoin(users, eq(users.id, taskHistory.actorId))
            .where(eq(taskHistory.taskId, taskId))
            .orderBy(asc(taskHistory.at), asc(taskHistory.id)),
          task.directiveId
            ? db.select().from(directives).where(eq(directives.id, task.directiveId))
            : Promise.resolve([]),
          task.groupId
            ? db.select().from(programmeGroups).where(eq(programmeGroups.id, task.groupId))
            : Promise.resolve([]),
          task.parentId
            ? db
                .select({ id: tasks.id, code: tasks.code, title: tasks.title })
                .from(tasks)
                .where(eq(tasks.id, task.parentId))
            : Promise.resolve([]),
          db.select().from(taskEscalations).where(eq(taskEscalations.taskId, taskId)),
        ]);
      return {
        task,
        coordinators,
        milestones,
        changes,
        history,
        directive: directive[0],
        group: group[0],
        parent: parent[0],
        escalation: escalation[0],
      };
    },

    findRaw: async (id: number) => (await db.select().from(tasks).where(eq(tasks.id, id)))[0],

    codeExists: async (programmeId: number, code: string) =>
      (
        await db
          .select({ id: tasks.id })
          .from(tasks)
          .where(and(eq(tasks.programmeId, programmeId), eq(tasks.code, code)))
      ).length > 0,

    existingUnitIds: async (ids: number[]) =>
      ids.length
        ? (await db.select({ id: units.id }).from(units).where(inArray(units.id, ids))).map((r) => r.id)
        : [],

    groupProgramme: async (groupId: number) =>
      (
        await db
          .select({ programmeId: programmeGroups.programmeId })
          .from(programmeGroups)
          .where(eq(programmeGroups.id, groupId))
      )[0]?.programmeId,

    directiveProgramme: async (directiveId: number) =>
      (
        await db
          .select({ programmeId: directives.programmeId })
          .from(directives)
          .where(eq(directives.id, directiveId))
      )[0]?.programmeId,

    unitPath: async (unitId: number) =>
      (await db.select({ path: units.path }).from(units).where(eq(units.id, unitId)))[0]?.path,

    insert: async (values: typeof tasks.$inferInsert) =>
      (await db.insert(tasks).values(values).returning())[0]!,

    /** Updates only if the version still matches: the loser of a race gets nothing, not a silent overwrite. */
    updateIfVersion: async (id: number, version: number, values: Partial<typeof tasks.$inferInsert>) =>
      (
        await db
          .update(tasks)
          .set({ ...values, version: sql`${tasks.version} + 1`, updatedAt: new Date() })
          .where(and(eq(tasks.id, id), eq(tasks.version, version)))
          .returning()
      )[0],

    replaceCoordinators: async (taskId: number, unitIds: number[]) => {
      await db.delete(taskCoordinators).where(eq(taskCoordinators.taskId, taskId));
      if (unitIds.length)
        await db.insert(taskCoordinators).values(unitIds.map((unitId) => ({ taskId, unitId })));
    },

    replaceMilestones: async (
      taskId: number,
      ms: { title: string; dueOn: string; doneOn: string | null }[],
    ) => {
      await db.delete(taskMilestones).where(eq(taskMilestones.taskId, taskId));
      if (ms.length) await db.insert(taskMilestones).values(ms.map((m, i) => ({ taskId, ...m, sort: i })));
    },

    addDeadlineChange: (v: typeof taskDeadlineChanges.$inferInsert) =>
      db.insert(taskDeadlineChanges).values(v),

    addHistory: (v: typeof taskHistory.$inferInsert) => db.insert(taskHistory).values(v),
  };
}
export type TasksRepo = ReturnType<typeof createTasksRepo>;

/** Runs `fn` in one transaction with a repository bound to it (and the transaction, for the audit log). */
export const tasksTransaction = <T>(db: Db, fn: (repo: TasksRepo, tx: Db) => Promise<T>): Promise<T> =>
  transactionWith(db, createTasksRepo, fn);
