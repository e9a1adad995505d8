import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeWorld, type World } from '../../test/factories.js';
import { testApp, type Caller, type TestApp } from '../../test/harness.js';

/**
 * Each role reads and writes only what it may, through the API. One row per role: which tasks of
 * programme HN it sees, whether it sees NA, and what it may change.
 */
describe('access matrix', () => {
  let t: TestApp;
  let w: World;
  const as: Record<string, Caller> = {};
  beforeAll(async () => {
    t = await testApp({ today: '2025-11-14' });
    w = await makeWorld(t.database.db);
    for (const [k, u] of Object.entries(w.u)) as[k] = await t.login(u.email);
  });
  afterAll(() => t.close());

  const codesSeen = async (who: string, programmeId: number) => {
    const res = await as[who]!({ method: 'GET', url: `/api/v1/tasks?programmeId=${programmeId}&sort=code` });
    if (res.statusCode !== 200) return res.statusCode;
    return (res.json().items as { code: string }[]).map((x) => x.code);
  };

  const ALL_HN = ['A-OVERDUE', 'A1-TASK', 'B-COORD-A', 'B-ONLY', 'SCI-DONE'];
  it.each([
    ['admin', ALL_HN, ['NA-1']],
    ['steering', ALL_HN, 404],
    ['standing', ALL_HN, 404],
    ['inspector', ALL_HN, 404],
    // Commune A leads A-OVERDUE, its hamlet leads A1-TASK, it coordinates B-COORD-A.
    ['leaderA', ['A-OVERDUE', 'A1-TASK', 'B-COORD-A'], 404],
    ['officerA', ['A-OVERDUE', 'A1-TASK', 'B-COORD-A'], 404],
    ['officerB', ['B-COORD-A', 'B-ONLY'], 404],
    ['steeringNA', 404, ['NA-1']],
  ])('%s reads the tasks it may', async (who, hn, na) => {
    expect(await codesSeen(who, w.p1.id)).toEqual(hn);
    expect(await codesSeen(who, w.p2.id)).toEqual(na);
  });

  it('the public reads nothing', async () => {
    const res = await t.anon({ method: 'GET', url: `/api/v1/tasks?programmeId=${w.p1.id}` });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('unauthenticated');
  });

  it("a unit never opens another unit's task, even by id", async () => {
    const res = await as.officerA!({ method: 'GET', url: `/api/v1/tasks/${w.t.bOnly.id}` });
    expect(res.statusCode).toBe(404);
    const other = await as.officerB!({ method: 'GET', url: `/api/v1/tasks/${w.t.aOverdue.id}` });
    expect(other.statusCode).toBe(404);
    const ok = await as.officerA!({ method: 'GET', url: `/api/v1/tasks/${w.t.bCoordA.id}` });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().can.update).toBe(false);
  });

  it('summary counts only what the actor sees', async () => {
    const a = (
      await as.officerA!({ method: 'GET', url: `/api/v1/tasks/summary?programmeId=${w.p1.id}` })
    ).json();
    const s = (
      await as.steering!({ method: 'GET', url: `/api/v1/tasks/summary?programmeId=${w.p1.id}` })
    ).json();
    expect(a.total).toBe(3);
    expect(s.total).toBe(5);
  });

  describe('writes', () => {
    const patch = (who: string, id: number, body: object) =>
      as[who]!({ method: 'PATCH', url: `/api/v1/tasks/${id}`, payload: body });
    const version = async (id: number) =>
      (await as.admin!({ method: 'GET', url: `/api/v1/tasks/${id}` })).json().version as number;

    it.each([
      ['steering', 403],
      ['inspector', 403],
      ['officerB', 404],
      ['steeringNA', 404],
    ])('%s may not change a task of commune A', async (who, status) => {
      const res = await patch(who, w.t.aOverdue.id, {
        version: await version(w.t.aOverdue.id),
        progress: 50,
      });
      expect(res.statusCode).toBe(status);
    });

    it('an officer of the lead unit updates progress, but not the deadline', async () => {
      const ok = await patch('officerA', w.t.aOverdue.id, {
        version: await version(w.t.aOverdue.id),
        progress: 45,
      });
      expect(ok.statusCode).toBe(200);
      expect(ok.json().progress).toBe(45);
      const no = await patch('officerA', w.t.aOverdue.id, {
        version: await version(w.t.aOverdue.id),
        deadline: '2026-06-30',
      });
      expect(no.statusCode).toBe(403);
    });

    it('the standing agency changes anything; a commune officer cannot create tasks', async () => {
      const ok = await patch('standing', w.t.bOnly.id, {
        version: await version(w.t.bOnly.id),
        priority: 'high',
      });
      expect(ok.statusCode).toBe(200);
      const create = (who: string) =>
        as[who]!({
          method: 'POST',
          url: '/api/v1/tasks',
          payload: {
            programmeId: w.p1.id,
            code: `NEW-${who}`,
            title: 'Mới',
            assignedLevel: 'city',
            leadUnitId: w.units.communeA.id,
            deadline: '2026-03-31',
          },
        });
      expect((await create('officerA')).statusCode).toBe(403);
      expect((await create('steering')).statusCode).toBe(403);
      expect((await create('standing')).statusCode).toBe(201);
    });

    it('only admins manage users and units', async () => {
      const body = {
        email: 'new@t.vn',
        displayName: 'New',
        password: 'Long-enough-pw1',
        roles: [{ role: 'unit_officer', unitId: w.units.communeA.id, programmeId: null }],
      };
      expect((await as.standing!({ method: 'POST', url: '/api/v1/users', payload: body })).statusCode).toBe(
        403,
      );
      expect((await as.admin!({ method: 'POST', url: '/api/v1/users', payload: body })).statusCode).toBe(201);
      expect((await as.steering!({ method: 'GET', url: '/api/v1/users' })).statusCode).toBe(403);
      const unit = { code: 'NEWU', name: { vi: 'Xã Mới' }, kind: 'commune', parentId: w.units.city.id };
      expect((await as.inspector!({ method: 'POST', url: '/api/v1/units', payload: unit })).statusCode).toBe(
        403,
      );
      expect((await as.admin!({ method: 'POST', url: '/api/v1/units', payload: unit })).statusCode).toBe(201);
    });
  });
});
