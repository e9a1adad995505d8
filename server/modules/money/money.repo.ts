import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { transactionWith } from '../../db/transaction.js';
import {
  capitalPlanRevisions,
  capitalPlans,
  disbursementThresholds,
  disbursements,
} from '../../db/schema/index.js';

/** Unit subtrees a reader is limited to (null: the whole programme). */
export type MoneyScope = string[] | null;

type Names = { name_vi: string; name_en: string | null; name_ar: string | null };
export type PlanRow = Names & {
  id: number;
  programme_id: number;
  code: string;
  unit_id: number;
  unit_code: string;
  unit_path: string;
  task_id: number | null;
  task_code: string | null;
  task_title: string | null;
  project: string | null;
  source: string;
  year: number;
  allocated: string;
  disbursed: string;
};
export type AggregateRow = Names & { key: string; allocated: string; disbursed: string };
export type WeeklyRow = Names & {
  unit_id: number;
  code: string;
  allocated: string;
  disbursed: string;
  allocated_prev: string;
  disbursed_prev: string;
};

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
const inScope = (scope: MoneyScope): SQL =>
  scope === null
    ? sql`true`
    : scope.length === 0
      ? sql`false`
      : sql`(${sql.join(
          scope.map((p) => sql`u.path like ${escapeLike(p) + '%'}`),
          sql` or `,
        )})`;

/** Amount in force on a date: the latest revision effective by then. */
const allocatedOn = (asOf: string) => sql`coalesce((select r.amount from capital_plan_revisions r
  where r.plan_id = cp.id and r.effective_from <= ${asOf}::date
  order by r.effective_from desc, r.id desc limit 1), 0)`;
const paidBy = (asOf: string) => sql`coalesce((select sum(d.amount) from disbursements d
  where d.plan_id = cp.id and d.paid_on <= ${asOf}::date), 0)`;

