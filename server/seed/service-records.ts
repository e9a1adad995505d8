import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { createRecordsRepo } from '../modules/records/records.repo.js';
import { HANOI_ROOT } from './hanoi-units.js';

/**
 * Hanoi's service records from 1 July to 12 November 2025 (the article's dates, fixed: they are
 * history, not work planned relative to today), generated in SQL so 1.24 million rows take
 * seconds. Every figure is set by position, not by chance, so the demo reproduces the article:
 * the online application rate rises month by month from 23.45 % to 99 % exactly, sync 100 %,
 * digitisation ~86 %, electronic results ~87.6 %, online payment ~99.6 %.
 */
export const HANOI_RECORDS = 1_240_000;
/**
 * The default for the first-start demo: 1.24 million take ~32 s on PGlite (measured), so the demo
 * loads 400,000 (~10 s) unless `--records 1240000` is given; the rates are the same at any count.
 */
export const DEMO_RECORDS = 400_000;
export const RECORDS_FROM = '2025-07-01';
export const RECORDS_TO = '2025-11-12';
/** Online application rate per month (July 23.45 % → November 99 %). */
export const ONLINE_RATE_BY_MONTH: Record<string, number> = {
  '2025-07': 0.2345,
  '2025-08': 0.6123,
  '2025-09': 0.8567,
  '2025-10': 0.9512,
  '2025-11': 0.99,
};
const MONTHS = [
  { key: '2025-07', days: 31 },
  { key: '2025-08', days: 31 },
  { key: '2025-09', days: 30 },
  { key: '2025-10', days: 31 },
  { key: '2025-11', days: 12 },
];
const TOTAL_DAYS = MONTHS.reduce((a, m) => a + m.days, 0);

export async function seedServiceRecords(
  db: Db,
  opts: { count?: number; onProgress?: (step: string, done: number, total: number) => void } = {},
) {
  const total = opts.count ?? DEMO_RECORDS;
  const report = opts.onProgress ?? (() => {});
  const counts = MONTHS.map((m, i) =>
    i < MONTHS.length - 1
      ? Math.round((total * m.days) / TOTAL_DAYS)
      : total - MONTHS.slice(0, -1).reduce((a, x) => a + Math.round((total * x.days) / TOTAL_DAYS), 0),
  );
  report('Service records', 0, total);
  let done = 0;
  await db.transaction(async (tx) => {
    const units = (
      await tx.execute(sql`select u.id from units u join units r on r.code = ${HANOI_ROOT}
        where u.path like r.path || '%' and u.id <> r.id order by u.id`)
    ).rows.map((r) => Number((r as { id: number }).id));
    if (!units.length) throw new Error('seedServiceRecords: the Hanoi units are not loaded');
    for (const [i, m] of MONTHS.entries()) {
      const n = counts[i]!;
      if (n <= 0) continue;
      await tx.execute(sql`select steerboard_records_partition(${`${m.key}-01`}::date)`);
      const online = Math.round(n * ONLINE_RATE_BY_MONTH[m.key]!);
      // k runs over the month's records in time order; (k·p mod n) is a permutation of 0..n-1 when
      // p is prime to n, so "< quota" picks exactly `quota` records, spread over the month.
      const perm = (p: number) => sql`((k::bigint * ${coprime(p, n)}) % ${n})`;
      const h = (salt: number) => sql`(((k::bigint * 2654435761 + ${salt}) % 4294967296) / 4294967296.0)`;
      const stamp = sql`(${`${m.key}-01T00:00:00+07:00`}::timestamptz + (k::float8 / ${n}) * ${m.days} * interval '1 day')`;
      await tx.execute(sql`
        insert into service_records (source, record_id, procedure_code, unit_id, received_at, channel, synced,
          documents_digitised, result_digitised, result_electronic, has_fee, paid_online, due_at, completed_at,
          supplement_requests, supplement_days)
        select 'DVC-HN', ${`HN${m.key.replace('-', '')}-`} || lpad(k::text, 7, '0'),
               'TTHC-' || lpad((1 + (k * 37) % 420)::text, 3, '0'),
               (${sql.param(units)}::int[])[1 + ((k::bigint * ${coprime(40503, units.length)}) % ${units.length})],
               received_at, channel, true,
               ${perm(104729)} < ${Math.round(n * 0.8642)}, ${perm(104729)} < ${Math.round(n * 0.8642)},
               ${perm(130363)} < ${Math.round(n * 0.8761)},
               has_fee, has_fee and ${perm(179426)} < ${Math.round(n * 0.9962)},
               received_at + interval '5 days',
               case when received_at + processing + supplement_days * interval '1 day' <= ${`${RECORDS_TO}T17:00:00+07:00`}::timestamptz
                    then received_at + processing + supplement_days * interval '1 day' end,
               supplement_requests, supplement_days
          from (
            select k, received_at, has_fee, supplement_requests, supplement_days,
                   case when ${perm(7919)} < ${online} then 'online' when k % 10 = 0 then 'post' else 'in_person' end as channel,
                   -- 0.3 to 4.9 days; about 3 % of records run past the promised 5 days
                   case when ${h(5)} < 0.03 then interval '6 days' else interval '1 hour' * (8 + floor(${h(7)} * 110)) end as processing
              from (
                select k, ${stamp} as received_at, ${h(3)} < 0.4 as has_fee,
                       case when ${h(9)} < 0.005 then 2 when ${h(9)} < 0.05 then 1 else 0 end as supplement_requests,
                       case when ${h(9)} < 0.05 then 2 else 0 end as supplement_days
                  from generate_series(0, ${n - 1}) k) a) b`);
      done += n;
      report('Service records', done, total);
    }
    report('Service indicators', 0, 1);
    await createRecordsRepo(tx as unknown as Db).rebuildRollup();
    report('Service indicators', 1, 1);
  });
  return { records: total };
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
/** The first number from p up that is prime to n. */
function coprime(p: number, n: number) {
  let q = p;
  while (gcd(q, n) !== 1) q++;
  return q;
}
