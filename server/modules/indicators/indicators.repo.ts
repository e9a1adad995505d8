import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { indicators, indicatorTargets, indicatorValues } from '../../db/schema/index.js';
import { transactionWith } from '../../db/transaction.js';
import type { Direction } from '../../../shared/indicators.js';

export type IndicatorRow = typeof indicators.$inferSelect;
export type NewIndicator = typeof indicators.$inferInsert;
export type UnitRow = {
  id: number;
  code: string;
  name_vi: string;
  name_en: string | null;
  name_ar: string | null;
  kind: string;
  path: string;
  has_children: boolean;
};
/** One figure to roll up: an indicator for a period over a unit's subtree. */
export type FigureQuery = { unitId: number; indicatorId: number; period: string };
export type FigureRow = {
  i: number;
  expected: number;
  reported: number;
  sum: number | null;
  avg: number | null;
  numerator: number | null;
  denominator: number | null;
};
export type NewValue = {
  indicatorId: number;
  unitId: number;
  period: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  source: 'entered' | 'imported';
  note: string | null;
  enteredBy: number | null;
  enteredAt: Date;
};
export type EntryRow = {
  indicator_id: number;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  note: string | null;
  source: 'entered' | 'imported';
  entered_at: Date | string;
  entered_by_name: string | null;
  revisions: number;
};

/** A PostgreSQL array of parameters (`array[$1, $2]::int[]`). */
const arr = (values: (number | string)[], type: 'int' | 'text') =>
  values.length
    ? sql`array[${sql.join(
        values.map((v) => sql`${v}`),
        sql`, `,
      )}]::${sql.raw(type)}[]`
    : sql`'{}'::${sql.raw(type)}[]`;

const UNIT_COLUMNS = sql`u.id, u.code, u.name_vi, u.name_en, u.name_ar, u.kind, u.path,
  exists (select 1 from units c where c.parent_id = u.id) as has_children`;

/**
 * A unit reports an indicator when its kind is one of the indicator's reporter kinds or, with none
 * named, when it has no sub-units. Only reporters enter values, so a subtree's figure never counts
 * a value twice.
 */
const isReporter = (kinds: SQL, u: SQL) =>
  sql`(case when cardinality(${kinds}) = 0 then not exists (select 1 from units c where c.parent_id = ${u}.id)
            else ${u}.kind = any(${kinds}) end)`;

