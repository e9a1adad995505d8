import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeWorld, type World } from '../../test/factories.js';
import { testApp, type Caller, type TestApp } from '../../test/harness.js';

/** An admin sets a year's days off; a report due on one of them falls due the working day before. */
describe('days off', () => {
  let t: TestApp;
  let w: World;
  const as: Record<string, Caller> = {};
  beforeAll(async () => {
    t = await testApp({ today: '2025-11-10' });
    w = await makeWorld(t.database.db);
    for (const [k, u] of Object.entries(w.u)) as[k] = await t.login(u.email);
  });
  afterAll(() => t.close());

  it('only an admin sets them; days outside the year or twice are refused', async () => {
    const url = '/api/v1/days-off/2025';
    const body = { days: [{ day: '2025-11-14', name: 'Ngày nghỉ bù (thử nghiệm)' }] };
    expect((await as.standing!({ method: 'PUT', url, payload: body })).statusCode).toBe(403);
    expect(
      (await as.admin!({ method: 'PUT', url, payload: { days: [{ day: '2026-01-01', name: 'x' }] } }))
        .statusCode,
    ).toBe(400);
    expect(
      (await as.admin!({ method: 'PUT', url, payload: { days: [body.days[0], body.days[0]] } })).statusCode,
    ).toBe(400);
    const ok = await as.admin!({ method: 'PUT', url, payload: body });
    expect(ok.json()).toEqual(body.days);
    expect((await as.officerA!({ method: 'GET', url })).json()).toEqual(body.days);
  });

  it('a report due on a day off is due the working day before', async () => {
    const r = await as.officerA!({
      method: 'POST',
      url: '/api/v1/reports/open',
      payload: { programmeId: w.p1.id, unitId: w.units.communeA.id },
    });
    // Friday 14 November is off: due Thursday 13th at 17:00 Hanoi time.
    expect(r.json().dueAt).toBe('2025-11-13T10:00:00.000Z');
  });
});
