import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { transactionWith } from '../../db/transaction.js';
import type { CriterionGroup, CriterionKind, EnteredAs } from '../../../shared/criteria.js';
import type { CriteriaScope } from './policy.js';

type Names = { name_vi: string; name_en: string | null; name_ar: string | null };
export type SetRow = Names & {
  id: number;
  programme_id: number;
  code: string;
  unit_kinds: string[];
  version: number;
};
export type CriterionRow = Names & {
  id: number;
  set_id: number;
  code: string;
  kind: CriterionKind;
  threshold: number | null;
  max_score: number | null;
  evidence_required: boolean;
  group_code: CriterionGroup | null;
  sort: number;
};
export type UnitFacts = Names & { id: number; code: string; path: string; kind: string };
export type MatrixRow = Names & {
  id: number;
  code: string;
  parent_vi: string | null;
  parent_en: string | null;
  parent_ar: string | null;
  /** The criteria assessed: the id when met, minus the id when not; scores in the same order. */
  ids: number[] | null;
  scores: (number | null)[] | null;
  met_count: number;
};
export type ValueWrite = {
  setId: number;
  criterionId: number;
  unitId: number;
  period: string;
  met: boolean;
  score: number | null;
  evidence: string | null;
  enteredAs: EnteredAs;
  enteredBy: number | null;
  enteredAt: Date;
};

const under = (col: SQL, paths: string[]) =>
  sql`(${sql.join(
    paths.map((p) => sql`${col} like ${p + '%'}`),
    sql` or `,
  )})`;

/** Units a set assesses inside the programme, the actor's scope and the filters. */
export type UnitFilter = {
  rootPath: string | null;
  kinds: string[];
  scope: CriteriaScope;
  parentPath?: string;
  q?: string;
};
function unitWhere(f: UnitFilter, alias = sql`u`): SQL {
  const w: SQL[] = [sql`${alias}.kind = any(${textArray(f.kinds)})`];
  if (f.rootPath) w.push(sql`${alias}.path like ${f.rootPath + '%'}`);
  if (f.scope.kind === 'none') w.push(sql`false`);
  if (f.scope.kind === 'units') w.push(under(sql`${alias}.path`, f.scope.unitPaths));
  if (f.parentPath) w.push(sql`${alias}.path like ${f.parentPath + '%'}`);
  if (f.q) w.push(sql`${alias}.search_text like ${'%' + f.q + '%'}`);
  return sql.join(w, sql` and `);
}

/** A text[] literal made of parameters. */
export const textArray = (list: string[]) =>
  list.length
    ? sql`array[${sql.join(
        list.map((x) => sql`${x}`),
        sql`, `,
      )}]::text[]`
    : sql`'{}'::text[]`;

const ids = (list: number[]) =>
  sql.join(
    list.map((i) => sql`${i}`),
    sql`, `,
  );

