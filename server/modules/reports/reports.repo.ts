import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { transactionWith } from '../../db/transaction.js';

/** Timestamps come back as text from raw queries; one place turns them into instants. */
export const instant = (v: Date | string | null | undefined): Date | null =>
  v === null || v === undefined
    ? null
    : v instanceof Date
      ? v
      : new Date(
          v.includes('T') || v.endsWith('Z') ? v : v.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00'),
        );

export type ReportRow = {
  id: number;
  programme_id: number;
  unit_id: number;
  period: string;
  status: 'draft' | 'submitted' | 'approved' | 'returned';
  version: number;
  revision: number;
  first_submitted_at: Date | string | null;
  submitted_at: Date | string | null;
  approved_at: Date | string | null;
  returned_at: Date | string | null;
  return_comment: string | null;
};
export type UnitRow = {
  id: number;
  code: string;
  name_vi: string;
  name_en: string | null;
  name_ar: string | null;
  path: string;
};
export type OpenTaskRow = {
  task_id: number;
  code: string;
  title: string;
  deadline: string;
  role: 'lead' | 'coordinate';
  progress: number;
};
export type EntryRow = {
  task_id: number;
  code: string;
  title: string;
  deadline: string;
  role: 'lead' | 'coordinate';
  percent: number;
  done: string;
  next: string;
  obstacles: string;
  below_reason: string | null;
};
export type EntryInput = {
  taskId: number;
  role: 'lead' | 'coordinate';
  percent: number;
  done: string;
  next: string;
  obstacles: string;
  belowReason: string | null;
};

/**
 * The units whose tasks a unit reports on in a period starting on `start`: itself, unless it was
 * merged by then, and the units merged into it by then (decision 0050).
 */
const reportingForSql = (unitId: number, start: string) => sql`(
  select ${unitId}::int as id
   where not exists (select 1 from units m where m.id = ${unitId} and m.merged_on <= ${start}::date)
  union all
  select m.id from units m where m.merged_into_id = ${unitId} and m.merged_on <= ${start}::date)`;

/**
 * Tasks a unit reports on in a period: it (or a unit merged into it by then) leads or
 * coordinates them, they are neither done nor cancelled before it starts, and they have started
 * by its end.
 */
const openTasksSql = (programmeId: number, unitId: number, start: string, end: string) => sql`
  with r as ${reportingForSql(unitId, start)}
  select t.id as task_id, t.code, t.title, t.deadline, 'lead' as role, t.progress
    from tasks t
   where t.programme_id = ${programmeId} and t.lead_unit_id in (select id from r)
     and (t.completed_on is null or t.completed_on >= ${start}::date)
     and (t.cancelled_on is null or t.cancelled_on > ${start}::date)
     and (t.start_date is null or t.start_date <= ${end}::date)
  union all
  select distinct t.id, t.code, t.title, t.deadline, 'coordinate', t.progress
    from task_coordinators c join tasks t on t.id = c.task_id
   where c.unit_id in (select id from r) and t.programme_id = ${programmeId}
     and t.lead_unit_id not in (select id from r)
     and (t.completed_on is null or t.completed_on >= ${start}::date)
     and (t.cancelled_on is null or t.cancelled_on > ${start}::date)
     and (t.start_date is null or t.start_date <= ${end}::date)`;

