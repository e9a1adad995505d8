/**
 * Times the criteria matrix for every commune of the country: the national bench tree (~3,773
 * units, 3,298 communes), a set of 17 criteria (12 met / not met, 5 scores with a threshold, 3
 * needing evidence), every commune assessed in two periods (112,132 values), read over real HTTP
 * as the steering member reads it: the whole matrix, the communes missing one criterion, those
 * meeting all, one province's communes, the trend between the periods, and a commune officer's
 * own row. A benchmark, not a test.
 *
 *   npx tsx bench/criteria.ts [--engine postgres|pglite] [--n 30]
 *
 * PostgreSQL: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres); a
 * database sbbench_crit_<random> is created and dropped.
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { sql, type SQL } from 'drizzle-orm';
import pg from 'pg';
import { buildApp } from '../server/app.js';
import { openDatabase, type Database } from '../server/db/client.js';
import { runMigrations } from '../server/db/migrate.js';
import { fixedClock } from '../server/lib/clock.js';
import { systemActor } from '../server/modules/auth/actor.js';
import { createCriteriaRepo } from '../server/modules/criteria/criteria.repo.js';
import { programmeWide } from '../server/modules/criteria/policy.js';
import { generateNational } from './generate.js';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? dflt) : dflt;
};
const engine = arg('engine', 'postgres') as 'pglite' | 'postgres';
const n = Number(arg('n', '30'));
const explain = process.argv.includes('--explain');
const TODAY = '2025-11-14';
const TARGET_MS = 300;

async function open(): Promise<{ database: Database; drop: () => Promise<void> }> {
  if (engine === 'pglite') {
    const database = await openDatabase({ engine: 'pglite' });
    return { database, drop: async () => database.close() };
  }
  const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `sbbench_crit_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const database = await openDatabase({ engine: 'postgres', url: u.toString(), poolSize: 5 });
  return {
    database,
    drop: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

async function signIn(base: string, email: string, password: string) {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${email}: ${res.status}`);
  await res.arrayBuffer();
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('sb_session='))!;
  return async (path: string) => {
    const r = await fetch(base + path, { headers: { cookie } });
    if (r.status !== 200) throw new Error(`GET ${path}: ${r.status} ${(await r.text()).slice(0, 200)}`);
    if (path.includes('.xlsx'))
      return { body: {} as Record<string, unknown>, bytes: (await r.arrayBuffer()).byteLength };
    const text = await r.text();
    return { body: JSON.parse(text) as Record<string, unknown>, bytes: text.length };
  };
}

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const pct = (xs: number[], p: number) =>
  sorted(xs)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]!;
const f = (x: number) => (x < 100 ? x.toFixed(1) : x.toFixed(0));

const { database, drop } = await open();
try {
  await runMigrations(database);
  const db = database.db;
  console.log(`criteria bench on ${engine}: generating the national tree…`);
  const gen = await generateNational(db, { today: TODAY, tasks: 2_000 });
  const t0 = Date.now();
  const setId = Number(
    (
      (
        await db.execute(sql`insert into criteria_sets (programme_id, code, name_vi, unit_kinds, created_at)
          values (${gen.programmeId}, 'CDS-XA-17', 'Bộ 17 tiêu chí chuyển đổi số cấp xã', array['commune'], now()) returning id`)
      ).rows[0] as { id: number }
    ).id,
  );
  // 17 criteria: every fourth one a score (threshold 80 of 100), criteria 2, 13 and 14 need evidence.
  await db.execute(sql`insert into criteria (set_id, code, name_vi, kind, threshold, max_score, evidence_required, sort)
    select ${setId}, 'CDS' || lpad(g::text, 2, '0'), 'Tiêu chí ' || g,
      case when g % 4 = 0 then 'score' else 'boolean' end,
      case when g % 4 = 0 then 80 end, case when g % 4 = 0 then 100 end, g in (2, 13, 14), g
    from generate_series(1, 17) g`);
  // Every commune × criterion × period; met with a probability that grows with the unit's "capacity"
  // and the later period (deterministic: hashint4extended of ids).
  await db.execute(sql`insert into assessments (set_id, criterion_id, unit_id, period, met, score, evidence, entered_as, entered_at)
    select ${setId}, c.id, u.id, p.period,
      x.v >= 40 + c.sort * 2 - p.lift,
      case when c.kind = 'score' then least(100, x.v * 1.0 + 20 - c.sort) end,
      case when c.evidence_required and x.v >= 40 + c.sort * 2 - p.lift then 'QĐ số ' || u.id end,
      'standing', now()
    from units u cross join criteria c
      cross join (values ('2024', 0), ('2025', 15)) p(period, lift)
      cross join lateral (select (abs(hashint4extended(u.id * 31 + c.sort, 7)) % 60
        + abs(hashint4extended(u.id, 3)) % 40)::int as v) x
    where u.kind = 'commune' and c.set_id = ${setId}`);
  // Scores and met agree: a score is met at its threshold.
  await db.execute(sql`update assessments a set met = a.score >= 80 from criteria c
    where c.id = a.criterion_id and c.kind = 'score' and a.set_id = ${setId}`);
  await db.execute(sql`analyze`);
  const counts = (
    await db.execute(sql`select (select count(*) from units where kind = 'commune')::int as communes,
      (select count(*) from units)::int as units, (select count(*) from assessments)::int as values`)
  ).rows[0] as { communes: number; units: number; values: number };
  console.log(
    `  ${counts.units} units, ${counts.communes} communes, ${counts.values} assessment values (${Date.now() - t0} ms)`,
  );
  const c13 = Number(
    (
      (await db.execute(sql`select id from criteria where set_id = ${setId} and code = 'CDS13'`)).rows[0] as {
        id: number;
      }
    ).id,
  );

  if (explain) {
    // The repository's own SQL, explained: a Db whose execute() prefixes EXPLAIN ANALYZE.
    const spy = {
      execute: async (q: SQL) => {
        const plan = await db.execute(sql`explain (analyze, buffers) ${q}`);
        console.log((plan.rows as { 'QUERY PLAN': string }[]).map((r) => r['QUERY PLAN']).join('\n') + '\n');
        return { rows: [] };
      },
    } as unknown as Database['db'];
    const repo = createCriteriaRepo(spy);
    const root = (await db.execute(sql`select path from units where depth = 0 limit 1`)).rows[0] as {
      path: string;
    };
    const f = { rootPath: root.path, kinds: ['commune'], scope: programmeWide() };
    console.log('--- matrix');
    await repo.matrix(setId, '2025', f, { criteria: 17 });
    console.log('--- counts');
    await repo.counts(setId, '2025', f, 17).catch(() => undefined);
    console.log('--- trend units');
    await repo.trendUnits(setId, '2024', '2025', f, 17);
    console.log('--- trend criteria');
    await repo.trendCriteria(setId, '2024', '2025', f);
  }

  const app = await buildApp({
    database,
    clock: fixedClock(TODAY),
    logLevel: 'silent',
    webDir: false,
    loginRateLimit: 1e6,
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  try {
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const steering = await signIn(base, gen.users.steering, gen.password);
    const officer = await signIn(base, gen.users.officer, gen.password);
    const m = `/api/v1/criteria/sets/${setId}`;
    const scenarios: [string, (path: string) => ReturnType<typeof steering>, string][] = [
      ['matrix, all communes, 2025 (steering)', steering, `${m}/matrix?period=2025`],
      ['communes missing CDS13', steering, `${m}/matrix?period=2025&missing=${c13}`],
      ['communes meeting all 17', steering, `${m}/matrix?period=2025&allMet=true`],
      [
        `one province's communes (${gen.filterUnit.code})`,
        steering,
        `${m}/matrix?period=2025&parentUnitId=${gen.filterUnit.id}`,
      ],
      ['trend 2024 → 2025, all communes', steering, `${m}/trend?from=2024&to=2025`],
      [`a commune officer's own row (${gen.officerUnit.code})`, officer, `${m}/matrix?period=2025`],
      ['matrix export XLSX, all communes', steering, `${m}/matrix.xlsx?period=2025`],
    ];
    const out: string[][] = [];
    // The same matrix through the service (SQL and assembly, no HTTP or JSON), to see the split.
    {
      const svc = app.services.criteria;
      for (let i = 0; i < 3; i++) await svc.matrix(systemActor, setId, { period: '2025' });
      const times: number[] = [];
      for (let i = 0; i < n; i++) {
        const t = performance.now();
        await svc.matrix(systemActor, setId, { period: '2025' });
        times.push(performance.now() - t);
      }
      const p95 = pct(times, 95);
      out.push([
        'matrix, all communes, service only (no HTTP)',
        String(n),
        f(pct(times, 50)),
        f(p95),
        p95 < TARGET_MS ? '✓' : '✗',
        'SQL + assembly',
      ]);
      console.log(`  service only: median ${f(pct(times, 50))} ms, p95 ${f(p95)} ms`);
    }
    for (const [name, call, path] of scenarios) {
      for (let i = 0; i < 3; i++) await call(path);
      const times: number[] = [];
      let last: Awaited<ReturnType<typeof call>> | undefined;
      const started = Date.now();
      for (let i = 0; i < n && Date.now() - started < 60_000; i++) {
        const t = performance.now();
        last = await call(path);
        times.push(performance.now() - t);
      }
      const b = last?.body as { rows?: unknown[]; units?: unknown[] } | undefined;
      const rows = b?.rows?.length ?? b?.units?.length;
      const what = b?.units ? 'units changed' : 'rows';
      const note = `${rows !== undefined ? `${rows} ${what}, ` : ''}${Math.round((last?.bytes ?? 0) / 1024)} kB`;
      const p95 = pct(times, 95);
      out.push([name, String(times.length), f(pct(times, 50)), f(p95), p95 < TARGET_MS ? '✓' : '✗', note]);
      console.log(`  ${name}: n ${times.length}, median ${f(pct(times, 50))} ms, p95 ${f(p95)} ms ${note}`);
    }
    console.log(
      `\n| scenario | n | median ms | p95 ms | < ${TARGET_MS} ms | result |\n|---|---|---|---|---|---|`,
    );
    for (const r of out) console.log(`| ${r.join(' | ')} |`);
  } finally {
    await app.close();
  }
} finally {
  await drop();
}
