/**
 * Service records at scale: the import's ingest rate (the real pipeline: a CSV file on disk →
 * read stream → parser → row checks → staged batches (COPY on PostgreSQL) → keys, partitions,
 * rollups, in one transaction) and the service indicators' latency for the whole country over a
 * year. A benchmark, not a test.
 *
 *   npx tsx bench/records.ts --engine postgres --ingest 10000000 --indicators 100000000
 *   npx tsx bench/records.ts --engine pglite --ingest 1240000
 *   options: --n 30 (timed indicator queries per shape), --shape national|hanoi (the units and
 *   dates of the file: the country over 2025, 3,400 communes; or Hanoi, 148 units, 1 July –
 *   12 November 2025 as in the article; default national on PostgreSQL, hanoi on PGlite),
 *   --again 100000 (ids re-imported after the ingest, a tenth of them moved a month later)
 *
 * The indicator query reads only the daily rollup (unit × day), whose size is bounded by
 * units × days whatever the number of records; for --indicators N the rollup of N records over
 * 2025 is written directly (3,400 units × 365 days, counts summing to N), on top of what the
 * ingest wrote. The ingest part proves rollup == records on what it loaded.
 */
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, readdirSync, readFileSync } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase, type Database } from '../server/db/client.js';
import { runMigrations } from '../server/db/migrate.js';
import { fixedClock } from '../server/lib/clock.js';
import { systemActor } from '../server/modules/auth/actor.js';
import { createRecordsService } from '../server/modules/records/records.service.js';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2)
  args.set(process.argv[i]!.replace(/^--/, ''), process.argv[i + 1] ?? '');
const engine = (args.get('engine') ?? 'pglite') as 'pglite' | 'postgres';
const ingest = Number(args.get('ingest') ?? (engine === 'postgres' ? 10_000_000 : 1_240_000));
const indicatorRecords = Number(args.get('indicators') ?? (engine === 'postgres' ? 100_000_000 : 0));
const n = Number(args.get('n') ?? 30);
const shape = (args.get('shape') ?? (engine === 'postgres' ? 'national' : 'hanoi')) as 'national' | 'hanoi';
const againCount = Number(args.get('again') ?? 100_000);
const PROVINCES = 34;
const COMMUNES = 100;
/** Hanoi: 22 departments and 126 wards/communes under the city (the demo's shape). */
const HANOI_DEPARTMENTS = 22;
const HANOI_COMMUNES = 126;

