/**
 * Times the unit tree import through the product's own code (read, check, write in one
 * transaction, paths in SQL): a country of 34 provinces, each with 20 departments and ~100
 * communes (4,114 units), rows shuffled (children before their parents), as XLSX and as CSV;
 * then the same file again with every twelfth row that is a commune moved to province 1 (274 moves). A benchmark, not a test.
 *
 *   npx tsx bench/units-import.ts [--engine postgres|pglite]
 */
import ExcelJS from 'exceljs';
import { runMigrations } from '../server/db/migrate.js';
import { fixedClock } from '../server/lib/clock.js';
import { systemActor } from '../server/modules/auth/actor.js';
import { commitUnitImport, previewUnitImport } from '../server/modules/units/import/import-units.js';
import { UNIT_HEADERS } from '../server/modules/units/import/unit-sheet.js';
import { openScratchDatabase } from './scratch-db.js';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? dflt) : dflt;
};
const engine = arg('engine', 'postgres') as 'pglite' | 'postgres';

type Row = [string, string | null, string, string | null, null, string];
function country(): Row[] {
  const rows: Row[] = [];
  for (let p = 1; p <= 34; p++) {
    const pc = `P${p}`;
    rows.push([pc, null, `Tỉnh Số ${p}`, `Province ${p}`, null, 'province']);
    for (let d = 1; d <= 20; d++)
      rows.push([`${pc}-S${d}`, pc, `Sở số ${d} tỉnh ${p}`, null, null, 'department']);
    for (let c = 1; c <= 100; c++)
      rows.push([`${pc}-X${c}`, pc, `Xã Hòa Bình ${c} tỉnh ${p}`, null, null, 'commune']);
  }
  // A fixed shuffle: children before parents as often as not.
  let seed = 42;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let i = rows.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [rows[i], rows[j]] = [rows[j]!, rows[i]!];
  }
  return rows;
}

async function xlsx(rows: Row[]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Units');
  ws.addRow([...UNIT_HEADERS.en]);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const csv = (rows: Row[]) =>
  Buffer.from(
    [UNIT_HEADERS.vi.slice(0, 6), ...rows]
      .map((r) => r.map((c) => (c === null ? '' : `"${c}"`)).join(','))
      .join('\r\n'),
  );

const ms = (t: bigint) => Number(process.hrtime.bigint() - t) / 1e6;

async function main() {
  const rows = country();
  const out: string[][] = [];
  for (const format of ['xlsx', 'csv'] as const) {
    const { database, drop, version } = await openScratchDatabase(engine, 'sbbench_units');
    try {
      await runMigrations(database);
      const deps = { db: database.db, clock: fixedClock('2025-11-14') };
      const actor = { ...systemActor, locale: 'vi' as const };
      const file = format === 'xlsx' ? await xlsx(rows) : csv(rows);
      let t = process.hrtime.bigint();
      const pre = await previewUnitImport(deps, actor, file, { mode: 'all', format });
      const previewMs = ms(t);
      t = process.hrtime.bigint();
      const res = await commitUnitImport(deps, actor, file, { mode: 'all', format });
      const commitMs = ms(t);
      if (pre.valid !== rows.length || res.created !== rows.length) throw new Error('bench: rows refused');
      const moved = rows.map((r, i): Row =>
        r[5] === 'commune' && i % 12 === 0 ? [r[0], 'P1', r[2], r[3], r[4], r[5]] : r,
      );
      const file2 = format === 'xlsx' ? await xlsx(moved) : csv(moved);
      t = process.hrtime.bigint();
      const again = await commitUnitImport(deps, actor, file2, { mode: 'all', format });
      const moveMs = ms(t);
      out.push([
        version,
        format,
        String(rows.length),
        `${Math.round(file.length / 1024)} kB`,
        previewMs.toFixed(0),
        commitMs.toFixed(0),
        `${again.moved} moved: ${moveMs.toFixed(0)}`,
      ]);
    } finally {
      await drop();
    }
  }
  console.log('engine | format | units | file | preview ms | import ms | re-import with moves ms');
  for (const r of out) console.log(r.join(' | '));
}
void main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