/** Criteria sets, their criteria and assessments: the only SQL of the module. */
export function createCriteriaRepo(db: Db) {
  const rows = async <T>(q: SQL) => (await db.execute(q)).rows as T[];
  const one = async <T>(q: SQL) => (await rows<T>(q))[0];
  return {
    sets: (programmeId: number) =>
      rows<SetRow>(sql`select id, programme_id, code, name_vi, name_en, name_ar, unit_kinds, version
        from criteria_sets where programme_id = ${programmeId} order by code`),
    set: (id: number) =>
      one<SetRow>(sql`select id, programme_id, code, name_vi, name_en, name_ar, unit_kinds, version
        from criteria_sets where id = ${id}`),
    criteriaOf: (setIds: number[]) =>
      setIds.length
        ? rows<CriterionRow>(sql`select id, set_id, code, name_vi, name_en, name_ar, kind, threshold, max_score,
            evidence_required, group_code, sort from criteria where set_id in (${ids(setIds)}) order by set_id, sort, id`)
        : Promise.resolve([] as CriterionRow[]),
    periods: async (setId: number) =>
      (
        await rows<{ period: string }>(
          sql`select distinct period from assessments where set_id = ${setId} order by period`,
        )
      ).map((r) => r.period),
    codeTaken: async (programmeId: number, code: string) =>
      Boolean(
        await one(sql`select 1 from criteria_sets where programme_id = ${programmeId} and code = ${code}`),
      ),

    insertSet: (v: {
      programmeId: number;
      code: string;
      names: { vi: string; en: string | null; ar: string | null };
      unitKinds: string[];
      at: Date;
    }) =>
      one<{
        id: number;
      }>(sql`insert into criteria_sets (programme_id, code, name_vi, name_en, name_ar, unit_kinds, created_at)
        values (${v.programmeId}, ${v.code}, ${v.names.vi}, ${v.names.en}, ${v.names.ar},
          ${textArray(v.unitKinds)}, ${v.at})
        returning id`),
    updateSet: (
      id: number,
      version: number,
      v: { names?: { vi: string; en: string | null; ar: string | null }; unitKinds?: string[] },
    ) =>
      one<{ id: number }>(sql`update criteria_sets set
          name_vi = coalesce(${v.names?.vi ?? null}, name_vi),
          name_en = case when ${v.names !== undefined} then ${v.names?.en ?? null} else name_en end,
          name_ar = case when ${v.names !== undefined} then ${v.names?.ar ?? null} else name_ar end,
          unit_kinds = ${v.unitKinds ? textArray(v.unitKinds) : sql`unit_kinds`},
          version = version + 1
        where id = ${id} and version = ${version} returning id`),
    upsertCriterion: (
      setId: number,
      sort: number,
      c: {
        code: string;
        name: { vi: string; en: string | null; ar: string | null };
        kind: CriterionKind;
        threshold: number | null;
        maxScore: number | null;
        evidenceRequired: boolean;
        group: CriterionGroup | null;
      },
    ) =>
      db.execute(sql`insert into criteria (set_id, code, name_vi, name_en, name_ar, kind, threshold, max_score,
          evidence_required, group_code, sort)
        values (${setId}, ${c.code}, ${c.name.vi}, ${c.name.en}, ${c.name.ar}, ${c.kind}, ${c.threshold},
          ${c.maxScore}, ${c.evidenceRequired}, ${c.group}, ${sort})
        on conflict (set_id, code) do update set name_vi = excluded.name_vi, name_en = excluded.name_en,
          name_ar = excluded.name_ar, kind = excluded.kind, threshold = excluded.threshold,
          max_score = excluded.max_score, evidence_required = excluded.evidence_required,
          group_code = excluded.group_code, sort = excluded.sort`),
    removeCriteriaExcept: (setId: number, codes: string[]) =>
      db.execute(sql`delete from criteria where set_id = ${setId} and not (code = any(${textArray(codes)}))`),

    units: (unitIds: number[]) =>
      unitIds.length
        ? rows<UnitFacts>(
            sql`select id, code, path, kind, name_vi, name_en, name_ar from units where id in (${ids(unitIds)})`,
          )
        : Promise.resolve([] as UnitFacts[]),
    unitsByCode: (codes: string[]) =>
      codes.length
        ? rows<UnitFacts>(sql`select id, code, path, kind, name_vi, name_en, name_ar from units
            where code in (${sql.join(
              codes.map((c) => sql`${c}`),
              sql`, `,
            )})`)
        : Promise.resolve([] as UnitFacts[]),

    /** The values of one unit for a period, with who entered each. */
    values: (setId: number, unitId: number, period: string) =>
      rows<{
        criterion_id: number;
        met: boolean;
        score: number | null;
        evidence: string | null;
        entered_as: EnteredAs;
        entered_by: string | null;
        entered_at: Date | string;
      }>(sql`select a.criterion_id, a.met, a.score, a.evidence, a.entered_as, us.display_name as entered_by, a.entered_at
        from assessments a left join users us on us.id = a.entered_by
        where a.set_id = ${setId} and a.unit_id = ${unitId} and a.period = ${period}`),

    writeValues: async (list: ValueWrite[]) => {
      for (let i = 0; i < list.length; i += 500) {
        const chunk = list.slice(i, i + 500);
        await db.execute(sql`insert into assessments (set_id, criterion_id, unit_id, period, met, score, evidence,
            entered_as, entered_by, entered_at)
          values ${sql.join(
            chunk.map(
              (v) =>
                sql`(${v.setId}, ${v.criterionId}, ${v.unitId}, ${v.period}, ${v.met}, ${v.score}, ${v.evidence},
                  ${v.enteredAs}, ${v.enteredBy}, ${v.enteredAt})`,
            ),
            sql`, `,
          )}
          on conflict (set_id, period, unit_id, criterion_id) do update set met = excluded.met,
            score = excluded.score, evidence = excluded.evidence, entered_as = excluded.entered_as,
            entered_by = excluded.entered_by, entered_at = excluded.entered_at`);
      }
      return list.length;
    },

    /**
     * The matrix: every unit the set assesses in scope, its values for the period, how many it
     * meets; filtered in SQL by a criterion it misses or by meeting all.
     */
    matrix: (
      setId: number,
      period: string,
      f: UnitFilter,
      o: { missing?: number; allMet?: boolean; criteria: number },
    ) => {
      const w: SQL[] = [unitWhere(f)];
      if (o.missing) w.push(sql`not coalesce(v.meets_missing, false)`);
      if (o.allMet === true) w.push(sql`coalesce(v.met_count, 0) = ${o.criteria}`);
      if (o.allMet === false) w.push(sql`coalesce(v.met_count, 0) < ${o.criteria}`);
      // The period's values aggregated per unit first (in the unique index's order), then joined
      // to the units: two arrays (signed criterion ids, scores) rather than JSON, so the server
      // neither sorts to disk nor builds 50,000 JSON values for the national matrix.
      return rows<MatrixRow>(sql`with v as (
          select a.unit_id,
            array_agg(case when a.met then a.criterion_id else -a.criterion_id end) as ids,
            array_agg(a.score) as scores,
            bool_or(a.met and a.criterion_id = ${o.missing ?? 0}) as meets_missing,
            (count(*) filter (where a.met))::int as met_count
          from assessments a
          where a.set_id = ${setId} and a.period = ${period}
            and a.unit_id in (select u.id from units u where ${unitWhere(f)})
          group by a.unit_id)
        select u.id, u.code, u.name_vi, u.name_en, u.name_ar,
          p.name_vi as parent_vi, p.name_en as parent_en, p.name_ar as parent_ar,
          v.ids, v.scores, coalesce(v.met_count, 0) as met_count
        from units u left join units p on p.id = u.parent_id left join v on v.unit_id = u.id
        where ${sql.join(w, sql` and `)}
        order by u.code`);
    },

    /** Per criterion: units meeting it and not meeting it; and the units in scope and those meeting all. */
    counts: async (setId: number, period: string, f: UnitFilter, criteriaCount: number) => {
      // One read of the period's values (the CTE is used twice, so it is computed once).
      const list = await rows<{
        criterion_id: number | null;
        met: number | null;
        not_met: number | null;
        total: number;
        all_met: number;
      }>(sql`with v as (select a.unit_id, a.criterion_id, a.met from assessments a
          where a.set_id = ${setId} and a.period = ${period}
            and a.unit_id in (select u.id from units u where ${unitWhere(f)})),
        per as (select criterion_id, (count(*) filter (where met))::int as met,
            (count(*) filter (where not met))::int as not_met from v group by criterion_id)
        select per.criterion_id, per.met, per.not_met,
          (select count(*) from units u where ${unitWhere(f)})::int as total,
          (select count(*) from (select unit_id from v where met group by unit_id
            having count(*) = ${criteriaCount}) m)::int as all_met
        from (select 1) one left join per on true`);
      return {
        per: list.flatMap((r) =>
          r.criterion_id === null ? [] : [{ criterion_id: r.criterion_id, met: r.met!, not_met: r.not_met! }],
        ),
        total: list[0]?.total ?? 0,
        allMet: list[0]?.all_met ?? 0,
      };
    },

    /**
     * Criteria met per unit in two periods, in one pass: the units whose count changed, and (the
     * same on every row, by window) the units meeting all criteria then and now and the units in
     * scope.
     */
    trendUnits: (setId: number, from: string, to: string, f: UnitFilter, n: number) =>
      rows<
        Names & {
          id: number | null;
          code: string | null;
          n_from: number;
          n_to: number;
          all_from: number;
          all_to: number;
          total: number;
        }
      >(sql`with s as (
          select a.unit_id, (count(*) filter (where a.met and a.period = ${from}))::int as n_from,
            (count(*) filter (where a.met and a.period = ${to}))::int as n_to
          from assessments a
          where a.set_id = ${setId} and a.period in (${from}, ${to})
            and a.unit_id in (select u.id from units u where ${unitWhere(f)})
          group by a.unit_id),
        t as (select (count(*) filter (where n_from = ${n}))::int as all_from,
            (count(*) filter (where n_to = ${n}))::int as all_to,
            (select count(*) from units u where ${unitWhere(f)})::int as total from s)
        select u.id, u.code, u.name_vi, u.name_en, u.name_ar, c.n_from, c.n_to, t.all_from, t.all_to, t.total
        from t left join (s c join units u on u.id = c.unit_id) on c.n_from <> c.n_to
        order by (c.n_to - c.n_from) desc, u.code`),
    trendCriteria: (setId: number, from: string, to: string, f: UnitFilter) =>
      rows<{ criterion_id: number; n_from: number; n_to: number }>(sql`select a.criterion_id,
          (count(*) filter (where a.met and a.period = ${from}))::int as n_from,
          (count(*) filter (where a.met and a.period = ${to}))::int as n_to
        from assessments a
        where a.set_id = ${setId} and a.period in (${from}, ${to}) and a.met
          and a.unit_id in (select u.id from units u where ${unitWhere(f)})
        group by a.criterion_id`),
  };
}
export type CriteriaRepo = ReturnType<typeof createCriteriaRepo>;

export const criteriaTransaction = <T>(db: Db, fn: (r: CriteriaRepo, tx: Db) => Promise<T>) =>
  transactionWith(db, createCriteriaRepo, fn);
