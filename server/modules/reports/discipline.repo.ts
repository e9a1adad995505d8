import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';

export type DisciplineRow = {
  period: string;
  unit_id: number;
  code: string;
  name_vi: string;
  name_en: string | null;
  name_ar: string | null;
  expected: boolean;
  first_submitted_at: Date | string | null;
};

/** The bits of the periods a task was open in (0 when none), with the filter of tasks that can be. */
function taskBits(periods: { start: string; end: string }[]) {
  const n = periods.length;
  const starts = sql`array[${sql.join(
    periods.map((p) => sql`${p.start}::date`),
    sql`, `,
  )}]::date[]`;
  const open = sql`(t.start_date is null or t.start_date <= ${periods.at(-1)!.end}::date)
       and (t.completed_on is null or t.completed_on >= ${periods[0]!.start}::date)
       and (t.cancelled_on is null or t.cancelled_on > ${periods[0]!.start}::date)`;
  const bits = sql`cross join lateral (
      select greatest(1, case when t.start_date is null then 1 else width_bucket(t.start_date, ${starts}) end) as f,
             least(${n},
                   case when t.completed_on is null then ${n} else width_bucket(t.completed_on, ${starts}) end,
                   case when t.cancelled_on is null then ${n} else width_bucket(t.cancelled_on - 1, ${starts}) end) as l) b
    cross join lateral (
      select case when b.f <= b.l then (1::bigint << b.l) - (1::bigint << (b.f - 1)) else 0 end as mask) x`;
  return { open, bits, starts };
}

/**
 * After a CTE `own (unit_id, mask)`: `cut` and `expected (unit_id, mask)`, where a unit merged on
 * a day (decision 0050) keeps the periods that started before it and hands the later ones to its
 * successor. A mask of no merged unit passes through unchanged.
 */
const mergedSplit = (starts: SQL) => sql`cut as (
            select o.unit_id, o.mask, mu.merged_into_id,
                   case when mu.merged_on is null then -1::bigint
                        else (1::bigint << width_bucket(mu.merged_on - 1, ${starts})) - 1 end as before
              from own o join units mu on mu.id = o.unit_id),
          expected as (
            select unit_id, bit_or(mask) as mask from (
              select unit_id, mask & before as mask from cut
              union all
              select merged_into_id, mask & ~before from cut where merged_into_id is not null) s
             group by unit_id)`;

const scopeOf = (unitPaths: string[] | null): SQL =>
  unitPaths
    ? unitPaths.length
      ? sql`and (${sql.join(
          unitPaths.map((x) => sql`u.path like ${x + '%'}`),
          sql` or `,
        )})`
      : sql`and false`
    : sql``;

type UnitNames = {
  unit_id: number;
  code: string;
  name_vi: string;
  name_en: string | null;
  name_ar: string | null;
  path: string;
};
/** Bit i: the unit was expected to report in the i-th period. */
export type UnitMask = UnitNames & { mask: string };
/** Bit i: it sent a report for the i-th period; and sent it by the due moment. */
export type UnitSent = UnitNames & { sent: string; on_time: string };

/**
 * For each period of a range, the units expected to report (they lead or coordinate a task open
 * during it: started by its end, neither done nor cancelled before its start) and any report they
 * sent. Set-based and linear in the number of tasks, however many periods: each task becomes a
 * bit mask of the periods it was open in (width_bucket over the periods' first days), OR-ed per
 * unit; reports come from their own index. At most 62 periods (bits of a bigint).
 */
