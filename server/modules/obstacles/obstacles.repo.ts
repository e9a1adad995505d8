import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { transactionWith } from '../../db/transaction.js';
import type { ObstacleCategory, ObstacleSeverity, ObstacleStatus } from '../../../shared/registers.js';
import type { RegisterScope } from './policy.js';

type Names = { name_vi: string; name_en: string | null; name_ar: string | null };
export type UnitFacts = Names & { id: number; code: string; path: string };
export type ObstacleRow = {
  id: number;
  programme_id: number;
  title: string;
  description: string;
  category: ObstacleCategory;
  severity: ObstacleSeverity;
  raised_by_unit_id: number;
  report_id: number | null;
  report_task_id: number | null;
  report_period: string | null;
  owner_unit_id: number;
  raised_on: string;
  due_on: string | null;
  status_asof: ObstacleStatus;
  resolution: string | null;
  resolved_on: string | null;
  version: number;
  raised_by_path: string;
  owner_path: string;
};

/** The path-prefix test of a unit column against the actor's subtrees. */
const under = (col: SQL, paths: string[]) =>
  sql`(${sql.join(
    paths.map((p) => sql`${col} like ${p + '%'}`),
    sql` or `,
  )})`;

/** Raised by, owned by or linked to a unit of the scope. */
export function obstacleScopeSql(scope: RegisterScope): SQL {
  if (scope.kind === 'programme') return sql`true`;
  if (scope.kind === 'none') return sql`false`;
  const p = scope.unitPaths;
  return sql`(${under(sql`ru.path`, p)} or ${under(sql`ou.path`, p)} or exists (
    select 1 from obstacle_units ol join units lu on lu.id = ol.unit_id
    where ol.obstacle_id = o.id and ${under(sql`lu.path`, p)}))`;
}

/** The status on D: the latest event effective by D (no row: not raised yet). The SQL twin of obstacleStatusAsOf. */
const statusAsOf = (
  asOf: string,
) => sql`cross join lateral (select e.status as status_asof from obstacle_events e
    where e.obstacle_id = o.id and e.effective_on <= ${asOf}::date order by e.effective_on desc, e.id desc limit 1) s`;

const FROM = (asOf: string) => sql`from obstacles o join units ru on ru.id = o.raised_by_unit_id
  join units ou on ou.id = o.owner_unit_id ${statusAsOf(asOf)}`;

const SELECT = (
  asOf: string,
) => sql`select o.id, o.programme_id, o.title, o.description, o.category, o.severity,
    o.raised_by_unit_id, o.report_id, o.report_task_id, pr.period as report_period, o.owner_unit_id,
    o.raised_on::text as raised_on, o.due_on::text as due_on, s.status_asof, o.resolution, o.resolved_on::text as resolved_on,
    o.version, ru.path as raised_by_path, ou.path as owner_path
  ${FROM(asOf)} left join progress_reports pr on pr.id = o.report_id`;

export type ObstacleFilters = {
  id?: number;
  status?: ObstacleStatus;
  category?: ObstacleCategory;
  unitPath?: string;
  taskId?: number;
  overdue?: boolean;
};

function filtersSql(f: ObstacleFilters, asOf: string): SQL {
  const w: SQL[] = [];
  if (f.id) w.push(sql`o.id = ${f.id}`);
  if (f.status) w.push(sql`s.status_asof = ${f.status}`);
  if (f.category) w.push(sql`o.category = ${f.category}`);
  if (f.unitPath)
    w.push(sql`(${under(sql`ru.path`, [f.unitPath])} or ${under(sql`ou.path`, [f.unitPath])} or exists (
      select 1 from obstacle_units fl join units fu on fu.id = fl.unit_id
      where fl.obstacle_id = o.id and fu.path like ${f.unitPath + '%'}))`);
  if (f.taskId)
    w.push(
      sql`exists (select 1 from obstacle_tasks ft where ft.obstacle_id = o.id and ft.task_id = ${f.taskId})`,
    );
  if (f.overdue === true) w.push(sql`(s.status_asof <> 'resolved' and o.due_on < ${asOf}::date)`);
  if (f.overdue === false)
    w.push(sql`not (s.status_asof <> 'resolved' and coalesce(o.due_on < ${asOf}::date, false))`);
  return w.length ? sql.join(w, sql` and `) : sql`true`;
}

