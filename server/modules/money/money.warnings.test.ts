import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeWorld, type World } from '../../test/factories.js';
import { testApp, type Caller, type TestApp } from '../../test/harness.js';

/**
 * The warning list's new reason: a unit whose disbursement rate is below the programme's threshold
 * curve at the draw date is listed with its rate and the threshold; the other reasons unchanged.
 */
describe('disbursement below the threshold on the warning list', () => {
  let t: TestApp;
  let w: World;
  let standing: Caller;
  const call = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
    standing({ method, url: `/api/v1${url}`, payload: payload as Record<string, unknown> });

  beforeAll(async () => {
    t = await testApp({ today: '2026-07-03' });
    w = await makeWorld(t.database.db);
    standing = await t.login(w.u.standing.email);
    const plan = async (code: string, unitId: number, amount: number) =>
      (
        await call('POST', '/money/plans', {
          programmeId: w.p1.id,
          code,
          unitId,
          project: code,
          source: 'local_budget',
          year: 2026,
          amount,
        })
      ).json().id as number;
    const a = await plan('A', w.units.communeA.id, 1_000_000);
    const s = await plan('S', w.units.science.id, 1_000_000);
    await call('POST', '/money/payments', { planId: a, paidOn: '2026-06-15', amount: 299_999 });
    await call('POST', '/money/payments', { planId: s, paidOn: '2026-06-15', amount: 300_000 });
  });
  afterAll(() => t.close());

  const draw = async (period: string) => {
    const res = await call('POST', '/warning-lists/compute', { programmeId: w.p1.id, period });
    expect(res.statusCode).toBe(200);
    return (await call('GET', `/programmes/${w.p1.id}/warning-lists/${period}`)).json() as {
      units: { unit: { code: string }; reasons: { code: string; items: unknown[] }[] }[];
    };
  };
  const reasonsOf = (l: Awaited<ReturnType<typeof draw>>, code: string) =>
    l.units
      .find((u) => u.unit.code === code)
      ?.reasons.filter((r) => r.code === 'disbursement_below_threshold') ?? [];

  it('without a curve nobody is listed for disbursement', async () => {
    t.clock.set('2026-07-04');
    expect(reasonsOf(await draw('2026-W27'), 'CA')).toEqual([]);
  });

  it('with 30% by 30 June, a unit at 29.9999% is listed with its rate and the threshold; one at 30% is not', async () => {
    await call('PUT', `/money/thresholds?programmeId=${w.p1.id}`, {
      points: [
        { byDay: '06-30', minRatePct: 30 },
        { byDay: '09-30', minRatePct: 60 },
      ],
    });
    const l = await draw('2026-W27');
    expect(reasonsOf(l, 'CA')).toEqual([
      {
        code: 'disbursement_below_threshold',
        count: 1,
        items: [
          {
            year: 2026,
            allocated: '1000000',
            disbursed: '299999',
            rate: '29.9999',
            minRatePct: '30.00',
            byDay: '06-30',
          },
        ],
      },
    ]);
    expect(reasonsOf(l, 'SCI')).toEqual([]);
    // The other reasons still come: communeA's overdue task is there too.
    expect(l.units.find((u) => u.unit.code === 'CA')!.reasons.map((r) => r.code)).toContain('overdue_tasks');
  });

  it('a week before the curve’s first point there is no threshold in force', async () => {
    t.clock.set('2026-06-27');
    expect(reasonsOf(await draw('2026-W25'), 'CA')).toEqual([]);
  });
});