export function createDisciplineRepo(db: Db) {
  return {
    async rows(
      programmeId: number,
      periods: { key: string; start: string; end: string }[],
      unitPaths: string[] | null,
    ): Promise<DisciplineRow[]> {
      if (!periods.length) return [];
      if (periods.length > 62) throw new Error('discipline: at most 62 periods at a time');
      const { open, bits, starts } = taskBits(periods);
      const scope = scopeOf(unitPaths);
      const keys = sql.join(
        periods.map((p) => sql`${p.key}`),
        sql`, `,
      );
      // The two reads are independent: side by side (on PostgreSQL, on two connections). Units
      // come from either: expected ones from the masks, others because they sent a report.
      const [maskRes, sentRes] = await Promise.all([
        db.execute(sql`
          with own as (
            select unit_id, bit_or(mask) as mask from (
              select t.lead_unit_id as unit_id, x.mask from tasks t ${bits}
               where t.programme_id = ${programmeId} and ${open}
              union all
              select c.unit_id, x.mask from tasks t join task_coordinators c on c.task_id = t.id ${bits}
               where t.programme_id = ${programmeId} and ${open}) m
             group by unit_id),
          ${mergedSplit(starts)}
          select u.id as unit_id, u.code, u.name_vi, u.name_en, u.name_ar, p.mask::text as mask
            from expected p join units u on u.id = p.unit_id
           where p.mask <> 0 ${scope}`),
        // Instants as epoch milliseconds: 45,000 of them parse faster as numbers than as text.
        db.execute(sql`
          select r.unit_id, r.period, (extract(epoch from r.first_submitted_at) * 1000)::float8 as sent_ms
            from progress_reports r join units u on u.id = r.unit_id
           where r.programme_id = ${programmeId} and r.period in (${keys}) ${scope}`),
      ]);
      const masks = maskRes.rows as Omit<UnitMask, 'path'>[];
      const sent = sentRes.rows as { unit_id: number; period: string; sent_ms: number | null }[];
      const sentBy = new Map(
        sent.map((r) => [
          `${r.unit_id}|${r.period}`,
          r.sent_ms === null ? null : new Date(Number(r.sent_ms)),
        ]),
      );
      const known = new Set(masks.map((m) => m.unit_id));
      const others = [...new Set(sent.map((r) => r.unit_id).filter((id) => !known.has(id)))];
      if (others.length)
        masks.push(
          ...((
            await db.execute(sql`select id as unit_id, code, name_vi, name_en, name_ar, '0' as mask from units
              where id in (${sql.join(
                others.map((id) => sql`${id}`),
                sql`, `,
              )})`)
          ).rows as Omit<UnitMask, 'path'>[]),
        );
      masks.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
      const out: DisciplineRow[] = [];
      for (const u of masks) {
        const mask = BigInt(u.mask);
        for (const [i, p] of periods.entries()) {
          const expected = ((mask >> BigInt(i)) & 1n) === 1n;
          const key = `${u.unit_id}|${p.key}`;
          if (!expected && !sentBy.has(key)) continue;
          out.push({
            period: p.key,
            unit_id: u.unit_id,
            code: u.code,
            name_vi: u.name_vi,
            name_en: u.name_en,
            name_ar: u.name_ar,
            expected,
            first_submitted_at: sentBy.get(key) ?? null,
          });
        }
      }
      return out;
    },

    /**
     * Per unit (with its tree path, for scoping by the caller), the periods it was expected to
     * report: one bit mask. Depends only on the tasks, so callers may cache it by tasksVersion.
     */
    async expectedMasks(
      programmeId: number,
      periods: { start: string; end: string }[],
      /** Only these units (their led and coordinated tasks, by index): to bring a kept result up to date. */
      onlyUnits?: number[],
    ): Promise<UnitMask[]> {
      if (!periods.length || onlyUnits?.length === 0) return [];
      if (periods.length > 62) throw new Error('discipline: at most 62 periods at a time');
      const { open, bits, starts } = taskBits(periods);
      const ids =
        onlyUnits &&
        sql`array[${sql.join(
          onlyUnits.map((id) => sql`${id}::int`),
          sql`, `,
        )}]`;
      const leads = ids ? sql`and t.lead_unit_id = any(${ids})` : sql``;
      const coordinators = ids ? sql`and c.unit_id = any(${ids})` : sql``;
      return (
        await db.execute(sql`
          with own as (
            select unit_id, bit_or(mask) as mask from (
              select t.lead_unit_id as unit_id, x.mask from tasks t ${bits}
               where t.programme_id = ${programmeId} and ${open} ${leads}
              union all
              select c.unit_id, x.mask from tasks t join task_coordinators c on c.task_id = t.id ${bits}
               where t.programme_id = ${programmeId} and ${open} ${coordinators}) m
             group by unit_id),
          ${mergedSplit(starts)}
          select u.id as unit_id, u.code, u.name_vi, u.name_en, u.name_ar, u.path, e.mask::text as mask
            from expected e join units u on u.id = e.unit_id
           where e.mask <> 0`)
      ).rows as UnitMask[];
    },

    /** Per unit that sent reports in the periods: which (bit mask) and which by the due moment. */
    async sentMasks(
      programmeId: number,
      periods: { key: string; dueAt: Date }[],
      sentBefore: Date | null = null,
    ): Promise<UnitSent[]> {
      if (!periods.length) return [];
      const keys = sql`array[${sql.join(
        periods.map((p) => sql`${p.key}::text`),
        sql`, `,
      )}]::text[]`;
      const dues = sql`array[${sql.join(
        periods.map((p) => sql`${p.dueAt.toISOString()}::timestamptz`),
        sql`, `,
      )}]::timestamptz[]`;
      return (
        await db.execute(sql`
          with sent as (
            select r.unit_id,
                   bit_or(1::bigint << (array_position(${keys}, r.period) - 1)) as sent,
                   bit_or(case when r.first_submitted_at <= (${dues})[array_position(${keys}, r.period)]
                               then 1::bigint << (array_position(${keys}, r.period) - 1) else 0 end) as on_time
              from progress_reports r
             where r.programme_id = ${programmeId} and r.period = any(${keys}) and r.first_submitted_at is not null
               ${sentBefore ? sql`and r.first_submitted_at < ${sentBefore.toISOString()}::timestamptz` : sql``}
             group by r.unit_id)
          select u.id as unit_id, u.code, u.name_vi, u.name_en, u.name_ar, u.path,
                 s.sent::text as sent, s.on_time::text as on_time
            from sent s join units u on u.id = s.unit_id`)
      ).rows as UnitSent[];
    },

    tasksVersion: async (programmeId: number) =>
      Number(
        (
          (await db.execute(sql`select tasks_version from programmes where id = ${programmeId}`)).rows[0] as
            { tasks_version: string | number } | undefined
        )?.tasks_version ?? 0,
      ),

    /**
     * The units whose tasks changed after version `since` up to `upTo` (task_unit_changes), or
     * null when any unit may have (a bulk write, a deleted task, or the record does not reach back).
     */
    async changedUnits(programmeId: number, since: number, upTo: number): Promise<number[] | null> {
      const [r] = (
        await db.execute(sql`select count(distinct version)::int as versions, bool_or(unit_id is null) as any_unit,
            coalesce(array_agg(distinct unit_id) filter (where unit_id is not null), '{}') as units
          from task_unit_changes where programme_id = ${programmeId} and version > ${since} and version <= ${upTo}`)
      ).rows as { versions: number; any_unit: boolean | null; units: number[] }[];
      if (!r || r.versions !== upTo - since || r.any_unit) return null;
      return r.units;
    },

    /**
     * The units whose expected periods move with those of `ids` (decision 0050): their
     * successors and the units merged into them, so a patch recomputes both sides of a merge.
     */
    withMergePartners: async (ids: number[]): Promise<number[]> => {
      if (!ids.length) return ids;
      const arr = sql`array[${sql.join(
        ids.map((id) => sql`${id}::int`),
        sql`, `,
      )}]`;
      const more = (
        await db.execute(sql`select merged_into_id as id from units where id = any(${arr}) and merged_into_id is not null
          union select id from units where merged_into_id = any(${arr})`)
      ).rows as { id: number }[];
      return [...new Set([...ids, ...more.map((r) => r.id)])];
    },

    unitPath: async (id: number) =>
      ((await db.execute(sql`select path from units where id = ${id}`)).rows as { path: string }[])[0]?.path,

    daysOff: async (from: string, to: string) =>
      new Set(
        (
          (await db.execute(sql`select day from days_off where day between ${from}::date and ${to}::date`))
            .rows as { day: string }[]
        ).map((r) => r.day),
      ),
  };
}
