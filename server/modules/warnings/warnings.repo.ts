import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { transactionWith } from '../../db/transaction.js';
import type { WarningReason } from '../../db/schema/index.js';
import { tasksAsOfFrom } from '../tasks/task-state.sql.js';

export type ListRow = {
  id: number;
  programme_id: number;
  period: string;
  status: 'draft' | 'published';
  due_at: Date | string;
  computed_at: Date | string;
  as_of: string;
  note: string | null;
  published_at: Date | string | null;
  published_by_name: string | null;
  /** The publisher's unit, to name an office account by its office in the reader's language. */
  published_by_unit_vi?: string | null;
  published_by_unit_en?: string | null;
  published_by_unit_ar?: string | null;
};
export type ListUnitRow = {
  unit_id: number;
  code: string;
  name_vi: string;
  name_en: string | null;
  name_ar: string | null;
  reasons: WarningReason[];
  streak: number;
  note: string | null;
  removed_at: Date | string | null;
  removed_by_name: string | null;
  removed_reason: string | null;
};
export type OverdueRow = {
  unit_id: number;
  task_id: number;
  code: string;
  title: string;
  deadline: string;
  days_overdue: number;
};
export type NewListUnit = { unitId: number; reasons: WarningReason[]; streak: number };

const LIST_COLUMNS = sql`l.id, l.programme_id, l.period, l.status, l.due_at, l.computed_at, l.as_of, l.note,
  l.published_at, pu.display_name as published_by_name,
  (select name_vi from units where id = pu.unit_id) as published_by_unit_vi,
  (select name_en from units where id = pu.unit_id) as published_by_unit_en,
  (select name_ar from units where id = pu.unit_id) as published_by_unit_ar`;

