import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeWorld, type World } from '../../test/factories.js';
import { testApp, type Caller, type TestApp } from '../../test/harness.js';

/**
 * Indicators through the HTTP API on the real engine. The world: the city with two departments,
 * ward CA (with hamlet CA1 below it) and commune CB. The wards and communes report; the
 * standing agency defines indicators; each ward's officer enters only its own figures.
 */
describe('indicators and their values', () => {
  let t: TestApp;
  let w: World;
  const as: Record<string, Caller> = {};
  const calls: { unitId: number; from: string; to: string }[] = [];
  let online: { id: number };
  let staff: { id: number };
  let synced: { id: number };

  const post = (who: string, url: string, payload: object) => as[who]!({ method: 'POST', url, payload });
  const get = (who: string, url: string) => as[who]!({ method: 'GET', url });
  const enter = (who: string, unitId: number, entries: unknown[]) =>
    post(who, `/api/v1/programmes/${w.p1.id}/indicator-values`, { unitId, entries });
  const valueCount = async () =>
    Number(
      (
        (await t.database.db.execute(sql`select count(*)::int as n from indicator_values`)).rows[0] as {
          n: number;
        }
      ).n,
    );

  beforeAll(async () => {
    t = await testApp({
      today: '2025-11-14',
      computedSources: {
        // A stand-in for the records calculator: 100% synced in the city, 80% elsewhere.
        'records.sync_rate': async (q) => {
          calls.push(q);
          const whole = q.unitId === w.units.city.id;
          return { numerator: whole ? 50 : 40, denominator: 50, value: whole ? 100 : 80 };
        },
      },
    });
    w = await makeWorld(t.database.db);
    for (const [k, email] of Object.entries({
      standing: 'standing@t.vn',
      steering: 'steering@t.vn',
      officerA: 'officer.a@t.vn',
      officerB: 'officer.b@t.vn',
      steeringNA: 'steering.na@t.vn',
    }))
      as[k] = await t.login(email);
    const create = async (body: Record<string, unknown>) => {
      const r = await post('standing', '/api/v1/indicators', { programmeId: w.p1.id, ...body });
      expect(r.statusCode, r.body).toBe(200);
      return r.json() as { id: number };
    };
    online = await create({
      code: 'ONLINE',
      name: { vi: 'Tỷ lệ hồ sơ trực tuyến', en: 'Online application rate' },
      measure: '%',
      direction: 'higher',
      aggregation: 'ratio',
      cadence: 'monthly',
      baseline: 20,
      source: 'entered',
      reporterKinds: ['ward', 'commune'],
    });
    staff = await create({
      code: 'DIGI-STAFF',
      name: { vi: 'Cán bộ có kỹ năng số' },
      measure: 'người',
      direction: 'higher',
      aggregation: 'sum',
      cadence: 'monthly',
      baseline: 0,
      source: 'entered',
      reporterKinds: ['ward', 'commune'],
    });
    synced = await create({
      code: 'SYNC',
      name: { vi: 'Tỷ lệ đồng bộ hồ sơ' },
      measure: '%',
      direction: 'higher',
      aggregation: 'ratio',
      cadence: 'monthly',
      baseline: 50,
      source: 'computed',
      computeKey: 'records.sync_rate',
    });
  });
  afterAll(() => t?.close());

  it('lets only the standing agency define indicators, with clear refusals', async () => {
    const body = {
      programmeId: w.p1.id,
      code: 'X',
      name: { vi: 'X' },
      measure: '%',
      direction: 'higher',
      aggregation: 'sum',
      cadence: 'monthly',
      source: 'entered',
    };
    expect((await post('officerA', '/api/v1/indicators', body)).statusCode).toBe(403);
    expect((await post('steeringNA', '/api/v1/indicators', body)).statusCode).toBe(404);
    const dup = await post('standing', '/api/v1/indicators', { ...body, code: 'ONLINE' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('duplicate_code');
    const noKey = await post('standing', '/api/v1/indicators', { ...body, source: 'computed' });
    expect(noKey.statusCode).toBe(400);
    expect(noKey.json().error.details).toEqual([{ path: 'computeKey', message: expect.any(String) }]);
    const bad = await post('standing', '/api/v1/indicators', { ...body, aggregation: 'median' });
    expect(bad.statusCode).toBe(400);
  });

  it('keeps a unit of measure it knows as a code (shown in each language), any other as written', async () => {
    const make = (code: string, measure: string) =>
      post('standing', '/api/v1/indicators', {
        programmeId: w.p1.id,
        code,
        name: { vi: code },
        measure,
        direction: 'higher',
        aggregation: 'sum',
        cadence: 'yearly',
        source: 'entered',
      });
    const money = await make('FUND', ' tỷ đồng ');
    expect(money.statusCode, money.body).toBe(200);
    expect(money.json().measure).toBe('billion_vnd');
    expect((await make('WIFI', 'điểm wifi')).json().measure).toBe('điểm wifi');
    const read = await get('standing', `/api/v1/indicators/${staff.id}`);
    expect(read.json().measure).toBe('people');
  });

  it('keeps yearly targets on the right side of the baseline', async () => {
    const put = (targets: unknown) =>
      as.standing!({ method: 'PUT', url: `/api/v1/indicators/${online.id}/targets`, payload: { targets } });
    const wrong = await put([{ period: '2026', value: 10 }]);
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.code).toBe('target_wrong_side');
    const ok = await put([
      { period: '2025', value: 60 },
      { period: '2026', value: 90 },
    ]);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().targets).toEqual([
      { period: '2025', value: 60 },
      { period: '2026', value: 90 },
    ]);
  });

  it('takes a unit user’s figures for their own unit only, all or none', async () => {
    const before = await valueCount();
    // CB is not officer A's unit: the whole batch is refused, the good entry with it.
    const other = await enter('officerA', w.units.communeB.id, [
      { indicatorId: staff.id, period: '2025-10', value: 3 },
    ]);
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe('unit_out_of_scope');
    const negative = await enter('officerA', w.units.communeA.id, [
      { indicatorId: staff.id, period: '2025-10', value: 4 },
      { indicatorId: staff.id, period: '2025-09', value: -1 },
    ]);
    expect(negative.statusCode).toBe(422);
    expect(negative.json().error).toMatchObject({ code: 'value_negative', details: [{ path: 'entries.1' }] });
    const wrongType = await enter('officerA', w.units.communeA.id, [
      { indicatorId: staff.id, period: '2025-10', value: 'four' },
    ]);
    expect(wrongType.statusCode).toBe(400);
    const shape = await enter('officerA', w.units.communeA.id, [
      { indicatorId: online.id, period: '2025-10', value: 10 },
    ]);
    expect(shape.json().error.code).toBe('value_shape');
    const cadence = await enter('officerA', w.units.communeA.id, [
      { indicatorId: online.id, period: '2025-Q4', numerator: 1, denominator: 10 },
    ]);
    expect(cadence.json().error.code).toBe('period_cadence');
    const future = await enter('officerA', w.units.communeA.id, [
      { indicatorId: staff.id, period: '2025-12', value: 1 },
    ]);
    expect(future.json().error.code).toBe('period_not_open');
    const computed = await enter('standing', w.units.communeA.id, [
      { indicatorId: synced.id, period: '2025-10', numerator: 1, denominator: 1 },
    ]);
    expect(computed.json().error.code).toBe('indicator_computed');
    const hamlet = await enter('standing', w.units.hamletA.id, [
      { indicatorId: staff.id, period: '2025-10', value: 1 },
    ]);
    expect(hamlet.json().error.code).toBe('unit_not_reporter');
    expect(await valueCount()).toBe(before);
  });

  it('rolls a ratio up as a ratio of sums, counts who reported, keeps missing as missing', async () => {
    expect(
      (
        await enter('officerA', w.units.communeA.id, [
          { indicatorId: online.id, period: '2025-10', numerator: 1, denominator: 10 },
          { indicatorId: staff.id, period: '2025-10', value: 4 },
        ])
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await enter('officerB', w.units.communeB.id, [
          { indicatorId: online.id, period: '2025-10', numerator: 90, denominator: 90 },
        ])
      ).statusCode,
    ).toBe(200);
    const r = await get('steering', `/api/v1/indicators/${online.id}/values?period=2025-10`);
    expect(r.statusCode, r.body).toBe(200);
    const v = r.json();
    // 91 of 100 = 91%, not the average of 10% and 100%.
    expect(v.unit).toMatchObject({
      code: 'CITY',
      figure: { numerator: 91, denominator: 100, reported: 2, expected: 2 },
    });
    expect(v.unit.figure.value).toBeCloseTo(91);
    const byCode = Object.fromEntries(
      v.children.map((c: { code: string; figure: unknown }) => [c.code, c.figure]),
    );
    expect(byCode.CA).toMatchObject({ value: 10, reported: 1, expected: 1 });
    expect(byCode.FIN).toMatchObject({ value: null, reported: 0, expected: 0 });
    const sum = (await get('steering', `/api/v1/indicators/${staff.id}/values?period=2025-10`)).json();
    expect(sum.unit.figure).toMatchObject({ value: 4, reported: 1, expected: 2 });
    const september = (await get('steering', `/api/v1/indicators/${online.id}/values?period=2025-09`)).json();
    expect(september.unit.figure).toMatchObject({ value: null, reported: 0, expected: 2 });
  });

  it('keeps every revision and replays a past day: entries after asOf are not seen', async () => {
    t.clock.set('2025-11-20');
    expect(
      (
        await enter('officerA', w.units.communeA.id, [
          { indicatorId: staff.id, period: '2025-10', value: 6, note: 'sửa' },
        ])
      ).statusCode,
    ).toBe(200);
    const now = (
      await get(
        'officerA',
        `/api/v1/indicators/${staff.id}/values?unitId=${w.units.communeA.id}&period=2025-10`,
      )
    ).json();
    expect(now.unit.figure.value).toBe(6);
    expect(now.entry).toMatchObject({ enteredBy: 'officer.a', revisions: 2, source: 'entered' });
    const then = (
      await get(
        'officerA',
        `/api/v1/indicators/${staff.id}/values?unitId=${w.units.communeA.id}&period=2025-10&asOf=2025-11-14`,
      )
    ).json();
    expect(then.unit.figure.value).toBe(4);
    const sheet = await get(
      'officerA',
      `/api/v1/programmes/${w.p1.id}/indicator-values?unitId=${w.units.communeA.id}&period=2025-10`,
    );
    expect(sheet.json()).toMatchObject({ canEdit: true, period: '2025-10' });
    expect(sheet.json().rows.map((x: { indicator: { code: string } }) => x.indicator.code)).toEqual([
      'DIGI-STAFF',
      'ONLINE',
    ]);
    t.clock.set('2025-11-14');
  });

  it('never shows a unit another unit’s figures', async () => {
    const other = await get(
      'officerB',
      `/api/v1/indicators/${staff.id}/values?unitId=${w.units.communeA.id}&period=2025-10`,
    );
    expect(other.statusCode).toBe(403);
    const above = await get('officerA', `/api/v1/indicators/${staff.id}/values?period=2025-10`);
    expect(above.statusCode).toBe(403);
    const sheet = await get(
      'officerB',
      `/api/v1/programmes/${w.p1.id}/indicator-values?unitId=${w.units.communeA.id}&period=2025-10`,
    );
    expect(sheet.statusCode).toBe(403);
    expect((await get('steeringNA', `/api/v1/indicators/${staff.id}`)).statusCode).toBe(404);
  });

  it('reads computed indicators from their source at read time', async () => {
    calls.length = 0;
    const r = (await get('steering', `/api/v1/indicators/${synced.id}/values?period=2025-11`)).json();
    expect(r.unit.figure).toMatchObject({ value: 100, reported: null, expected: null });
    // The month is cut at the "as of" day.
    expect(calls).toContainEqual({ unitId: w.units.city.id, from: '2025-11-01', to: '2025-11-14' });
    const future = (await get('steering', `/api/v1/indicators/${synced.id}/values?period=2025-12`)).json();
    expect(future.unit.figure.value).toBeNull();
  });

  it('imports a CSV all or nothing, or the good rows, naming each bad row', async () => {
    const csv = [
      'indicator,unit,period,value,numerator,denominator,note',
      'DIGI-STAFF,CB,2025-10,7,,,',
      'DIGI-STAFF,CB,2025-09,-2,,,',
      'DIGI-STAFF,NOPE,2025-10,1,,,',
      'ONLINE,CB,2025-09,,abc,10,',
      'DIGI-STAFF,CB,2025-10,8,,,',
      '"ONLINE",CA,2025-09,,5,"10","a, b"',
    ].join('\n');
    const url = `/api/v1/programmes/${w.p1.id}/indicator-values/import`;
    const before = await valueCount();
    const all = await as.standing!({
      method: 'POST',
      url,
      payload: { format: 'csv', content: csv },
      lang: 'en',
    });
    expect(all.statusCode, all.body).toBe(200);
    expect(all.json()).toMatchObject({ rows: 6, imported: 0, committed: false });
    expect(all.json().errors.map((e: { row: number; column: string | null }) => [e.row, e.column])).toEqual([
      [3, null],
      [4, 'unit'],
      [5, 'numerator'],
      [6, null],
    ]);
    expect(all.json().errors[0].message).toBe('Indicator DIGI-STAFF does not take negative values.');
    expect(await valueCount()).toBe(before);
    const valid = await as.standing!({
      method: 'POST',
      url,
      payload: { format: 'csv', content: csv, mode: 'valid' },
    });
    expect(valid.json()).toMatchObject({ imported: 2, committed: true });
    expect(await valueCount()).toBe(before + 2);
    // A ward's officer imports only its own rows.
    const mine = await as.officerA!({ method: 'POST', url, payload: { format: 'csv', content: csv } });
    expect(mine.json().errors.some((e: { message: string }) => /own unit|đơn vị mình/.test(e.message))).toBe(
      true,
    );
  });

  it('imports an XLSX workbook', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('values');
    ws.addRow(['Mã chỉ tiêu', 'Mã đơn vị', 'Kỳ', 'Giá trị']);
    ws.addRow(['DIGI-STAFF', 'CA', '2025-11', 9]);
    const content = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const r = await as.standing!({
      method: 'POST',
      url: `/api/v1/programmes/${w.p1.id}/indicator-values/import`,
      payload: { format: 'xlsx', content },
    });
    expect(r.json()).toMatchObject({ rows: 1, imported: 1, committed: true, errors: [] });
  });
});
