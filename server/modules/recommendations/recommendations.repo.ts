import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { transactionWith } from '../../db/transaction.js';
import { DEFAULT_ANSWER_WORKING_DAYS, type RecommendationState } from '../../../shared/registers.js';
import type { RegisterScope } from '../obstacles/policy.js';

type Names = { name_vi: string; name_en: string | null; name_ar: string | null };
export type RecommendationRow = {
  id: number;
  programme_id: number;
  from_unit_id: number;
  to_unit_id: number;
  from_path: string;
  to_path: string;
  content: string;
  submitted_on: string;
  answer_due_on: string;
  answer: string | null;
  answered_on: string | null;
  answered_by_name: string | null;
  state: RecommendationState;
  version: number;
};

const under = (col: SQL, paths: string[]) =>
  sql`(${sql.join(
    paths.map((p) => sql`${col} like ${p + '%'}`),
    sql` or `,
  )})`;

/** Sent by or sent to a unit of the scope. */
function scopeSql(scope: RegisterScope): SQL {
  if (scope.kind === 'programme') return sql`true`;
  if (scope.kind === 'none') return sql`false`;
  return sql`(${under(sql`fu.path`, scope.unitPaths)} or ${under(sql`tu.path`, scope.unitPaths)})`;
}

/** The SQL twin of recommendationStateAsOf (rows sent after D are filtered out by the caller). */
const stateSql = (asOf: string) => sql`(case
    when r.answered_on is not null and r.answered_on <= ${asOf}::date
      then case when r.answered_on <= r.answer_due_on then 'answered_on_time' else 'answered_late' end
    when r.answer_due_on < ${asOf}::date then 'overdue' else 'pending' end)`;

const FROM = sql`from recommendations r join units fu on fu.id = r.from_unit_id join units tu on tu.id = r.to_unit_id`;

export type RecommendationFilters = {
  id?: number;
  state?: RecommendationState;
  unitPath?: string;
  direction?: 'from' | 'to';
};

