import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { makeWorld, type World } from '../../test/factories.js';
import { testApp, type Caller, type TestApp } from '../../test/harness.js';

type Obstacle = {
  id: number;
  status: string;
  overdue: boolean;
  version: number;
  raisedBy: { code: string };
  owner: { code: string };
  tasks: { code: string }[];
  fromReport: { reportId: number; taskId: number; period: string } | null;
  history: { status: string; effectiveOn: string }[];
  can: { edit: boolean; setStatus: boolean };
};

/**
 * The obstacle register through the API: raised by a unit (on its own or from a weekly report
 * entry), owned by a unit of the programme, its status as of any day from its history, counts by
 * category and status, the overdue ones named, a blocked task showing it; the refusals and the
 * unit scope (a unit never sees another unit's obstacles).
 */
describe('obstacles', () => {
  let t: TestApp;
  let w: World;
  const as: Record<string, Caller> = {};
  const post = (who: string, url: string, payload: unknown) =>
    as[who]!({ method: 'POST', url: `/api/v1${url}`, payload: payload as Record<string, unknown> });
  const get = (who: string, url: string) => as[who]!({ method: 'GET', url: `/api/v1${url}` });
  const count = async () =>
    Number(
      ((await t.database.db.execute(sql`select count(*)::int as n from obstacles`)).rows[0] as { n: number })
        .n,
    );
  let ioc: Obstacle;

  beforeAll(async () => {
    t = await testApp({ today: '2025-11-03' });
    w = await makeWorld(t.database.db);
    for (const [k, u] of Object.entries(w.u)) as[k] = await t.login(u.email);
  });
  afterAll(() => t.close());

  const body = () => ({
    programmeId: w.p1.id,
    title: 'Trung tâm điều hành thông minh vướng cơ sở pháp lý',
    description: 'Chưa có quy định về chia sẻ dữ liệu camera',
    category: 'legal',
    severity: 'high',
    raisedByUnitId: w.units.communeA.id,
    ownerUnitId: w.units.finance.id,
    dueOn: '2025-11-10',
    taskIds: [w.t.aOverdue.id],
  });

  it('refuses bad input with clear errors and writes nothing', async () => {
    const before = await count();
    const outside = await post('standing', '/obstacles', { ...body(), ownerUnitId: w.units.police.id });
    expect(outside.statusCode).toBe(422);
    expect(outside.json().error).toMatchObject({ code: 'unit_outside_programme' });
    expect(outside.json().error.message).toContain('POL');
    const en = await as.standing!({
      method: 'POST',
      url: '/api/v1/obstacles',
      payload: { ...body(), ownerUnitId: w.units.police.id },
      lang: 'en',
    });
    expect(en.json().error.message).toBe('Unit POL is not part of this programme.');
    expect((await post('standing', '/obstacles', { ...body(), category: 'weather' })).statusCode).toBe(400);
    expect((await post('standing', '/obstacles', { ...body(), title: '' })).statusCode).toBe(400);
    expect((await post('standing', '/obstacles', { ...body(), ownerUnitId: 999999 })).json().error.code).toBe(
      'unit_not_found',
    );
    const otherTask = await post('standing', '/obstacles', { ...body(), taskIds: [w.t.naTask.id] });
    expect(otherTask.json().error.code).toBe('task_not_in_programme');
    expect((await post('standing', '/obstacles', { ...body(), dueOn: '2025-10-01' })).statusCode).toBe(400);
    // A unit raises in its own name only.
    expect((await post('officerB', '/obstacles', body())).statusCode).toBe(403);
    expect(await count()).toBe(before);
  });

  it('a unit officer raises one; its owner sees it; another unit does not', async () => {
    const res = await post('officerA', '/obstacles', body());
    expect(res.statusCode).toBe(200);
    ioc = res.json();
    expect(ioc).toMatchObject({
      status: 'open',
      overdue: false,
      raisedBy: { code: 'CA' },
      owner: { code: 'FIN' },
      tasks: [{ code: 'A-OVERDUE' }],
      can: { edit: true, setStatus: false },
    });
    expect((await get('officerB', `/obstacles/${ioc.id}`)).statusCode).toBe(404);
    expect(await (await get('officerB', `/obstacles?programmeId=${w.p1.id}`)).json()).toEqual([]);
    expect((await get('steeringNA', `/obstacles/${ioc.id}`)).statusCode).toBe(404);
    for (const who of ['steering', 'standing', 'inspector', 'admin', 'leaderA'])
      expect((await get(who, `/obstacles/${ioc.id}`)).statusCode).toBe(200);
    // Unit B, once linked, sees it too.
    const linked = await as.standing!({
      method: 'PATCH',
      url: `/api/v1/obstacles/${ioc.id}`,
      payload: { version: ioc.version, unitIds: [w.units.communeB.id] },
    });
    expect(linked.statusCode).toBe(200);
    ioc = linked.json();
    expect((await get('officerB', `/obstacles/${ioc.id}`)).statusCode).toBe(200);
    const stale = await as.standing!({
      method: 'PATCH',
      url: `/api/v1/obstacles/${ioc.id}`,
      payload: { version: 1, title: 'x' },
    });
    expect(stale.json().error.code).toBe('stale_version');
  });

  it('a task blocked by an open obstacle shows it on its detail', async () => {
    const task = (await get('officerA', `/tasks/${w.t.aOverdue.id}`)).json();
    expect(task.blockedBy).toEqual([
      expect.objectContaining({ id: ioc.id, category: 'legal', status: 'open', owner: expect.any(Object) }),
    ]);
  });

  it('the owner moves it on; resolving needs a resolution; status as of any day from the history', async () => {
    t.clock.set('2025-11-12');
    expect(
      (await post('officerA', `/obstacles/${ioc.id}/status`, { version: ioc.version, status: 'in_progress' }))
        .statusCode,
    ).toBe(403);
    const esc = await post('standing', `/obstacles/${ioc.id}/status`, {
      version: ioc.version,
      status: 'escalated',
      effectiveOn: '2025-11-05',
    });
    expect(esc.statusCode).toBe(200);
    ioc = esc.json();
    expect(ioc).toMatchObject({ status: 'escalated', overdue: true });
    const noRes = await post('standing', `/obstacles/${ioc.id}/status`, {
      version: ioc.version,
      status: 'resolved',
    });
    expect(noRes.json().error.code).toBe('resolution_required');
    const future = await post('standing', `/obstacles/${ioc.id}/status`, {
      version: ioc.version,
      status: 'resolved',
      resolution: 'x',
      effectiveOn: '2025-11-30',
    });
    expect(future.statusCode).toBe(400);

    const summary = (await get('steering', `/obstacles/summary?programmeId=${w.p1.id}`)).json();
    expect(summary).toMatchObject({ total: 1, byStatus: { escalated: 1 }, byCategory: { legal: 1 } });
    expect(summary.overdue).toEqual([
      expect.objectContaining({ id: ioc.id, daysOverdue: 2, dueOn: '2025-11-10' }),
    ]);

    const ok = await post('standing', `/obstacles/${ioc.id}/status`, {
      version: ioc.version,
      status: 'resolved',
      resolution: 'UBND thành phố ban hành quy chế chia sẻ dữ liệu',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'resolved', overdue: false, resolvedOn: '2025-11-12' });
    expect((await get('officerA', `/tasks/${w.t.aOverdue.id}`)).json().blockedBy).toEqual([]);
    // As of earlier days it was what it was then; before it was raised it did not exist.
    expect((await get('steering', `/obstacles/${ioc.id}?asOf=2025-11-04`)).json()).toMatchObject({
      status: 'open',
    });
    expect((await get('steering', `/obstacles/${ioc.id}?asOf=2025-11-11`)).json()).toMatchObject({
      status: 'escalated',
      overdue: true,
    });
    expect((await get('steering', `/obstacles/${ioc.id}?asOf=2025-11-02`)).statusCode).toBe(404);
    expect(
      (await get('officerA', `/tasks/${w.t.aOverdue.id}?asOf=2025-11-11`)).json().blockedBy,
    ).toHaveLength(1);
    const past = (await get('steering', `/obstacles/summary?programmeId=${w.p1.id}&asOf=2025-11-11`)).json();
    expect(past.overdue).toHaveLength(1);
    expect((await get('steering', `/obstacles?programmeId=${w.p1.id}&status=resolved`)).json()).toHaveLength(
      1,
    );
    expect(
      (await get('steering', `/obstacles?programmeId=${w.p1.id}&overdue=true&asOf=2025-11-11`)).json(),
    ).toHaveLength(1);
  });

  it('raised from a weekly report entry: linked to the entry’s task and unit', async () => {
    const rep = (
      await post('officerA', '/reports/open', { programmeId: w.p1.id, unitId: w.units.communeA.id })
    ).json();
    const entry = rep.entries.find((e: { taskCode: string }) => e.taskCode === 'B-COORD-A');
    const res = await post('officerA', '/obstacles', {
      programmeId: w.p1.id,
      title: 'Thiếu kinh phí mua máy quét',
      category: 'resources',
      ownerUnitId: w.units.finance.id,
      fromReport: { reportId: rep.id, taskId: entry.taskId },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      raisedBy: { code: 'CA' },
      tasks: [{ code: 'B-COORD-A' }],
      fromReport: { reportId: rep.id, taskId: entry.taskId, period: rep.period },
    });
    // The report's entry shows the link, even after the entry is saved again.
    const saved = await as.officerA!({
      method: 'PUT',
      url: `/api/v1/reports/${rep.id}`,
      payload: {
        version: rep.version,
        entries: rep.entries.map((e: { taskId: number; percent: number }) => ({
          taskId: e.taskId,
          percent: e.percent,
        })),
      },
    });
    expect(saved.statusCode).toBe(200);
    const again = (await get('officerA', `/reports/${rep.id}`)).json();
    expect(again.entries.find((e: { taskId: number }) => e.taskId === entry.taskId).obstacleIds).toEqual([
      res.json().id,
    ]);
    // Unit B cannot raise one from A's report.
    expect(
      (
        await post('officerB', '/obstacles', {
          programmeId: w.p1.id,
          title: 'x',
          category: 'other',
          ownerUnitId: w.units.finance.id,
          fromReport: { reportId: rep.id, taskId: entry.taskId },
        })
      ).statusCode,
    ).toBe(403);
  });
});
