/**
 * Times the weekly disbursement table (`GET /api/v1/money/weekly`, through the real app with a
 * signed-in steering member, in-process with `app.inject`) at national scale: the 3,773 units of
 * `generateNational` (Government, 100 central agencies, 34 provinces with 10 departments and 97
 * communes each), every unit holding 1–3 capital plans a year for this year and last year (two
 * sources), a revision on a tenth of them, and payments about every ten days on a back-loaded
 * curve — what the weekly table, the rates and the forecast read.
 *
 *   npx tsx bench/money.ts [--engine postgres|pglite] [--n 30] [--tasks 20000]
 *
 * PostgreSQL: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres); a
 * database sbbench_money_<random> is created and dropped.
 */
import { sql } from 'drizzle-orm';
import { buildApp } from '../server/app.js';
import { runMigrations } from '../server/db/migrate.js';
import { fixedClock } from '../server/lib/clock.js';
import { createMoneyRepo } from '../server/modules/money/money.repo.js';
import { generateNational } from './generate.js';
import { openScratchDatabase } from './scratch-db.js';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? dflt) : dflt;
};
const engine = arg('engine', 'postgres') as 'pglite' | 'postgres';
const n = Number(arg('n', '30'));
const taskCount = Number(arg('tasks', '20000'));
/** SQL to run after the data is loaded (then ANALYZE), e.g. to try an index: --after-load "create index …". */
const afterLoad = process.argv.flatMap((a, i) => (a === '--after-load' ? [process.argv[i + 1]!] : []));
const TODAY = '2025-11-14';
const log = (s: string) => process.stderr.write(s + '\n');

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const pct = (xs: number[], p: number) =>
  sorted(xs)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]!;

