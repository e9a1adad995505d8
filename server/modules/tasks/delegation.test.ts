import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTask, makeUser, makeWorld, type World } from '../../test/factories.js';
import { testApp, type Caller, type TestApp } from '../../test/harness.js';

/**
 * Issue 12.7: a unit leader splits a task its unit leads into sub-tasks for the units below it (or
 * its coordinators); the parent shows the tree, may derive its progress; the sub-unit reports on
 * its sub-task and is the one the warning list counts when it is late. Scope: nothing outside.
 */
describe('delegation', () => {
  let t: TestApp;
  let w: World;
  const as: Record<string, Caller> = {};
  let parent: { id: number; code: string };
  let hamletTask: number;
  let communeBTask: number;

  beforeAll(async () => {
    t = await testApp({ today: '2025-11-14' });
    w = await makeWorld(t.database.db);
    await t.database.db.execute(sql`update programmes set warning_grace_hours = 63 where id = ${w.p1.id}`);
    const officerHamlet = await makeUser(t.database.db, {
      email: 'officer.hamlet@t.vn',
      unitId: w.units.hamletA.id,
      roles: [{ role: 'unit_officer', unitId: w.units.hamletA.id }],
    });
    const leaderB = await makeUser(t.database.db, {
      email: 'leader.b@t.vn',
      unitId: w.units.communeB.id,
      roles: [{ role: 'unit_leader', unitId: w.units.communeB.id }],
    });
    const leaderHamlet = await makeUser(t.database.db, {
      email: 'leader.hamlet@t.vn',
      unitId: w.units.hamletA.id,
      roles: [{ role: 'unit_leader', unitId: w.units.hamletA.id }],
    });
    for (const [k, u] of Object.entries({ ...w.u, officerHamlet, leaderB, leaderHamlet }))
      as[k] = await t.login(u.email);
    parent = await makeTask(t.database.db, {
      programmeId: w.p1.id,
      leadUnitId: w.units.communeA.id,
      code: 'DX-1',
      title: 'Chuyển đổi số phường',
      startDate: '2025-10-01',
      deadline: '2026-03-31',
      coordinators: [w.units.communeB.id],
      groupId: w.p1.groups[0]!.id,
      directiveId: w.p1.directive.id,
    });
  });
  afterAll(() => t.close());

  const delegate = (who: string, taskId: number, body: Record<string, unknown>, lang = 'en') =>
    as[who]!({ method: 'POST', url: `/api/v1/tasks/${taskId}/subtasks`, payload: body, lang });
  const tree = (who: string, taskId: number) =>
    as[who]!({ method: 'GET', url: `/api/v1/tasks/${taskId}/subtasks` });
  const get = (who: string, id: number) => as[who]!({ method: 'GET', url: `/api/v1/tasks/${id}` });
  const patch = async (who: string, id: number, body: Record<string, unknown>) => {
    const { version } = (await get('admin', id)).json();
    return as[who]!({ method: 'PATCH', url: `/api/v1/tasks/${id}`, payload: { version, ...body } });
  };
  const sub = (leadUnitId: number, extra: Record<string, unknown> = {}) => ({
    leadUnitId,
    title: 'Số hóa hồ sơ tổ dân phố',
    deadline: '2026-02-28',
    ...extra,
  });

  it('the leader sees its targets: the units below it and the task’s coordinators', async () => {
    const res = await tree('leaderA', parent.id);
    expect(res.statusCode, res.body).toBe(200);
    expect(
      res
        .json()
        .targets.map((u: { code: string }) => u.code)
        .sort(),
    ).toEqual(['CA1', 'CB']);
    expect((await get('leaderA', parent.id)).json().can).toMatchObject({ delegate: true, manage: false });
    expect((await get('officerA', parent.id)).json().can).toMatchObject({ delegate: false });
    expect((await tree('officerA', parent.id)).json().targets).toEqual([]);
  });

  it('refuses a unit outside the subtree, a later deadline, an earlier start, on the field', async () => {
    const cases = [
      [sub(w.units.science.id), 'delegate_unit_outside', 'subtasks.0.leadUnitId'],
      [
        sub(w.units.hamletA.id, { deadline: '2026-04-01' }),
        'subtask_deadline_after_parent',
        'subtasks.0.deadline',
      ],
      [
        sub(w.units.hamletA.id, { startDate: '2025-09-30' }),
        'subtask_start_before_parent',
        'subtasks.0.startDate',
      ],
    ] as const;
    for (const [item, code, path] of cases) {
      const res = await delegate('leaderA', parent.id, { subtasks: [sub(w.units.hamletA.id), item] });
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json().error).toMatchObject({ code, details: [{ path: path.replace('.0.', '.1.') }] });
    }
    // All or nothing: the valid first row was not created either.
    expect((await tree('leaderA', parent.id)).json().items).toEqual([]);
    const vi = await delegate('leaderA', parent.id, { subtasks: [sub(w.units.science.id)] }, 'vi');
    expect(vi.json().error.message).toMatch(/^Chỉ giao được cho đơn vị trực thuộc/);
  });

  it('refuses whoever does not lead the task: an officer, a coordinator’s leader, another commune', async () => {
    expect((await delegate('officerA', parent.id, { subtasks: [sub(w.units.hamletA.id)] })).statusCode).toBe(
      403,
    );
    // Sóc Sơn coordinates DX-1: it reads it, but its leader cannot split it.
    expect((await delegate('leaderB', parent.id, { subtasks: [sub(w.units.communeB.id)] })).statusCode).toBe(
      403,
    );
    // B-ONLY is Sóc Sơn's alone: Hoàn Kiếm's leader does not even see it.
    expect(
      (await delegate('leaderA', w.t.bOnly.id, { subtasks: [sub(w.units.hamletA.id)] })).statusCode,
    ).toBe(404);
    // A task of a unit below it is the sub-unit's to split, not its own (it does not lead it).
    expect(
      (await delegate('leaderA', w.t.hamlet.id, { subtasks: [sub(w.units.hamletA.id)] })).statusCode,
    ).toBe(403);
  });

  it('creates the sub-tasks in one go, numbered after the parent, inheriting group and directive', async () => {
    const res = await delegate('leaderA', parent.id, {
      progressFromSubtasks: true,
      subtasks: [
        sub(w.units.hamletA.id, { weight: 3, deliverable: 'Kho dữ liệu số' }),
        sub(w.units.communeB.id, {
          title: 'Hỗ trợ hạ tầng',
          deadline: '2026-01-31',
          startDate: '2025-11-01',
        }),
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const items = res.json().items as {
      id: number;
      code: string;
      leadUnit: { code: string };
      startDate: string;
    }[];
    expect(items.map((i) => [i.code, i.leadUnit.code, i.startDate])).toEqual([
      ['DX-1.2', 'CB', '2025-11-01'],
      ['DX-1.1', 'CA1', '2025-11-14'],
    ]);
    hamletTask = items.find((i) => i.code === 'DX-1.1')!.id;
    communeBTask = items.find((i) => i.code === 'DX-1.2')!.id;
    const d = (await get('admin', hamletTask)).json();
    expect(d).toMatchObject({
      parent: { id: parent.id, code: 'DX-1' },
      group: { id: w.p1.groups[0]!.id },
      directive: { id: w.p1.directive.id },
      subtaskWeight: 3,
      state: 'not_started',
    });
    expect((await get('admin', parent.id)).json()).toMatchObject({ progressFromSubtasks: true, progress: 0 });
  });

  it('a commune never sees another commune’s sub-task; each sees its own', async () => {
    // Sóc Sơn coordinates the parent: its tree shows only its own sub-task.
    const bTree = (await tree('officerB', parent.id)).json();
    expect(bTree.items.map((i: { code: string }) => i.code)).toEqual(['DX-1.2']);
    expect((await get('officerB', hamletTask)).statusCode).toBe(404);
    const list = (
      await as.officerB!({ method: 'GET', url: `/api/v1/tasks?programmeId=${w.p1.id}&q=DX-1&limit=100` })
    ).json();
    expect(list.items.map((i: { code: string }) => i.code).sort()).toEqual(['DX-1', 'DX-1.2']);
    // The hamlet sees its sub-task, not the parent nor Sóc Sơn's.
    expect((await get('officerHamlet', hamletTask)).statusCode).toBe(200);
    expect((await get('officerHamlet', communeBTask)).statusCode).toBe(404);
    expect((await get('officerHamlet', parent.id)).statusCode).toBe(404);
    // The leader who handed them out sees the whole tree, the coordinator's sub-task included.
    expect((await tree('leaderA', parent.id)).json().items).toHaveLength(2);
  });

  it('derives the parent’s progress from its sub-tasks, weighted, and refuses a hand-set one', async () => {
    expect((await patch('leaderA', hamletTask, { progress: 40 })).statusCode).toBe(200);
    expect((await patch('officerB', communeBTask, { progress: 80 })).statusCode).toBe(200);
    expect((await get('admin', parent.id)).json()).toMatchObject({ progress: 50, state: 'in_progress' });
    expect((await patch('standing', communeBTask, { completedOn: '2025-11-14' })).statusCode).toBe(200);
    expect((await get('admin', parent.id)).json().progress).toBe(55); // (3·40 + 1·100) / 4
    const hand = await patch('leaderA', parent.id, { progress: 90 });
    expect(hand.json().error).toMatchObject({ code: 'progress_derived', details: [{ path: 'progress' }] });
    // Switched off, the parent keeps the last figure and takes hand-set ones again.
    expect((await patch('leaderA', parent.id, { progressFromSubtasks: false })).json().progress).toBe(55);
    expect((await patch('leaderA', parent.id, { progress: 60 })).json().progress).toBe(60);
    expect((await patch('leaderA', parent.id, { progressFromSubtasks: true })).json().progress).toBe(55);
    // A change of weight moves it too.
    expect((await patch('standing', hamletTask, { subtaskWeight: 1 })).statusCode).toBe(200);
    expect((await get('admin', parent.id)).json().progress).toBe(70);
  });

  it('the sub-unit reports on its sub-task in its weekly report, and the report moves the parent', async () => {
    const open = await as.officerHamlet!({
      method: 'POST',
      url: '/api/v1/reports/open',
      payload: { programmeId: w.p1.id, unitId: w.units.hamletA.id, period: '2025-W46' },
    });
    expect(open.statusCode, open.body).toBe(200);
    const entries = open.json().entries as { taskCode: string; role: string }[];
    expect(entries.map((e) => [e.taskCode, e.role])).toContainEqual(['DX-1.1', 'lead']);
    expect(entries.map((e) => e.taskCode)).not.toContain('DX-1');
    const report = open.json();
    const saved = await as.officerHamlet!({
      method: 'PUT',
      url: `/api/v1/reports/${report.id}`,
      payload: {
        version: report.version,
        entries: [{ taskId: hamletTask, percent: 90, done: 'Đã số hóa 90% hồ sơ' }],
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const sent = await as.officerHamlet!({
      method: 'POST',
      url: `/api/v1/reports/${report.id}/submit`,
      payload: { version: saved.json().version },
    });
    expect(sent.statusCode, sent.body).toBe(200);
    const approved = await as.leaderHamlet!({
      method: 'POST',
      url: `/api/v1/reports/${report.id}/approve`,
      payload: { version: sent.json().version },
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect((await get('admin', hamletTask)).json().progress).toBe(90);
    expect((await get('admin', parent.id)).json().progress).toBe(95); // (1·90 + 1·100) / 2
  });

  it('the warning list counts the sub-unit for its overdue sub-task', async () => {
    const late = await makeTask(t.database.db, {
      programmeId: w.p1.id,
      leadUnitId: w.units.communeA.id,
      code: 'DX-2',
      deadline: '2025-11-30',
    });
    const res = await delegate('leaderA', late.id, {
      subtasks: [sub(w.units.hamletA.id, { deadline: '2025-11-10' })],
    });
    expect(res.statusCode, res.body).toBe(201);
    t.clock.set('2025-11-17T01:00:00Z');
    const c = await as.standing!({
      method: 'POST',
      url: '/api/v1/warning-lists/compute',
      payload: { programmeId: w.p1.id, period: '2025-W46' },
    });
    expect(c.statusCode, c.body).toBe(200);
    const list = (
      await as.standing!({ method: 'GET', url: `/api/v1/programmes/${w.p1.id}/warning-lists/2025-W46` })
    ).json();
    const hamlet = list.units.find((u: { unit: { code: string } }) => u.unit.code === 'CA1');
    const overdue = hamlet.reasons.find((r: { code: string }) => r.code === 'overdue_tasks');
    expect(overdue.items.map((i: { code: string }) => i.code)).toEqual(['DX-2.1']);
    // The ward is listed for its own overdue task only, not for the hamlet's.
    const ward = list.units.find((u: { unit: { code: string } }) => u.unit.code === 'CA');
    const wardItems = ward.reasons.find((r: { code: string }) => r.code === 'overdue_tasks').items;
    expect(wardItems.map((i: { code: string }) => i.code)).toEqual(['A-OVERDUE']);
  });

  it('a closed task cannot be split, and a task cannot be put under its own sub-task', async () => {
    const done = await delegate('standing', w.t.sciDone.id, { subtasks: [sub(w.units.science.id)] });
    expect(done.json().error.code).toBe('task_closed');
    const cycle = await patch('standing', parent.id, { parentId: hamletTask });
    expect(cycle.json().error).toMatchObject({ code: 'parent_task_cycle', details: [{ path: 'parentId' }] });
  });
});
