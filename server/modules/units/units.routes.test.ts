import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeWorld, type World } from '../../test/factories.js';
import { testApp, type Caller, type TestApp } from '../../test/harness.js';

describe('units API', () => {
  let t: TestApp;
  let w: World;
  let admin: Caller;
  let officerA: Caller;
  beforeAll(async () => {
    t = await testApp({ today: '2025-11-14' });
    w = await makeWorld(t.database.db);
    admin = await t.login(w.u.admin.email);
    officerA = await t.login(w.u.officerA.email);
  });
  afterAll(() => t.close());

  it('roots, children with counts of the tasks their subtree leads as of a date', async () => {
    const roots = (await admin({ method: 'GET', url: '/api/v1/units?roots=true' })).json();
    expect(roots.map((u: { code: string }) => u.code)).toEqual(['CITY', 'PROV']);
    const kids = (
      await admin({ method: 'GET', url: `/api/v1/units?parentId=${w.units.city.id}&programmeId=${w.p1.id}` })
    ).json();
    const a = kids.find((u: { code: string }) => u.code === 'CA');
    expect(a.childCount).toBe(1);
    expect(a.counts).toEqual({ total: 2, overdue: 1, done: 0 });
    const city = (
      await admin({ method: 'GET', url: `/api/v1/units?roots=true&programmeId=${w.p1.id}` })
    ).json()[0];
    expect(city.counts).toEqual({ total: 5, overdue: 1, done: 1 });
    const before = (
      await admin({
        method: 'GET',
        url: `/api/v1/units?parentId=${w.units.city.id}&programmeId=${w.p1.id}&asOf=2025-10-15`,
      })
    ).json();
    expect(before.find((u: { code: string }) => u.code === 'CA').counts.overdue).toBe(0);
  });

  it('counts respect the reader scope', async () => {
    const city = (
      await officerA({ method: 'GET', url: `/api/v1/units?roots=true&programmeId=${w.p1.id}` })
    ).json()[0];
    // Commune A leads two, its hamlet none beyond those, and it coordinates one led by commune B.
    expect(city.counts.total).toBe(3);
  });

  it('search ignores diacritics; detail lists the ancestors', async () => {
    const found = (await admin({ method: 'GET', url: '/api/v1/units?q=hoan%20kiem' })).json();
    expect(found.map((u: { code: string }) => u.code)).toEqual(['CA']);
    const d = (await admin({ method: 'GET', url: `/api/v1/units/${w.units.hamletA.id}` })).json();
    expect(d.ancestors.map((u: { code: string }) => u.code)).toEqual(['CITY', 'CA']);
  });

  it('moving a unit moves its subtree; a cycle is refused and changes nothing', async () => {
    const cycle = await admin({
      method: 'PATCH',
      url: `/api/v1/units/${w.units.communeA.id}`,
      payload: { parentId: w.units.hamletA.id },
      lang: 'en',
    });
    expect(cycle.statusCode).toBe(422);
    expect(cycle.json().error.code).toBe('unit_cycle');
    const self = await admin({
      method: 'PATCH',
      url: `/api/v1/units/${w.units.communeA.id}`,
      payload: { parentId: w.units.communeA.id },
    });
    expect(self.json().error.code).toBe('unit_cycle');
    const moved = await admin({
      method: 'PATCH',
      url: `/api/v1/units/${w.units.communeA.id}`,
      payload: { parentId: w.units.finance.id },
    });
    expect(moved.statusCode).toBe(200);
    const d = (await admin({ method: 'GET', url: `/api/v1/units/${w.units.hamletA.id}` })).json();
    expect(d.ancestors.map((u: { code: string }) => u.code)).toEqual(['CITY', 'FIN', 'CA']);
    expect(d.depth).toBe(3);
    // The officer of commune A still sees its hamlet's task: scope follows the moved path.
    const tasks = (
      await officerA({ method: 'GET', url: `/api/v1/tasks?programmeId=${w.p1.id}&sort=code` })
    ).json();
    expect(tasks.items.map((x: { code: string }) => x.code)).toEqual(['A-OVERDUE', 'A1-TASK', 'B-COORD-A']);
  });

  it('bad unit input', async () => {
    const post = (payload: object) => admin({ method: 'POST', url: '/api/v1/units', payload });
    expect((await post({ code: 'X1', name: { vi: 'X' }, kind: 'galaxy', parentId: null })).statusCode).toBe(
      400,
    );
    expect(
      (await post({ code: 'X2', name: { vi: 'X' }, kind: 'commune', parentId: 987654 })).json().error.code,
    ).toBe('unit_not_found');
    expect(
      (await post({ code: 'CA', name: { vi: 'X' }, kind: 'commune', parentId: null })).json().error.code,
    ).toBe('duplicate_code');
  });
});