/** Indicators, targets and values; the only SQL of the module. */
export function createIndicatorsRepo(db: Db) {
  const rows = async <T>(q: SQL) => (await db.execute(q)).rows as T[];
  return {
    list: (programmeId: number) =>
      db
        .select()
        .from(indicators)
        .where(eq(indicators.programmeId, programmeId))
        .orderBy(asc(indicators.code)),

    byId: async (id: number) => (await db.select().from(indicators).where(eq(indicators.id, id)))[0],

    byIds: (ids: number[]) =>
      ids.length ? db.select().from(indicators).where(inArray(indicators.id, ids)) : Promise.resolve([]),

    byCodes: (programmeId: number, codes: string[]) =>
      codes.length
        ? db
            .select()
            .from(indicators)
            .where(
              and(
                eq(indicators.programmeId, programmeId),
                sql`${indicators.code} = any(${arr(codes, 'text')})`,
              ),
            )
        : Promise.resolve([] as IndicatorRow[]),

    insert: async (v: NewIndicator) => (await db.insert(indicators).values(v).returning())[0]!,

    /** Updates when the version matches; undefined when it moved meanwhile. */
    update: async (id: number, version: number, v: Partial<NewIndicator>, at: Date) =>
      (
        await db
          .update(indicators)
          .set({ ...v, version: version + 1, updatedAt: at })
          .where(and(eq(indicators.id, id), eq(indicators.version, version)))
          .returning()
      )[0],

    /**
     * Each unit's latest value of the year, per entered indicator of the programme that has a
     * target for that year and a baseline (the evaluation's KPI criterion). Rates and averages
     * only: a unit's share of a summed target (workers trained city-wide) is not its own target.
     */
    yearValues: async (programmeId: number, year: number, cutoff: Date) =>
      (
        await db.execute(sql`
          select distinct on (v.indicator_id, v.unit_id)
                 v.indicator_id::int as "indicatorId", v.unit_id::int as "unitId", v.value,
                 i.direction, i.baseline, i.scoring_full_at as "fullAt", i.scoring_cap as "cap", t.value as target
            from indicator_values v
            join indicators i on i.id = v.indicator_id
            join indicator_targets t on t.indicator_id = i.id and t.period = ${String(year)}
           where i.programme_id = ${programmeId} and i.source <> 'computed' and i.baseline is not null
             and i.aggregation in ('ratio', 'average')
             and v.period like ${`${year}%`} and v.entered_at < ${cutoff.toISOString()}::timestamptz
             and v.value is not null
           order by v.indicator_id, v.unit_id, v.period desc, v.entered_at desc, v.id desc`)
      ).rows as {
        indicatorId: number;
        unitId: number;
        value: number;
        direction: Direction;
        baseline: number;
        fullAt: number;
        cap: number;
        target: number;
      }[],

    targetsOf: (ids: number[]) =>
      ids.length
        ? db
            .select()
            .from(indicatorTargets)
            .where(sql`${indicatorTargets.indicatorId} = any(${arr(ids, 'int')})`)
            .orderBy(asc(indicatorTargets.period))
        : Promise.resolve([]),

    replaceTargets: async (id: number, targets: { period: string; value: number }[]) => {
      await db.delete(indicatorTargets).where(eq(indicatorTargets.indicatorId, id));
      if (targets.length)
        await db.insert(indicatorTargets).values(targets.map((t) => ({ indicatorId: id, ...t })));
    },

    hasValues: async (id: number) =>
      (
        await rows<{ n: number }>(
          sql`select count(*)::int as n from indicator_values where indicator_id = ${id}`,
        )
      )[0]!.n > 0,

    unit: async (id: number) =>
      (await rows<UnitRow>(sql`select ${UNIT_COLUMNS} from units u where u.id = ${id}`))[0],

    unitsByIds: (ids: number[]) =>
      ids.length
        ? rows<UnitRow>(sql`select ${UNIT_COLUMNS} from units u where u.id = any(${arr(ids, 'int')})`)
        : Promise.resolve([]),

    unitsByCodes: (codes: string[]) =>
      codes.length
        ? rows<UnitRow>(sql`select ${UNIT_COLUMNS} from units u where u.code = any(${arr(codes, 'text')})`)
        : Promise.resolve([]),

    children: (unitId: number) =>
      rows<UnitRow>(sql`select ${UNIT_COLUMNS} from units u where u.parent_id = ${unitId} order by u.code`),

    /**
     * Each query's figure in one statement: the latest value each unit had entered before
     * `cutoff`, read once per (indicator, period) in index order, then summed, averaged, and the
     * numerators and denominators summed over the reporters in the unit's subtree (path prefix).
     * `expected` counts the reporters of each subtree.
     */
    figures: async (queries: FigureQuery[], cutoff: Date) => {
      if (!queries.length) return [] as FigureRow[];
      return rows<FigureRow>(sql`
        with q as (
          select q.i::int as i, q.unit_id, q.indicator_id, q.period, n.path as npath, ind.reporter_kinds,
                 ind.aggregation
            from unnest(${arr(
              queries.map((x) => x.unitId),
              'int',
            )}, ${arr(
              queries.map((x) => x.indicatorId),
              'int',
            )}, ${arr(
              queries.map((x) => x.period),
              'text',
            )}) with ordinality as q(unit_id, indicator_id, period, i)
            join units n on n.id = q.unit_id
            join indicators ind on ind.id = q.indicator_id
        ),
        ip as (select distinct indicator_id, period from q),
        latest as (
          -- Per (indicator, period), each unit's latest row straight from indicator_values_latest_idx (no sort).
          select ip.indicator_id, ip.period, l.unit_id, l.value, l.numerator, l.denominator
            from ip cross join lateral (
              select distinct on (v.unit_id) v.unit_id, v.value, v.numerator, v.denominator
                from indicator_values v
               where v.indicator_id = ip.indicator_id and v.period = ip.period
                 and v.entered_at < ${cutoff.toISOString()}::timestamptz
               order by v.unit_id, v.entered_at desc nulls last, v.id desc nulls last) l
        ),
        got as (
          select q.i,
                 count(*) filter (where case when q.aggregation = 'ratio'
                                             then l.numerator is not null and l.denominator is not null
                                             else l.value is not null end)::int as reported,
                 sum(l.value) as sum, avg(l.value) as avg,
                 sum(l.numerator) filter (where l.numerator is not null and l.denominator is not null) as numerator,
                 sum(l.denominator) filter (where l.numerator is not null and l.denominator is not null) as denominator
            from latest l
            join units u on u.id = l.unit_id
            join q on q.indicator_id = l.indicator_id and q.period = l.period and u.path like q.npath || '%'
           where ${isReporter(sql`q.reporter_kinds`, sql`u`)}
           group by q.i
        ),
        nodes as (select distinct npath, reporter_kinds from q),
        expected as (
          select n.npath, n.reporter_kinds, count(*)::int as n
            from nodes n join units u on u.path like n.npath || '%'
           where ${isReporter(sql`n.reporter_kinds`, sql`u`)}
           group by n.npath, n.reporter_kinds
        )
        select q.i, coalesce(e.n, 0) as expected,
               coalesce(got.reported, 0) as reported, got.sum, got.avg, got.numerator, got.denominator
          from q left join got on got.i = q.i
          left join expected e on e.npath = q.npath and e.reporter_kinds = q.reporter_kinds
         order by q.i`);
    },

    /** A unit's latest entries for a period as of `cutoff`, with who entered them and how many saves there were. */
    entries: (unitId: number, indicatorIds: number[], period: string, cutoff: Date) =>
      indicatorIds.length
        ? rows<EntryRow>(sql`
            select distinct on (v.indicator_id) v.indicator_id, v.value, v.numerator, v.denominator, v.note,
                   v.source, v.entered_at, us.display_name as entered_by_name,
                   count(*) over (partition by v.indicator_id)::int as revisions
              from indicator_values v left join users us on us.id = v.entered_by
             where v.unit_id = ${unitId} and v.period = ${period} and v.indicator_id = any(${arr(indicatorIds, 'int')})
               and v.entered_at < ${cutoff.toISOString()}::timestamptz
             order by v.indicator_id, v.entered_at desc, v.id desc`)
        : Promise.resolve([]),

    /** Indicators of a programme with values of this cadence that the unit reports (not the computed ones). */
    reportedBy: (programmeId: number, unitId: number, cadence: string) =>
      rows<{ id: number }>(sql`
        select i.id from indicators i, units u
         where i.programme_id = ${programmeId} and u.id = ${unitId} and i.cadence = ${cadence}
           and i.source <> 'computed' and ${isReporter(sql`i.reporter_kinds`, sql`u`)}
         order by i.code`),

    isReporter: async (indicatorId: number, unitId: number) =>
      (
        await rows<{ ok: boolean }>(sql`
          select ${isReporter(sql`i.reporter_kinds`, sql`u`)} as ok from indicators i, units u
           where i.id = ${indicatorId} and u.id = ${unitId}`)
      )[0]?.ok === true,

    insertValues: async (values: NewValue[]) => {
      for (let i = 0; i < values.length; i += 500)
        await db.insert(indicatorValues).values(values.slice(i, i + 500));
    },
  };
}
export type IndicatorsRepo = ReturnType<typeof createIndicatorsRepo>;

export const indicatorsTransaction = <T>(db: Db, fn: (r: IndicatorsRepo, tx: Db) => Promise<T>) =>
  transactionWith(db, createIndicatorsRepo, fn);
