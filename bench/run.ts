/**
 * Timed scenarios over real HTTP against a freshly generated database; prints one table per
 * engine and scale. A benchmark, not a test: nothing fails on time, the ✓/✗ column only compares
 * with the targets of the architecture notes.
 *
 *   npm run bench                                   PGlite at Hanoi scale + PostgreSQL at national scale
 *   npm run bench -- --engine pglite|postgres|both  (default scale: PGlite hanoi, PostgreSQL national)
 *   npm run bench -- --scale hanoi|national         (both engines at that scale unless --engine is given)
 *   options: --n 50  --warmup 5  --today 2025-11-14
 *            --keep                 PostgreSQL: keep the database and print its URL (for bench/explain.ts)
 *            --pg-set name=value    PostgreSQL: ALTER DATABASE … SET name = value before connecting
 *                                   (repeatable; e.g. --pg-set jit=off to measure a server setting)
 *            --after-load "SQL"     run this SQL after the data is generated (then ANALYZE), e.g. to try
 *                                   an index before proposing it to the schema (repeatable)
 *
 * PostgreSQL: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres) names a
 * server where `sbbench_<random>` is created and dropped at the end.
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { buildApp } from '../server/app.js';
import { openDatabase, type Database, type Engine } from '../server/db/client.js';
import { runMigrations } from '../server/db/migrate.js';
import { fixedClock } from '../server/lib/clock.js';
import { generateHanoiScale, generateNational, type Generated } from './generate.js';
import { generateReports } from './generate-reports.js';
import { client, signIn, type Client } from './http.js';

type Scale = 'hanoi' | 'national';
type Plan = { engine: Engine; scale: Scale };

// ---------------------------------------------------------------------------------------------
// Arguments

function parseArgs(argv: string[]) {
  const opts: Record<string, string | true> = {};
  const pgSet: [string, string][] = [];
  const afterLoad: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) throw new Error(`unexpected argument ${a}`);
    const eq = a.indexOf('=');
    const k = eq > 0 ? a.slice(2, eq) : a.slice(2);
    let v: string | true = eq > 0 ? a.slice(eq + 1) : true;
    if (v === true && argv[i + 1] && !argv[i + 1]!.startsWith('--')) v = argv[++i]!;
    if (k === 'pg-set') {
      const m = typeof v === 'string' ? /^([a-z_][a-z0-9_.]*)=(.*)$/.exec(v) : null;
      if (!m) throw new Error('--pg-set takes name=value');
      pgSet.push([m[1]!, m[2]!]);
    } else if (k === 'after-load') {
      if (typeof v !== 'string') throw new Error('--after-load takes an SQL statement');
      afterLoad.push(v);
    } else opts[k] = v;
  }
  const known = ['engine', 'scale', 'n', 'warmup', 'today', 'keep', 'help'];
  const unknown = Object.keys(opts).find((k) => !known.includes(k));
  if (unknown)
    throw new Error(`unknown option --${unknown} (known: ${known.map((k) => '--' + k).join(' ')})`);
  const engine = opts.engine as string | undefined;
  const scale = opts.scale as string | undefined;
  if (engine && !['pglite', 'postgres', 'both'].includes(engine))
    throw new Error('--engine must be pglite, postgres or both');
  if (scale && !['hanoi', 'national'].includes(scale)) throw new Error('--scale must be hanoi or national');
  const engines: Engine[] = !engine || engine === 'both' ? ['pglite', 'postgres'] : [engine as Engine];
  const defaultScale = (e: Engine): Scale => (e === 'pglite' ? 'hanoi' : 'national');
  const plans: Plan[] = engines.map((e) => ({ engine: e, scale: (scale as Scale) ?? defaultScale(e) }));
  const int = (k: string, d: number) => {
    const v = opts[k];
    if (v === undefined) return d;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${k} must be a positive integer`);
    return n;
  };
  return {
    plans,
    n: int('n', 50),
    warmup: int('warmup', 5),
    today: typeof opts.today === 'string' ? opts.today : '2025-11-14',
    keep: opts.keep === true,
    pgSet,
    afterLoad,
    help: opts.help === true,
  };
}

// ---------------------------------------------------------------------------------------------
// Databases

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function openBenchDatabase(
  engine: Engine,
  keep: boolean,
  pgSet: [string, string][],
): Promise<{ database: Database; label: string }> {
  if (engine === 'pglite') {
    const database = await openDatabase({
      engine: 'pglite',
      onSlowStart: () => log('  starting PGlite (in memory; the first start takes a few seconds)…'),
    });
    return { database, label: 'PGlite (in memory, worker thread)' };
  }
  const name = `sbbench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  const [version] = (await admin.query<{ v: string }>(`select current_setting('server_version') as v`)).rows;
  await admin.query(`create database ${name}`);
  for (const [k, v] of pgSet)
    await admin.query(`alter database ${name} set ${k} = '${v.replace(/'/g, "''")}'`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const database = await openDatabase({ engine: 'postgres', url: url.toString() });
  const close = database.close;
  return {
    label:
      `PostgreSQL ${version?.v ?? ''} (${url.host}/${name})` +
      (pgSet.length ? ` with ${pgSet.map(([k, v]) => `${k}=${v}`).join(', ')}` : ''),
    database: {
      ...database,
      close: async () => {
        await close();
        if (keep) return log(`  kept database: ${url.toString()}`);
        const c = new pg.Client({ connectionString: ADMIN_URL });
        await c.connect();
        await c.query(`drop database if exists ${name} with (force)`);
        await c.end();
      },
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Measuring

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = (msg: string) => console.log(msg);
const fmt = (n: number) => n.toLocaleString('en-US');
const ms = (n: number) => (n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : n.toFixed(0));

function percentile(sorted: number[], p: number) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

type Row = {
  scenario: string;
  n: number;
  median: number;
  p95: number;
  p99: number;
  /** The percentile the target applies to, and the target in ms (null: no target at this engine/scale). */
  on: 'p95' | 'p99';
  target: number | null;
  note: string;
};