/** Capital plans, their revisions and payments, and the rates drawn from them: the module's only SQL. */
export function createMoneyRepo(db: Db) {
  const rows = async <T>(q: SQL) => (await db.execute(q)).rows as T[];
  const one = async <T>(q: SQL) => (await rows<T>(q))[0];

  const plansSql = (where: SQL, asOf: string) => sql`
    select cp.id, cp.programme_id, cp.code, cp.unit_id, u.code as unit_code, u.path as unit_path,
           u.name_vi, u.name_en, u.name_ar, cp.task_id, t.code as task_code, t.title as task_title,
           cp.project, cp.source, cp.year,
           ${allocatedOn(asOf)}::text as allocated, ${paidBy(asOf)}::text as disbursed
      from capital_plans cp join units u on u.id = cp.unit_id left join tasks t on t.id = cp.task_id
     where ${where}`;

  return {
    plans: (f: { programmeId: number; year?: number; unitId?: number; asOf: string; scope: MoneyScope }) =>
      rows<PlanRow>(
        sql`${plansSql(
          sql`cp.programme_id = ${f.programmeId} and ${inScope(f.scope)}
          ${f.year ? sql`and cp.year = ${f.year}` : sql``}
          ${f.unitId ? sql`and cp.unit_id = ${f.unitId}` : sql``}`,
          f.asOf,
        )} order by cp.year desc, u.code, cp.code limit 5000`,
      ),

    plan: (id: number, asOf: string) => one<PlanRow>(plansSql(sql`cp.id = ${id}`, asOf)),

    plansByCode: (programmeId: number, codes: string[]) =>
      codes.length
        ? rows<{ id: number; code: string; year: number; unit_path: string }>(sql`
            select cp.id, cp.code, cp.year, u.path as unit_path from capital_plans cp join units u on u.id = cp.unit_id
             where cp.programme_id = ${programmeId} and cp.code in ${codes}`)
        : Promise.resolve([]),

    revisions: (planId: number) =>
      db
        .select()
        .from(capitalPlanRevisions)
        .where(sql`${capitalPlanRevisions.planId} = ${planId}`)
        .orderBy(capitalPlanRevisions.effectiveFrom, capitalPlanRevisions.id),
    payments: (planId: number) =>
      db
        .select()
        .from(disbursements)
        .where(sql`${disbursements.planId} = ${planId}`)
        .orderBy(disbursements.paidOn, disbursements.id),

    unitRef: (id: number) =>
      one<{ id: number; path: string }>(sql`select id, path from units where id = ${id}`),
    taskRef: (id: number) =>
      one<{ id: number; programme_id: number }>(sql`select id, programme_id from tasks where id = ${id}`),

    /** Units by code, for the imports (each file names units by their code). */
    unitsByCode: (codes: string[]) =>
      codes.length
        ? rows<{ id: number; code: string; path: string }>(
            sql`select id, code, path from units where code in ${codes}`,
          )
        : Promise.resolve([]),
    tasksByCode: (programmeId: number, codes: string[]) =>
      codes.length
        ? rows<{ id: number; code: string }>(
            sql`select id, code from tasks where programme_id = ${programmeId} and code in ${codes}`,
          )
        : Promise.resolve([]),

    insertPlan: async (v: typeof capitalPlans.$inferInsert) =>
      (await db.insert(capitalPlans).values(v).onConflictDoNothing().returning())[0],
    insertRevision: (v: typeof capitalPlanRevisions.$inferInsert) =>
      db.insert(capitalPlanRevisions).values(v),
    insertPayments: async (v: (typeof disbursements.$inferInsert)[]) =>
      v.length
        ? db.insert(disbursements).values(v).onConflictDoNothing().returning({ id: disbursements.id })
        : [],

    /** Locks the plan so that concurrent payments and revisions are checked one after the other. */
    lockPlan: (id: number) =>
      one<{ id: number }>(sql`select id from capital_plans where id = ${id} for update`),

    /** What a plan's payments and revisions add up to, for the checks on a new payment. */
    planFacts: (id: number) =>
      one<{
        max_amount: string | null;
        latest_amount: string | null;
        first_effective: string | null;
        paid_total: string;
        payments: { paidOn: string; amount: string; reference: string | null }[];
        revisions: { effectiveFrom: string; amount: string }[];
      }>(sql`select
          (select max(amount)::text from capital_plan_revisions where plan_id = ${id}) as max_amount,
          (select amount::text from capital_plan_revisions where plan_id = ${id}
            order by effective_from desc, id desc limit 1) as latest_amount,
          (select min(effective_from)::text from capital_plan_revisions where plan_id = ${id}) as first_effective,
          coalesce((select sum(amount) from disbursements where plan_id = ${id}), 0)::text as paid_total,
          coalesce((select json_agg(json_build_object('paidOn', paid_on::text, 'amount', amount::text, 'reference', reference) order by paid_on)
            from disbursements where plan_id = ${id}), '[]') as payments,
          coalesce((select json_agg(json_build_object('effectiveFrom', effective_from::text, 'amount', amount::text)
            order by effective_from, id) from capital_plan_revisions where plan_id = ${id}), '[]') as revisions`),

    /** Allocated and disbursed as of a date, grouped by unit, task, group or source. */
    aggregate: (f: {
      programmeId: number;
      year: number;
      asOf: string;
      by: 'unit' | 'task' | 'group' | 'source';
      scope: MoneyScope;
    }) => {
      const key = {
        unit: sql`cp.unit_id::text`,
        task: sql`coalesce(cp.task_id::text, 'project:' || coalesce(cp.project, cp.code))`,
        group: sql`coalesce(t.group_id::text, '-')`,
        source: sql`cp.source`,
      }[f.by];
      const names = {
        unit: sql`min(u.name_vi) as name_vi, min(u.name_en) as name_en, min(u.name_ar) as name_ar`,
        task: sql`min(coalesce(t.code || ' ' || t.title, cp.project, cp.code)) as name_vi, null as name_en, null as name_ar`,
        group: sql`min(g.name_vi) as name_vi, min(g.name_en) as name_en, min(g.name_ar) as name_ar`,
        source: sql`cp.source as name_vi, null as name_en, null as name_ar`,
      }[f.by];
      return rows<AggregateRow>(sql`
        select ${key} as key, ${names},
               sum(${allocatedOn(f.asOf)})::text as allocated, sum(${paidBy(f.asOf)})::text as disbursed
          from capital_plans cp join units u on u.id = cp.unit_id
          left join tasks t on t.id = cp.task_id left join programme_groups g on g.id = t.group_id
         where cp.programme_id = ${f.programmeId} and cp.year = ${f.year} and ${inScope(f.scope)}
         group by ${key}
         order by 1`);
    },

    /** Totals of a programme, or of a unit subtree, as of a date (and of last year for the season). */
    totals: (f: { programmeId: number; year: number; asOf: string; scope: MoneyScope }) =>
      one<{ allocated: string; disbursed: string }>(sql`
        select coalesce(sum(${allocatedOn(f.asOf)}), 0)::text as allocated,
               coalesce(sum(${paidBy(f.asOf)}), 0)::text as disbursed
          from capital_plans cp join units u on u.id = cp.unit_id
         where cp.programme_id = ${f.programmeId} and cp.year = ${f.year} and ${inScope(f.scope)}`),

    /** The weekly table: per unit holding plans, allocated and disbursed on two dates, one scan. */
    weekly: (f: {
      programmeId: number;
      year: number;
      asOf: string;
      prevAsOf: string;
      source?: string;
      scope: MoneyScope;
    }) =>
      rows<WeeklyRow>(sql`
        with p as (
          select cp.unit_id, ${allocatedOn(f.asOf)} as a_now, ${allocatedOn(f.prevAsOf)} as a_prev,
                 pay.d_now, pay.d_prev
            from capital_plans cp join units u on u.id = cp.unit_id
            -- One range of the plan's payments read once for both dates (the index on plan, day).
            cross join lateral (select coalesce(sum(d.amount), 0) as d_now,
                   coalesce(sum(d.amount) filter (where d.paid_on <= ${f.prevAsOf}::date), 0) as d_prev
              from disbursements d where d.plan_id = cp.id and d.paid_on <= ${f.asOf}::date) pay
           where cp.programme_id = ${f.programmeId} and cp.year = ${f.year} and ${inScope(f.scope)}
             ${f.source ? sql`and cp.source = ${f.source}` : sql``}
        )
        select u.id as unit_id, u.code, u.name_vi, u.name_en, u.name_ar,
               sum(a_now)::text as allocated, sum(d_now)::text as disbursed,
               sum(a_prev)::text as allocated_prev, sum(d_prev)::text as disbursed_prev
          from p join units u on u.id = p.unit_id
         group by u.id`),

    thresholds: (programmeId: number) =>
      db
        .select({ byDay: disbursementThresholds.byDay, minRateBp: disbursementThresholds.minRateBp })
        .from(disbursementThresholds)
        .where(sql`${disbursementThresholds.programmeId} = ${programmeId}`)
        .orderBy(disbursementThresholds.byDay),
    setThresholds: async (programmeId: number, points: { byDay: string; minRateBp: number }[]) => {
      await db
        .delete(disbursementThresholds)
        .where(sql`${disbursementThresholds.programmeId} = ${programmeId}`);
      if (points.length)
        await db.insert(disbursementThresholds).values(points.map((p) => ({ programmeId, ...p })));
    },
  };
}
export type MoneyRepo = ReturnType<typeof createMoneyRepo>;

export const moneyTransaction = <T>(db: Db, fn: (repo: MoneyRepo, tx: Db) => Promise<T>): Promise<T> =>
  transactionWith(db, createMoneyRepo, fn);