async function open(): Promise<Database> {
  if (engine === 'pglite') return openDatabase({ engine: 'pglite' });
  const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `sbbench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const database = await openDatabase({ engine: 'postgres', url: u.toString() });
  return {
    ...database,
    close: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** The country: a root, 34 provinces, 100 communes each (3,435 units). */
async function makeUnits(database: Database) {
  const db = database.db;
  await db.execute(
    sql`insert into units (id, code, name_vi, kind, parent_id, path, depth) values (1, 'VN', 'Việt Nam', 'country', null, '/1/', 0)`,
  );
  await db.execute(sql`insert into units (id, code, name_vi, kind, parent_id, path, depth)
    select 1 + p, 'P' || p, 'Tỉnh ' || p, 'province', 1, '/1/' || (1 + p) || '/', 1 from generate_series(1, ${PROVINCES}) p`);
  await db.execute(sql`insert into units (id, code, name_vi, kind, parent_id, path, depth)
    select 1000 + p * 1000 + c, 'P' || p || '-C' || c, 'Xã ' || c, 'commune', 1 + p, '/1/' || (1 + p) || '/' || (1000 + p * 1000 + c) || '/', 2
      from generate_series(1, ${PROVINCES}) p, generate_series(1, ${COMMUNES}) c`);
  await db.execute(sql`select setval('units_id_seq', 100000)`);
  const codes: string[] = [];
  for (let p = 1; p <= PROVINCES; p++) for (let c = 1; c <= COMMUNES; c++) codes.push(`P${p}-C${c}`);
  return codes;
}

/** Hanoi's units under a province of the country above (P1): 22 departments, 126 communes. */
async function makeHanoi(database: Database) {
  const db = database.db;
  await db.execute(sql`insert into units (id, code, name_vi, kind, parent_id, path, depth)
    select 200000 + k, case when k <= ${HANOI_DEPARTMENTS} then 'HN-S' || k else 'HN-X' || (k - ${HANOI_DEPARTMENTS}) end,
           'Đơn vị ' || k, case when k <= ${HANOI_DEPARTMENTS} then 'department' else 'commune' end, 2,
           '/1/2/' || (200000 + k) || '/', 2
      from generate_series(1, ${HANOI_DEPARTMENTS + HANOI_COMMUNES}) k`);
  const codes: string[] = [];
  for (let k = 1; k <= HANOI_DEPARTMENTS; k++) codes.push(`HN-S${k}`);
  for (let k = 1; k <= HANOI_COMMUNES; k++) codes.push(`HN-X${k}`);
  return codes;
}

/**
 * A CSV file of `total` records in time order (as a system exports them) between `from` and
 * `to` (Hanoi time). Rows `first` … `first + total - 1`; `shift` moves every tenth intake (and
 * its dates) a month later, as corrections do.
 */
async function writeCsv(
  file: string,
  o: { total: number; first?: number; codes: string[]; from: number; days: number; shift?: boolean },
) {
  const span = o.days * 86_400_000;
  const pad = (x: number) => String(x).padStart(2, '0');
  const wall = (ms: number) => {
    const d = new Date(ms + 7 * 3_600_000);
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  };
  const out = createWriteStream(file);
  out.write(
    'record_id,procedure_code,unit_code,received_at,channel,synced,documents_digitised,result_digitised,result_electronic,has_fee,paid_online,due_at,completed_at,supplement_requests,supplement_days\n',
  );
  const all = o.first === undefined ? o.total : ingest;
  let lines: string[] = [];
  for (let j = 0; j < o.total; j++) {
    const i = (o.first ?? 0) + j;
    const h = Math.imul(i + 1, 2654435761) >>> 0;
    let at = o.from + Math.floor((i / all) * span);
    if (o.shift && i % 10 === 0) at += 31 * 86_400_000;
    const done = h % 10 < 9;
    lines.push(
      `R${i},TTHC-${h % 400},${o.codes[h % o.codes.length]},${wall(at)},${h % 3 ? 'online' : 'in_person'},1,${h % 7 ? 1 : 0},${h % 7 ? 1 : 0},${h % 8 ? 1 : 0},${h % 2},${h % 2 && h % 50 ? 1 : 0},${wall(at + 5 * 86_400_000)},${done ? wall(at + (h % 120) * 3_600_000) : ''},${h % 20 === 0 ? 1 : 0},${h % 20 === 0 ? 1.5 : 0}`,
    );
    if (lines.length === 5000) {
      if (!out.write(lines.join('\n') + '\n')) await once(out, 'drain');
      lines = [];
    }
  }
  if (lines.length) out.write(lines.join('\n') + '\n');
  out.end();
  await once(out, 'finish');
  return (await stat(file)).size;
}

/** CPU seconds used so far by this process (Node, and PGlite's worker thread) and by the local PostgreSQL server's processes. */
function cpu() {
  const u = process.cpuUsage();
  let server = 0;
  if (engine === 'postgres') {
    const tick = 100; // USER_HZ
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      try {
        const st = readFileSync(`/proc/${pid}/stat`, 'utf8');
        if (!st.includes('(postgres)')) continue;
        const f = st.slice(st.lastIndexOf(')') + 2).split(' ');
        server += (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) / tick;
      } catch {
        // the process ended meanwhile
      }
    }
  }
  return { node: (u.user + u.system) / 1e6, server };
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};

const load = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' / ');
const loadAtStart = load();
const database = await open();
try {
  await runMigrations(database);
  const codes = await makeUnits(database);
  const records = createRecordsService({ db: database.db, clock: fixedClock('2026-01-15') });
  const rows: string[][] = [];

  if (ingest > 0) {
    const hanoi = shape === 'hanoi' ? await makeHanoi(database) : null;
    const fileCodes = hanoi ?? codes;
    const from = hanoi ? Date.UTC(2025, 5, 30, 17) : Date.UTC(2024, 11, 31, 17);
    const days = hanoi ? 135 : 365;
    const file = path.join(tmpdir(), `steerboard-bench-records-${process.pid}.csv`);
    const again = path.join(tmpdir(), `steerboard-bench-again-${process.pid}.csv`);
    try {
      const g0 = Date.now();
      const bytes = await writeCsv(file, { total: ingest, codes: fileCodes, from, days });
      console.error(
        `  wrote ${ingest.toLocaleString('en')} records (${(bytes / 1e6).toFixed(0)} MB, ${shape}) in ${((Date.now() - g0) / 1000).toFixed(1)} s`,
      );
      let last = 0;
      const c0 = cpu();
      const t0 = Date.now();
      const r = await records.importFile(systemActor, {
        body: createReadStream(file),
        fileName: 'bench.csv',
        format: 'csv',
        mode: 'all',
        source: 'BENCH',
        encoding: 'utf-8',
        onProgress: (p) => {
          if (Date.now() - last > 10_000) {
            last = Date.now();
            console.error(
              `  ${p.rows.toLocaleString('en')} rows, ${Math.round(p.rows / ((Date.now() - t0) / 1000))}/s`,
            );
          }
        },
      });
      const c1 = cpu();
      if (r.status !== 'done') throw new Error(`import ${r.status}: ${JSON.stringify(r.errors.slice(0, 3))}`);
      const rate = Math.round(r.imported / r.seconds);
      const target = engine === 'postgres' ? 50_000 : 15_000;
      const cpuNote = (a: ReturnType<typeof cpu>, b: ReturnType<typeof cpu>, rows: number) =>
        engine === 'postgres'
          ? `CPU µs/record: Node ${(((b.node - a.node) / rows) * 1e6).toFixed(1)}, PostgreSQL ${(((b.server - a.server) / rows) * 1e6).toFixed(1)}`
          : `CPU µs/record (Node + PGlite worker): ${(((b.node - a.node) / rows) * 1e6).toFixed(1)}`;
      rows.push([
        `ingest ${ingest.toLocaleString('en')} records (CSV file, ${shape}, all-or-nothing)`,
        `${r.seconds.toFixed(1)} s`,
        `${rate.toLocaleString('en')}/s`,
        `≥ ${target.toLocaleString('en')}/s`,
        rate >= target ? '✓' : '✗',
        cpuNote(c0, c1, r.imported),
      ]);
      // Re-import of the first ids (the same records, a tenth of them a month later): updates,
      // no duplicates, and the rollup follows the moved ones.
      const m = Math.min(againCount, ingest);
      await writeCsv(again, { total: m, first: 0, codes: fileCodes, from, days, shift: true });
      const c2 = cpu();
      const t1 = Date.now();
      const re = await records.importFile(systemActor, {
        body: createReadStream(again),
        fileName: 'again.csv',
        format: 'csv',
        mode: 'all',
        source: 'BENCH',
        encoding: 'utf-8',
      });
      const c3 = cpu();
      const count = Number(
        (
          (await database.db.execute(sql`select count(*)::bigint as n from service_records`)).rows[0] as {
            n: number;
          }
        ).n,
      );
      rows.push([
        `re-import ${re.imported.toLocaleString('en')} existing ids (a tenth moved a month)`,
        `${((Date.now() - t1) / 1000).toFixed(1)} s`,
        `${Math.round(re.imported / re.seconds).toLocaleString('en')}/s`,
        `${count === ingest ? 'no duplicates' : `DUPLICATES: ${count}`}`,
        count === ingest ? '✓' : '✗',
        cpuNote(c2, c3, re.imported),
      ]);
    } finally {
      await rm(file, { force: true });
      await rm(again, { force: true });
    }
    if (process.env.EXPLAIN) {
      const keys = Array.from({ length: 5000 }, (_, i) => `R${i * 7}`);
      const client = await database.pool.connect();
      await client.query(
        'begin; set local enable_seqscan = off; set local enable_bitmapscan = off; set local enable_hashjoin = off; set local enable_mergejoin = off',
      );
      const plan = await client.query(
        `explain (analyze, costs off) select r.* from unnest($1::text[], $2::text[]) as k(source, record_id) join service_records r on r.source = k.source and r.record_id = k.record_id`,
        [keys.map(() => 'BENCH'), keys],
      );
      await client.query('rollback');
      client.release();
      console.error(plan.rows.map((r: { 'QUERY PLAN': string }) => r['QUERY PLAN'].slice(0, 160)).join('\n'));
    }
    const t2 = Date.now();
    const a = await records.rollupSums(1, '2025-01-01', '2025-12-31');
    const b = await records.directSums(1, '2025-01-01', '2025-12-31');
    const same = JSON.stringify(a) === JSON.stringify(b);
    rows.push([
      'rollup == direct query over the records',
      `${((Date.now() - t2) / 1000).toFixed(1)} s`,
      '',
      same ? 'equal' : 'DIFFERENT',
      same ? '✓' : '✗',
    ]);
  }

  if (indicatorRecords > 0) {
    // Rollup of `indicatorRecords` records over 2025 for every commune × day.
    const cells = PROVINCES * COMMUNES * 365;
    const per = Math.floor(indicatorRecords / cells);
    if (per < 1) throw new Error(`--indicators must be at least ${cells} (one record per commune and day)`);
    await database.db.execute(sql`delete from service_record_days`);
    await database.db.execute(sql`
      insert into service_record_days (unit_id, day, received, online, synced, digitised, with_fee, paid_online,
        completed, on_time, result_electronic, processing_seconds)
      select 1000 + p * 1000 + c, d::date, ${per} + (case when ((p - 1) * 100 + (c - 1)) * 365 + extract(doy from d)::int - 1 < ${indicatorRecords - per * cells} then 1 else 0 end),
             ${Math.round(per * 0.8)}, ${per}, ${Math.round(per * 0.86)}, ${Math.round(per * 0.4)}, ${Math.round(per * 0.39)},
             ${Math.round(per * 0.9)}, ${Math.round(per * 0.87)}, ${Math.round(per * 0.88)}, ${per} * 200000
        from generate_series(1, ${PROVINCES}) p, generate_series(1, ${COMMUNES}) c,
             generate_series('2025-01-01'::date, '2025-12-31'::date, interval '1 day') d`);
    await database.db.execute(sql`delete from service_record_months`);
    await database.db.execute(sql`
      insert into service_record_months (unit_id, month, received, online, synced, digitised, with_fee, paid_online,
        completed, on_time, result_electronic, processing_seconds)
      select unit_id, date_trunc('month', day)::date, sum(received), sum(online), sum(synced), sum(digitised),
             sum(with_fee), sum(paid_online), sum(completed), sum(on_time), sum(result_electronic), sum(processing_seconds)
        from service_record_days group by 1, 2`);
    await database.db.execute(sql`analyze service_record_days`);
    await database.db.execute(sql`analyze service_record_months`);
    const total = await records.rollupSums(1, '2025-01-01', '2025-12-31');
    const shapes = [
      { label: 'country, year', q: { groupBy: 'none' as const } },
      { label: 'country, year, by province', q: { groupBy: 'unit' as const } },
      { label: 'country, year, by month', q: { groupBy: 'month' as const } },
      {
        label: 'province, quarter, by commune',
        q: { groupBy: 'unit' as const, unitId: 2, period: '2025-Q3' },
      },
    ];
    for (const s of shapes) {
      const times: number[] = [];
      for (let i = 0; i < n + 3; i++) {
        const t = performance.now();
        await records.indicators(systemActor, { unitId: 1, period: '2025', ...s.q });
        if (i >= 3) times.push(performance.now() - t);
      }
      const med = quantile(times, 0.5);
      const p95 = quantile(times, 0.95);
      rows.push([
        `indicators: ${s.label} (${total.received.toLocaleString('en')} records)`,
        `median ${med.toFixed(0)} ms`,
        `p95 ${p95.toFixed(0)} ms`,
        '< 500 ms',
        p95 < 500 ? '✓' : '✗',
      ]);
    }
  }

  console.log(
    `\nservice records — ${engine} · ${cpus().length} cores · load average (1/5/15 min) ${loadAtStart} at the start, ${load()} at the end`,
  );
  const widths = [0, 1, 2, 3, 4, 5].map((c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  for (const r of rows) console.log(`| ${r.map((x, i) => x.padEnd(widths[i]!)).join(' | ')} |`);
} finally {
  await database.close();
}