/** Sequential requests: `warmup` untimed, then up to `n` timed (fewer if one scenario would pass `budgetMs`). */
async function timed(
  fn: (i: number) => Promise<unknown>,
  o: { n: number; warmup: number; budgetMs: number },
): Promise<{ samples: number[]; last: unknown }> {
  let last: unknown;
  for (let i = 0; i < o.warmup; i++) last = await fn(i);
  const samples: number[] = [];
  const started = performance.now();
  for (let i = 0; i < o.n; i++) {
    const t0 = performance.now();
    last = await fn(o.warmup + i);
    samples.push(performance.now() - t0);
    if (samples.length >= 10 && performance.now() - started > o.budgetMs) break;
  }
  return { samples, last };
}

/** As timed(), but `prepare` (a write that sets the scene) runs before each call, untimed. */
async function timedAfter(
  prepare: (i: number) => Promise<unknown>,
  fn: (i: number) => Promise<unknown>,
  o: { n: number; warmup: number; budgetMs: number },
): Promise<{ samples: number[]; last: unknown }> {
  let i = 0;
  const started = performance.now();
  let last: unknown;
  const samples: number[] = [];
  for (; i < o.warmup; i++) {
    await prepare(i);
    last = await fn(i);
  }
  for (; i < o.warmup + o.n; i++) {
    await prepare(i);
    const t0 = performance.now();
    last = await fn(i);
    samples.push(performance.now() - t0);
    if (samples.length >= 10 && performance.now() - started > o.budgetMs) break;
  }
  return { samples, last };
}

function row(
  scenario: string,
  samples: number[],
  target: number | null,
  note: string,
  on: Row['on'] = 'p95',
): Row {
  const s = [...samples].sort((a, b) => a - b);
  return {
    scenario,
    n: s.length,
    median: percentile(s, 50),
    p95: percentile(s, 95),
    p99: percentile(s, 99),
    on,
    target,
    note,
  };
}

/** A deterministic sequence of task ids (mulberry32), so two runs ask for the same tasks. */
function idSequence(min: number, max: number, seed = 42) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const r = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    return min + Math.floor(r * (max - min + 1));
  };
}

// ---------------------------------------------------------------------------------------------

type Summary = { total: number; overdueByUnit: unknown[]; byState: Record<string, number> };
type List = { total: number; items: unknown[] };