const { database, drop, version } = await openScratchDatabase(engine, 'sbbench_money');
try {
  await runMigrations(database);
  const db = database.db;
  const gen = await generateNational(db, { today: TODAY, tasks: taskCount, onProgress: () => {} });
  const t0 = performance.now();
  const pid = gen.programmeId;
  const year = Number(TODAY.slice(0, 4));
  // Plans: 1–3 per unit and year, this year and last; the amount in the first revision.
  await db.execute(sql`
    insert into capital_plans (programme_id, code, unit_id, project, source, year)
    select ${pid}, 'KH-' || y || '-' || u.id || '-' || k, u.id, 'Dự án số hóa ' || u.code,
           (array['local_budget','central_budget','oda','other'])[1 + (u.id + k) % 4], y
      from units u, generate_series(${year - 1}::int, ${year}::int) y, generate_series(1, 3) k
     where u.path like '/%' and k <= 1 + (u.id % 3)`);
  await db.execute(sql`
    insert into capital_plan_revisions (plan_id, amount, effective_from)
    select id, (1 + (id * 7919) % 120) * 1000000000::bigint + (id % 997) * 1000000, make_date(year, 1, 1)
      from capital_plans where programme_id = ${pid}`);
  // A tenth revised upwards in the summer.
  await db.execute(sql`
    insert into capital_plan_revisions (plan_id, amount, effective_from, reason)
    select r.plan_id, r.amount + r.amount / 5, make_date(cp.year, 7, 1), 'Bổ sung vốn'
      from capital_plan_revisions r join capital_plans cp on cp.id = r.plan_id
     where cp.programme_id = ${pid} and cp.id % 10 = 0`);
  // Payments every ten days up to today (last year: the whole year), back-loaded: the share paid
  // by day d of the year grows as (d/365)^2, each unit at its own final rate (25%–95%).
  await db.execute(sql`
    insert into disbursements (plan_id, paid_on, amount, reference, via)
    select cp.id, d, greatest(1, (r.amount * (0.25 + (cp.unit_id % 8) * 0.1)
             * ((extract(doy from d) / 365.0) ^ 2 - ((extract(doy from d) - 10) / 365.0) ^ 2))::bigint),
           'KB-' || cp.id || '-' || extract(doy from d), 'import'
      from capital_plans cp
      join capital_plan_revisions r on r.plan_id = cp.id and r.effective_from = make_date(cp.year, 1, 1)
      cross join lateral generate_series(make_date(cp.year, 1, 10),
        least(make_date(cp.year, 12, 31), ${TODAY}::date), interval '10 days') d
     where cp.programme_id = ${pid}`);
  await db.execute(sql`insert into disbursement_thresholds (programme_id, by_day, min_rate_bp)
    values (${pid}, '06-30', 3000), (${pid}, '09-30', 6000), (${pid}, '12-31', 9500)`);
  for (const q of afterLoad) {
    const t1 = performance.now();
    await db.execute(sql.raw(q));
    log(`after load: ${q} (${Math.round(performance.now() - t1)} ms)`);
  }
  // As autovacuum does after bulk inserts: statistics, and the visibility map that lets the
  // weekly table sum payments from the index alone.
  await db.execute(sql`vacuum analyze`);
  const count = async (t: string) =>
    Number(((await db.execute(sql.raw(`select count(*)::int as n from ${t}`))).rows[0] as { n: number }).n);
  const rows = {
    units: await count('units'),
    plans: await count('capital_plans'),
    revisions: await count('capital_plan_revisions'),
    payments: await count('disbursements'),
  };
  log(
    `${version}: ${Object.entries(rows)
      .map(([k, v]) => `${k} ${v.toLocaleString('en-US')}`)
      .join(', ')}; money loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );

  const app = await buildApp({
    database,
    clock: fixedClock(TODAY),
    logLevel: 'silent',
    webDir: false,
    loginRateLimit: 1e6,
  });
  try {
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: gen.users.steering, password: gen.password },
    });
    if (login.statusCode !== 200) throw new Error(`login ${login.statusCode}: ${login.body}`);
    const cookie = login.headers['set-cookie'];
    const cookies = (Array.isArray(cookie) ? cookie : [cookie!]).map((c) => c.split(';')[0]).join('; ');
    const get = async (url: string) => {
      const r = await app.inject({ method: 'GET', url, headers: { cookie: cookies } });
      if (r.statusCode !== 200) throw new Error(`${url}: ${r.statusCode} ${r.body.slice(0, 300)}`);
      return r;
    };
    const time = async (label: string, url: string, note: (body: string) => string) => {
      let last = '';
      for (let i = 0; i < 3; i++) last = (await get(url)).body;
      const xs: number[] = [];
      for (let i = 0; i < n; i++) {
        const s = performance.now();
        last = (await get(url)).body;
        xs.push(performance.now() - s);
      }
      const med = pct(xs, 50);
      const p95 = pct(xs, 95);
      console.log(
        `| ${label.padEnd(58)} | ${String(n).padStart(3)} | ${med.toFixed(0).padStart(9)} | ${p95
          .toFixed(0)
          .padStart(6)} | ${p95 < 300 ? '✓' : '✗'} | ${note(last)} |`,
      );
    };
    console.log(`\n${version}, national scale, today ${TODAY} (target: p95 < 300 ms)\n`);
    console.log(
      '| scenario                                                   |   n | median ms | p95 ms | < 300 | note |',
    );
    console.log(
      '| ---------------------------------------------------------- | --- | --------- | ------ | ----- | ---- |',
    );
    // The SQL alone (the repository's query, no HTTP, no ranking, no JSON), to see where the time goes.
    const repo = createMoneyRepo(db);
    {
      const xs: number[] = [];
      for (let i = 0; i < n + 3; i++) {
        const s = performance.now();
        await repo.weekly({ programmeId: pid, year, asOf: TODAY, prevAsOf: '2025-11-07', scope: null });
        if (i >= 3) xs.push(performance.now() - s);
      }
      console.log(
        `| ${'weekly table, the SQL alone (repository, no HTTP)'.padEnd(58)} | ${String(n).padStart(3)} | ${pct(
          xs,
          50,
        )
          .toFixed(0)
          .padStart(9)} | ${pct(xs, 95).toFixed(0).padStart(6)} | ${pct(xs, 95) < 300 ? '✓' : '✗'} | |`,
      );
    }
    const units = (b: string) => `${(JSON.parse(b) as { rows: unknown[] }).rows.length} units ranked`;
    await time(
      'weekly table, whole country, this week vs the week before',
      `/api/v1/money/weekly?programmeId=${pid}`,
      units,
    );
    await time(
      'weekly table as of 3 months back',
      `/api/v1/money/weekly?programmeId=${pid}&asOf=2025-08-14`,
      units,
    );
    await time(
      'weekly table, one funding source',
      `/api/v1/money/weekly?programmeId=${pid}&source=local_budget`,
      units,
    );
    await time(
      'weekly table as XLSX',
      `/api/v1/money/weekly.xlsx?programmeId=${pid}`,
      (b) => `${(b.length / 1024).toFixed(0)} kB`,
    );
    await time(
      'rates by unit + totals + both forecasts',
      `/api/v1/money/rates?programmeId=${pid}&by=unit`,
      (b) => `${(JSON.parse(b) as { rows: unknown[] }).rows.length} rows`,
    );
    await time(
      `unit page registers: province ${gen.filterUnit.code} (its subtree)`,
      `/api/v1/units/${gen.filterUnit.id}/registers?programmeId=${pid}`,
      (b) => `${(JSON.parse(b) as { money: { plans: number } }).money.plans} plans`,
    );
  } finally {
    await app.close();
  }
} finally {
  await drop();
}
