import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeWorld, type World } from '../../test/factories.js';
import { testApp, type Caller, type TestApp } from '../../test/harness.js';

async function xlsx(rows: (string | number | Date | null)[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Payments');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const HEAD = ['Mã kế hoạch vốn', 'Ngày giải ngân', 'Số tiền (đồng)', 'Số chứng từ KBNN'];

/**
 * Capital plans, revisions and payments through the HTTP API: exact money, the refusals (negative,
 * fractional, above the plan, in the future), the scope of a unit's people, rates, the weekly
 * table and the forecast as of a date, and the XLSX import with its preview.
 */
describe('capital plans and disbursement', () => {
  let t: TestApp;
  let w: World;
  const as: Record<string, Caller> = {};
  const call = (who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown, lang?: string) =>
    as[who]!({ method, url: `/api/v1${url}`, payload: payload as Record<string, unknown>, lang });
  const upload = (who: string, url: string, body: Buffer) =>
    as[who]!({
      method: 'POST',
      url: `/api/v1${url}`,
      payload: body,
      headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    });
  let planA = 0;
  let planB = 0;

  beforeAll(async () => {
    t = await testApp({ today: '2026-07-03' });
    w = await makeWorld(t.database.db);
    for (const [k, u] of Object.entries(w.u)) as[k] = await t.login(u.email);
  });
  afterAll(() => t.close());

  it('the standing agency creates plans; amounts are exact strings, beyond 2^53 too', async () => {
    const a = await call('standing', 'POST', '/money/plans', {
      programmeId: w.p1.id,
      code: 'KH-A-2026',
      unitId: w.units.communeA.id,
      taskId: w.t.aOverdue.id,
      source: 'local_budget',
      year: 2026,
      amount: '1.000.000.000',
    });
    expect(a.statusCode).toBe(200);
    expect(a.json()).toMatchObject({
      allocated: '1000000000',
      disbursed: '0',
      rate: '0.0000',
      revisions: [{ effectiveFrom: '2026-01-01' }],
    });
    planA = a.json().id;
    const b = await call('standing', 'POST', '/money/plans', {
      programmeId: w.p1.id,
      code: 'KH-B-2026',
      unitId: w.units.communeB.id,
      project: 'Trung tâm dữ liệu xã',
      source: 'central_budget',
      year: 2026,
      amount: '90071992547409930',
    });
    expect(b.statusCode).toBe(200);
    expect(b.json().allocated).toBe('90071992547409930');
    planB = b.json().id;
  });

  it('refuses bad money, a duplicate code, a plan with neither task nor project, and others than the standing agency', async () => {
    const base = {
      programmeId: w.p1.id,
      code: 'KH-X',
      unitId: w.units.communeA.id,
      project: 'X',
      source: 'oda',
      year: 2026,
    };
    for (const amount of ['-1', '1.5', '1000,50', 1.5, -3, '1e9', 'abc']) {
      const r = await call('standing', 'POST', '/money/plans', { ...base, amount }, 'en');
      expect(r.statusCode, String(amount)).toBe(400);
      expect(r.json().error.details[0].message).toMatch(/whole, non-negative amount/);
    }
    expect(
      (await call('standing', 'POST', '/money/plans', { ...base, code: 'KH-A-2026', amount: 1 })).json().error
        .code,
    ).toBe('duplicate_code');
    expect(
      (await call('standing', 'POST', '/money/plans', { ...base, project: null, amount: 1 })).json().error
        .code,
    ).toBe('plan_needs_task_or_project');
    expect(
      (await call('standing', 'POST', '/money/plans', { ...base, taskId: w.t.naTask.id, amount: 1 })).json()
        .error.code,
    ).toBe('plan_task_other_programme');
    expect((await call('officerA', 'POST', '/money/plans', { ...base, amount: 1 })).statusCode).toBe(403);
    expect((await call('steeringNA', 'POST', '/money/plans', { ...base, amount: 1 })).statusCode).toBe(404);
  });

  it('records payments; refuses one above the plan, in the future, outside the year, twice the same voucher', async () => {
    const pay = (v: Record<string, unknown>, who = 'standing') =>
      call(who, 'POST', '/money/payments', { planId: planA, ...v }, 'en');
    expect((await pay({ paidOn: '2026-03-10', amount: 200_000_000, reference: 'KB-1' })).statusCode).toBe(
      200,
    );
    expect((await pay({ paidOn: '2026-06-20', amount: '100000000', reference: 'KB-2' })).statusCode).toBe(
      200,
    );
    const dup = await pay({ paidOn: '2026-06-21', amount: 1, reference: 'KB-2' });
    expect([dup.statusCode, dup.json().error.code]).toEqual([409, 'duplicate_payment']);
    const above = await pay({ paidOn: '2026-07-01', amount: 700_000_001 });
    expect([above.statusCode, above.json().error.code]).toEqual([422, 'payment_above_plan']);
    expect(above.json().error.message).toContain('1.000.000.000'); // amounts in the user's own locale;
    const future = await pay({ paidOn: '2026-07-04', amount: 1 });
    expect(future.json().error.code).toBe('payment_in_future');
    expect((await pay({ paidOn: '2025-12-31', amount: 1 })).json().error.code).toBe('payment_outside_year');
    expect((await pay({ paidOn: '2026-07-01', amount: 0 })).statusCode).toBe(400);
    expect((await pay({ paidOn: '2026-07-01', amount: 1 }, 'officerA')).statusCode).toBe(403);
    // Nothing half-written: still two payments.
    const plan = (await call('standing', 'GET', `/money/plans/${planA}`)).json();
    expect(plan.payments).toHaveLength(2);
    expect(plan.disbursed).toBe('300000000');
    expect(plan.rate).toBe('30.0000');
  });

  it('a revision raises the plan from a date on; the old amount stays in force before it', async () => {
    const low = await call('standing', 'POST', `/money/plans/${planA}/revisions`, {
      amount: 250_000_000,
      effectiveFrom: '2026-07-01',
      reason: 'Cắt giảm',
    });
    expect(low.json().error.code).toBe('plan_below_disbursed');
    const up = await call('standing', 'POST', `/money/plans/${planA}/revisions`, {
      amount: '1.200.000.000',
      effectiveFrom: '2026-07-01',
      reason: 'Bổ sung vốn',
    });
    expect(up.statusCode).toBe(200);
    expect(up.json()).toMatchObject({ allocated: '1200000000', revisions: [{}, { reason: 'Bổ sung vốn' }] });
    const before = (await call('standing', 'GET', `/money/plans/${planA}?asOf=2026-06-30`)).json();
    expect(before).toMatchObject({ allocated: '1000000000', disbursed: '300000000', asOf: '2026-06-30' });
    const march = (await call('standing', 'GET', `/money/plans/${planA}?asOf=2026-03-09`)).json();
    expect(march.disbursed).toBe('0');
  });

  it('a unit’s people see their own plans only; another programme sees none', async () => {
    const mine = (await call('officerA', 'GET', `/money/plans?programmeId=${w.p1.id}`)).json();
    expect(mine.map((p: { code: string }) => p.code)).toEqual(['KH-A-2026']);
    expect((await call('officerA', 'GET', `/money/plans/${planB}`)).statusCode).toBe(404);
    expect((await call('officerB', 'GET', `/money/plans/${planA}`)).statusCode).toBe(404);
    expect((await call('steeringNA', 'GET', `/money/plans/${planA}`)).statusCode).toBe(404);
    const weekly = (await call('officerB', 'GET', `/money/weekly?programmeId=${w.p1.id}`)).json();
    expect(weekly.rows.map((r: { unit: { code: string } }) => r.unit.code)).toEqual(['CB']);
    expect((await call('steering', 'GET', `/money/plans?programmeId=${w.p1.id}`)).json()).toHaveLength(2);
  });

  it('the threshold curve, the weekly table ranked with the change in a week, rates by source', async () => {
    const bad = await call('standing', 'PUT', `/money/thresholds?programmeId=${w.p1.id}`, {
      points: [{ byDay: '13-01', minRatePct: 30 }],
    });
    expect(bad.statusCode).toBe(400);
    expect(
      (await call('officerA', 'PUT', `/money/thresholds?programmeId=${w.p1.id}`, { points: [] })).statusCode,
    ).toBe(403);
    const curve = await call('standing', 'PUT', `/money/thresholds?programmeId=${w.p1.id}`, {
      points: [
        { byDay: '06-30', minRatePct: 30 },
        { byDay: '09-30', minRatePct: 60 },
        { byDay: '12-31', minRatePct: 95 },
      ],
    });
    expect(curve.json().points[0]).toEqual({ byDay: '06-30', minRatePct: '30.00' });
    await call('standing', 'POST', '/money/payments', {
      planId: planB,
      paidOn: '2026-06-29',
      amount: '1000',
    });
    const wk = (await call('steering', 'GET', `/money/weekly?programmeId=${w.p1.id}&asOf=2026-07-03`)).json();
    expect(wk).toMatchObject({
      asOf: '2026-07-03',
      previousAsOf: '2026-06-26',
      threshold: { byDay: '06-30', minRatePct: '30.00' },
    });
    expect(wk.rows[0]).toMatchObject({
      rank: 1,
      unit: { code: 'CA' },
      allocated: '1200000000',
      disbursed: '300000000',
      rate: '25.0000',
      previousRate: '30.0000',
      change: '-5.0000',
      belowThreshold: true,
    });
    expect(wk.rows[1]).toMatchObject({
      rank: 2,
      unit: { code: 'CB' },
      disbursed: '1000',
      belowThreshold: true,
    });
    const rates = (
      await call('steering', 'GET', `/money/rates?programmeId=${w.p1.id}&by=source&asOf=2026-07-03`)
    ).json();
    expect(rates.rows.map((r: { key: string }) => r.key)).toEqual(['central_budget', 'local_budget']);
    expect(rates.totals.disbursed).toBe('300001000');
    expect(rates.forecast[0]).toMatchObject({ method: 'pace', daysElapsed: 184, daysInYear: 365 });
    expect(rates.forecast[1]).toEqual({ method: 'seasonal', unavailable: 'no_history' });
    const pct = (
      await call('steering', 'GET', `/money/rates?programmeId=${w.p1.id}&by=unit&asOf=2026-02-01`)
    ).json();
    expect(pct.totals.disbursed).toBe('0');
  });

  it('imports a Treasury statement: preview writes nothing, all-or-nothing by default, or the good rows', async () => {
    const url = `/money/payments/import`;
    const file = await xlsx([
      HEAD,
      ['KH-A-2026', new Date('2026-07-01T00:00:00Z'), 50_000_000, 'KB-10'],
      ['KH-A-2026', '02/07/2026', '25.000.000', 'KB-11'],
      ['KH-NONE', '2026-07-01', 1, null],
      ['KH-A-2026', '2026-07-01', -5, null],
      ['KH-A-2026', '2026-07-01', 12.5, null],
      ['KH-A-2026', '2026-08-01', 1, null],
      ['KH-A-2026', '2026-07-01', 900_000_000, 'KB-12'],
    ]);
    const pre = await upload('standing', `${url}/preview?programmeId=${w.p1.id}`, file);
    expect(pre.statusCode).toBe(200);
    expect(pre.json()).toMatchObject({ committed: false, total: 7, valid: 2, written: 0 });
    expect(pre.json().rows.map((r: { errors: unknown[] }) => r.errors.length)).toEqual([0, 0, 1, 1, 1, 1, 1]);
    expect((await call('standing', 'GET', `/money/plans/${planA}`)).json().payments).toHaveLength(2);
    const all = await upload('standing', `${url}?programmeId=${w.p1.id}`, file);
    expect([all.statusCode, all.json().error.code]).toEqual([422, 'import_rows_invalid']);
    expect((await call('standing', 'GET', `/money/plans/${planA}`)).json().payments).toHaveLength(2);
    const good = await upload('standing', `${url}?programmeId=${w.p1.id}&mode=valid`, file);
    expect(good.json()).toMatchObject({ committed: true, written: 2 });
    expect((await call('standing', 'GET', `/money/plans/${planA}`)).json()).toMatchObject({
      disbursed: '375000000',
    });
    expect((await upload('officerA', `${url}/preview?programmeId=${w.p1.id}`, file)).statusCode).toBe(403);
  });

  it('refuses a template with columns renamed or reordered, and a file that is not XLSX', async () => {
    const swapped = await xlsx([
      [HEAD[0]!, HEAD[2]!, HEAD[1]!, HEAD[3]!],
      ['KH-A-2026', 1, '2026-07-01', null],
    ]);
    const r = await upload('standing', `/money/payments/import/preview?programmeId=${w.p1.id}`, swapped);
    expect([r.statusCode, r.json().error.code]).toEqual([422, 'import_header_mismatch']);
    expect(r.json().error.message).toContain('Ngày giải ngân');
    const renamed = await xlsx([['Plan', ...HEAD.slice(1)]]);
    expect(
      (await upload('standing', `/money/payments/import?programmeId=${w.p1.id}`, renamed)).json().error.code,
    ).toBe('import_header_mismatch');
    const junk = await upload(
      'standing',
      `/money/payments/import/preview?programmeId=${w.p1.id}`,
      Buffer.from('not a zip'),
    );
    expect(junk.json().error.code).toBe('import_file_invalid');
    const tpl = await call('standing', 'GET', `/money/payments/template.xlsx?programmeId=${w.p1.id}`);
    expect(tpl.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(tpl.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.getRow(1).values).toEqual([undefined, ...HEAD]);
  });
});
