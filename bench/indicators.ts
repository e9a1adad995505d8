/**
 * Times the OKR read (`GET /programmes/:id/okrs`, through the service) and one indicator's
 * values read at national scale: 34 provinces × 100 communes reporting 10 indicators monthly for
 * 12 months (plus a revision of one value in ten), 10 key results at the root, 12-period series.
 *
 *   npx tsx bench/indicators.ts [--engine pglite|postgres] [--n 10]
 *
 * PostgreSQL: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres); a
 * database sbbench_ind_<random> is created and dropped.
 */
import { sql } from 'drizzle-orm';
import { createServices } from '../server/app.js';
import { runMigrations } from '../server/db/migrate.js';
import { fixedClock } from '../server/lib/clock.js';
import { systemActor } from '../server/modules/auth/actor.js';
import { openScratchDatabase } from './scratch-db.js';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? dflt) : dflt;
};
const engine = arg('engine', 'postgres') as 'pglite' | 'postgres';
const n = Number(arg('n', '10'));
const TODAY = '2025-11-14';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))]!;

const { database, drop } = await openScratchDatabase(engine, 'sbbench_ind');
try {
  await runMigrations(database);
  const db = database.db;
  const t0 = Date.now();
  await db.execute(
    sql`insert into units (code, name_vi, kind, path, depth) values ('VN', 'Việt Nam', 'country', '/', 0)`,
  );
  await db.execute(sql`update units set path = '/' || id || '/' where code = 'VN'`);
  await db.execute(sql`insert into units (code, name_vi, kind, parent_id, path, depth)
    select 'P' || g, 'Tỉnh ' || g, 'province', r.id, '/', 1 from units r, generate_series(1, 34) g where r.code = 'VN'`);
  await db.execute(
    sql`update units c set path = p.path || c.id || '/' from units p where c.parent_id = p.id and c.kind = 'province'`,
  );
  await db.execute(sql`insert into units (code, name_vi, kind, parent_id, path, depth)
    select p.code || '-X' || g, 'Xã ' || g, 'commune', p.id, '/', 2 from units p, generate_series(1, 100) g where p.kind = 'province'`);
  await db.execute(
    sql`update units c set path = p.path || c.id || '/' from units p where c.parent_id = p.id and c.kind = 'commune'`,
  );
  const root = Number(
    ((await db.execute(sql`select id from units where code = 'VN'`)).rows[0] as { id: number }).id,
  );
  const pid = Number(
    (
      (
        await db.execute(
          sql`insert into programmes (code, name_vi, root_unit_id) values ('BENCH', 'Bench', ${root}) returning id`,
        )
      ).rows[0] as { id: number }
    ).id,
  );
  const services = createServices(database, fixedClock(TODAY));
  const ids: number[] = [];
  for (let k = 0; k < 10; k++) {
    const ratio = k % 2 === 0;
    const ind = await services.indicators.create(systemActor, {
      programmeId: pid,
      code: `IND-${k}`,
      name: { vi: `Chỉ tiêu ${k}` },
      measure: ratio ? '%' : 'người',
      direction: 'higher',
      aggregation: ratio ? 'ratio' : 'sum',
      cadence: 'monthly',
      baseline: 10,
      source: 'entered',
      reporterKinds: ['commune'],
    });
    ids.push(ind.id);
  }
  // 12 months × 3,400 communes × 10 indicators, entered after each month's end; a tenth revised.
  await db.execute(sql`
    insert into indicator_values (indicator_id, unit_id, period, value, numerator, denominator, source, entered_at)
    select i.id, u.id, to_char(m, 'YYYY-MM'),
           case when i.aggregation = 'ratio' then null else (random() * 100)::int end,
           case when i.aggregation = 'ratio' then (random() * 50)::int end,
           case when i.aggregation = 'ratio' then 50 + (random() * 50)::int end,
           'imported', m + interval '1 month 3 days'
      from indicators i, units u, generate_series(date '2024-11-01', date '2025-10-01', interval '1 month') m
     where i.programme_id = ${pid} and u.kind = 'commune' and random() > 0.05`);
  await db.execute(sql`
    insert into indicator_values (indicator_id, unit_id, period, value, numerator, denominator, source, entered_at)
    select indicator_id, unit_id, period, value, numerator, denominator, 'entered', entered_at + interval '2 days'
      from indicator_values where random() < 0.1`);
  await db.execute(sql`analyze`);
  const rows = Number(
    ((await db.execute(sql`select count(*)::int as n from indicator_values`)).rows[0] as { n: number }).n,
  );
  const o = await services.objectives.createObjective(systemActor, {
    programmeId: pid,
    code: 'O1',
    title: { vi: 'Mục tiêu' },
  });
  for (const id of ids)
    await services.objectives.createKeyResult(systemActor, o.id, {
      indicatorId: id,
      target: 90,
      startDate: '2025-01-01',
      deadline: '2030-12-31',
    });
  console.log(
    `${engine}: ${rows} value rows, 3,400 reporters, loaded in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );

  const time = async (label: string, fn: () => Promise<unknown>) => {
    for (let i = 0; i < 2; i++) await fn();
    const xs: number[] = [];
    for (let i = 0; i < n; i++) {
      const s = performance.now();
      await fn();
      xs.push(performance.now() - s);
    }
    console.log(
      `| ${label.padEnd(52)} | ${String(n).padStart(3)} | ${median(xs).toFixed(0).padStart(9)} | ${p95(xs).toFixed(0).padStart(6)} |`,
    );
  };
  console.log('| scenario                                             |   n | median ms | p95 ms |');
  console.log('| ---------------------------------------------------- | --- | --------- | ------ |');
  await time('okrs: 10 key results × 12 months at the root', () =>
    services.objectives.okrs(systemActor, pid, { periods: 12 }),
  );
  await time('okrs: 10 key results × 12 months, asOf 3 months back', () =>
    services.objectives.okrs(systemActor, pid, { periods: 12, asOf: '2025-08-14' }),
  );
  await time('values: one indicator, root + 34 provinces', () =>
    services.indicators.values(systemActor, ids[0]!, { period: '2025-10' }),
  );
} finally {
  await drop();
}
