/**
 * Tasks from a spreadsheet at scale (decision 54): a 100,000-task XLSX and CSV (each task with
 * two coordinators, a tenth of them under a parent in the file) over the national unit tree, then
 * the product's own import — read and check, then the set-based write in one transaction — timed
 * apart, on PostgreSQL and on PGlite. A second run of the same file updates every task by code.
 * Ends by checking that the rollups equal the direct count. A benchmark, not a test.
 *
 *   npx tsx bench/task-import.ts --engine postgres --tasks 100000
 *   npx tsx bench/task-import.ts --engine pglite --tasks 20000
 *   options: --shape national|hanoi (unit tree; default national), --update 1 (re-import as updates)
 */
import { writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { runMigrations } from '../server/db/migrate.js';
import { fixedClock } from '../server/lib/clock.js';
import { systemActor } from '../server/modules/auth/actor.js';
import { createProgrammesRepo } from '../server/modules/programmes/programmes.repo.js';
import { createProgrammesService } from '../server/modules/programmes/programmes.service.js';
import { createTaskImport } from '../server/modules/tasks/import/import-tasks.js';
import { TASK_HEADERS } from '../server/modules/tasks/import/columns.js';
import { createTasksRepo, tasksTransaction } from '../server/modules/tasks/tasks.repo.js';
import { generateHanoiScale, generateNational } from './generate.js';
import { openScratchDatabase } from './scratch-db.js';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2)
  args.set(process.argv[i]!.replace(/^--/, ''), process.argv[i + 1] ?? '');
const engine = (args.get('engine') ?? 'postgres') as 'pglite' | 'postgres';
const n = Number(args.get('tasks') ?? (engine === 'postgres' ? 100_000 : 20_000));
const shape = args.get('shape') ?? 'national';
const again = args.get('update') !== '0';
const TODAY = '2025-11-14';

const { database, drop, version } = await openScratchDatabase(engine, 'sbtaskimp');
try {
  await runMigrations(database);
  const db = database.db;
  const gen = await (shape === 'national'
    ? generateNational(db, { today: TODAY, tasks: 0 })
    : generateHanoiScale(db, { today: TODAY, tasks: 0 }));
  const units = (await db.execute(sql`select code from units order by id`)).rows.map(
    (r) => (r as { code: string }).code,
  );
  const groups = (
    await db.execute(sql`select code from programme_groups where programme_id = ${gen.programmeId}`)
  ).rows.map((r) => (r as { code: string }).code);
  const at = (i: number, k: number) => units[(i * 7919 + k * 104_729) % units.length]!;
  const rowOf = (i: number, suffix: string): (string | null)[] => {
    const lead = at(i, 0);
    const c1 = at(i, 1) === lead ? at(i, 3) : at(i, 1);
    const c2 = at(i, 2) === lead || at(i, 2) === c1 ? at(i, 4) : at(i, 2);
    const month = String((i % 12) + 1).padStart(2, '0');
    return [
      `IMP-${i}`,
      `Nhiệm vụ chuyển đổi số số ${i}${suffix}`,
      groups.length ? groups[i % groups.length]! : null,
      null,
      null,
      lead,
      c1 === c2 ? c1 : `${c1}; ${c2}`,
      'Nguyễn Văn A',
      '01/01/2025',
      `28/${month}/${i % 3 ? 2026 : 2025}`,
      'Báo cáo kết quả',
      String(i % 100),
      '%',
      i % 10 ? 'normal' : 'high',
      i % 10 === 9 ? `IMP-${i - 9}` : null,
      'task',
      i % 50 === 0 ? 'hằng quý' : null,
    ];
  };
  const make = async (suffix: string) => {
    const xlsxPath = path.join(tmpdir(), `sb-tasks-${n}${suffix ? '-u' : ''}.xlsx`);
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: xlsxPath, useSharedStrings: false });
    const ws = wb.addWorksheet('Nhiệm vụ');
    ws.addRow(['KẾ HOẠCH CHUYỂN ĐỔI SỐ — DANH MỤC NHIỆM VỤ']).commit();
    ws.addRow([...TASK_HEADERS.vi]).commit();
    let csv = `${TASK_HEADERS.vi.join(',')}\n`;
    for (let i = 0; i < n; i++) {
      const r = rowOf(i, suffix);
      ws.addRow(r).commit();
      csv += `${r.map((v) => (v === null ? '' : /[",;\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(',')}\n`;
    }
    ws.commit();
    await wb.commit();
    const csvPath = xlsxPath.replace(/\.xlsx$/, '.csv');
    await writeFile(csvPath, '\ufeff' + csv);
    return { xlsxPath, csvPath };
  };
  const clock = fixedClock(TODAY);
  const programmes = createProgrammesService({ repo: createProgrammesRepo(db), clock });
  const imports = createTaskImport({ db, clock, programmes });
  const p = await imports.open(systemActor, gen.programmeId);
  // A kept rollup date, so that the triggers have work to do as in production.
  await tasksTransaction(db, (r) => r.buildRollup(gen.programmeId, TODAY, { kind: 'programme' } as never));
  const { readFile } = await import('node:fs/promises');
  const results: string[][] = [];
  const run = async (label: string, file: string, format: 'xlsx' | 'csv', write: boolean) => {
    const body = await readFile(file);
    const t0 = performance.now();
    const sheet = await imports.read(body, format, 'utf-8');
    const parse = (performance.now() - t0) / 1000;
    if (!write) {
      results.push([
        label,
        format,
        String(sheet.rows.length),
        (sheet.rows.length / parse).toFixed(0),
        '-',
        '-',
        `${(body.length / 1e6).toFixed(1)} MB`,
      ]);
      return;
    }
    const r = await imports.write(systemActor, p, sheet, 'all');
    if (r.refused) throw new Error(`refused: ${JSON.stringify(r.counts.errors.slice(0, 5))}`);
    results.push([
      label,
      format,
      String(sheet.rows.length),
      (sheet.rows.length / parse).toFixed(0),
      ((r.created + r.updated) / r.seconds).toFixed(0),
      `${r.created} created, ${r.updated} updated`,
      `${(body.length / 1e6).toFixed(1)} MB`,
    ]);
  };
  const first = await make('');
  await run('parse only', first.xlsxPath, 'xlsx', false);
  await run('first import', first.csvPath, 'csv', true);
  if (again) {
    const second = await make(' (sửa)');
    await run('update by code', second.xlsxPath, 'xlsx', true);
  }
  const repo = createTasksRepo(db);
  const scope = { kind: 'programme', programmeId: gen.programmeId } as never;
  const f = { programmeId: gen.programmeId, unitRole: 'any' as const };
  const sum = (rows: { n: number }[]) => rows.reduce((a, b) => a + b.n, 0);
  const [fromRollup, direct] = await Promise.all([
    repo.rollupStateCounts(TODAY, f),
    repo.stateCounts(TODAY, scope, f),
  ]);
  const coordinators = (await db.execute(sql`select count(*)::int as n from task_coordinators`)).rows[0] as {
    n: number;
  };
  console.log(
    `\nTask import, ${version}, ${units.length} units (${shape}), ${cpus().length} cores, load ${loadavg()[0]!.toFixed(1)}`,
  );
  console.log(['step', 'format', 'rows', 'read+check rows/s', 'write tasks/s', 'result', 'file'].join(' | '));
  for (const r of results) console.log(r.join(' | '));
  console.log(
    `coordinators: ${coordinators.n}; rollup total ${sum(fromRollup)} = direct ${sum(direct)}: ${sum(fromRollup) === sum(direct) ? 'yes' : 'NO'}`,
  );
} finally {
  await drop();
}
