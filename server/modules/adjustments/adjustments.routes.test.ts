import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeWorld, type World } from '../../test/factories.js';
import { testApp, type Caller, type TestApp } from '../../test/harness.js';

/**
 * Adjustments decided by the steering body and completions confirmed by the standing agency,
 * with the refusals; the task's state follows the deadline in force on the date asked.
 */
describe('adjustment requests and completion confirmation', () => {
  let t: TestApp;
  let w: World;
  const as: Record<string, Caller> = {};
  const post = (who: string, url: string, payload: unknown) =>
    as[who]!({ method: 'POST', url: `/api/v1${url}`, payload: payload as Record<string, unknown> });
  const task = async (id: number, asOf?: string) =>
    (await as.steering!({ method: 'GET', url: `/api/v1/tasks/${id}${asOf ? `?asOf=${asOf}` : ''}` })).json();

  beforeAll(async () => {
    t = await testApp({ today: '2025-11-14' });
    w = await makeWorld(t.database.db);
    for (const [k, u] of Object.entries(w.u)) as[k] = await t.login(u.email);
  });
  afterAll(() => t.close());

  it('the lead unit’s leader asks to extend a deadline; others may not; one pending at a time', async () => {
    const body = {
      kind: 'extend',
      taskId: w.t.aOverdue.id,
      deadline: '2025-12-15',
      reason: 'Chờ phần mềm số hóa',
    };
    expect((await post('officerA', '/adjustments', body)).statusCode).toBe(403);
    expect((await post('officerB', '/adjustments', body)).statusCode).toBe(404);
    expect((await post('leaderA', '/adjustments', { ...body, reason: '' })).statusCode).toBe(400);
    expect((await post('leaderA', '/adjustments', { ...body, deadline: '2025-10-01' })).statusCode).toBe(400);
    const res = await post('leaderA', '/adjustments', body);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'pending',
      kind: 'extend',
      before: { deadline: '2025-10-31' },
    });
    const again = await post('leaderA', '/adjustments', body);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('adjustment_pending');
  });

  it('a steering member decides; a rejection needs a reason; the original deadline stays on record', async () => {
    const [req] = (
      await as.steering!({ method: 'GET', url: `/api/v1/adjustments?programmeId=${w.p1.id}&status=pending` })
    ).json();
    expect(req.can.decide).toBe(true);
    expect(
      (await post('standing', `/adjustments/${req.id}/decide`, { decision: 'approved' })).statusCode,
    ).toBe(403);
    const noReason = await post('steering', `/adjustments/${req.id}/decide`, { decision: 'rejected' });
    expect(noReason.json().error.code).toBe('reason_required');
    const ok = await post('steering', `/adjustments/${req.id}/decide`, {
      decision: 'approved',
      note: 'Đồng ý',
    });
    expect(ok.json()).toMatchObject({ status: 'approved', decidedBy: expect.any(String) });
    expect(
      (await post('steering', `/adjustments/${req.id}/decide`, { decision: 'rejected', note: 'x' }))
        .statusCode,
    ).toBe(409);
    const now = await task(w.t.aOverdue.id);
    expect(now).toMatchObject({
      deadline: '2025-12-15',
      originalDeadline: '2025-10-31',
      state: 'in_progress',
    });
    expect(now.deadlineChanges).toEqual([
      { deadline: '2025-12-15', effectiveFrom: '2025-11-14', reason: 'Chờ phần mềm số hóa' },
    ]);
    expect(now.history.at(-1)).toMatchObject({
      action: 'adjusted',
      changes: { deadline: { from: '2025-10-31', to: '2025-12-15' } },
    });
    // Asked about a day before the approval, the task was overdue against its old deadline.
    expect(await task(w.t.aOverdue.id, '2025-11-10')).toMatchObject({
      state: 'overdue',
      deadlineAsOf: '2025-10-31',
    });
  });

  it('cancel and replace: the old task leaves the unit’s report, the new one takes its place', async () => {
    const cancel = await post('standing', '/adjustments', {
      kind: 'cancel',
      taskId: w.t.bOnly.id,
      reason: 'Trùng nhiệm vụ khác',
    });
    expect(cancel.statusCode).toBe(200);
    await post('steering', `/adjustments/${cancel.json().id}/decide`, { decision: 'approved' });
    expect(await task(w.t.bOnly.id)).toMatchObject({ cancelledOn: '2025-11-14' });
    const replace = await post('standing', '/adjustments', {
      kind: 'replace',
      taskId: w.t.hamlet.id,
      reason: 'Đổi cách làm',
      replacement: { title: 'Triển khai camera AI tổ dân phố', deadline: '2026-03-31' },
    });
    const decided = (
      await post('steering', `/adjustments/${replace.json().id}/decide`, { decision: 'approved' })
    ).json();
    const fresh = await task(decided.replacementTaskId);
    expect(fresh).toMatchObject({
      code: 'A1-TASK-R1',
      deadline: '2026-03-31',
      title: 'Triển khai camera AI tổ dân phố',
    });
    expect(await task(w.t.hamlet.id)).toMatchObject({ replacedById: decided.replacementTaskId });
    t.clock.set('2025-11-18T02:00:00Z');
    const report = (
      await post('officerB', '/reports/open', { programmeId: w.p1.id, unitId: w.units.communeB.id })
    ).json();
    expect(report.entries.map((e: { taskCode: string }) => e.taskCode)).toEqual(['B-COORD-A']);
    const closed = await post('leaderA', '/adjustments', {
      kind: 'cancel',
      taskId: w.t.hamlet.id,
      reason: 'x',
    });
    expect(closed.json().error.code).toBe('task_closed');
  });

  it('a unit declares a task done; the standing agency returns it with a reason, then confirms', async () => {
    const body = {
      taskId: w.t.bCoordA.id,
      completedOn: '2025-11-17',
      product: 'Hệ thống wifi công cộng 12 điểm',
    };
    expect((await post('officerA', '/completions', body)).statusCode).toBe(404); // only coordinates it
    const future = await post('officerB', '/completions', { ...body, completedOn: '2025-12-01' });
    expect(future.json().error).toMatchObject({ code: 'completed_in_future' });
    const c = (await post('officerB', '/completions', body)).json();
    expect(c).toMatchObject({ status: 'pending', can: { decide: false } });
    expect(
      (await post('officerB', `/completions/${c.id}/decide`, { decision: 'confirmed' })).statusCode,
    ).toBe(403);
    expect(
      (await post('standing', `/completions/${c.id}/decide`, { decision: 'returned' })).json().error.code,
    ).toBe('reason_required');
    await post('standing', `/completions/${c.id}/decide`, {
      decision: 'returned',
      note: 'Thiếu biên bản nghiệm thu',
    });
    expect(await task(w.t.bCoordA.id)).toMatchObject({ completedOn: null, state: 'in_progress' });
    const c2 = (await post('officerB', '/completions', body)).json();
    const ok = await post('standing', `/completions/${c2.id}/decide`, { decision: 'confirmed' });
    expect(ok.json()).toMatchObject({ status: 'confirmed' });
    expect(await task(w.t.bCoordA.id)).toMatchObject({
      completedOn: '2025-11-17',
      state: 'done_on_time',
      progress: 100,
    });
    const all = (
      await as.officerB!({ method: 'GET', url: `/api/v1/completions?programmeId=${w.p1.id}` })
    ).json();
    expect(all.map((x: { status: string }) => x.status)).toEqual(['confirmed', 'returned']);
    // The unit was told both times.
    const bell = (await as.officerB!({ method: 'GET', url: '/api/v1/notifications' })).json();
    expect(bell.items.filter((n: { kind: string }) => n.kind === 'completion_decided')).toHaveLength(2);
  });
});