export function createReportsRepo(db: Db) {
  const rows = async <T>(q: SQL) => (await db.execute(q)).rows as T[];
  const one = async <T>(q: SQL) => (await rows<T>(q))[0];

  return {
    unit: (id: number) =>
      one<UnitRow>(sql`select id, code, name_vi, name_en, name_ar, path from units where id = ${id}`),

    daysOff: async (from: string, to: string) =>
      new Set(
        (
          await rows<{ day: string }>(
            sql`select day from days_off where day between ${from}::date and ${to}::date`,
          )
        ).map((r) => r.day),
      ),

    byId: (id: number) => one<ReportRow>(sql`select * from progress_reports where id = ${id}`),

    /** Locks the row for the rest of the transaction: two saves of one report are serialised. */
    byIdForUpdate: (id: number) =>
      one<ReportRow>(sql`select * from progress_reports where id = ${id} for update`),

    find: (programmeId: number, unitId: number, period: string) =>
      one<ReportRow>(sql`select * from progress_reports
        where programme_id = ${programmeId} and unit_id = ${unitId} and period = ${period}`),

    /** Creates the report unless another request just did (then returns nothing). */
    insert: (programmeId: number, unitId: number, period: string, actorId: number | null) =>
      one<ReportRow>(sql`insert into progress_reports (programme_id, unit_id, period, created_by, updated_by)
        values (${programmeId}, ${unitId}, ${period}, ${actorId}, ${actorId})
        on conflict (programme_id, unit_id, period) do nothing returning *`),

    openTasks: (programmeId: number, unitId: number, start: string, end: string) =>
      rows<OpenTaskRow>(sql`${openTasksSql(programmeId, unitId, start, end)} order by 2`),

    /** The entries of the unit's latest earlier report, to pre-fill a new one. */
    previousEntries: (programmeId: number, unitId: number, period: string) =>
      rows<{ task_id: number; percent: number; done: string; next: string; obstacles: string }>(sql`
        select e.task_id, e.percent, e.done, e.next, e.obstacles from progress_report_entries e
         where e.report_id = (select r.id from progress_reports r
                               where r.programme_id = ${programmeId} and r.unit_id = ${unitId} and r.period < ${period}
                               order by r.period desc limit 1)`),

    /** The highest percent the unit had approved for each task in earlier periods. */
    lastApproved: (programmeId: number, unitId: number, period: string) =>
      rows<{ task_id: number; percent: number }>(sql`
        select e.task_id, max(e.percent)::int as percent from progress_report_entries e
          join progress_reports r on r.id = e.report_id
         where r.programme_id = ${programmeId} and r.unit_id = ${unitId} and r.period < ${period}
           and r.status = 'approved'
         group by e.task_id`),

    /** What the coordinating units said this period about the tasks a unit leads (sent reports only). */
    partnerEntries: (programmeId: number, period: string, leadUnitId: number) =>
      rows<{
        task_id: number;
        unit_id: number;
        code: string;
        name_vi: string;
        name_en: string | null;
        name_ar: string | null;
        status: string;
        percent: number;
        done: string;
        obstacles: string;
      }>(sql`
        select e.task_id, u.id as unit_id, u.code, u.name_vi, u.name_en, u.name_ar, r.status, e.percent, e.done, e.obstacles
          from progress_report_entries e
          join progress_reports r on r.id = e.report_id
          join tasks t on t.id = e.task_id
          join units u on u.id = r.unit_id
         where r.programme_id = ${programmeId} and r.period = ${period} and e.role = 'coordinate'
           and t.lead_unit_id = ${leadUnitId} and r.status <> 'draft'
         order by u.code`),

    /** Obstacles raised from this report's entries (obstacles module), by task. */
    obstaclesRaised: (reportId: number) =>
      rows<{ id: number; task_id: number }>(sql`select id, report_task_id as task_id from obstacles
        where report_id = ${reportId} order by id`),

    entries: (reportId: number) =>
      rows<EntryRow>(sql`select e.task_id, t.code, t.title, t.deadline, e.role, e.percent, e.done, e.next,
          e.obstacles, e.below_reason
        from progress_report_entries e join tasks t on t.id = e.task_id
        where e.report_id = ${reportId} order by t.code`),

    async replaceEntries(reportId: number, entries: EntryInput[]) {
      await db.execute(sql`delete from progress_report_entries where report_id = ${reportId}`);
      if (!entries.length) return;
      const values = sql.join(
        entries.map(
          (e) =>
            sql`(${reportId}, ${e.taskId}, ${e.role}, ${e.percent}, ${e.done}, ${e.next}, ${e.obstacles}, ${e.belowReason})`,
        ),
        sql`, `,
      );
      await db.execute(sql`insert into progress_report_entries
        (report_id, task_id, role, percent, done, next, obstacles, below_reason) values ${values}`);
    },

    /** Applies a change if nobody saved since `version`; returns the new row, or nothing when stale. */
    update: (
      id: number,
      version: number,
      set: Partial<{
        status: ReportRow['status'];
        revision: number;
        firstSubmittedAt: Date;
        submittedAt: Date;
        approvedAt: Date | null;
        approvedBy: number | null;
        returnedAt: Date | null;
        returnComment: string | null;
      }>,
      actorId: number | null,
      at: Date,
    ) => {
      const cols: SQL[] = [
        sql`version = version + 1`,
        sql`updated_by = ${actorId}`,
        sql`updated_at = ${at.toISOString()}`,
      ];
      const col = (name: string, v: unknown) =>
        cols.push(sql`${sql.raw(name)} = ${v instanceof Date ? v.toISOString() : v}`);
      if (set.status !== undefined) col('status', set.status);
      if (set.revision !== undefined) col('revision', set.revision);
      if (set.firstSubmittedAt !== undefined) col('first_submitted_at', set.firstSubmittedAt);
      if (set.submittedAt !== undefined) col('submitted_at', set.submittedAt);
      if (set.approvedAt !== undefined) col('approved_at', set.approvedAt);
      if (set.approvedBy !== undefined) col('approved_by', set.approvedBy);
      if (set.returnedAt !== undefined) col('returned_at', set.returnedAt);
      if (set.returnComment !== undefined) col('return_comment', set.returnComment);
      return one<ReportRow>(sql`update progress_reports set ${sql.join(cols, sql`, `)}
        where id = ${id} and version = ${version} returning *`);
    },

    addEvent: (e: {
      reportId: number;
      actorId: number | null;
      action: string;
      comment?: string | null;
      revision: number;
      snapshot?: unknown;
      at: Date;
    }) =>
      db.execute(sql`insert into progress_report_events (report_id, at, actor_id, action, comment, revision, snapshot)
        values (${e.reportId}, ${e.at.toISOString()}, ${e.actorId}, ${e.action}, ${e.comment ?? null}, ${e.revision},
                ${e.snapshot === undefined ? null : JSON.stringify(e.snapshot)}::jsonb)`),

    events: (reportId: number) =>
      rows<{
        at: Date | string;
        actor: string | null;
        action: string;
        comment: string | null;
        revision: number;
      }>(sql`
        select e.at, u.display_name as actor, e.action, e.comment, e.revision
          from progress_report_events e left join users u on u.id = e.actor_id
         where e.report_id = ${reportId} order by e.at, e.id`),

    list: (f: {
      programmeId: number;
      period?: string;
      unitId?: number;
      status?: string;
      unitPaths: string[] | null;
      withDrafts: boolean;
    }) =>
      rows<ReportRow & UnitRow & { unit_code: string; entry_count: number }>(sql`
        select r.*, u.code as unit_code, u.name_vi, u.name_en, u.name_ar, u.path,
               (select count(*)::int from progress_report_entries e where e.report_id = r.id) as entry_count
          from progress_reports r join units u on u.id = r.unit_id
         where r.programme_id = ${f.programmeId}
           ${f.period ? sql`and r.period = ${f.period}` : sql``}
           ${f.unitId ? sql`and r.unit_id = ${f.unitId}` : sql``}
           ${f.status ? sql`and r.status = ${f.status}` : sql``}
           ${f.withDrafts ? sql`` : sql`and r.status <> 'draft'`}
           ${
             f.unitPaths
               ? f.unitPaths.length
                 ? sql`and (${sql.join(
                     f.unitPaths.map((p) => sql`u.path like ${p + '%'}`),
                     sql` or `,
                   )})`
                 : sql`and false`
               : sql``
           }
         order by r.period desc, u.code limit 1000`),

    /** The lead unit's reported percent becomes the task's progress (and its first activity). */
    applyProgress: async (taskId: number, percent: number, actorId: number | null, day: string, at: Date) => {
      const before = await one<{ progress: number }>(
        sql`select progress from tasks where id = ${taskId} for update`,
      );
      if (!before || before.progress === percent) return;
      await db.execute(sql`update tasks set progress = ${percent}, version = version + 1, updated_at = ${at.toISOString()},
          first_activity_on = case when ${percent} > 0 then coalesce(first_activity_on, ${day}::date) else first_activity_on end
        where id = ${taskId}`);
      await db.execute(sql`insert into task_history (task_id, at, actor_id, action, changes)
        values (${taskId}, ${at.toISOString()}, ${actorId}, 'reported',
                ${JSON.stringify({ progress: { from: before.progress, to: percent } })}::jsonb)`);
    },
  };
}
export type ReportsRepo = ReturnType<typeof createReportsRepo>;

export const reportsTransaction = <T>(db: Db, fn: (repo: ReportsRepo, tx: Db) => Promise<T>): Promise<T> =>
  transactionWith(db, createReportsRepo, fn);