async function runPlan(plan: Plan, o: ReturnType<typeof parseArgs>) {
  const engineName = plan.engine === 'pglite' ? 'PGlite' : 'PostgreSQL';
  log(`\n=== ${engineName} · ${plan.scale} scale ===`);
  const t0 = performance.now();
  const { database, label } = await openBenchDatabase(plan.engine, o.keep, o.pgSet);
  try {
    await runMigrations(database);
    log(`  ${label}: opened and migrated in ${fmt(Math.round(performance.now() - t0))} ms`);
    log(`  generating (${plan.scale})…`);
    const gen: Generated =
      plan.scale === 'national'
        ? await generateNational(database.db, { today: o.today, onProgress: log })
        : await generateHanoiScale(database.db, { today: o.today, onProgress: log });
    log(
      `  loaded in ${(gen.loadMs / 1000).toFixed(1)} s: ` +
        Object.entries(gen.rows)
          .map(([k, v]) => `${k} ${fmt(v)}`)
          .join(', '),
    );

    const reports = await generateReports(database.db, {
      programmeId: gen.programmeId,
      today: gen.today,
      weeks: 52,
      entryWeeks: 2,
      log,
    });

    for (const statement of o.afterLoad) {
      const t1 = performance.now();
      await database.db.execute(sql.raw(statement));
      log(`  after load: ${statement} (${fmt(Math.round(performance.now() - t1))} ms)`);
    }
    if (o.afterLoad.length) await database.db.execute(sql.raw('analyze'));

    const app = await buildApp({
      database,
      clock: fixedClock(gen.today),
      logLevel: 'silent',
      webDir: false,
      loginRateLimit: 1e6,
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
    try {
      const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
      const [admin, steering, officer] = await Promise.all([
        signIn(base, gen.users.admin, gen.password),
        signIn(base, gen.users.steering, gen.password),
        signIn(base, gen.users.officer, gen.password),
      ]);
      const anon = client(base);
      const rows = await scenarios(plan, gen, { admin, steering, officer, anon }, o, database);
      rows.push(...(await cycleScenarios(plan, gen, reports.periods, steering, o, database)));
      printTable(plan, gen, rows, plan.engine === 'postgres' ? o.pgSet : [], o.afterLoad);
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
  }
}

async function scenarios(
  plan: Plan,
  gen: Generated,
  c: { admin: Client; steering: Client; officer: Client; anon: Client },
  o: ReturnType<typeof parseArgs>,
  database: Database,
): Promise<Row[]> {
  const pid = gen.programmeId;
  const target =
    plan.engine === 'postgres' && plan.scale === 'national'
      ? 100
      : plan.engine === 'pglite' && plan.scale === 'hanoi'
        ? 300
        : null;
  const budgetMs = 30_000;
  const run = (fn: (i: number) => Promise<unknown>) => timed(fn, { n: o.n, warmup: o.warmup, budgetMs });
  const rows: Row[] = [];
  const step = (r: Row) => {
    rows.push(r);
    log(`  ${r.scenario}: n ${r.n}, median ${ms(r.median)} ms, p95 ${ms(r.p95)} ms  ${r.note}`);
  };

  const summaryUrl = `/api/v1/tasks/summary?programmeId=${pid}`;
  const summary = await run(() => c.steering.get(summaryUrl));
  const s = summary.last as Summary;
  step(
    row(
      'summary (steering: counts by state/level/group + overdue by unit)',
      summary.samples,
      target,
      `${fmt(s.total)} tasks, ${fmt(s.byState.overdue ?? 0)} overdue, ${s.overdueByUnit.length} units listed`,
    ),
  );

  // The first summary of a date fills the rollups (decision 8); later ones, and every count, read them.
  const forget = () =>
    database.db.execute(sql`with d as (delete from task_rollup_dates where programme_id = ${pid}),
      c as (delete from task_state_counts where programme_id = ${pid})
      delete from task_overdue_by_unit where programme_id = ${pid}`);
  const first = await timedAfter(forget, () => c.steering.get(summaryUrl), {
    n: Math.min(o.n, 10),
    warmup: 1,
    budgetMs,
  });
  step(
    row(
      'summary, first read of a date (fills the rollups; once per date)',
      first.samples,
      null,
      `${fmt((first.last as Summary).total)} tasks`,
    ),
  );
  // What keeping the rollups costs a write: a task completed and reopened (triggers of both rollups).
  const someTask = gen.taskIds.min + Math.floor((gen.taskIds.max - gen.taskIds.min) / 2);
  const original = (await database.db.execute(sql`select completed_on from tasks where id = ${someTask}`))
    .rows[0] as { completed_on: string | null };
  const write = await run((i) =>
    database.db.execute(
      sql`update tasks set completed_on = ${i % 2 === 0 ? gen.today : null}::date where id = ${someTask}`,
    ),
  );
  await database.db.execute(
    sql`update tasks set completed_on = ${original.completed_on}::date where id = ${someTask}`,
  );
  step(
    row(
      'a task completed / reopened (SQL update; rollups and tasks_version kept by triggers)',
      write.samples,
      null,
      `task ${fmt(someTask)}, rollups kept for 1 date`,
    ),
  );

  const overdue = await run(() => c.steering.get(`/api/v1/tasks?programmeId=${pid}&state=overdue&limit=100`));
  step(
    row(
      'overdue list, first page of 100 (steering)',
      overdue.samples,
      target,
      `total ${fmt((overdue.last as List).total)}`,
    ),
  );

  const nextId = idSequence(gen.taskIds.min, gen.taskIds.max);
  const detail = await run(() => c.admin.get(`/api/v1/tasks/${nextId()}`));
  step(
    row(
      'task detail, random ids (admin)',
      detail.samples,
      target,
      `ids ${fmt(gen.taskIds.min)}–${fmt(gen.taskIds.max)}`,
    ),
  );

  const q = encodeURIComponent('dữ liệu');
  const filtered = await run(() =>
    c.steering.get(
      `/api/v1/tasks?programmeId=${pid}&unitId=${gen.filterUnit.id}&state=in_progress&q=${q}&limit=100`,
    ),
  );
  step(
    row(
      `filtered page: unit ${gen.filterUnit.code} + in_progress + q="dữ liệu" (steering)`,
      filtered.samples,
      target,
      `total ${fmt((filtered.last as List).total)}`,
    ),
  );

  const officer = await run(() => c.officer.get(`/api/v1/tasks?programmeId=${pid}&limit=100`));
  step(
    row(
      `commune officer's list, scoped to ${gen.officerUnit.code} (unit_officer)`,
      officer.samples,
      target,
      `total ${fmt((officer.last as List).total)}`,
    ),
  );

  // /health while a heavy query runs in a loop: the event loop must stay free meanwhile. The
  // summary reads the rollups now; a folded search over the whole programme reads every task.
  const heavyUrl = `/api/v1/tasks?programmeId=${pid}&q=${q}&limit=100`;
  let stop = false;
  let heavy = 0;
  const loop = (async () => {
    while (!stop) {
      await c.steering.get(heavyUrl);
      heavy++;
    }
  })();
  await sleep(5);
  const health: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t = performance.now();
    await c.anon.get('/health');
    health.push(performance.now() - t);
    await sleep(5);
  }
  stop = true;
  await loop;
  step(
    row(
      '/health, 200 sequential, while a whole-programme search runs in a loop',
      health,
      50,
      `${heavy} searches meanwhile`,
      'p99',
    ),
  );
  return rows;
}

/** The weekly cycle at this scale: drawing a period's warning list, and the discipline table. */
async function cycleScenarios(
  plan: Plan,
  gen: Generated,
  periods: string[],
  steering: Client,
  o: ReturnType<typeof parseArgs>,
  database: Database,
): Promise<Row[]> {
  const national = plan.engine === 'postgres' && plan.scale === 'national';
  const run = (fn: (i: number) => Promise<unknown>) =>
    timed(fn, { n: o.n, warmup: o.warmup, budgetMs: 60_000 });
  const rows: Row[] = [];
  const step = (r: Row) => {
    rows.push(r);
    log(`  ${r.scenario}: n ${r.n}, median ${ms(r.median)} ms, p95 ${ms(r.p95)} ms  ${r.note}`);
  };
  const period = periods.at(-1)!;
  type WL = { units: number };
  const draw = await run(() =>
    steering.post('/api/v1/warning-lists/compute', { programmeId: gen.programmeId, period }),
  );
  step(
    row(
      `warning list of ${period}: drawn again from the record (steering)`,
      draw.samples,
      national ? 1000 : null,
      `${fmt((draw.last as WL).units)} units listed`,
    ),
  );
  const read = await run(() => steering.get(`/api/v1/programmes/${gen.programmeId}/warning-lists/${period}`));
  step(
    row(
      `warning list of ${period}: read for review (steering)`,
      read.samples,
      null,
      `${fmt((read.last as { units: unknown[] }).units.length)} units, first 10 items of each reason`,
    ),
  );
  type D = { units: unknown[]; totals: { expected: number; reportingRate: number } };
  const from = periods.at(-12)!;
  const table = await run(() =>
    steering.get(`/api/v1/discipline?programmeId=${gen.programmeId}&from=${from}&to=${period}`),
  );
  const d = table.last as D;
  step(
    row(
      `discipline table ${from}…${period}, whole programme (steering)`,
      table.samples,
      national ? 300 : null,
      `${fmt(d.units.length)} units, ${fmt(d.totals.expected)} expected, rate ${d.totals.reportingRate}%`,
    ),
  );
  // Cold: right after a task really changed (its start moves by a week, back and forth; untimed):
  // the kept "who was expected" is brought up to date for its lead and coordinating units.
  const movedTask = gen.taskIds.min + Math.floor((gen.taskIds.max - gen.taskIds.min) / 3);
  const started = (await database.db.execute(sql`select start_date from tasks where id = ${movedTask}`))
    .rows[0] as { start_date: string | null };
  const cold = await timedAfter(
    (i) =>
      database.db.execute(
        sql`update tasks set start_date = coalesce(start_date, ${gen.today}::date) + ${i % 2 === 0 ? -7 : 7}::int
             where id = ${movedTask}`,
      ),
    () => steering.get(`/api/v1/discipline?programmeId=${gen.programmeId}&from=${from}&to=${period}`),
    { n: o.n, warmup: o.warmup, budgetMs: 60_000 },
  );
  step(
    row(
      `discipline table ${from}…${period}, right after a task changed (cold)`,
      cold.samples,
      national ? 300 : null,
      `the first reading after task ${fmt(movedTask)}'s start moved`,
    ),
  );
  await database.db.execute(
    sql`update tasks set start_date = ${started.start_date}::date where id = ${movedTask}`,
  );
  // After a write that names no units (a deleted task, a bulk load): everything is read again.
  const full = await timedAfter(
    () =>
      database.db.execute(
        sql`update programmes set tasks_version = tasks_version + 1 where id = ${gen.programmeId}`,
      ),
    () => steering.get(`/api/v1/discipline?programmeId=${gen.programmeId}&from=${from}&to=${period}`),
    { n: o.n, warmup: o.warmup, budgetMs: 60_000 },
  );
  step(
    row(
      `discipline table ${from}…${period}, after a change of unknown units (all read again)`,
      full.samples,
      null,
      'as after a deleted task or a bulk write',
    ),
  );
  const one = await run(() =>
    steering.get(`/api/v1/discipline?programmeId=${gen.programmeId}&from=${period}&to=${period}`),
  );
  step(row(`discipline table, one period (steering)`, one.samples, national ? 300 : null, ''));
  return rows;
}

function printTable(
  plan: Plan,
  gen: Generated,
  rows: Row[],
  settings: [string, string][],
  afterLoad: string[],
) {
  const engineName =
    plan.engine === 'pglite'
      ? 'PGlite'
      : `PostgreSQL${settings.length ? ` (${settings.map(([k, v]) => `${k}=${v}`).join(', ')})` : ''}`;
  log(
    `\n${engineName} · ${plan.scale} scale (${fmt(gen.rows.tasks ?? 0)} tasks, ${fmt(gen.rows.units ?? 0)} units, ` +
      `loaded in ${(gen.loadMs / 1000).toFixed(1)} s) · as of ${gen.today}` +
      (afterLoad.length ? `\nafter load: ${afterLoad.join('; ')}` : '') +
      '\n',
  );
  const head = ['scenario', 'n', 'median ms', 'p95 ms', 'p99 ms', 'target', 'ok', 'result'];
  const body = rows.map((r) => {
    const value = r.on === 'p95' ? r.p95 : r.p99;
    return [
      r.scenario,
      String(r.n),
      ms(r.median),
      ms(r.p95),
      ms(r.p99),
      r.target === null ? '—' : `${r.on} < ${r.target} ms`,
      r.target === null ? '' : value < r.target ? '✓' : '✗',
      r.note,
    ];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const right = new Set([1, 2, 3, 4]);
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (right.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' | ')} |`;
  log(line(head));
  log(`|${widths.map((w, i) => (right.has(i) ? '-'.repeat(w + 1) + ':' : '-'.repeat(w + 2))).join('|')}|`);
  for (const b of body) log(line(b));
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  if (o.help) {
    log(
      'usage: npm run bench -- [--engine pglite|postgres|both] [--scale hanoi|national] [--n 50] [--warmup 5]\n' +
        '                        [--today YYYY-MM-DD] [--keep] [--pg-set name=value]… [--after-load SQL]…',
    );
    return;
  }
  const started = performance.now();
  for (const plan of o.plans) await runPlan(plan, o);
  log(`\nbench finished in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
