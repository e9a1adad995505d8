import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, makeWorld, type World } from '../../test/factories.js';
import { testApp, type Caller, type TestApp } from '../../test/harness.js';

type ListUnit = { unit: { code: string }; reasons: { code: string; count: number }[]; streak: number };
type List = {
  id: number;
  period: string;
  status: string;
  units: (ListUnit & { removed: { reason: string } | null })[];
  compare: {
    previousPeriod: string;
    joined: { code: string }[];
    left: { code: string }[];
    stayed: number;
  } | null;
};

/**
 * Three weeks replayed by the clock. Reports are due on Friday 17:00 in Hanoi; the programme draws
 * its warning list 63 hours later (Monday 08:00), so a report sent over the weekend is late.
 * CA leads a task overdue since 31 October; CB reports late, then not at all, then on time; the
 * hamlet CA1 never reports.
 */
describe('the weekly warning list', () => {
  let t: TestApp;
  let w: World;
  const as: Record<string, Caller> = {};
  let w46: List;

  const submit = async (who: string, unitId: number, period: string) => {
    const r = await as[who]!({
      method: 'POST',
      url: '/api/v1/reports/open',
      payload: { programmeId: w.p1.id, unitId, period },
    });
    expect(r.statusCode).toBe(200);
    const s = await as[who]!({
      method: 'POST',
      url: `/api/v1/reports/${r.json().id}/submit`,
      payload: { version: r.json().version },
    });
    expect(s.statusCode).toBe(200);
  };
  const byPeriod = (who: string, period: string) =>
    as[who]!({ method: 'GET', url: `/api/v1/programmes/${w.p1.id}/warning-lists/${period}` });
  /** Draws, then reads the list back as its screen does (the refusal itself when refused). */
  const compute = async (who: string, period: string) => {
    const res = await as[who]!({
      method: 'POST',
      url: '/api/v1/warning-lists/compute',
      payload: { programmeId: w.p1.id, period },
    });
    if (res.statusCode !== 200) return res;
    expect(res.json()).toMatchObject({ period, status: 'draft', units: expect.any(Number) });
    return byPeriod(who, period);
  };
  const shape = (l: List) =>
    l.units
      .filter((u) => !u.removed)
      .map((u) => [u.unit.code, u.reasons.map((r) => r.code).join('+'), u.streak]);

  beforeAll(async () => {
    t = await testApp({ today: '2025-11-13' });
    w = await makeWorld(t.database.db);
    await t.database.db.execute(sql`update programmes set warning_grace_hours = 63 where id = ${w.p1.id}`);
    const leaderB = await makeUser(t.database.db, {
      email: 'wl.leader.b@t.vn',
      unitId: w.units.communeB.id,
      roles: [{ role: 'unit_leader', unitId: w.units.communeB.id }],
    });
    for (const [k, u] of Object.entries({ ...w.u, leaderB })) as[k] = await t.login(u.email);
  });
  afterAll(() => t.close());

  it('is not drawn before its moment, and only by the standing agency or the steering body', async () => {
    t.clock.set('2025-11-13T02:00:00Z');
    await submit('officerA', w.units.communeA.id, '2025-W46'); // on time
    t.clock.set('2025-11-15T03:00:00Z'); // Saturday
    await submit('officerB', w.units.communeB.id, '2025-W46'); // late
    const early = await compute('standing', '2025-W46');
    expect(early.statusCode).toBe(422);
    expect(early.json().error.code).toBe('period_not_due');
    t.clock.set('2025-11-17T01:00:00Z'); // Monday 08:00 in Hanoi
    expect((await compute('officerA', '2025-W46')).statusCode).toBe(403);
    expect((await compute('inspector', '2025-W46')).statusCode).toBe(403);
  });

  it('lists overdue tasks, late and missing reports, with the items behind each reason', async () => {
    const res = await compute('standing', '2025-W46');
    expect(res.statusCode).toBe(200);
    w46 = res.json();
    expect(w46).toMatchObject({ period: '2025-W46', status: 'draft', compare: null });
    expect(shape(w46)).toEqual([
      ['CA', 'overdue_tasks', 1],
      ['CA1', 'report_missing', 1],
      ['CB', 'report_late', 1],
    ]);
    const ca = w46.units.find((u) => u.unit.code === 'CA')!;
    expect(ca.reasons[0]).toMatchObject({
      code: 'overdue_tasks',
      count: 1,
      items: [{ code: 'A-OVERDUE', deadline: '2025-10-31', daysOverdue: 17 }],
    });
    // Computing again gives the same list, not a second one.
    const again = (await compute('steering', '2025-W46')).json() as List;
    expect(again.id).toBe(w46.id);
    expect(shape(again)).toEqual(shape(w46));
  });

  it('a draft is the reviewers’: units do not see it', async () => {
    expect((await byPeriod('officerA', '2025-W46')).statusCode).toBe(404);
    const summaries = await as.officerA!({
      method: 'GET',
      url: `/api/v1/warning-lists?programmeId=${w.p1.id}`,
    });
    expect(summaries.json()).toEqual([]);
    expect((await byPeriod('inspector', '2025-W46')).statusCode).toBe(200);
  });

  it('removing a unit needs a reason and keeps it on record; publishing freezes the list', async () => {
    const url = `/api/v1/warning-lists/${w46.id}/units/${w.units.communeB.id}/remove`;
    expect((await as.standing!({ method: 'POST', url, payload: { reason: '  ' } })).statusCode).toBe(400);
    expect((await as.officerB!({ method: 'POST', url, payload: { reason: 'x' } })).statusCode).toBe(404);
    const removed = await as.standing!({
      method: 'POST',
      url,
      payload: { reason: 'Mạng mất kết nối cả ngày thứ Sáu, có xác nhận của VNPT' },
    });
    expect(removed.statusCode).toBe(200);
    const cb = (removed.json() as List).units.find((u) => u.unit.code === 'CB')!;
    expect(cb.removed).toMatchObject({ reason: 'Mạng mất kết nối cả ngày thứ Sáu, có xác nhận của VNPT' });
    const note = await as.standing!({
      method: 'PATCH',
      url: `/api/v1/warning-lists/${w46.id}`,
      payload: { note: 'Họp giao ban sáng thứ Hai' },
    });
    expect(note.json().note).toBe('Họp giao ban sáng thứ Hai');
    const pub = await as.steering!({ method: 'POST', url: `/api/v1/warning-lists/${w46.id}/publish` });
    expect(pub.statusCode).toBe(200);
    expect(pub.json()).toMatchObject({ status: 'published', can: { review: false } });
    const frozen = await as.standing!({ method: 'POST', url, payload: { reason: 'again' } });
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json().error.code).toBe('warning_list_frozen');
    expect((await compute('standing', '2025-W46')).json().error.code).toBe('warning_list_frozen');
    // Published: the units see it, removal and reason included.
    const seen = await byPeriod('officerB', '2025-W46');
    expect(seen.statusCode).toBe(200);
    expect(shape(seen.json())).toEqual(shape(w46).filter(([c]) => c !== 'CB'));
    const audit = await t.database.db.execute(
      sql`select action from audit_events where entity = 'warning_list' order by id`,
    );
    expect(audit.rows.map((r) => (r as { action: string }).action)).toEqual([
      'warning_list.computed',
      'warning_list.computed',
      'warning_list.unit_removed',
      'warning_list.published',
    ]);
  });

  it('counts weeks in a row and compares with last week', async () => {
    // W47: nobody reports.
    t.clock.set('2025-11-24T01:00:00Z');
    const r47 = await compute('standing', '2025-W47');
    expect(r47.json()).toHaveProperty('units');
    const w47 = r47.json() as List;
    expect(shape(w47)).toEqual([
      ['CA', 'overdue_tasks+report_missing', 2],
      ['CA1', 'report_missing', 2],
      ['CB', 'report_missing', 1], // taken off last week: the count starts again
    ]);
    expect(w47.compare).toMatchObject({
      previousPeriod: '2025-W46',
      joined: [{ code: 'CB' }],
      left: [],
      stayed: 2,
    });
    await as.standing!({ method: 'POST', url: `/api/v1/warning-lists/${w47.id}/publish` });
    // W48: CA and CB report on time (signed in again: sessions last 14 days).
    t.clock.set('2025-11-27T03:00:00Z');
    for (const k of ['officerA', 'officerB', 'standing'])
      as[k] = await t.login(
        `${k === 'standing' ? 'standing' : k.replace('officer', 'officer.').toLowerCase()}@t.vn`,
      );
    await submit('officerA', w.units.communeA.id, '2025-W48');
    await submit('officerB', w.units.communeB.id, '2025-W48');
    t.clock.set('2025-12-01T01:00:00Z');
    const w48 = (await compute('standing', '2025-W48')).json() as List;
    expect(shape(w48)).toEqual([
      ['CA', 'overdue_tasks', 3],
      ['CA1', 'report_missing', 3],
    ]);
    expect(w48.compare).toMatchObject({
      previousPeriod: '2025-W47',
      joined: [],
      left: [{ code: 'CB' }],
      stayed: 2,
    });
  });

  it('discipline over the three weeks agrees with the lists', async () => {
    const d = (
      await as.standing!({
        method: 'GET',
        url: `/api/v1/discipline?programmeId=${w.p1.id}&from=2025-W46&to=2025-W48`,
      })
    ).json();
    const row = (code: string) => d.units.find((u: { code: string }) => u.code === code);
    expect(row('CA').cells).toEqual(['on_time', 'missing', 'on_time']);
    expect(row('CB').cells).toEqual(['late', 'missing', 'on_time']);
    expect(row('CA1').cells).toEqual(['missing', 'missing', 'missing']);
    expect(d.totals).toEqual({
      expected: 9,
      received: 4,
      onTime: 3,
      reportingRate: 44.44,
      onTimeRate: 33.33,
    });
  });
});
