import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeWorld, type World } from '../../test/factories.js';
import { testApp, type TestApp } from '../../test/harness.js';
import { systemActor } from '../auth/actor.js';
import { fixedClock } from '../../lib/clock.js';
import { createRecordsService } from './records.service.js';

const HEADER =
  'record_id,procedure_code,unit_code,received_at,channel,synced,documents_digitised,result_digitised,result_electronic,has_fee,paid_online,due_at,completed_at,supplement_requests,supplement_days';

/**
 * The fast path's invariants over more than one batch (staged batches written by set-based
 * statements; COPY on PostgreSQL): a re-import updates in place, even when a record moves to
 * another month or unit; "all" writes nothing on one bad row after batches were written; the
 * rollup equals the direct query afterwards; text with tabs, backslashes and line breaks
 * survives the staging format.
 */
describe('record import, batch by batch', () => {
  let t: TestApp;
  let w: World;
  // Small batches, so that a few thousand rows cross many batch boundaries.
  const BATCH_ROWS = 500;
  const N = 3 * BATCH_ROWS + 70;
  let records: ReturnType<typeof createRecordsService>;
  const run = (lines: string[], mode: 'all' | 'good' = 'all') =>
    records.importFile(systemActor, {
      body: Readable.from([Buffer.from([HEADER, ...lines].join('\n') + '\n')]),
      fileName: 'x.csv',
      format: 'csv',
      mode,
      source: 'TEST',
      encoding: 'utf-8',
    });
  const one = async <T>(q: ReturnType<typeof sql>) => (await t.database.db.execute(q)).rows[0] as T;
  const count = async () => (await one<{ n: number }>(sql`select count(*)::int as n from service_records`)).n;
  const exact = async () => {
    const s = records;
    for (const u of [w.units.city, w.units.communeA, w.units.hamletA, w.units.communeB])
      for (const [from, to] of [
        ['2025-01-01', '2025-12-31'],
        ['2025-03-01', '2025-03-31'],
        ['2025-03-15', '2025-04-10'],
      ] as const)
        expect(await s.rollupSums(u.id, from, to), `${u.code} ${from}…${to}`).toEqual(
          await s.directSums(u.id, from, to),
        );
  };
  /** Row i: March 2025 in CA / CA1 / CB; `moved` sends every tenth to April and unit CB. */
  const row = (i: number, v: { proc?: string; moved?: boolean } = {}) => {
    const move = v.moved && i % 10 === 0;
    const unit = move ? 'CB' : ['CA', 'CA1', 'CB'][i % 3];
    const day = String(1 + (i % 28)).padStart(2, '0');
    const month = move ? '04' : '03';
    const done = i % 4 ? `2025-${month}-${day} 16:00` : '';
    return `T${i},${v.proc ?? 'P1'},${unit},2025-${month}-${day} 08:00,${i % 2 ? 'online' : 'in_person'},1,${i % 3 ? 1 : 0},1,${i % 5 ? 1 : 0},${i % 2},${i % 4 ? 1 : 0},2025-${month}-${day} 12:00,${done},${i % 7 === 0 ? 2 : 0},${i % 7 === 0 ? 0.5 : 0}`;
  };

  beforeAll(async () => {
    t = await testApp({ today: '2025-11-14' });
    w = await makeWorld(t.database.db);
    records = createRecordsService({
      db: t.database.db,
      clock: fixedClock('2025-11-14'),
      importBatchRows: BATCH_ROWS,
    });
  });
  afterAll(() => t.close());

  it('imports more than one batch, then a re-import updates every record in place', async () => {
    const first = await run(Array.from({ length: N }, (_, i) => row(i)));
    expect(first).toMatchObject({ status: 'done', imported: N, failed: 0 });
    expect(await count()).toBe(N);
    await exact();

    // The same ids again, changed, a tenth moved to April and to another unit.
    const again = await run(Array.from({ length: N }, (_, i) => row(i, { proc: 'P2', moved: true })));
    expect(again).toMatchObject({ status: 'done', imported: N, failed: 0 });
    expect(await count()).toBe(N);
    expect(
      await one<{ n: number }>(
        sql`select count(*)::int as n from service_records where procedure_code <> 'P2'`,
      ),
    ).toEqual({ n: 0 });
    expect(
      await one<{ n: number }>(
        sql`select count(distinct (source, record_id))::int as n from service_records`,
      ),
    ).toEqual({ n: N });
    // The key index points at each record's month now.
    expect(
      await one<{ n: number }>(sql`select count(*)::int as n from service_record_keys k
        join service_records r on r.source = k.source and r.record_id = k.record_id and r.received_at = k.received_at`),
    ).toEqual({ n: N });
    const april = await one<{ n: number }>(
      sql`select count(*)::int as n from service_records where received_at >= '2025-03-31T17:00:00Z'`,
    );
    expect(april.n).toBe(Math.ceil(N / 10));
    await exact();
  });

  it('mode "all": one bad row after whole batches were written, and nothing changes', async () => {
    const before = await count();
    const sums = await records.rollupSums(w.units.city.id, '2025-01-01', '2025-12-31');
    const keys = await one<{ n: number }>(sql`select count(*)::int as n from service_record_keys`);
    // New ids and existing ones (which would update), then a bad row at the very end.
    const lines = [
      ...Array.from({ length: BATCH_ROWS + 10 }, (_, i) => row(N + i)),
      ...Array.from({ length: 50 }, (_, i) => row(i, { proc: 'P3' })),
      'BAD1,P1,CA,2025-03-40,online,1,1,1,1,1,1,,,0,0',
    ];
    const r = await run(lines);
    expect(r).toMatchObject({ status: 'refused', imported: 0, failed: 1 });
    expect(r.errors).toEqual([
      expect.objectContaining({ row: lines.length, column: 'received_at', code: 'date' }),
    ]);
    expect(await count()).toBe(before);
    expect(await one<{ n: number }>(sql`select count(*)::int as n from service_record_keys`)).toEqual(keys);
    expect(
      await one<{ n: number }>(
        sql`select count(*)::int as n from service_records where procedure_code = 'P3'`,
      ),
    ).toEqual({ n: 0 });
    expect(await records.rollupSums(w.units.city.id, '2025-01-01', '2025-12-31')).toEqual(sums);
    await exact();
  });

  it('mode "good" across batches: a duplicate id in a later batch is refused, the first row stands', async () => {
    const before = await count();
    const lines = [
      ...Array.from({ length: BATCH_ROWS }, (_, i) => row(N + 100_000 + i)),
      row(N + 100_000 + 5, { proc: 'P9' }),
      row(3, { proc: 'P4', moved: true }),
    ];
    const r = await run(lines, 'good');
    expect(r).toMatchObject({ status: 'done', imported: BATCH_ROWS + 1, failed: 1 });
    expect(r.errors[0]).toMatchObject({ row: BATCH_ROWS + 1, code: 'duplicate_id' });
    expect(await count()).toBe(before + BATCH_ROWS);
    expect(
      await one<{ p: string }>(
        sql`select procedure_code as p from service_records where record_id = ${`T${N + 100_005}`}`,
      ),
    ).toEqual({ p: 'P1' });
    expect(
      await one<{ p: string }>(sql`select procedure_code as p from service_records where record_id = 'T3'`),
    ).toEqual({ p: 'P4' });
    await exact();
  });

  it('keeps tabs, backslashes, quotes and line breaks in text fields exactly', async () => {
    const id = 'X\\1\t"q"';
    const proc = 'Thủ tục\\n "một"\nhai\r\tba';
    const csvField = (s: string) => `"${s.replace(/"/g, '""')}"`;
    const r = await run([`${csvField(id)},${csvField(proc)},CA,2025-05-02,online,1,1,1,1,0,0,,,0,0`]);
    expect(r).toMatchObject({ status: 'done', imported: 1 });
    expect(
      await one<{ p: string }>(sql`select procedure_code as p from service_records where record_id = ${id}`),
    ).toEqual({ p: proc });
    // Imported again: found by its key (an update, not a second record).
    expect(await run([`${csvField(id)},P5,CA,2025-05-03,online,1,1,1,1,0,0,,,0,0`])).toMatchObject({
      status: 'done',
      imported: 1,
    });
    expect(
      await one<{ n: number }>(sql`select count(*)::int as n from service_records where record_id = ${id}`),
    ).toEqual({ n: 1 });
    await exact();
  });
});
