import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeWorld, type World } from '../../test/factories.js';
import { testApp, type Caller, type TestApp } from '../../test/harness.js';

/**
 * A merge (decision 0050) replayed: communes A and B merged into a new ward on 1 November 2025.
 * Every reading as of a day before it is what it was before the merge (task lists, counts, the
 * summary, the cockpit, discipline, an earlier week's warning list); from the day the successor
 * holds their work: its people see it, report on it, are expected for it and are warned for it.
 */
describe('merging units', () => {
  let t: TestApp;
  let w: World;
  const as: Record<string, Caller> = {};
  const get = async (who: string, url: string) => {
    const res = await as[who]!({ method: 'GET', url: `/api/v1${url}`, lang: 'en' });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const post = (who: string, url: string, payload: object) =>
    as[who]!({
      method: 'POST',
      url: `/api/v1${url}`,
      payload: payload as Record<string, unknown>,
      lang: 'en',
    });
  const D = '2025-11-01';
  const BEFORE = '2025-10-20';

  /** Everything a replay before the merge shows. */
  const replay = async () => {
    const p = w.p1.id;
    const tasks = (await get('steering', `/tasks?programmeId=${p}&asOf=${BEFORE}&limit=1000`)).items.map(
      (x: { code: string; leadUnit: { code: string }; state: string }) =>
        `${x.code}:${x.leadUnit.code}:${x.state}`,
    );
    const counts = async (id: number) =>
      (await get('steering', `/units?subtreeOf=${id}&programmeId=${p}&asOf=${BEFORE}`)).map(
        (u: { code: string; counts: unknown }) => [u.code, u.counts],
      );
    const discipline = (
      await get('steering', `/discipline?programmeId=${p}&from=2025-W42&to=2025-W44&asOf=${BEFORE}`)
    ).units.map((u: { code: string; cells: string[] }) => `${u.code}:${u.cells.join(',')}`);
    const summary = await get('steering', `/tasks/summary?programmeId=${p}&asOf=${BEFORE}`);
    const cockpit = await get('steering', `/programmes/${p}/cockpit?asOf=${BEFORE}`);
    return {
      tasks: tasks.sort(),
      counts: [await counts(w.units.communeA.id), await counts(w.units.communeB.id)],
      discipline: discipline.sort(),
      summary,
      cockpit,
    };
  };

  beforeAll(async () => {
    t = await testApp({ today: '2025-11-14' });
    w = await makeWorld(t.database.db);
    for (const [k, u] of Object.entries(w.u)) as[k] = await t.login(u.email);
  });
  afterAll(() => t.close());

  it('refuses a successor inside a merged unit, and non-admins', async () => {
    const bad = await post('admin', '/units/merge', {
      unitIds: [w.units.communeA.id],
      successor: { id: w.units.hamletA.id },
      mergedOn: D,
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.code).toBe('merge_successor_invalid');
    const self = await post('admin', '/units/merge', {
      unitIds: [w.units.communeA.id, w.units.communeB.id],
      successor: { id: w.units.communeB.id },
      mergedOn: D,
    });
    expect(self.json().error.code).toBe('merge_successor_invalid');
    const officer = await post('officerA', '/units/merge', {
      unitIds: [w.units.communeA.id],
      successor: { id: w.units.communeB.id },
      mergedOn: D,
    });
    expect(officer.statusCode).toBe(403);
  });

  it('replays before the merge are unchanged; after it the successor holds the work', async () => {
    const p = w.p1.id;
    // A week before the merge, drawn (and kept) before it.
    const w44 = await post('standing', '/warning-lists/compute', { programmeId: p, period: '2025-W44' });
    expect(w44.statusCode, w44.body).toBe(200);
    const listed = async (l: { id: number }) =>
      ((await get('standing', `/warning-lists/${l.id}`)) as { units: { unit: { code: string } }[] }).units
        .map((u) => u.unit.code)
        .sort();
    const w44Units = await listed(w44.json());
    const before = await replay();
    expect(before.tasks).toContain('A-OVERDUE:CA:in_progress');

    const res = await post('admin', '/units/merge', {
      unitIds: [w.units.communeA.id, w.units.communeB.id],
      successor: {
        code: 'CAB',
        name: { vi: 'Phường Hoàn Kiếm – Sóc Sơn', en: 'Hoan Kiem – Soc Son Ward', ar: null },
        kind: 'ward',
        parentId: w.units.city.id,
      },
      mergedOn: D,
    });
    expect(res.statusCode, res.body).toBe(200);
    const cab = res.json().successor;
    expect(res.json().usersMoved).toBe(3);
    expect(res.json().merged.map((u: { mergedInto: unknown }) => u.mergedInto)).toEqual([
      { id: cab.id, on: D },
      { id: cab.id, on: D },
    ]);

    // Before the day: exactly as it was.
    expect(await replay()).toEqual(before);
    const w44Again = await post('standing', '/warning-lists/compute', { programmeId: p, period: '2025-W44' });
    expect(await listed(w44Again.json())).toEqual(w44Units);

    // From the day: the merged units are history, the successor is expected and warned.
    const after = (await get('steering', `/discipline?programmeId=${p}&from=2025-W45&to=2025-W46`)).units.map(
      (u: { code: string }) => u.code,
    );
    expect(after).toContain('CAB');
    expect(after).not.toContain('CA');
    expect(after).not.toContain('CB');
    const w46 = await post('standing', '/warning-lists/compute', { programmeId: p, period: '2025-W45' });
    expect(w46.statusCode, w46.body).toBe(200);
    expect(await listed(w46.json())).toContain('CAB');
    expect(await listed(w46.json())).not.toContain('CA');

    // The overview's units with overdue tasks name the successor from the day (rollup and direct reads).
    for (const q of ['', `&groupId=${w.p1.groups[0]!.id}`]) {
      const s = await get('steering', `/tasks/summary?programmeId=${p}${q}`);
      const codes = s.overdueByUnit.map((u: { code: string }) => u.code);
      expect(codes).toContain('CAB');
      expect(codes).not.toContain('CA');
    }

    // Its people (commune A's officer now belongs to it) see and report on the merged units' tasks.
    const mine = (await get('officerA', `/tasks?programmeId=${p}&limit=100`)).items.map(
      (x: { code: string }) => x.code,
    );
    expect(mine.sort()).toEqual(['A-OVERDUE', 'A1-TASK', 'B-COORD-A', 'B-ONLY']);
    const report = await post('officerA', '/reports/open', {
      programmeId: p,
      unitId: cab.id,
      period: '2025-W46',
    });
    expect(report.statusCode, report.body).toBe(200);
    expect(
      report
        .json()
        .entries.map((e: { taskCode: string }) => e.taskCode)
        .sort(),
    ).toEqual(['A-OVERDUE', 'B-COORD-A', 'B-ONLY']);

    // Pickers no longer offer a merged unit; it stays readable, and cannot be moved or merged again.
    expect((await get('admin', '/units?q=hoan%20kiem')).map((u: { code: string }) => u.code)).toEqual([
      'CAB',
    ]);
    expect((await get('admin', `/units/${w.units.communeA.id}`)).mergedInto).toEqual({ id: cab.id, on: D });
    const move = await post('admin', `/units/${w.units.communeA.id}/move`, { parentId: w.units.city.id });
    expect(move.json().error.code).toBe('unit_merged');
    const again = await post('admin', '/units/merge', {
      unitIds: [w.units.communeA.id],
      successor: { id: w.units.science.id },
      mergedOn: '2025-12-01',
    });
    expect(again.json().error.code).toBe('unit_merged');
    const audit = await t.database.db.execute(
      `select count(*)::int as n from audit_events where action = 'unit.merge'`,
    );
    expect(audit.rows[0]!.n).toBe(1);
  });
});