/** Warning lists and the facts they are drawn from; the only SQL of the module. */
export function createWarningsRepo(db: Db) {
  const rows = async <T>(q: SQL) => (await db.execute(q)).rows as T[];
  const one = async <T>(q: SQL) => (await rows<T>(q))[0];
  return {
    /**
     * Tasks overdue on `asOf` (not done by then, deadline in force before it, not cancelled) by
     * lead unit: the successor's, when the lead unit had been merged by then (decision 0050).
     */
    overdue: (programmeId: number, asOf: string) =>
      rows<OverdueRow>(sql`
        select coalesce(case when lu.merged_on <= ${asOf}::date then lu.merged_into_id end, t.lead_unit_id) as unit_id,
               t.id as task_id, t.code, t.title,
               d.deadline_asof::text as deadline, (${asOf}::date - d.deadline_asof)::int as days_overdue
          from ${tasksAsOfFrom(asOf)} join units lu on lu.id = t.lead_unit_id
         where t.programme_id = ${programmeId}
           and (t.completed_on is null or t.completed_on > ${asOf}::date)
           and (t.cancelled_on is null or t.cancelled_on > ${asOf}::date)
           and d.deadline_asof < ${asOf}::date
         order by 1, d.deadline_asof, t.code`),

    byPeriod: (programmeId: number, period: string) =>
      one<ListRow>(sql`select ${LIST_COLUMNS} from warning_lists l left join users pu on pu.id = l.published_by
        where l.programme_id = ${programmeId} and l.period = ${period}`),

    byId: (id: number) =>
      one<ListRow>(sql`select ${LIST_COLUMNS} from warning_lists l left join users pu on pu.id = l.published_by
        where l.id = ${id}`),

    /** Locks the list for the rest of the transaction (recompute, review and publish are serialised). */
    lock: (id: number) =>
      one<ListRow>(sql`select *, null as published_by_name from warning_lists l where id = ${id} for update`),

    summaries: (programmeId: number) =>
      rows<{
        id: number;
        period: string;
        status: 'draft' | 'published';
        due_at: Date | string;
        published_at: Date | string | null;
        unit_count: number;
      }>(sql`
        select l.id, l.period, l.status, l.due_at, l.published_at,
               (select count(*)::int from warning_list_units w where w.list_id = l.id and w.removed_at is null) as unit_count
          from warning_lists l where l.programme_id = ${programmeId}
         order by l.due_at desc`),

    units: (listId: number) =>
      rows<ListUnitRow>(sql`
        select w.unit_id, u.code, u.name_vi, u.name_en, u.name_ar, w.reasons, w.streak, w.note,
               w.removed_at, ru.display_name as removed_by_name, w.removed_reason
          from warning_list_units w join units u on u.id = w.unit_id
          left join users ru on ru.id = w.removed_by
         where w.list_id = ${listId}
         order by w.removed_at is not null, w.streak desc, u.code`),

    /** The units listed (and not removed) in a programme's list of a period, with their streaks. */
    listedIn: async (programmeId: number, period: string) =>
      new Map(
        (
          await rows<{ unit_id: number; streak: number }>(sql`
            select w.unit_id, w.streak from warning_list_units w join warning_lists l on l.id = w.list_id
             where l.programme_id = ${programmeId} and l.period = ${period} and w.removed_at is null`)
        ).map((r) => [r.unit_id, r.streak]),
      ),

    /** The latest published list before a period, for "who joined, who left". */
    previousPublished: (programmeId: number, dueAt: Date) =>
      one<{ id: number; period: string }>(sql`
        select id, period from warning_lists
         where programme_id = ${programmeId} and status = 'published' and due_at < ${dueAt.toISOString()}::timestamptz
         order by due_at desc limit 1`),

    unitRefs: (ids: number[]) =>
      ids.length
        ? rows<{ id: number; code: string; name_vi: string; name_en: string | null; name_ar: string | null }>(
            sql`select id, code, name_vi, name_en, name_ar from units where id in (${sql.join(
              ids.map((i) => sql`${i}`),
              sql`, `,
            )}) order by code`,
          )
        : Promise.resolve([]),

    /** Creates the period's list or, while it is a draft, redraws it; the units' review notes and removals stay. */
    async upsert(
      programmeId: number,
      period: string,
      at: { dueAt: Date; computedAt: Date; asOf: string },
      listed: NewListUnit[],
    ): Promise<number> {
      const list = await one<{ id: number }>(sql`
        insert into warning_lists (programme_id, period, due_at, computed_at, as_of)
        values (${programmeId}, ${period}, ${at.dueAt.toISOString()}, ${at.computedAt.toISOString()}, ${at.asOf})
        on conflict (programme_id, period) do update set computed_at = excluded.computed_at, as_of = excluded.as_of,
          due_at = excluded.due_at
        where warning_lists.status = 'draft'
        returning id`);
      if (!list) return 0;
      // One statement whatever the number of units: the new facts arrive as one JSON document.
      // Units no longer behind go, unless reviewed (a note or a removal): those stay with no reasons.
      const incoming = JSON.stringify(
        listed.map((u) => ({ unit_id: u.unitId, reasons: u.reasons, streak: u.streak })),
      );
      await db.execute(sql`
        with incoming as (
          select * from jsonb_to_recordset(${incoming}::jsonb) as x(unit_id int, reasons jsonb, streak int)),
        gone as (
          delete from warning_list_units w
           where w.list_id = ${list.id} and w.removed_at is null and w.note is null
             and w.unit_id not in (select unit_id from incoming)),
        cleared as (
          update warning_list_units w set reasons = '[]'::jsonb
           where w.list_id = ${list.id} and (w.removed_at is not null or w.note is not null)
             and w.unit_id not in (select unit_id from incoming))
        insert into warning_list_units (list_id, unit_id, reasons, streak)
        select ${list.id}, i.unit_id, i.reasons, i.streak from incoming i
        on conflict (list_id, unit_id) do update set reasons = excluded.reasons, streak = excluded.streak`);
      return list.id;
    },

    setNote: (id: number, note: string | null) =>
      db.execute(sql`update warning_lists set note = ${note} where id = ${id}`),

    setUnitNote: async (id: number, unitId: number, note: string | null) =>
      (
        await rows(sql`update warning_list_units set note = ${note} where list_id = ${id} and unit_id = ${unitId}
          returning unit_id`)
      ).length > 0,

    removeUnit: async (id: number, unitId: number, by: number, reason: string, at: Date) =>
      (
        await rows(sql`update warning_list_units set removed_at = ${at.toISOString()}, removed_by = ${by},
          removed_reason = ${reason} where list_id = ${id} and unit_id = ${unitId} and removed_at is null
          returning unit_id`)
      ).length > 0,

    restoreUnit: async (id: number, unitId: number) =>
      (
        await rows(sql`update warning_list_units set removed_at = null, removed_by = null, removed_reason = null
          where list_id = ${id} and unit_id = ${unitId} returning unit_id`)
      ).length > 0,

    publish: (id: number, by: number, at: Date) =>
      db.execute(sql`update warning_lists set status = 'published', published_at = ${at.toISOString()},
        published_by = ${by} where id = ${id}`),
  };
}
export type WarningsRepo = ReturnType<typeof createWarningsRepo>;

/** Runs `fn` in a transaction with the repository and the transaction (for the audit log) bound to it. */
export const warningsTransaction = <T>(db: Db, fn: (repo: WarningsRepo, tx: Db) => Promise<T>): Promise<T> =>
  transactionWith(db, createWarningsRepo, fn);
