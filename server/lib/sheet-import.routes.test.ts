import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeWorld, type World } from '../test/factories.js';
import { testApp, type Caller, type TestApp } from '../test/harness.js';
import { PLANS_SHEET } from '../modules/money/money.import.js';
import { OBSTACLES_SHEET, RECOMMENDATIONS_SHEET } from '../modules/obstacles/registers.import.js';

async function xlsx(rows: (string | number | Date | null)[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * The one XLSX import pattern on every register: capital plans, obstacles, recommendations (the
 * payments have their own tests in money.routes.test.ts). Preview writes nothing; all-or-nothing
 * by default; only the good rows on request; a renamed, reordered or extra column is refused; row
 * errors in the reader's language. Also the weekly table as XLSX and the unit page's registers.
 */
describe('register imports and the unit page', () => {
  let t: TestApp;
  let w: World;
  const as: Record<string, Caller> = {};
  const call = (who: string, method: 'GET' | 'POST', url: string, payload?: unknown, lang?: string) =>
    as[who]!({ method, url: `/api/v1${url}`, payload: payload as Record<string, unknown>, lang });
  const upload = (who: string, url: string, body: Buffer, lang?: string) =>
    as[who]!({
      method: 'POST',
      url: `/api/v1${url}`,
      payload: body,
      lang,
      headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    });

  beforeAll(async () => {
    t = await testApp({ today: '2026-07-03' });
    w = await makeWorld(t.database.db);
    for (const [k, u] of Object.entries(w.u)) as[k] = await t.login(u.email);
  });
  afterAll(() => t.close());

  it('imports capital plans: preview, all or nothing, the good rows; errors in the reader’s language', async () => {
    const file = await xlsx([
      [...PLANS_SHEET.headers.vi],
      ['KH-1', 'CA', 'A-OVERDUE', null, 'local_budget', 2026, '2.000.000.000'],
      ['KH-2', 'CB', null, 'Trung tâm dữ liệu', 'central_budget', 2026, 500_000_000],
      ['KH-3', 'ZZZ', null, 'Dự án X', 'local_budget', 2026, 1],
      ['KH-4', 'CA', null, null, 'local_budget', 2026, 1],
      ['KH-5', 'CA', null, 'Y', 'bank', 2026, -3],
      ['KH-1', 'CA', null, 'Z', 'oda', 2026, 1],
      ['KH-6', 'POL', null, 'Ngoài chương trình', 'oda', 2026, 1],
    ]);
    const base = `/money/plans/import`;
    const pre = await upload('standing', `${base}/preview?programmeId=${w.p1.id}`, file, 'en');
    expect(pre.statusCode).toBe(200);
    const body = pre.json();
    expect(body).toMatchObject({ committed: false, total: 7, valid: 2, written: 0 });
    expect(body.columns).toEqual(PLANS_SHEET.headers.en);
    const errs = (i: number) => body.rows[i].errors.map((e: { message: string }) => e.message).join(' | ');
    expect(errs(2)).toContain('no unit with code "ZZZ"');
    expect(errs(3)).toContain('needs a task or the name of a project');
    expect(errs(4)).toMatch(/"bank" is not accepted.*whole, non-negative|whole, non-negative.*"bank"/s);
    expect(errs(5)).toContain('already appears on row 2');
    expect(errs(6)).toContain('no unit with code "POL"');
    expect((await call('standing', 'GET', `/money/plans?programmeId=${w.p1.id}`)).json()).toHaveLength(0);
    const all = await upload('standing', `${base}?programmeId=${w.p1.id}`, file);
    expect([all.statusCode, all.json().error.code]).toEqual([422, 'import_rows_invalid']);
    expect((await call('standing', 'GET', `/money/plans?programmeId=${w.p1.id}`)).json()).toHaveLength(0);
    const good = await upload('standing', `${base}?programmeId=${w.p1.id}&mode=valid`, file);
    expect(good.json()).toMatchObject({ committed: true, written: 2 });
    const plans = (await call('standing', 'GET', `/money/plans?programmeId=${w.p1.id}`)).json();
    expect(plans.map((p: { code: string; allocated: string }) => [p.code, p.allocated]).sort()).toEqual([
      ['KH-1', '2000000000'],
      ['KH-2', '500000000'],
    ]);
    // A second time: the codes are taken.
    const again = await upload('standing', `${base}/preview?programmeId=${w.p1.id}`, file, 'vi');
    expect(again.json().rows[0].errors[0].message).toContain('đã được dùng');
    expect((await upload('officerA', `${base}/preview?programmeId=${w.p1.id}`, file)).statusCode).toBe(403);
  });

  it('refuses a template with a column renamed, moved or added', async () => {
    const h = [...PLANS_SHEET.headers.vi];
    const url = `/money/plans/import/preview?programmeId=${w.p1.id}`;
    for (const head of [[h[1]!, h[0]!, ...h.slice(2)], ['Mã KH', ...h.slice(1)], [...h, 'Ghi chú'], []]) {
      const r = await upload('standing', url, await xlsx(head.length ? [head] : [[null]]), 'ar');
      expect([r.statusCode, r.json().error.code]).toEqual([422, 'import_header_mismatch']);
      expect(r.json().error.message).toContain('القالب');
    }
  });

  it('imports obstacles checked as the form is: units inside the programme, tasks of it, the right to raise', async () => {
    const head = [...OBSTACLES_SHEET.headers.vi];
    const file = await xlsx([
      head,
      ['Thiếu máy quét', 'Phường thiếu 2 máy', 'resources', 'high', 'CA', 'FIN', '2026-08-01', 'A-OVERDUE'],
      ['Chưa có quy chế', null, 'legal', null, 'CB', 'SCI', null, null],
      ['Sai nhóm', null, 'money', 'medium', 'CA', 'FIN', null, null],
      ['Đơn vị ngoài', null, 'other', 'low', 'CA', 'POL', null, null],
      ['Nhiệm vụ lạ', null, 'other', 'low', 'CA', 'FIN', null, 'NA-1'],
      ['Hạn đã qua', null, 'other', 'low', 'CA', 'FIN', '01/01/2026', null],
    ]);
    const pre = await upload('standing', `/obstacles/import/preview?programmeId=${w.p1.id}`, file, 'vi');
    expect(pre.json()).toMatchObject({ total: 6, valid: 2 });
    expect(pre.json().rows.map((r: { errors: unknown[] }) => r.errors.length)).toEqual([0, 0, 1, 1, 1, 1]);
    expect(pre.json().rows[2].errors[0]).toMatchObject({ column: 'Nhóm' });
    // An officer of ward A may raise for A only.
    const officer = await upload('officerA', `/obstacles/import/preview?programmeId=${w.p1.id}`, file, 'en');
    expect(officer.json().rows[1].errors.length).toBe(1);
    const ok = await upload('standing', `/obstacles/import?programmeId=${w.p1.id}&mode=valid`, file);
    expect(ok.json()).toMatchObject({ committed: true, written: 2 });
    const list = (await call('standing', 'GET', `/obstacles?programmeId=${w.p1.id}`)).json();
    expect(list.map((o: { title: string }) => o.title).sort()).toEqual(['Chưa có quy chế', 'Thiếu máy quét']);
    const scan = list.find((o: { title: string }) => o.title === 'Thiếu máy quét');
    expect(scan).toMatchObject({
      category: 'resources',
      severity: 'high',
      owner: { code: 'FIN' },
      dueOn: '2026-08-01',
    });
    expect(scan.tasks.map((x: { code: string }) => x.code)).toEqual(['A-OVERDUE']);
    const tpl = await call(
      'standing',
      'GET',
      `/obstacles/template.xlsx?programmeId=${w.p1.id}`,
      undefined,
      'en',
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(tpl.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.getRow(1).values).toEqual([undefined, ...OBSTACLES_SHEET.headers.en]);
  });

  it('imports recommendations with their answer clock; all or nothing by default', async () => {
    const file = await xlsx([
      [...RECOMMENDATIONS_SHEET.headers.en],
      ['CA', 'FIN', 'Cấp thêm máy quét', '2026-06-01', null],
      ['CB', 'SCI', 'Hỗ trợ đường truyền', null, '2026-07-30'],
      ['CA', 'CA', 'Gửi chính mình', null, null],
      ['CA', 'FIN', 'Gửi từ tương lai', '2026-12-01', null],
    ]);
    const all = await upload('standing', `/recommendations/import?programmeId=${w.p1.id}`, file);
    expect([all.statusCode, all.json().error.code]).toEqual([422, 'import_rows_invalid']);
    const good = await upload('standing', `/recommendations/import?programmeId=${w.p1.id}&mode=valid`, file);
    expect(good.json()).toMatchObject({ total: 4, valid: 2, written: 2 });
    const list = (await call('standing', 'GET', `/recommendations?programmeId=${w.p1.id}`)).json();
    expect(list).toHaveLength(2);
    // 15 working days after Monday 1 June 2026 (no days off in this world): Monday 22 June.
    expect(list.find((r: { content: string }) => r.content === 'Cấp thêm máy quét')).toMatchObject({
      submittedOn: '2026-06-01',
      answerDueOn: '2026-06-22',
      state: 'overdue',
    });
  });

  it('exports the weekly disbursement table as XLSX, exact amounts, ranked', async () => {
    const plans = (await call('standing', 'GET', `/money/plans?programmeId=${w.p1.id}`)).json();
    const kh1 = plans.find((p: { code: string }) => p.code === 'KH-1');
    expect(
      (
        await call('standing', 'POST', '/money/payments', {
          planId: kh1.id,
          paidOn: '2026-07-01',
          amount: 500_000_000,
        })
      ).statusCode,
    ).toBe(200);
    const r = await call('steering', 'GET', `/money/weekly.xlsx?programmeId=${w.p1.id}`, undefined, 'vi');
    expect(r.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(1).value).toBe('Hạng');
    expect(ws.getRow(2).values).toEqual([
      undefined,
      1,
      'CA',
      'Phường Hoàn Kiếm',
      2_000_000_000,
      500_000_000,
      25,
      0,
      25,
      0,
    ]);
    expect(ws.getRow(3).getCell(2).value).toBe('CB');
    expect(ws.getRow(4).getCell(4).value).toBe(2_500_000_000);
  });

  it('the unit page: the unit and those below it, in one request, as of a date, within the reader’s scope', async () => {
    const r = await call('standing', 'GET', `/units/${w.units.communeA.id}/registers?programmeId=${w.p1.id}`);
    expect(r.statusCode).toBe(200);
    const s = r.json();
    expect(s.unit).toMatchObject({ code: 'CA' });
    expect(s.money).toMatchObject({
      year: 2026,
      plans: 1,
      allocated: '2000000000',
      disbursed: '500000000',
      rate: '25.0000',
    });
    expect(s.money.top[0]).toMatchObject({ code: 'KH-1' });
    expect(s.obstacles).toMatchObject({ open: 1, overdue: 0, byStatus: { open: 1 } });
    expect(s.obstacles.list[0]).toMatchObject({ title: 'Thiếu máy quét', owner: { code: 'FIN' } });
    expect(s.recommendations.sent).toEqual({ overdue: 1 });
    expect(s.recommendations.toAnswer).toEqual({});
    const fin = (
      await call('standing', 'GET', `/units/${w.units.finance.id}/registers?programmeId=${w.p1.id}`)
    ).json();
    expect(fin.recommendations.toAnswer).toEqual({ overdue: 1 });
    expect(fin.obstacles.open).toBe(1);
    // Before the payment and the obstacles: nothing paid, nothing raised.
    const past = (
      await call(
        'standing',
        'GET',
        `/units/${w.units.communeA.id}/registers?programmeId=${w.p1.id}&asOf=2026-06-15`,
      )
    ).json();
    expect(past.money).toMatchObject({ disbursed: '0' });
    expect(past.obstacles.open).toBe(0);
    // The city holds everything below it.
    const city = (
      await call('steering', 'GET', `/units/${w.units.city.id}/registers?programmeId=${w.p1.id}`)
    ).json();
    expect(city.money).toMatchObject({ plans: 2, allocated: '2500000000' });
    // A ward's officer opens their own ward, not the other one.
    expect(
      (await call('officerA', 'GET', `/units/${w.units.communeA.id}/registers?programmeId=${w.p1.id}`))
        .statusCode,
    ).toBe(200);
    expect(
      (await call('officerA', 'GET', `/units/${w.units.communeB.id}/registers?programmeId=${w.p1.id}`))
        .statusCode,
    ).toBe(404);
  });
});
