import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTask, makeWorld, type World } from '../../test/factories.js';
import { testApp, type Caller, type TestApp } from '../../test/harness.js';

/**
 * Issue 12.9: PATCH /tasks/:id and the completion route (declare, then confirm) apply one rule to
 * a completion date and write the same columns; reopening leaves a progress below 100.
 */
describe('one rule for completions', () => {
  let t: TestApp;
  let w: World;
  let standing: Caller;
  let officerB: Caller;
  beforeAll(async () => {
    t = await testApp({ today: '2025-11-14' });
    w = await makeWorld(t.database.db);
    standing = await t.login(w.u.standing.email);
    officerB = await t.login(w.u.officerB.email);
  });
  afterAll(() => t.close());

  const fresh = (code: string) =>
    makeTask(t.database.db, {
      programmeId: w.p1.id,
      leadUnitId: w.units.communeB.id,
      code,
      startDate: '2025-10-01',
      deadline: '2025-12-31',
    });
  const get = async (id: number) => (await standing({ method: 'GET', url: `/api/v1/tasks/${id}` })).json();
  const patch = async (id: number, body: Record<string, unknown>, lang = 'en') => {
    const { version } = await get(id);
    return standing({ method: 'PATCH', url: `/api/v1/tasks/${id}`, payload: { version, ...body }, lang });
  };
  const declare = (taskId: number, completedOn: string, lang = 'en') =>
    officerB({
      method: 'POST',
      url: '/api/v1/completions',
      payload: { taskId, completedOn, product: 'Biên bản nghiệm thu' },
      lang,
    });

  it('both paths refuse a date in the future or before the start, with the same code on the field', async () => {
    const a = await fresh('CR-A');
    for (const [day, code] of [
      ['2025-11-15', 'completed_in_future'],
      ['2025-09-30', 'completed_before_start'],
    ] as const) {
      const viaPatch = await patch(a.id, { completedOn: day });
      const viaRoute = await declare(a.id, day);
      for (const res of [viaPatch, viaRoute]) {
        expect(res.statusCode, res.body).toBe(422);
        expect(res.json().error).toMatchObject({ code, details: [{ path: 'completedOn' }] });
      }
    }
    const vi = await patch(a.id, { completedOn: '2025-11-15' }, 'vi');
    expect(vi.json().error.message).toBe('Ngày hoàn thành không được sau hôm nay (2025-11-14).');
    const ar = await declare(a.id, '2025-09-30', 'ar');
    expect(ar.json().error.message).toMatch(/تاريخ البدء \(2025-10-01\)/);
    expect((await get(a.id)).completedOn).toBeNull();
  });

  it('both paths write the same completion: the day, 100 %, the same first-activity date', async () => {
    const a = await fresh('CR-PATCH');
    const b = await fresh('CR-ROUTE');
    expect((await patch(a.id, { completedOn: '2025-11-03' })).statusCode).toBe(200);
    const c = (await declare(b.id, '2025-11-03')).json();
    const ok = await standing({
      method: 'POST',
      url: `/api/v1/completions/${c.id}/decide`,
      payload: { decision: 'confirmed' },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const [x, y] = [await get(a.id), await get(b.id)];
    const pick = (d: Record<string, unknown>) => ({
      completedOn: d.completedOn,
      progress: d.progress,
      firstActivityOn: d.firstActivityOn,
      state: d.state,
    });
    expect(pick(x)).toEqual({
      completedOn: '2025-11-03',
      progress: 100,
      firstActivityOn: '2025-11-03',
      state: 'done_on_time',
    });
    expect(pick(y)).toEqual(pick(x));
  });

  it('a first activity before the completion day is kept by both', async () => {
    const a = await fresh('CR-KEEP');
    expect((await patch(a.id, { progress: 40 })).statusCode).toBe(200); // first activity today
    expect((await patch(a.id, { completedOn: '2025-11-14' })).json()).toMatchObject({
      firstActivityOn: '2025-11-14',
      progress: 100,
    });
    const b = await fresh('CR-EARLIER');
    expect((await patch(b.id, { progress: 40 })).statusCode).toBe(200);
    expect((await patch(b.id, { completedOn: '2025-11-10' })).json()).toMatchObject({
      firstActivityOn: '2025-11-10',
    });
  });

  it('reopening leaves the progress that was on record before the completion, never 100', async () => {
    const a = await fresh('CR-REOPEN');
    await patch(a.id, { progress: 60 });
    await patch(a.id, { completedOn: '2025-11-12' });
    const reopened = await patch(a.id, { completedOn: null });
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(reopened.json()).toMatchObject({ completedOn: null, progress: 60, state: 'in_progress' });
    expect(reopened.json().history.at(-1)).toMatchObject({
      action: 'reopened',
      changes: { completedOn: { from: '2025-11-12', to: null }, progress: { from: 100, to: 60 } },
    });
    await patch(a.id, { completedOn: '2025-11-12' });
    const full = await patch(a.id, { completedOn: null, progress: 100 });
    expect(full.json().error).toMatchObject({
      code: 'reopen_progress_full',
      details: [{ path: 'progress' }],
    });
    expect((await patch(a.id, { completedOn: null, progress: 85 })).json()).toMatchObject({ progress: 85 });
  });

  it('a task completed through the completion route reopens at the progress it had', async () => {
    const b = await makeTask(t.database.db, {
      programmeId: w.p1.id,
      leadUnitId: w.units.communeB.id,
      code: 'CR-ROUTE-REOPEN',
      progress: 70,
      firstActivityOn: '2025-10-05',
    });
    const c = (await declare(b.id, '2025-11-10')).json();
    await standing({
      method: 'POST',
      url: `/api/v1/completions/${c.id}/decide`,
      payload: { decision: 'confirmed' },
    });
    expect(await get(b.id)).toMatchObject({ progress: 100, firstActivityOn: '2025-10-05' });
    expect((await patch(b.id, { completedOn: null })).json()).toMatchObject({
      progress: 70,
      completedOn: null,
    });
  });

  it('the lead unit cannot complete or reopen through PATCH (only its progress)', async () => {
    const a = await fresh('CR-UNIT');
    const { version } = await get(a.id);
    const res = await officerB({
      method: 'PATCH',
      url: `/api/v1/tasks/${a.id}`,
      payload: { version, completedOn: '2025-11-10' },
    });
    expect(res.statusCode).toBe(403);
  });
});