/** The recommendation register: the only SQL of the module. */
export function createRecommendationsRepo(db: Db) {
  const rows = async <T>(q: SQL) => (await db.execute(q)).rows as T[];
  const one = async <T>(q: SQL) => (await rows<T>(q))[0];
  const base = (
    asOf: string,
  ) => sql`select r.id, r.programme_id, r.from_unit_id, r.to_unit_id, fu.path as from_path,
      tu.path as to_path, r.content, r.submitted_on::text as submitted_on, r.answer_due_on::text as answer_due_on,
      r.answer, r.answered_on::text as answered_on, au.display_name as answered_by_name, ${stateSql(asOf)} as state, r.version
    ${FROM} left join users au on au.id = r.answered_by`;
  return {
    units: (ids: number[]) =>
      ids.length
        ? rows<
            Names & { id: number; code: string; path: string }
          >(sql`select id, code, path, name_vi, name_en, name_ar
            from units where id in (${sql.join(
              ids.map((i) => sql`${i}`),
              sql`, `,
            )})`)
        : Promise.resolve([]),

    answerWorkingDays: async (programmeId: number) =>
      (
        await one<{ days: number }>(
          sql`select answer_working_days as days from register_settings where programme_id = ${programmeId}`,
        )
      )?.days ?? DEFAULT_ANSWER_WORKING_DAYS,

    setAnswerWorkingDays: (programmeId: number, days: number) =>
      db.execute(sql`insert into register_settings (programme_id, answer_working_days) values (${programmeId}, ${days})
        on conflict (programme_id) do update set answer_working_days = excluded.answer_working_days`),

    daysOff: async (from: string, to: string) =>
      new Set(
        (
          await rows<{ day: string }>(
            sql`select day::text as day from days_off where day between ${from}::date and ${to}::date`,
          )
        ).map((d) => d.day),
      ),

    insert: (v: {
      programmeId: number;
      fromUnitId: number;
      toUnitId: number;
      content: string;
      submittedOn: string;
      answerDueOn: string;
      by: number | null;
      at: Date;
    }) =>
      one<{
        id: number;
      }>(sql`insert into recommendations (programme_id, from_unit_id, to_unit_id, content, submitted_on,
          answer_due_on, created_by, created_at)
        values (${v.programmeId}, ${v.fromUnitId}, ${v.toUnitId}, ${v.content}, ${v.submittedOn}, ${v.answerDueOn},
          ${v.by}, ${v.at.toISOString()}) returning id`),

    lock: (id: number) =>
      one<{ id: number; version: number; answered_on: string | null }>(
        sql`select id, version, answered_on::text as answered_on from recommendations where id = ${id} for update`,
      ),

    answer: (id: number, v: { answer: string; answeredOn: string; by: number | null }) =>
      db.execute(sql`update recommendations set answer = ${v.answer}, answered_on = ${v.answeredOn},
          answered_by = ${v.by}, version = version + 1 where id = ${id}`),

    programmeOf: (id: number) =>
      one<{ programme_id: number }>(sql`select programme_id from recommendations where id = ${id}`),

    list: (programmeId: number, asOf: string, scope: RegisterScope, f: RecommendationFilters) => {
      const w: SQL[] = [
        sql`r.programme_id = ${programmeId}`,
        sql`r.submitted_on <= ${asOf}::date`,
        scopeSql(scope),
      ];
      if (f.id) w.push(sql`r.id = ${f.id}`);
      if (f.state) w.push(sql`${stateSql(asOf)} = ${f.state}`);
      if (f.unitPath) {
        const from = sql`fu.path like ${f.unitPath + '%'}`;
        const to = sql`tu.path like ${f.unitPath + '%'}`;
        w.push(f.direction === 'from' ? from : f.direction === 'to' ? to : sql`(${from} or ${to})`);
      }
      return rows<RecommendationRow>(sql`${base(asOf)} where ${sql.join(w, sql` and `)}
        order by r.answer_due_on, r.id limit 2000`);
    },

    /** Per handling agency as of D: total, unanswered past due, answered late. */
    byAgency: (programmeId: number, asOf: string, scope: RegisterScope) =>
      rows<Names & { id: number; code: string; total: number; overdue: number; answered_late: number }>(sql`
        select tu.id, tu.code, tu.name_vi, tu.name_en, tu.name_ar, count(*)::int as total,
          count(*) filter (where ${stateSql(asOf)} = 'overdue')::int as overdue,
          count(*) filter (where ${stateSql(asOf)} = 'answered_late')::int as answered_late
        ${FROM} where r.programme_id = ${programmeId} and r.submitted_on <= ${asOf}::date and ${scopeSql(scope)}
        group by tu.id order by overdue desc, answered_late desc, tu.code`),

    byState: (programmeId: number, asOf: string, scope: RegisterScope) =>
      rows<{
        state: RecommendationState;
        n: number;
      }>(sql`select ${stateSql(asOf)} as state, count(*)::int as n
        ${FROM} where r.programme_id = ${programmeId} and r.submitted_on <= ${asOf}::date and ${scopeSql(scope)}
        group by 1`),

    /** Unanswered on D past their due day, for the warning list (the handling agency is listed). */
    overdue: (programmeId: number, asOf: string) =>
      rows<
        Names & {
          id: number;
          to_unit_id: number;
          from_code: string;
          content: string;
          answer_due_on: string;
          days_overdue: number;
        }
      >(sql`select r.id, r.to_unit_id, fu.code as from_code, fu.name_vi, fu.name_en, fu.name_ar, r.content,
          r.answer_due_on::text as answer_due_on, (${asOf}::date - r.answer_due_on)::int as days_overdue
        ${FROM} where r.programme_id = ${programmeId} and r.submitted_on <= ${asOf}::date
          and r.answer_due_on < ${asOf}::date and (r.answered_on is null or r.answered_on > ${asOf}::date)
        order by r.to_unit_id, r.answer_due_on, r.id`),
  };
}
export type RecommendationsRepo = ReturnType<typeof createRecommendationsRepo>;

export const recommendationsTransaction = <T>(db: Db, fn: (r: RecommendationsRepo, tx: Db) => Promise<T>) =>
  transactionWith(db, createRecommendationsRepo, fn);
