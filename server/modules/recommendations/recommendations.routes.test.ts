import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { makeWorld, type World } from '../../test/factories.js';
import { testApp, type Caller, type TestApp } from '../../test/harness.js';

/**
 * Recommendations from a commune to a handling agency: due 15 working days after sending (or the
 * programme's figure), the clock seen by both sides, late answers counted per agency, unanswered
 * ones on the agency's warning list; the refusals and the unit scope.
 */
describe('recommendations', () => {
  let t: TestApp;
  let w: World;
  const as: Record<string, Caller> = {};
  const post = (who: string, url: string, payload: unknown) =>
    as[who]!({ method: 'POST', url: `/api/v1${url}`, payload: payload as Record<string, unknown> });
  const get = (who: string, url: string) => as[who]!({ method: 'GET', url: `/api/v1${url}` });
  let rec: { id: number; version: number; answerDueOn: string };
  /** Moves the clock; sessions idle that long have expired, so everyone signs in again. */
  const at = async (day: string) => {
    t.clock.set(day);
    for (const [k, u] of Object.entries(w.u)) as[k] = await t.login(u.email);
  };

  beforeAll(async () => {
    t = await testApp({ today: '2025-11-03' });
    w = await makeWorld(t.database.db);
    for (const [k, u] of Object.entries(w.u)) as[k] = await t.login(u.email);
  });
  afterAll(() => t.close());

  const body = () => ({
    programmeId: w.p1.id,
    fromUnitId: w.units.communeA.id,
    toUnitId: w.units.finance.id,
    content: 'Đề nghị bố trí kinh phí trang bị máy quét cho bộ phận một cửa',
  });

  it('refuses bad input and other units; writes nothing', async () => {
    const outside = await post('officerA', '/recommendations', { ...body(), toUnitId: w.units.police.id });
    expect(outside.json().error).toMatchObject({ code: 'unit_outside_programme' });
    expect((await post('officerA', '/recommendations', { ...body(), content: '  ' })).statusCode).toBe(400);
    expect(
      (await post('officerA', '/recommendations', { ...body(), submittedOn: '2025-12-01' })).statusCode,
    ).toBe(400);
    expect(
      (await post('officerA', '/recommendations', { ...body(), toUnitId: w.units.communeA.id })).statusCode,
    ).toBe(400);
    expect((await post('officerB', '/recommendations', body())).statusCode).toBe(403);
    const n = (await t.database.db.execute(sql`select count(*)::int as n from recommendations`)).rows[0] as {
      n: number;
    };
    expect(n.n).toBe(0);
  });

  it('a commune sends one: due 15 working days later, days off counted; both sides see the clock', async () => {
    const res = await post('officerA', '/recommendations', body());
    expect(res.statusCode).toBe(200);
    rec = res.json();
    expect(res.json()).toMatchObject({
      submittedOn: '2025-11-03',
      answerDueOn: '2025-11-24',
      state: 'pending',
      workingDaysLeft: 15,
    });
    // Finance (the agency) and the commune both see it; another commune does not.
    expect((await get('standing', `/recommendations/${rec.id}`)).json()).toMatchObject({
      can: { answer: true },
    });
    expect((await get('officerA', `/recommendations/${rec.id}`)).json()).toMatchObject({
      can: { answer: false },
    });
    expect((await get('officerB', `/recommendations/${rec.id}`)).statusCode).toBe(404);
    expect((await get('officerB', `/recommendations?programmeId=${w.p1.id}`)).json()).toEqual([]);
    expect((await get('steeringNA', `/recommendations/${rec.id}`)).statusCode).toBe(404);
    // A programme with 10 working days and a day off in between.
    expect(
      (
        await as.officerA!({
          method: 'PUT',
          url: `/api/v1/recommendations/settings?programmeId=${w.p1.id}`,
          payload: { answerWorkingDays: 10 },
        })
      ).statusCode,
    ).toBe(403);
    const set = await as.standing!({
      method: 'PUT',
      url: `/api/v1/recommendations/settings?programmeId=${w.p1.id}`,
      payload: { answerWorkingDays: 10 },
    });
    expect(set.json()).toEqual({ programmeId: w.p1.id, answerWorkingDays: 10 });
    await t.database.db.execute(
      sql`insert into days_off (day, name) values ('2025-11-10', 'test') on conflict do nothing`,
    );
    const short = await post('leaderA', '/recommendations', { ...body(), toUnitId: w.units.science.id });
    expect(short.json().answerDueOn).toBe('2025-11-18');
  });

  it('past its due day it is overdue, and the agency is on the warning list for it', async () => {
    await at('2025-11-26');
    expect((await get('officerA', `/recommendations/${rec.id}`)).json()).toMatchObject({
      state: 'overdue',
      workingDaysLeft: -2,
    });
    await at('2025-12-01');
    const drawn = await post('standing', '/warning-lists/compute', {
      programmeId: w.p1.id,
      period: '2025-W48',
    });
    expect(drawn.statusCode).toBe(200);
    const list = (await get('standing', `/programmes/${w.p1.id}/warning-lists/2025-W48`)).json();
    const fin = list.units.find((u: { unit: { code: string } }) => u.unit.code === 'FIN');
    expect(fin.reasons).toContainEqual({
      code: 'recommendations_overdue',
      count: 1,
      items: [
        expect.objectContaining({
          recommendationId: rec.id,
          fromCode: 'CA',
          dueOn: '2025-11-24',
          daysOverdue: 4,
        }),
      ],
    });
  });

  it('answered after its due day: counted late for the agency; answered once', async () => {
    expect(
      (await post('officerA', `/recommendations/${rec.id}/answer`, { version: rec.version, answer: 'x' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await post('standing', `/recommendations/${rec.id}/answer`, { version: rec.version, answer: '' }))
        .statusCode,
    ).toBe(400);
    const ans = await post('standing', `/recommendations/${rec.id}/answer`, {
      version: rec.version,
      answer: 'Sở Tài chính đã bố trí kinh phí trong dự toán 2026',
    });
    expect(ans.statusCode).toBe(200);
    expect(ans.json()).toMatchObject({
      state: 'answered_late',
      answeredOn: '2025-12-01',
      workingDaysLeft: null,
    });
    const again = await post('standing', `/recommendations/${rec.id}/answer`, {
      version: ans.json().version,
      answer: 'y',
    });
    expect(again.json().error.code).toBe('recommendation_answered');
    const s = (await get('steering', `/recommendations/summary?programmeId=${w.p1.id}`)).json();
    expect(s.byState).toMatchObject({ answered_late: 1, overdue: 1 });
    expect(s.byAgency.find((a: { agency: { code: string } }) => a.agency.code === 'FIN')).toMatchObject({
      total: 1,
      overdue: 0,
      answeredLate: 1,
      late: 1,
    });
    // As of before the answer it was overdue and the answer is not shown.
    expect((await get('officerA', `/recommendations/${rec.id}?asOf=2025-11-28`)).json()).toMatchObject({
      state: 'overdue',
      answer: null,
    });
    // A unit's summary covers its own only.
    expect((await get('officerB', `/recommendations/summary?programmeId=${w.p1.id}`)).json().total).toBe(0);
  });

  it('obstacles and recommendations download as XLSX, in the reader’s scope and language', async () => {
    const ExcelJS = (await import('exceljs')).default;
    await post('standing', '/obstacles', {
      programmeId: w.p1.id,
      title: 'Thiếu máy quét',
      category: 'resources',
      raisedByUnitId: w.units.communeA.id,
      ownerUnitId: w.units.finance.id,
    });
    const read = async (res: { rawPayload: Buffer }) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      return wb.worksheets[0]!.getSheetValues()
        .slice(1)
        .map((r) => (r as unknown[]).slice(1));
    };
    const recs = await as.standing!({
      method: 'GET',
      url: `/api/v1/recommendations/export.xlsx?programmeId=${w.p1.id}`,
      lang: 'en',
    });
    expect(recs.statusCode).toBe(200);
    const rows = await read(recs);
    expect(rows[0]![1]).toBe('From unit');
    expect(rows.find((r) => r[0] === rec.id)!.slice(1, 7)).toEqual([
      'CA',
      'FIN',
      body().content,
      '2025-11-03',
      '2025-11-24',
      'answered_late',
    ]);
    const obs = await read(await get('standing', `/obstacles/export.xlsx?programmeId=${w.p1.id}`));
    expect(obs[0]![1]).toBe('Vướng mắc');
    expect(obs[1]!.slice(1, 6)).toEqual(['Thiếu máy quét', 'resources', 'medium', 'CA', 'FIN']);
    // Another commune's export has the headings only.
    expect(await read(await get('officerB', `/obstacles/export.xlsx?programmeId=${w.p1.id}`))).toHaveLength(
      1,
    );
  });
});
