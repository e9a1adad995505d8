/**
 * The cockpit's requests at Hanoi scale on PGlite, over real HTTP: the demo (Hanoi's 145 units,
 * its tasks, weekly cycle, OKRs, money and registers) with all 1.24 million service records, read
 * by the chair as of a fixed day. Prints median and p95 per request; the target is < 300 ms.
 *
 *   npx tsx bench/cockpit.ts [--records 1240000] [--n 30] [--today 2025-11-14]
 */
import type { AddressInfo } from 'node:net';
import { buildApp } from '../server/app.js';
import { openDatabase } from '../server/db/client.js';
import { runMigrations } from '../server/db/migrate.js';
import { fixedClock } from '../server/lib/clock.js';
import { seedDemo } from '../server/seed/demo.js';
import { signIn } from './http.js';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? dflt) : dflt;
};
const records = Number(arg('records', '1240000'));
const n = Number(arg('n', '30'));
const today = arg('today', '2025-11-14');
const TARGET_MS = 300;

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const at = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.ceil(p * xs.length) - 1)]!;
const ms = (x: number) => (x < 100 ? x.toFixed(1) : x.toFixed(0));

const database = await openDatabase({ engine: 'pglite' });
try {
  await runMigrations(database);
  const t0 = performance.now();
  let shown = '';
  await seedDemo(database.db, {
    today,
    records,
    onProgress: (step, done, total) => {
      const line = `${step}: ${done.toLocaleString('en-US')}`;
      if (done === total && line !== shown) console.log(`  ${(shown = line)}`);
    },
  });
  console.log(
    `demo with ${records.toLocaleString('en-US')} service records: ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );

  const app = await buildApp({
    database,
    clock: fixedClock(today),
    logLevel: 'silent',
    webDir: false,
    loginRateLimit: 1e6,
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  try {
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const chair = await signIn(base, 'chair@hanoi.steerboard.vn', 'Demo@2025vn');
    const programmes = (await chair.get('/api/v1/programmes')) as { id: number; code: string }[];
    const hanoi = programmes.find((p) => p.code === 'HN-NQ57')!;
    const first = (await chair.get(`/api/v1/programmes/${hanoi.id}/cockpit`)) as {
      units: { unit: { id: number } }[];
    };
    const programme = (await chair.get(`/api/v1/programmes/${hanoi.id}`)) as { groups: { id: number }[] };
    const district = first.units[0]!.unit.id;
    const four = new Date(Date.parse(today) - 28 * 86_400_000).toISOString().slice(0, 10);
    const cockpit = `/api/v1/programmes/${hanoi.id}/cockpit`;
    const scenarios: [string, string][] = [
      ['cockpit: programme', cockpit],
      ['cockpit: programme, four weeks back', `${cockpit}?asOf=${four}`],
      ['cockpit: one group', `${cockpit}?groupId=${programme.groups[0]!.id}`],
      ['cockpit: one unit (drill-down)', `${cockpit}?unitId=${district}`],
      ['public page data (no sign-in)', `/api/v1/public/programmes/hanoi-nq57`],
    ];
    console.log(`\nPGlite, Hanoi demo, as of ${today}, n = ${n} each after 3 untimed\n`);
    console.log('| request | median | p95 | target |\n|---|---:|---:|---|');
    for (const [name, path] of scenarios) {
      for (let i = 0; i < 3; i++) await chair.get(path);
      const xs: number[] = [];
      for (let i = 0; i < n; i++) {
        const t = performance.now();
        await chair.get(path);
        xs.push(performance.now() - t);
      }
      const s = sorted(xs);
      const p95 = at(s, 0.95);
      console.log(
        `| ${name} | ${ms(at(s, 0.5))} ms | ${ms(p95)} ms | < ${TARGET_MS} ms ${p95 < TARGET_MS ? '✓' : '✗'} |`,
      );
    }
  } finally {
    await app.close();
  }
} finally {
  await database.close();
}
