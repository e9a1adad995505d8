import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTask, makeWorld, type World } from '../../test/factories.js';
import { testApp, type Caller, type TestApp } from '../../test/harness.js';

/** Pilot models: counts by state per programme and group, and the ones marked to accelerate. */
describe('pilot models', () => {
  let t: TestApp;
  let w: World;
  const as: Record<string, Caller> = {};
  const ids: number[] = [];

  beforeAll(async () => {
    t = await testApp({ today: '2025-11-14' });
    w = await makeWorld(t.database.db);
    const base = { programmeId: w.p1.id, kind: 'pilot', groupId: w.p1.groups[0]!.id };
    ids.push(
      (
        await makeTask(t.database.db, {
          ...base,
          leadUnitId: w.units.communeA.id,
          code: 'PM-1',
          deadline: '2025-12-31',
          completedOn: '2025-10-01',
          progress: 100,
          firstActivityOn: '2025-09-01',
        })
      ).id,
      (
        await makeTask(t.database.db, {
          ...base,
          leadUnitId: w.units.communeA.id,
          code: 'PM-2',
          deadline: '2025-12-31',
          progress: 40,
          firstActivityOn: '2025-09-01',
        })
      ).id,
      (
        await makeTask(t.database.db, {
          ...base,
          leadUnitId: w.units.communeB.id,
          code: 'PM-3',
          deadline: '2025-12-31',
        })
      ).id,
    );
    for (const [k, u] of Object.entries(w.u)) as[k] = await t.login(u.email);
  });
  afterAll(() => t.close());

  it('counts pilots by state and group, apart from ordinary tasks; the standing agency marks those to accelerate', async () => {
    const mark = (who: string, id: number, accelerate: boolean) =>
      as[who]!({
        method: 'PUT',
        url: `/api/v1/pilots/${id}/accelerate`,
        payload: { accelerate, note: 'Q4' },
      });
    expect((await mark('officerA', ids[1]!, true)).statusCode).toBe(403);
    expect((await mark('standing', w.t.aOverdue.id, true)).statusCode).toBe(400);
    expect((await mark('standing', ids[1]!, true)).statusCode).toBe(200);
    expect((await mark('standing', ids[2]!, true)).statusCode).toBe(200);
    const o = (await as.steering!({ method: 'GET', url: `/api/v1/pilots?programmeId=${w.p1.id}` })).json();
    expect(o.summary.total).toBe(3);
    expect(o.summary.byState).toMatchObject({ done_on_time: 1, in_progress: 1, not_started: 1 });
    expect(o.summary.byGroup).toEqual([expect.objectContaining({ groupId: w.p1.groups[0]!.id, total: 3 })]);
    expect(o.accelerate.map((a: { code: string; state: string }) => [a.code, a.state])).toEqual([
      ['PM-2', 'in_progress'],
      ['PM-3', 'not_started'],
    ]);
    // A commune sees only its own pilots.
    const a = (await as.officerA!({ method: 'GET', url: `/api/v1/pilots?programmeId=${w.p1.id}` })).json();
    expect(a.summary.total).toBe(2);
    expect(a.accelerate.map((x: { code: string }) => x.code)).toEqual(['PM-2']);
    expect((await mark('standing', ids[2]!, false)).statusCode).toBe(200);
  });
});
