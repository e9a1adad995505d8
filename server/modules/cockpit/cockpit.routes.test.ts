import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cockpit } from '../../../shared/schemas/cockpit.js';
import type { Summary } from '../../../shared/schemas/tasks.js';
import { makeWorld, type World } from '../../test/factories.js';
import { testApp, type Caller, type TestApp } from '../../test/harness.js';
import { COCKPIT_TILES } from '../../../shared/vocabulary.js';

/** The cockpit: one request with every tile, the same figures as the screens they summarise. */
describe('cockpit', () => {
  let t: TestApp;
  let w: World;
  const as: Record<string, Caller> = {};
  const url = (q = '') => `/api/v1/programmes/${w.p1.id}/cockpit${q}`;
  const get = async (who: string, q = '') => {
    const r = await as[who]!({ method: 'GET', url: url(q) });
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as Cockpit;
  };

  beforeAll(async () => {
    t = await testApp({ today: '2025-11-14' });
    w = await makeWorld(t.database.db);
    for (const [k, u] of Object.entries(w.u)) as[k] = await t.login(u.email);
    // Week 45 (due Friday 7 November) drawn and published: Hoàn Kiếm has an overdue task.
    const drawn = await as.standing!({
      method: 'POST',
      url: '/api/v1/warning-lists/compute',
      payload: { programmeId: w.p1.id, period: '2025-W45' },
    });
    expect(drawn.statusCode, drawn.body).toBe(200);
    const pub = await as.steering!({
      method: 'POST',
      url: `/api/v1/warning-lists/${drawn.json().id}/publish`,
    });
    expect(pub.statusCode, pub.body).toBe(200);
  });
  afterAll(() => t.close());

  it('gives the programme at a glance, equal to the task summary, with a weekly trend', async () => {
    const c = await get('steering');
    const summary = (
      await as.steering!({ method: 'GET', url: `/api/v1/tasks/summary?programmeId=${w.p1.id}` })
    ).json() as Summary;
    expect(c.asOf).toBe('2025-11-14');
    expect(c.summary).toEqual(summary);
    expect(c.trend).toHaveLength(12);
    expect(c.trend.at(-1)).toEqual({ date: '2025-11-14', total: summary.total, byState: summary.byState });
    // Each week's point is what the summary says as of that day.
    const first = c.trend[0]!;
    expect(first.date).toBe('2025-08-29');
    const then = (
      await as.steering!({
        method: 'GET',
        url: `/api/v1/tasks/summary?programmeId=${w.p1.id}&asOf=${first.date}`,
      })
    ).json() as Summary;
    expect(first.byState).toEqual(then.byState);
    // On 29 August Hoàn Kiếm's task (due 31 October) was not yet overdue; on 14 November it is.
    expect(first.byState.overdue).toBe(0);
    expect(c.summary.byState.overdue).toBe(1);
    expect(c.scope).toMatchObject({ groupId: null, unit: null, path: [{ code: 'CITY' }] });
    expect(c.units.map((u) => u.unit.code).sort()).toEqual(['CA', 'CB', 'SCI']);
    expect(c.units.find((u) => u.unit.code === 'CA')).toMatchObject({ total: 2, overdue: 1, childCount: 1 });
    // Nobody reported in week 45: the three units that had tasks open are listed, Hoàn Kiếm twice over.
    expect(c.warningList).toMatchObject({ period: '2025-W45', unitCount: 3 });
    const ca = c.warningList!.units.find((u) => u.unit.code === 'CA')!;
    expect(ca.reasons.map((r) => r.code)).toEqual(['overdue_tasks', 'report_missing']);
    // Reporting: eight periods up to the "as of" day's; the last (due today at 17:00) still open.
    expect(c.reporting).toHaveLength(8);
    expect(c.reporting.at(-2)).toEqual({
      period: '2025-W45',
      dueAt: '2025-11-07T10:00:00.000Z',
      drawAt: expect.any(String),
      open: false,
      expected: 3,
      received: 0,
      onTime: 0,
      reportingRate: 0,
      onTimeRate: 0,
    });
    // The open week is not a 0% figure: what is expected, what is in so far, no rate until it closes.
    expect(c.reporting.at(-1)).toMatchObject({
      period: '2025-W46',
      dueAt: '2025-11-14T10:00:00.000Z',
      open: true,
      expected: 3,
      received: 0,
      reportingRate: null,
      onTimeRate: null,
    });
    expect(c.reporting.at(-1)!.drawAt >= c.reporting.at(-1)!.dueAt).toBe(true);
    expect(c.kpis).toEqual([]);
  });

  it('drills down to a unit: its subtree, its overdue tasks, the breadcrumb', async () => {
    const c = await get('steering', `?unitId=${w.units.communeA.id}`);
    expect(c.scope.unit?.code).toBe('CA');
    expect(c.scope.path.map((u) => u.code)).toEqual(['CITY', 'CA']);
    expect(c.summary.total).toBe(3); // leads A-OVERDUE, coordinates B-COORD-A, its hamlet leads A1-TASK
    expect(c.units.map((u) => u.unit.code)).toEqual(['CA1']);
    expect(c.overdueTasks).toEqual([
      expect.objectContaining({ code: 'A-OVERDUE', deadline: '2025-10-31', daysOverdue: 14 }),
    ]);
    // The list narrowed to the subtree: the ward and its residential group.
    expect(c.warningList?.units.map((u) => u.unit.code).sort()).toEqual(['CA', 'CA1']);
    const b = await get('steering', `?unitId=${w.units.communeB.id}`);
    expect(b.warningList?.units.map((u) => u.unit.code)).toEqual(['CB']);
  });

  it('replays a past week: no list was published yet, the trend ends on that day', async () => {
    const c = await get('steering', '?asOf=2025-10-17&weeks=4');
    expect(c.trend.map((x) => x.date)).toEqual(['2025-09-26', '2025-10-03', '2025-10-10', '2025-10-17']);
    expect(c.summary.byState.overdue).toBe(0);
    expect(c.warningList).toBeNull();
  });

  it('filters by group', async () => {
    const c = await get('steering', `?groupId=${w.p1.groups[1]!.id}`);
    expect(c.summary.total).toBe(1);
    expect(c.summary.byState.done_on_time).toBe(1);
    expect(c.scope.groupId).toBe(w.p1.groups[1]!.id);
  });

  it("shows a commune officer only its own unit's tasks", async () => {
    const c = await get('officerB');
    expect(c.summary.total).toBe(2); // B-ONLY and B-COORD-A
    expect(c.summary.overdueByUnit).toEqual([]);
    const a = await get('officerB', `?unitId=${w.units.communeA.id}`);
    // Hoàn Kiếm's own overdue task stays invisible; only the task Sóc Sơn leads shows.
    expect(a.summary.total).toBe(1);
    expect(a.overdueTasks).toEqual([]);
    expect(JSON.stringify({ ...a, warningList: null })).not.toContain('A-OVERDUE');
    // Its discipline: only its own unit's reports (none of Hoàn Kiếm's).
    expect(a.reporting.every((r) => r.expected === 0)).toBe(true);
    expect((await get('officerB')).reporting.at(-2)).toMatchObject({ expected: 1, received: 0 });
  });

  it('shows the registers: money for the scope, obstacles, recommendations and pilots programme-wide', async () => {
    const post = async (url: string, payload: Record<string, unknown>) => {
      const r = await as.standing!({ method: 'POST', url: `/api/v1${url}`, payload });
      expect(r.statusCode, r.body).toBe(200);
      return r.json() as { id: number };
    };
    const plan = await post('/money/plans', {
      programmeId: w.p1.id,
      code: 'KH-A-2025',
      unitId: w.units.communeA.id,
      project: 'Hạ tầng mạng thôn',
      source: 'local_budget',
      year: 2025,
      amount: '1000000000',
    });
    const curve = await as.standing!({
      method: 'PUT',
      url: `/api/v1/money/thresholds?programmeId=${w.p1.id}`,
      payload: { points: [{ byDay: '09-30', minRatePct: 60 }] },
    });
    expect(curve.statusCode, curve.body).toBe(200);
    await post('/money/payments', {
      planId: plan.id,
      paidOn: '2025-11-03',
      amount: '250000000',
      reference: 'KB-1',
    });
    t.clock.set('2025-11-03');
    await post('/obstacles', {
      programmeId: w.p1.id,
      title: 'Thiếu đường truyền tới nhà văn hóa thôn',
      category: 'data_infrastructure',
      severity: 'high',
      raisedByUnitId: w.units.communeA.id,
      ownerUnitId: w.units.communeA.id,
      dueOn: '2025-11-10',
    });
    t.clock.set('2025-11-14');

    const c = await get('standing');
    expect(c.registers.money).toMatchObject({ year: 2025, allocated: '1000000000', disbursed: '250000000' });
    expect(Number(c.registers.money!.rate)).toBe(25);
    expect(c.registers.obstacles).toMatchObject({ total: 1, overdueCount: 1, byStatus: { open: 1 } });
    expect(c.registers.obstacles!.overdue[0]).toMatchObject({ daysOverdue: 4 });
    const recs = await as.standing!({
      method: 'GET',
      url: `/api/v1/recommendations/summary?programmeId=${w.p1.id}`,
    });
    expect(c.registers.recommendations!.total).toBe(recs.json().total);
    expect(c.registers.pilots).not.toBeNull();
    // Four weeks back the payment and the obstacle did not exist yet.
    const before = await get('standing', '?asOf=2025-10-17');
    expect(before.registers.money).toMatchObject({ disbursed: '0' });
    expect(before.registers.obstacles).toMatchObject({ total: 0 });
    // Drilled down: money of the unit's subtree only; the programme-wide registers step aside.
    const other = await get('standing', `?unitId=${w.units.communeB.id}`);
    expect(other.registers.money).toMatchObject({ allocated: '0', disbursed: '0' });
    expect(other.registers.obstacles).toBeNull();
    const xlsx = await as.standing!({ method: 'GET', url: url('/export?format=csv&tile=money') });
    expect(xlsx.statusCode, xlsx.body).toBe(200);
    expect(xlsx.body).toContain('2025,1000000000,250000000,25,60,2025-09-30');
  });

  it('refuses what is not the caller’s or not valid', async () => {
    expect((await as.steeringNA!({ method: 'GET', url: url() })).statusCode).toBe(404);
    expect((await t.anon({ method: 'GET', url: url() })).statusCode).toBe(401);
    const bad = async (q: string) => await as.steering!({ method: 'GET', url: url(q), lang: 'en' });
    expect((await bad(`?groupId=${w.p2.groups[0]!.id}`)).json().error.code).toBe('group_not_in_programme');
    const outside = await bad(`?unitId=${w.units.police.id}`);
    expect(outside.statusCode).toBe(422);
    expect(outside.json().error.code).toBe('unit_not_found');
    expect((await bad('?weeks=100')).statusCode).toBe(400);
    expect((await bad('?asOf=14/11/2025')).statusCode).toBe(400);
    expect((await bad('?foo=1')).statusCode).toBe(400);
  });

  it('downloads every tile as XLSX (numbers and dates typed) and one tile as CSV', async () => {
    const r = await as.steering!({ method: 'GET', url: `${url('/export')}?format=xlsx`, lang: 'vi' });
    expect(r.statusCode, r.body).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const states = wb.getWorksheet('Nhiệm vụ theo trạng thái')!;
    expect(states.getRow(1).getCell(1).value).toBe('Trạng thái');
    const overdueRow = states.getRows(2, 5)!.find((row) => row.getCell(1).value === 'Quá hạn')!;
    expect(overdueRow.getCell(2).value).toBe(1);
    const trend = wb.getWorksheet('Diễn biến theo tuần')!;
    expect(trend.getRow(13).getCell(1).value).toEqual(new Date('2025-11-14T00:00:00Z'));
    expect(typeof trend.getRow(13).getCell(7).value).toBe('number');
    expect(wb.worksheets).toHaveLength(COCKPIT_TILES.length);

    const csv = await as.steering!({
      method: 'GET',
      url: `${url('/export')}?format=csv&tile=trend`,
      lang: 'en',
    });
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.replace('\ufeff', '').trim().split('\r\n');
    expect(lines[0]).toBe('Date,Done on time,Done late,Overdue,In progress,Not started,Total');
    expect(lines).toHaveLength(13);
    expect(lines[12]).toMatch(/^2025-11-14,1,0,1,1,2,5$/);
    expect((await as.steering!({ method: 'GET', url: `${url('/export')}?format=csv` })).statusCode).toBe(400);
  });
});
