import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../app.js';
import { openDatabase } from '../../db/client.js';
import { makeWorld, type World } from '../../test/factories.js';
import { testApp, type Caller, type TestApp } from '../../test/harness.js';

/**
 * Recurring tasks (decision 55): the scheduler makes one occurrence per period, ahead of it,
 * exactly once however many servers tick; each occurrence is a task of its own, counted and
 * scoped like any other.
 */
describe('recurring tasks', () => {
  let t: TestApp;
  let w: World;
  let standing: Caller;
  let seriesId: number;
  const rows = async <T>(q: ReturnType<typeof sql>) => (await t.database.db.execute(q)).rows as T[];
  const occurrences = (id: number) =>
    rows<{ code: string; period: string; deadline: string; start_date: string; n: number }>(
      sql`select t.code, t.occurrence_period as period, t.deadline::text, t.start_date::text,
          (select count(*)::int from task_coordinators c where c.task_id = t.id) as n
        from tasks t where t.series_id = ${id} order by t.start_date`,
    );
  const tickAt = async (instant: string) => {
    t.clock.set(instant);
    return t.app.services.scheduler.tick();
  };

  beforeAll(async () => {
    t = await testApp({ today: '2025-11-14' });
    w = await makeWorld(t.database.db);
    standing = await t.login(w.u.standing.email);
    const res = await standing({
      method: 'POST',
      url: '/api/v1/tasks',
      payload: {
        programmeId: w.p1.id,
        code: 'REC-M',
        title: 'Báo cáo hằng tháng về chuyển đổi số',
        assignedLevel: 'commune',
        leadUnitId: w.units.communeA.id,
        coordinatingUnitIds: [w.units.finance.id],
        startDate: '2025-10-01',
        deadline: '2026-06-30',
        recurrence: 'monthly',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    seriesId = res.json().id;
    expect(res.json()).toMatchObject({ recurrence: 'monthly', recurrenceDay: null, occurrences: [] });
  });
  afterAll(() => t.close());

  it('makes the current period once, with the series fields and coordinators', async () => {
    const ran = await tickAt('2025-11-14T02:00:00Z');
    expect(ran.filter((r) => r.job === 'recurrence').map((r) => r.status)).toEqual(['done', 'done']);
    expect(await occurrences(seriesId)).toEqual([
      { code: 'REC-M/2025-11', period: '2025-11', deadline: '2025-11-30', start_date: '2025-11-01', n: 1 },
    ]);
    // No back-fill: October (before today) is not made, already overdue.
    await tickAt('2025-11-14T09:00:00Z');
    expect(await occurrences(seriesId)).toHaveLength(1);
  });

  it('makes the next period a week ahead of it', async () => {
    await tickAt('2025-11-23T02:00:00Z');
    expect((await occurrences(seriesId)).map((o) => o.period)).toEqual(['2025-11']);
    await tickAt('2025-11-24T02:00:00Z');
    expect((await occurrences(seriesId)).map((o) => o.period)).toEqual(['2025-11', '2025-12']);
  });

  it('two servers ticking at once make each occurrence once', async () => {
    const q = await standing({
      method: 'POST',
      url: '/api/v1/tasks',
      payload: {
        programmeId: w.p1.id,
        code: 'REC-Q',
        title: 'Sơ kết hằng quý',
        assignedLevel: 'department',
        leadUnitId: w.units.science.id,
        deadline: '2026-12-31',
        recurrence: 'quarterly',
        recurrenceDay: 20,
      },
    });
    expect(q.statusCode, q.body).toBe(201);
    const second = t.database.url
      ? await openDatabase({ engine: 'postgres', url: t.database.url, poolSize: 5 })
      : t.database;
    try {
      const other = createServices(second, t.clock);
      t.clock.set('2025-12-26T02:00:00Z');
      const [a, b] = await Promise.all([t.app.services.scheduler.tick(), other.scheduler.tick()]);
      const runs = [...a, ...b].filter((r) => r.job === 'recurrence' && r.key.startsWith(`${w.p1.id}:`));
      expect(runs).toHaveLength(1);
      // And even if the run record were lost, the unique (series, period) keeps them single.
      await t.database.db.execute(sql`delete from job_runs where job = 'recurrence'`);
      await Promise.all([t.app.services.scheduler.tick(), other.scheduler.tick()]);
    } finally {
      if (second !== t.database) await second.close();
    }
    expect((await occurrences(seriesId)).map((o) => o.period)).toEqual(['2025-11', '2025-12', '2026-01']);
    expect(await occurrences(q.json().id)).toEqual([
      { code: 'REC-Q/2025-Q4', period: '2025-Q4', deadline: '2025-12-20', start_date: '2025-10-01', n: 0 },
      { code: 'REC-Q/2026-Q1', period: '2026-Q1', deadline: '2026-03-20', start_date: '2026-01-01', n: 0 },
    ]);
    const dup = await rows<{
      n: number;
    }>(sql`select count(*)::int as n from (select series_id, occurrence_period
      from tasks where series_id is not null group by 1, 2 having count(*) > 1) x`);
    expect(dup[0]!.n).toBe(0);
  });

  it('the series lists its occurrences with their states; an occurrence names its series', async () => {
    t.clock.set('2025-12-26');
    standing = await t.login(w.u.standing.email); // the session of November has expired
    const d = (await standing({ method: 'GET', url: `/api/v1/tasks/${seriesId}` })).json();
    expect(d.occurrences.map((o: { period: string; state: string }) => [o.period, o.state])).toEqual([
      ['2026-01', 'not_started'],
      ['2025-12', 'not_started'],
      ['2025-11', 'overdue'],
    ]);
    const occ = d.occurrences[2];
    const od = (await standing({ method: 'GET', url: `/api/v1/tasks/${occ.id}` })).json();
    expect(od).toMatchObject({
      series: { id: seriesId, code: 'REC-M' },
      occurrencePeriod: '2025-11',
      recurrence: null,
    });
    expect(od.history.map((h: { action: string }) => h.action)).toEqual(['occurrence_created']);
    // An occurrence cannot recur itself.
    const bad = await standing({
      method: 'PATCH',
      url: `/api/v1/tasks/${occ.id}`,
      payload: { version: od.version, recurrence: 'yearly' },
    });
    expect(bad.statusCode).toBe(400);
  });

  it('occurrences count like any task and stay in the lead unit’s scope', async () => {
    const list = (
      await standing({ method: 'GET', url: `/api/v1/tasks?programmeId=${w.p1.id}&q=REC-M&limit=50` })
    ).json();
    expect(list.total).toBe(4); // the series and its three occurrences
    const summary = (
      await standing({ method: 'GET', url: `/api/v1/tasks/summary?programmeId=${w.p1.id}` })
    ).json();
    const direct = await rows<{ n: number }>(
      sql`select count(*)::int as n from tasks where programme_id = ${w.p1.id}`,
    );
    expect(summary.total).toBe(direct[0]!.n);
    const occ = (await occurrences(seriesId))[0]!;
    const [o] = await rows<{ id: number }>(sql`select id from tasks where code = ${occ.code}`);
    const officerA = await t.login(w.u.officerA.email);
    const officerB = await t.login(w.u.officerB.email);
    expect((await officerA({ method: 'GET', url: `/api/v1/tasks/${o!.id}` })).statusCode).toBe(200);
    expect((await officerB({ method: 'GET', url: `/api/v1/tasks/${o!.id}` })).statusCode).toBe(404);
  });

  it('a series stops at its deadline and when it is done', async () => {
    await t.database.db.execute(sql`update tasks set completed_on = '2026-01-10' where id = ${seriesId}`);
    await tickAt('2026-01-26T02:00:00Z');
    expect((await occurrences(seriesId)).map((o) => o.period)).toEqual(['2025-11', '2025-12', '2026-01']);
  });
});
