import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/dates.js';
import { makeWorld, type World } from '../../test/factories.js';
import { testApp, type Caller, type TestApp } from '../../test/harness.js';

const HEADER =
  'record_id,procedure_code,unit_code,received_at,channel,synced,documents_digitised,result_digitised,result_electronic,has_fee,paid_online,due_at,completed_at,supplement_requests,supplement_days';
const csv = (...rows: string[]) => Buffer.from([HEADER, ...rows].join('\n') + '\n');

/** Service records go in through files and the API; indicators come out of them, scoped and exact. */
describe('service records', () => {
  let t: TestApp;
  let w: World;
  const as: Record<string, Caller> = {};
  const upload = (who: string, body: Buffer, query = 'format=csv', lang = 'en') =>
    as[who]!({
      method: 'POST',
      url: `/api/v1/service-records/imports?${query}`,
      headers: { 'content-type': 'application/octet-stream' },
      payload: body,
      lang,
    });
  const indicators = async (who: string, query: string) => {
    const res = await as[who]!({ method: 'GET', url: `/api/v1/service-indicators?${query}` });
    return res;
  };
  const value = (body: { indicators: { code: string; value: number | null }[] }, code: string) =>
    body.indicators.find((i) => i.code === `records.${code}`)!;
  const count = async () =>
    Number(
      (
        (await t.database.db.execute(sql`select count(*)::int as n from service_records`)).rows[0] as {
          n: number;
        }
      ).n,
    );

  beforeAll(async () => {
    t = await testApp({ today: '2025-11-14' });
    w = await makeWorld(t.database.db);
    for (const [k, u] of Object.entries(w.u)) as[k] = await t.login(u.email);
  });
  afterAll(() => t.close());

  it('imports a CSV and computes every indicator by the 766 formulas', async () => {
    const res = await upload(
      'admin',
      csv(
        // online, synced, digitised, electronic result, paid online, on time
        'A1,P1,CA,2025-07-01 08:00,online,1,1,1,1,1,1,2025-07-05 17:00,2025-07-03 10:00,0,0',
        // in person, one supplement of 3 days: done 2 days after due, but on time once waiting is excluded
        'A2,P1,CA,01/07/2025 09:00,in_person,1,1,0,0,1,0,05/07/2025 17:00,07/07/2025 17:00,1,3',
        // two supplement requests: late whatever the dates
        'A3,P2,CA1,2025-07-02,post,0,0,0,1,0,0,2025-07-20,2025-07-03,2,0',
        // not completed yet, no fee
        'B1,P2,CB,2025-07-10T10:00:00+07:00,online,1,1,1,0,0,0,2025-07-20,,0,0',
      ),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'done', rows: 4, imported: 4, failed: 0, errors: [] });

    const city = (await indicators('admin', `unitId=${w.units.city.id}&period=2025-07`)).json();
    expect(city.records).toBe(4);
    expect(value(city, 'sync_rate')).toMatchObject({ numerator: 3, denominator: 4, value: 75 });
    expect(value(city, 'online_application_rate')).toMatchObject({ numerator: 2, denominator: 4, value: 50 });
    expect(value(city, 'digitisation_rate')).toMatchObject({ numerator: 2, denominator: 4, value: 50 });
    expect(value(city, 'electronic_result_rate')).toMatchObject({
      numerator: 2,
      denominator: 3,
      value: 66.67,
    });
    expect(value(city, 'online_payment_rate')).toMatchObject({ numerator: 1, denominator: 2, value: 50 });
    expect(value(city, 'on_time_rate')).toMatchObject({ numerator: 2, denominator: 3, value: 66.67 });
    // 2 d 2 h + (6 d 8 h − 3 d) + 1 d = 6.42 days over 3 records = 2.14
    expect(value(city, 'average_processing_days')).toMatchObject({ denominator: 3, value: 2.14 });

    // Nothing in August: every rate is "not applicable", not 0.
    const aug = (await indicators('admin', `unitId=${w.units.city.id}&from=2025-08-01&to=2025-08-31`)).json();
    expect(aug.records).toBe(0);
    expect(aug.indicators.every((i: { value: number | null }) => i.value === null)).toBe(true);
  });

  it('the rollup equals the direct query, and a parent is the ratio of sums of its children', async () => {
    const s = t.app.services.records;
    // Whole months (monthly rollup), parts of months (daily rows at the ends), single days.
    const ranges = [
      ['2025-06-01', '2025-12-31'],
      ['2025-07-02', '2025-09-15'],
      ['2025-07-01', '2025-07-01'],
      ['2025-07-03', '2025-07-07'],
    ] as const;
    for (const u of [w.units.city, w.units.communeA, w.units.hamletA, w.units.communeB])
      for (const [from, to] of ranges)
        expect(await s.rollupSums(u.id, from, to)).toEqual(await s.directSums(u.id, from, to));
    const city = (await indicators('admin', `unitId=${w.units.city.id}&period=2025-Q3&groupBy=unit`)).json();
    const groups = city.groups as {
      key: string;
      indicators: { code: string; numerator: number; denominator: number }[];
    }[];
    expect(groups.map((g) => g.key)).toContain(String(w.units.communeA.id));
    for (const ind of city.indicators as {
      code: string;
      numerator: number;
      denominator: number;
      value: number | null;
    }[]) {
      const parts = groups.map((g) => g.indicators.find((i) => i.code === ind.code)!);
      const num = parts.reduce((a, p) => a + p.numerator, 0);
      const den = parts.reduce((a, p) => a + p.denominator, 0);
      expect(ind.numerator).toBeCloseTo(num, 2);
      expect(ind.denominator).toBe(den);
      if (ind.code !== 'records.average_processing_days')
        expect(ind.value).toBe(den ? Math.round((10000 * num) / den) / 100 : null);
    }
    const months = (await indicators('admin', `unitId=${w.units.city.id}&period=2025&groupBy=month`)).json();
    expect(months.groups.map((g: { key: string }) => g.key)).toEqual(['2025-07']);
  });

  it('many asks in one statement answer as one ask each; the last day with data is found', async () => {
    const s = t.app.services.records;
    const asks = [
      { unitId: w.units.city.id, from: '2025-06-01', to: '2025-12-31' },
      { unitId: w.units.communeA.id, from: '2025-07-02', to: '2025-09-15' },
      { unitId: w.units.communeB.id, from: '2025-07-03', to: '2025-07-07' },
      { unitId: w.units.city.id, from: '2024-01-01', to: '2024-12-31' },
    ];
    const many = await s.computeMany(asks);
    expect(many).toEqual(await Promise.all(asks.map((a) => s.compute(a))));
    // The records imported above end in July 2025: read later, the last day with data is then.
    const last = await s.lastDay(w.units.city.id, '2026-12-01');
    expect(last).toMatch(/^2025-07-\d\d$/);
    expect(await s.lastDay(w.units.city.id, '2025-06-30')).toBeNull();
    expect(await s.lastDay(w.units.city.id, last!)).toBe(last);
    expect(await s.directSums(w.units.city.id, addDays(last!, 1), '2026-12-01')).toMatchObject({
      received: 0,
    });
  });

  it('a re-import updates the same records, never duplicates them, and the rollup stays exact', async () => {
    const before = await count();
    // A2 completed later now, and A1 moved to another month (a corrected intake date).
    const res = await upload(
      'admin',
      csv(
        'A1,P1,CA,2025-08-01 08:00,online,1,1,1,1,1,1,2025-08-05 17:00,2025-08-03 10:00,0,0',
        'A2,P1,CA,01/07/2025 09:00,in_person,1,1,0,0,1,0,05/07/2025 17:00,,1,3',
      ),
    );
    expect(res.json()).toMatchObject({ status: 'done', imported: 2 });
    expect(await count()).toBe(before);
    const s = t.app.services.records;
    expect(await s.rollupSums(w.units.city.id, '2025-06-01', '2025-12-31')).toEqual(
      await s.directSums(w.units.city.id, '2025-06-01', '2025-12-31'),
    );
    const july = (await indicators('admin', `unitId=${w.units.city.id}&period=2025-07`)).json();
    expect(july.records).toBe(3);
    const parts = await t.database.db.execute(
      sql`select count(*)::int as n from pg_inherits where inhparent = 'service_records'::regclass`,
    );
    expect((parts.rows[0] as { n: number }).n).toBe(2); // July and August partitions
  });

  it('all-or-nothing: bad rows are reported per row and column, and nothing is written', async () => {
    const before = await count();
    const res = await upload(
      'admin',
      csv(
        'C1,P1,CA,2025-09-01,online,1,1,1,1,1,1,,,0,0',
        'C2,P1,CA,31/02/2025,online,1,1,1,1,1,1,,,0,0',
        'C3,P1,CA,2025-09-02,fax,1,1,1,1,1,1,,,-1,0',
        'C4,P1,NOPE,2025-09-02,online,1,1,1,1,1,1,,,0,0',
        'C5,P1,CA,2025-09-05,online,1,1,1,1,1,1,,2025-09-01,0,0',
        'C1,P1,CA,2025-09-01,online,1,1,1,1,1,1,,,0,0',
      ),
      'format=csv',
      'vi',
    );
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ status: 'refused', rows: 6, imported: 0, failed: 5 });
    const errs = body.errors as { row: number; column: string; code: string; message: string }[];
    expect(errs.map((e) => [e.row, e.column, e.code])).toEqual([
      [2, 'received_at', 'date'],
      [3, 'channel', 'channel'],
      [3, 'supplement_requests', 'count'],
      [4, 'unit_code', 'unknown_unit'],
      [5, 'completed_at', 'completed_before_received'],
      [6, 'record_id', 'duplicate_id'],
    ]);
    expect(errs[0]!.message).toContain('không phải ngày giờ');
    expect(await count()).toBe(before);
    const report = (
      await as.admin!({ method: 'GET', url: `/api/v1/service-records/imports/${body.importId}` })
    ).json();
    expect(report).toMatchObject({ status: 'refused', failed: 5 });
    expect(report.errors).toHaveLength(6);
  });

  it('"import the good rows" keeps the good ones', async () => {
    const before = await count();
    const res = await upload(
      'admin',
      csv('D1,P1,CA,2025-09-01,online,1,1,1,1,1,1,,,0,0', 'D2,P1,CA,2025-09-01,online,1,1,1,1,1,1,,,x,0'),
      'format=csv&mode=good',
    );
    expect(res.json()).toMatchObject({ status: 'done', imported: 1, failed: 1 });
    expect(res.json().errors[0]).toMatchObject({ row: 2, column: 'supplement_requests' });
    expect(await count()).toBe(before + 1);
  });

  it('a duplicate id far down the file is caught too (the first row stands; across batches: importer.test.ts)', async () => {
    const rows = Array.from({ length: 5001 }, (_, i) => `E${i},P1,CA,2025-09-03,online,1,1,1,1,1,1,,,0,0`);
    const res = await upload(
      'admin',
      csv(...rows, 'E1,P9,CA,2025-09-04,post,1,1,1,1,1,1,,,0,0'),
      'format=csv&mode=good',
    );
    expect(res.json()).toMatchObject({ status: 'done', imported: 5001, failed: 1 });
    expect(res.json().errors[0]).toMatchObject({ row: 5002, code: 'duplicate_id' });
    const e1 = await t.database.db.execute(
      sql`select procedure_code from service_records where record_id = 'E1'`,
    );
    expect(e1.rows).toEqual([{ procedure_code: 'P1' }]);
    const s = t.app.services.records;
    expect(await s.rollupSums(w.units.city.id, '2025-01-01', '2025-12-31')).toEqual(
      await s.directSums(w.units.city.id, '2025-01-01', '2025-12-31'),
    );
  });

  it('encodings: UTF-8 with a BOM is read; Windows-1258 is refused as UTF-8 and read when chosen', async () => {
    const bom = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      csv('F1,Cấp phép,CA,2025-09-01,online,có,có,có,có,không,không,,,0,0'),
    ]);
    expect((await upload('admin', bom)).json()).toMatchObject({ status: 'done', imported: 1 });
    // Windows-1258 writes "ý" as y + a combining acute (0xEC).
    const cp = Buffer.concat([
      iconv.encode(`${HEADER}\nF2,Đăng ky`, 'windows1258'),
      Buffer.from([0xec]),
      iconv.encode(`,CA,2025-09-01,online,1,1,1,1,0,0,,,0,0\n`, 'windows1258'),
    ]);
    const refused = await upload('admin', cp);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('import_encoding');
    expect(refused.json().error.message).toContain('Windows-1258');
    expect((await upload('admin', cp, 'format=csv&encoding=windows-1258')).json()).toMatchObject({
      imported: 1,
    });
    const f2 = await t.database.db.execute(
      sql`select procedure_code from service_records where record_id = 'F2'`,
    );
    expect(f2.rows).toEqual([{ procedure_code: 'Đăng ký' }]);
  });

  it('refuses a file with the wrong columns, and an unknown format', async () => {
    const res = await upload('admin', Buffer.from('id,unit\n1,CA\n'));
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'import_columns' });
    expect(res.json().error.message).toContain('record_id');
    expect((await upload('admin', Buffer.from('x'), 'mode=all')).json().error.code).toBe('import_format');
  });

  it('reads XLSX and NDJSON files and takes JSON records from integrations', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('records');
    ws.addRow(HEADER.split(','));
    ws.addRow([
      'G1',
      'P1',
      'CB',
      new Date(Date.UTC(2025, 9, 1, 8, 0)),
      'online',
      1,
      1,
      1,
      1,
      0,
      0,
      null,
      null,
      0,
      0,
    ]);
    ws.addRow([
      'G2',
      'P1',
      'CB',
      '02/10/2025 09:30',
      'in_person',
      'true',
      'false',
      'false',
      'false',
      'false',
      'false',
      '',
      '',
      '',
      '',
    ]);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    expect((await upload('admin', xlsx, 'format=xlsx')).json()).toMatchObject({
      status: 'done',
      imported: 2,
    });
    const g1 = await t.database.db.execute(
      sql`select received_at from service_records where record_id = 'G1'`,
    );
    expect(new Date((g1.rows[0] as { received_at: string }).received_at).toISOString()).toBe(
      '2025-10-01T01:00:00.000Z',
    );

    const nd = [
      JSON.stringify({
        record_id: 'H1',
        procedure_code: 'P1',
        unit_code: 'CB',
        received_at: '2025-10-03',
        channel: 'online',
        synced: true,
      }),
      '{not json',
    ].join('\n');
    const ndRes = await upload('admin', Buffer.from(nd), 'format=ndjson&mode=good');
    expect(ndRes.json()).toMatchObject({ imported: 1, failed: 1, errors: [{ row: 2, code: 'not_json' }] });

    const api = await as.admin!({
      method: 'POST',
      url: '/api/v1/service-records?source=LGSP',
      payload: [
        {
          record_id: 'H1',
          procedure_code: 'P1',
          unit_code: 'CB',
          received_at: '2025-10-03',
          channel: 'post',
        },
      ],
    });
    expect(api.json()).toMatchObject({ status: 'done', imported: 1 });
    // Another source's H1 is another record.
    const h1 = await t.database.db.execute(
      sql`select source from service_records where record_id = 'H1' order by source`,
    );
    expect(h1.rows).toEqual([{ source: 'DVC' }, { source: 'LGSP' }]);
  });

  it("a unit's users import only their subtree's records and read only their subtree's indicators", async () => {
    const res = await upload(
      'officerA',
      csv('K1,P1,CA1,2025-10-01,online,1,1,1,1,1,1,,,0,0', 'K2,P1,CB,2025-10-01,online,1,1,1,1,1,1,,,0,0'),
      'format=csv&mode=good',
    );
    expect(res.json()).toMatchObject({
      imported: 1,
      failed: 1,
      errors: [{ row: 2, code: 'unit_out_of_scope' }],
    });
    expect((await indicators('officerA', `unitId=${w.units.hamletA.id}&period=2025`)).statusCode).toBe(200);
    expect((await indicators('officerA', `unitId=${w.units.communeB.id}&period=2025`)).statusCode).toBe(404);
    expect((await indicators('officerA', `programmeId=${w.p1.id}&period=2025`)).statusCode).toBe(404);
    expect((await indicators('steering', `programmeId=${w.p1.id}&period=2025`)).statusCode).toBe(200);
    expect((await indicators('steeringNA', `unitId=${w.units.city.id}&period=2025`)).statusCode).toBe(404);
    expect((await upload('inspector', csv('K3,P1,CA,2025-10-01,online,1,1,1,1,1,1,,,0,0'))).statusCode).toBe(
      403,
    );
    expect((await indicators('admin', `unitId=${w.units.city.id}&from=2025-10-01`)).statusCode).toBe(400);
  });
});
