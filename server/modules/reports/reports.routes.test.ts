import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, makeWorld, type World } from '../../test/factories.js';
import { testApp, type Caller, type TestApp } from '../../test/harness.js';

type Entry = {
  taskId: number;
  taskCode: string;
  role: string;
  percent: number;
  lastApprovedPercent: number | null;
};
type Report = {
  id: number;
  status: string;
  version: number;
  revision: number;
  period: string;
  timeliness: string | null;
  entries: Entry[];
};

/**
 * A unit's week through the API: draft, save, submit, return, resubmit, approve; the next week
 * pre-filled; the refusals (other unit, stale save, wrong task, lower percent, closed period).
 * 2025-W46 runs 10–16 November 2025; its report is due on Friday 14 November at 17:00 Hanoi time.
 */
describe('weekly progress reports', () => {
  let t: TestApp;
  let w: World;
  const as: Record<string, Caller> = {};
  let report: Report;

  const open = (who: string, body: Record<string, unknown>) =>
    as[who]!({ method: 'POST', url: '/api/v1/reports/open', payload: body });
  const put = (who: string, id: number, body: Record<string, unknown>) =>
    as[who]!({ method: 'PUT', url: `/api/v1/reports/${id}`, payload: body });
  const act = (who: string, id: number, action: string, body: Record<string, unknown>) =>
    as[who]!({ method: 'POST', url: `/api/v1/reports/${id}/${action}`, payload: body });

  beforeAll(async () => {
    t = await testApp({ today: '2025-11-14' });
    w = await makeWorld(t.database.db);
    const leaderB = await makeUser(t.database.db, {
      email: 'leader.b@t.vn',
      unitId: w.units.communeB.id,
      roles: [{ role: 'unit_leader', unitId: w.units.communeB.id }],
    });
    for (const [k, u] of Object.entries({ ...w.u, leaderB })) as[k] = await t.login(u.email);
    t.clock.set('2025-11-13T02:00:00Z'); // Thursday morning in Hanoi
  });
  afterAll(() => t.close());

  it('opens this week as a draft with one entry per task the unit leads or coordinates, pre-filled', async () => {
    const res = await open('officerA', { programmeId: w.p1.id, unitId: w.units.communeA.id });
    expect(res.statusCode).toBe(200);
    report = res.json();
    expect(report).toMatchObject({ period: '2025-W46', status: 'draft', revision: 1, timeliness: null });
    expect(report.entries.map((e) => [e.taskCode, e.role, e.percent])).toEqual([
      ['A-OVERDUE', 'lead', 30],
      ['B-COORD-A', 'coordinate', 10],
    ]);
    // Opening again gives the same report.
    expect((await open('leaderA', { programmeId: w.p1.id, unitId: w.units.communeA.id })).json().id).toBe(
      report.id,
    );
  });

  it('a draft is the unit’s own: another unit and the steering body do not see it', async () => {
    expect((await as.officerB!({ method: 'GET', url: `/api/v1/reports/${report.id}` })).statusCode).toBe(404);
    expect((await as.steering!({ method: 'GET', url: `/api/v1/reports/${report.id}` })).statusCode).toBe(404);
    expect((await put('officerB', report.id, { version: report.version, entries: [] })).statusCode).toBe(404);
    const list = await as.steering!({ method: 'GET', url: `/api/v1/reports?programmeId=${w.p1.id}` });
    expect(list.json()).toEqual([]);
  });

  it('refuses a task the unit does not report on, and a stale save, losing nothing', async () => {
    const aId = w.t.aOverdue.id;
    const wrong = await put('officerA', report.id, {
      version: report.version,
      entries: [{ taskId: w.t.bOnly.id, percent: 50 }],
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.code).toBe('task_not_in_report');
    const saved = await put('officerA', report.id, {
      version: report.version,
      entries: [{ taskId: aId, percent: 45, done: 'Số hóa 450 hồ sơ', next: 'Số hóa tiếp' }],
    });
    expect(saved.statusCode).toBe(200);
    const stale = await put('leaderA', report.id, {
      version: report.version,
      entries: [{ taskId: aId, percent: 99 }],
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('stale_report');
    report = (await as.officerA!({ method: 'GET', url: `/api/v1/reports/${report.id}` })).json();
    expect(report.entries.find((e) => e.taskId === aId)).toMatchObject({ percent: 45 });
    expect(report.version).toBe(saved.json().version);
  });

  it('submit, return with a comment, resubmit, approve; approval moves the lead task’s progress', async () => {
    let r = await act('officerA', report.id, 'submit', { version: report.version });
    expect(r.json()).toMatchObject({ status: 'submitted', timeliness: 'on_time' });
    expect(
      (await put('officerA', report.id, { version: r.json().version, entries: [] })).json().error.code,
    ).toBe('report_wrong_state');
    expect((await act('leaderB', report.id, 'approve', { version: r.json().version })).statusCode).toBe(404);
    expect((await act('officerA', report.id, 'approve', { version: r.json().version })).statusCode).toBe(403);
    const noComment = await act('leaderA', report.id, 'return', { version: r.json().version, comment: ' ' });
    expect(noComment.statusCode).toBe(400);
    r = await act('leaderA', report.id, 'return', { version: r.json().version, comment: 'Thiếu minh chứng' });
    expect(r.json()).toMatchObject({ status: 'returned', returnComment: 'Thiếu minh chứng' });
    t.clock.set('2025-11-14T11:00:00Z'); // after the due moment: the first submission still counts
    r = await put('officerA', report.id, {
      version: r.json().version,
      entries: [{ taskId: w.t.aOverdue.id, percent: 50 }],
    });
    r = await act('officerA', report.id, 'submit', { version: r.json().version });
    expect(r.json()).toMatchObject({ status: 'submitted', timeliness: 'on_time' });
    r = await act('leaderA', report.id, 'approve', { version: r.json().version });
    expect(r.json()).toMatchObject({ status: 'approved' });
    expect(r.json().events.map((e: { action: string }) => e.action)).toEqual([
      'created',
      'saved',
      'submitted',
      'returned',
      'saved',
      'resubmitted',
      'approved',
    ]);
    const task = await as.officerA!({ method: 'GET', url: `/api/v1/tasks/${w.t.aOverdue.id}` });
    expect(task.json().progress).toBe(50);
    expect(task.json().history.at(-1)).toMatchObject({
      action: 'reported',
      changes: { progress: { from: 30, to: 50 } },
    });
    // The coordinating unit's percent does not move the lead unit's task.
    const coord = await as.officerA!({ method: 'GET', url: `/api/v1/tasks/${w.t.bCoordA.id}` });
    expect(coord.json().progress).toBe(10);
    // Now submitted, the steering body sees it.
    const list = await as.steering!({ method: 'GET', url: `/api/v1/reports?programmeId=${w.p1.id}` });
    expect(list.json().map((x: { id: number }) => x.id)).toEqual([report.id]);
  });

  it('the lead unit sees what the coordinating units reported on its tasks', async () => {
    const cb = await open('officerB', {
      programmeId: w.p1.id,
      unitId: w.units.communeB.id,
      period: '2025-W46',
    });
    const entry = (
      cb.json().entries as (Entry & { partners: { unit: { code: string }; percent: number }[] })[]
    ).find((e) => e.taskCode === 'B-COORD-A')!;
    expect(entry.partners).toEqual([
      expect.objectContaining({ unit: expect.objectContaining({ code: 'CA' }), percent: 10 }),
    ]);
    // The coordinating unit's own view does not carry the lead's.
    const ca = (await as.officerA!({ method: 'GET', url: `/api/v1/reports/${report.id}` })).json();
    expect(ca.entries.every((e: { partners: unknown[] }) => e.partners.length === 0)).toBe(true);
  });

  it('next week starts from last week; a lower percent needs a reason', async () => {
    t.clock.set('2025-11-18T02:00:00Z');
    const next: Report = (
      await open('officerA', { programmeId: w.p1.id, unitId: w.units.communeA.id })
    ).json();
    expect(next.period).toBe('2025-W47');
    const a = next.entries.find((e) => e.taskId === w.t.aOverdue.id)!;
    expect(a).toMatchObject({ percent: 50, lastApprovedPercent: 50 });
    const lower = await put('officerA', next.id, {
      version: next.version,
      entries: [{ taskId: a.taskId, percent: 40 }],
    });
    expect(lower.statusCode).toBe(422);
    expect(lower.json().error.code).toBe('percent_below_last');
    const withReason = await put('officerA', next.id, {
      version: next.version,
      entries: [{ taskId: a.taskId, percent: 40, belowReason: 'Hồ sơ phải số hóa lại' }],
    });
    expect(withReason.statusCode).toBe(200);
  });

  it('an approved report edited again opens the next revision, history kept', async () => {
    const r = (await as.officerA!({ method: 'GET', url: `/api/v1/reports/${report.id}` })).json() as Report;
    const res = await put('officerA', report.id, {
      version: r.version,
      entries: [{ taskId: w.t.aOverdue.id, percent: 55 }],
    });
    expect(res.json()).toMatchObject({ status: 'draft', revision: 2 });
    expect(res.json().events.at(-1)).toMatchObject({ action: 'reopened', revision: 2 });
  });

  it('future and long-past periods are refused', async () => {
    const future = await open('officerA', {
      programmeId: w.p1.id,
      unitId: w.units.communeA.id,
      period: '2025-W49',
    });
    expect(future.json().error.code).toBe('period_not_open');
    const past = await open('officerA', {
      programmeId: w.p1.id,
      unitId: w.units.communeA.id,
      period: '2025-W40',
    });
    expect(past.json().error.code).toBe('period_closed');
    const bad = await open('officerA', {
      programmeId: w.p1.id,
      unitId: w.units.communeA.id,
      period: '2025-W60',
    });
    expect(bad.statusCode).toBe(400);
  });

  it('reporting discipline: on time, missing, pending, and the rates', async () => {
    t.clock.set('2025-11-22T02:00:00Z'); // W47 is due on the 21st
    const res = await as.standing!({
      method: 'GET',
      url: `/api/v1/discipline?programmeId=${w.p1.id}&from=2025-W46&to=2025-W48`,
    });
    expect(res.statusCode).toBe(200);
    const d = res.json();
    const row = (code: string) => d.units.find((u: { code: string }) => u.code === code);
    expect(row('CA').cells).toEqual(['on_time', 'missing', 'pending']);
    expect(row('CB').cells).toEqual(['missing', 'missing', 'pending']);
    expect(row('CA1').cells).toEqual(['missing', 'missing', 'pending']);
    expect(row('SCI')).toBeUndefined(); // its only task was done before W46
    expect(d.totals).toMatchObject({
      expected: 6,
      received: 1,
      onTime: 1,
      reportingRate: 16.67,
      onTimeRate: 16.67,
    });
    expect(d.neverReported.map((u: { code: string }) => u.code).sort()).toEqual(['CA1', 'CB']);
    // A unit's officer sees its own line only.
    const mine = await as.officerB!({
      method: 'GET',
      url: `/api/v1/discipline?programmeId=${w.p1.id}&from=2025-W46&to=2025-W47`,
    });
    expect(mine.json().units.map((u: { code: string }) => u.code)).toEqual(['CB']);
    // Replayed as of a past day: reports sent after it are not seen, dues after it are pending.
    const asOf = async (day: string) =>
      (
        await as.standing!({
          method: 'GET',
          url: `/api/v1/discipline?programmeId=${w.p1.id}&from=2025-W46&to=2025-W48&asOf=${day}`,
        })
      ).json();
    const before = await asOf('2025-11-12'); // CA sent W46 on the 13th
    expect(before.units.find((u: { code: string }) => u.code === 'CA').cells).toEqual([
      'pending',
      'pending',
      'pending',
    ]);
    expect(before.totals.expected).toBe(0);
    const after = await asOf('2025-11-15');
    expect(after.units.find((u: { code: string }) => u.code === 'CA').cells).toEqual([
      'on_time',
      'pending',
      'pending',
    ]);
    expect(after.totals).toMatchObject({ expected: 3, received: 1 });
  });

  it('discipline follows a change of the tasks at once (its cache is keyed on the tasks version)', async () => {
    const url = `/api/v1/discipline?programmeId=${w.p1.id}&from=2025-W46&to=2025-W47`;
    const codes = async () =>
      ((await as.standing!({ method: 'GET', url })).json().units as { code: string }[]).map((u) => u.code);
    expect(await codes()).toContain('CA1');
    expect(await codes()).toContain('CA1'); // served again, from the cache
    const task = (await as.standing!({ method: 'GET', url: `/api/v1/tasks/${w.t.hamlet.id}` })).json();
    const moved = await as.standing!({
      method: 'PATCH',
      url: `/api/v1/tasks/${w.t.hamlet.id}`,
      payload: { version: task.version, startDate: '2026-01-05' },
    });
    expect(moved.statusCode).toBe(200);
    expect(await codes()).not.toContain('CA1'); // its only task now starts after the range
  });
});