/** The obstacle register: the only SQL of the module. */
export function createObstaclesRepo(db: Db) {
  const rows = async <T>(q: SQL) => (await db.execute(q)).rows as T[];
  const one = async <T>(q: SQL) => (await rows<T>(q))[0];
  return {
    units: (ids: number[]) =>
      ids.length
        ? rows<UnitFacts>(sql`select id, code, path, name_vi, name_en, name_ar from units
            where id in (${sql.join(
              ids.map((i) => sql`${i}`),
              sql`, `,
            )})`)
        : Promise.resolve([] as UnitFacts[]),

    tasks: (ids: number[]) =>
      ids.length
        ? rows<{
            id: number;
            programme_id: number;
            code: string;
          }>(sql`select id, programme_id, code from tasks
            where id in (${sql.join(
              ids.map((i) => sql`${i}`),
              sql`, `,
            )})`)
        : Promise.resolve([]),

    /** Units and tasks by code, for the XLSX imports (the files name them by code). */
    unitsByCode: (codes: string[]) =>
      codes.length
        ? rows<UnitFacts>(
            sql`select id, code, path, name_vi, name_en, name_ar from units where code in ${codes}`,
          )
        : Promise.resolve([] as UnitFacts[]),
    tasksByCode: (programmeId: number, codes: string[]) =>
      codes.length
        ? rows<{ id: number; code: string }>(
            sql`select id, code from tasks where programme_id = ${programmeId} and code in ${codes}`,
          )
        : Promise.resolve([]),

    /** A weekly report's entry for a task, with the report's unit and programme. */
    entry: (reportId: number, taskId: number) =>
      one<{ task_id: number; report_id: number; unit_id: number; programme_id: number }>(
        sql`select e.task_id, r.id as report_id, r.unit_id, r.programme_id
          from progress_report_entries e join progress_reports r on r.id = e.report_id
          where r.id = ${reportId} and e.task_id = ${taskId}`,
      ),

    insert: (v: {
      programmeId: number;
      title: string;
      description: string;
      category: ObstacleCategory;
      severity: ObstacleSeverity;
      raisedByUnitId: number;
      report: { reportId: number; taskId: number } | null;
      ownerUnitId: number;
      raisedOn: string;
      dueOn: string | null;
      by: number | null;
      at: Date;
    }) =>
      one<{ id: number }>(sql`insert into obstacles (programme_id, title, description, category, severity,
          raised_by_unit_id, report_id, report_task_id, owner_unit_id, raised_on, due_on, status, created_by, created_at, updated_at)
        values (${v.programmeId}, ${v.title}, ${v.description}, ${v.category}, ${v.severity}, ${v.raisedByUnitId},
          ${v.report?.reportId ?? null}, ${v.report?.taskId ?? null}, ${v.ownerUnitId}, ${v.raisedOn}, ${v.dueOn}, 'open', ${v.by}, ${v.at.toISOString()},
          ${v.at.toISOString()}) returning id`),

    setLinks: async (id: number, taskIds: number[] | undefined, unitIds: number[] | undefined) => {
      if (taskIds) {
        await db.execute(sql`delete from obstacle_tasks where obstacle_id = ${id}`);
        if (taskIds.length)
          await db.execute(sql`insert into obstacle_tasks (obstacle_id, task_id) values
            ${sql.join(
              taskIds.map((t) => sql`(${id}, ${t})`),
              sql`, `,
            )} on conflict do nothing`);
      }
      if (unitIds) {
        await db.execute(sql`delete from obstacle_units where obstacle_id = ${id}`);
        if (unitIds.length)
          await db.execute(sql`insert into obstacle_units (obstacle_id, unit_id) values
            ${sql.join(
              unitIds.map((u) => sql`(${id}, ${u})`),
              sql`, `,
            )} on conflict do nothing`);
      }
    },

    addEvent: (v: {
      obstacleId: number;
      status: ObstacleStatus;
      effectiveOn: string;
      note: string | null;
      by: number | null;
      at: Date;
    }) =>
      db.execute(sql`insert into obstacle_events (obstacle_id, status, effective_on, note, actor_id, at)
        values (${v.obstacleId}, ${v.status}, ${v.effectiveOn}, ${v.note}, ${v.by}, ${v.at.toISOString()})`),

    lock: (id: number) =>
      one<{ id: number; version: number; status: ObstacleStatus; raised_on: string }>(
        sql`select id, version, status, raised_on::text as raised_on from obstacles where id = ${id} for update`,
      ),

    update: (
      id: number,
      v: Partial<{
        title: string;
        description: string;
        category: ObstacleCategory;
        severity: ObstacleSeverity;
        ownerUnitId: number;
        dueOn: string | null;
      }>,
      at: Date,
    ) => {
      const cols: Record<string, string> = {
        title: 'title',
        description: 'description',
        category: 'category',
        severity: 'severity',
        ownerUnitId: 'owner_unit_id',
        dueOn: 'due_on',
      };
      const sets = Object.entries(v)
        .filter(([, x]) => x !== undefined)
        .map(([k, x]) => sql`${sql.identifier(cols[k]!)} = ${x}`);
      return db.execute(
        sql`update obstacles set ${sql.join(
          [...sets, sql`updated_at = ${at.toISOString()}`, sql`version = version + 1`],
          sql`, `,
        )} where id = ${id}`,
      );
    },

    setStatus: (
      id: number,
      v: { status: ObstacleStatus; resolution: string | null; resolvedOn: string | null; at: Date },
    ) =>
      db.execute(sql`update obstacles set status = ${v.status}, resolution = coalesce(${v.resolution}, resolution),
          resolved_on = ${v.resolvedOn}, updated_at = ${v.at.toISOString()}, version = version + 1 where id = ${id}`),

    programmeOf: (id: number) =>
      one<{ programme_id: number }>(sql`select programme_id from obstacles where id = ${id}`),

    list: (programmeId: number, asOf: string, scope: RegisterScope, f: ObstacleFilters) =>
      rows<ObstacleRow>(sql`${SELECT(asOf)} where o.programme_id = ${programmeId} and ${obstacleScopeSql(scope)}
        and ${filtersSql(f, asOf)} order by (s.status_asof = 'resolved'), o.due_on nulls last, o.id limit 2000`),

    /** Linked tasks and units of many obstacles, and their history. */
    links: async (ids: number[]) => {
      if (!ids.length) return { tasks: [], units: [], history: [] };
      const list = sql.join(
        ids.map((i) => sql`${i}`),
        sql`, `,
      );
      const [tasks, units, history] = await Promise.all([
        rows<{
          obstacle_id: number;
          id: number;
          code: string;
          title: string;
        }>(sql`select l.obstacle_id, t.id, t.code, t.title
          from obstacle_tasks l join tasks t on t.id = l.task_id where l.obstacle_id in (${list}) order by t.code`),
        rows<
          Names & { obstacle_id: number; id: number; code: string }
        >(sql`select l.obstacle_id, u.id, u.code,
            u.name_vi, u.name_en, u.name_ar
          from obstacle_units l join units u on u.id = l.unit_id where l.obstacle_id in (${list}) order by u.code`),
        rows<{
          obstacle_id: number;
          status: ObstacleStatus;
          effective_on: string;
          note: string | null;
          actor: string | null;
          at: Date | string;
        }>(sql`select e.obstacle_id, e.status, e.effective_on::text as effective_on, e.note, u.display_name as actor, e.at
          from obstacle_events e left join users u on u.id = e.actor_id where e.obstacle_id in (${list})
          order by e.effective_on, e.id`),
      ]);
      return { tasks, units, history };
    },

    /** Counts by category and status as of D, in the scope. */
    counts: (programmeId: number, asOf: string, scope: RegisterScope) =>
      rows<{
        category: ObstacleCategory;
        status: ObstacleStatus;
        n: number;
      }>(sql`select o.category, s.status_asof as status,
          count(*)::int as n ${FROM(asOf)}
        where o.programme_id = ${programmeId} and ${obstacleScopeSql(scope)} group by 1, 2`),

    /** Unresolved on D past their due day, most overdue first. */
    overdue: (programmeId: number, asOf: string, scope: RegisterScope) =>
      rows<
        Names & {
          id: number;
          title: string;
          due_on: string;
          days_overdue: number;
          owner_id: number;
          owner_code: string;
        }
      >(
        sql`select o.id, o.title, o.due_on::text as due_on, (${asOf}::date - o.due_on)::int as days_overdue,
            ou.id as owner_id, ou.code as owner_code, ou.name_vi, ou.name_en, ou.name_ar ${FROM(asOf)}
          where o.programme_id = ${programmeId} and ${obstacleScopeSql(scope)}
            and s.status_asof <> 'resolved' and o.due_on < ${asOf}::date
          order by o.due_on, o.id limit 500`,
      ),

    /** Obstacles open on D that block a task. */
    blocking: (taskId: number, asOf: string, scope: RegisterScope) =>
      rows<
        Names & {
          id: number;
          title: string;
          category: ObstacleCategory;
          status: ObstacleStatus;
          due_on: string | null;
          owner_id: number;
          owner_code: string;
        }
      >(sql`select o.id, o.title, o.category, s.status_asof as status,
          o.due_on::text as due_on, ou.id as owner_id, ou.code as owner_code, ou.name_vi, ou.name_en, ou.name_ar ${FROM(asOf)}
        join obstacle_tasks l on l.obstacle_id = o.id and l.task_id = ${taskId}
        where s.status_asof <> 'resolved' and ${obstacleScopeSql(scope)} order by o.id`),
  };
}
export type ObstaclesRepo = ReturnType<typeof createObstaclesRepo>;

export const obstaclesTransaction = <T>(db: Db, fn: (r: ObstaclesRepo, tx: Db) => Promise<T>) =>
  transactionWith(db, createObstaclesRepo, fn);
