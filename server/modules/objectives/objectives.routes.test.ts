import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeWorld, type World } from '../../test/factories.js';
import { testApp, type Caller, type TestApp } from '../../test/harness.js';
import type { ComputedSource } from '../indicators/indicators.service.js';

type Kr = {
  id: number;
  indicator: { code: string };
  unit: { code: string };
  target: number;
  yearTarget: number | null;
  visible: boolean;
  current: { value: number | null; period: string | null; reported: number | null; expected: number | null };
  attainment: number | null;
  score: number | null;
  elapsed: number;
  status: string;
  series: { period: string; value: number | null }[];
  tasks: { code: string }[];
};
type Okrs = { asOf: string; objectives: { code: string; keyResults: Kr[] }[]; can: { manage: boolean } };

/**
 * Objectives and key results, read as the cockpit reads them: one request, every key result with
 * its current figure, attainment against the key result's target, status against elapsed time
 * and its recent series, as of a date.
 */
/** A computed source whose data runs until `last` (like service records not yet imported after it). */
const syncUntil = (last: string): ComputedSource =>
  Object.assign(
    async (q: { from: string }) =>
      q.from <= last
        ? { numerator: 9, denominator: 10, value: 90 }
        : { numerator: null, denominator: null, value: null },
    { lastDay: async (q: { asOf: string }) => (q.asOf < last ? q.asOf : last) },
  );

describe('objectives and key results', () => {
  let t: TestApp;
  let w: World;
  const as: Record<string, Caller> = {};
  let skills: { id: number };
  let days: { id: number };
  let synced: { id: number };
  let objective: { id: number };

  const post = (who: string, url: string, payload: object) => as[who]!({ method: 'POST', url, payload });
  const okrs = async (who: string, query = '') => {
    const r = await as[who]!({ method: 'GET', url: `/api/v1/programmes/${w.p1.id}/okrs${query}` });
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as Okrs;
  };
  const kr = (o: Okrs, code: string) =>
    o.objectives.flatMap((x) => x.keyResults).find((k) => k.indicator.code === code)!;

  beforeAll(async () => {
    t = await testApp({
      today: '2026-07-02',
      computedSources: { 'records.sync_rate': syncUntil('2026-05-20') },
    });
    w = await makeWorld(t.database.db);
    for (const [k, email] of Object.entries({
      standing: 'standing@t.vn',
      steering: 'steering@t.vn',
      officerA: 'officer.a@t.vn',
    }))
      as[k] = await t.login(email);
    const create = async (body: Record<string, unknown>) => {
      const r = await post('standing', '/api/v1/indicators', {
        programmeId: w.p1.id,
        cadence: 'quarterly',
        source: 'entered',
        reporterKinds: ['ward', 'commune'],
        ...body,
      });
      expect(r.statusCode, r.body).toBe(200);
      return r.json() as { id: number };
    };
    skills = await create({
      code: 'SKILLS',
      name: { vi: 'Người lao động có kỹ năng số', en: 'Workers with digital skills' },
      measure: 'người',
      direction: 'higher',
      aggregation: 'sum',
      baseline: 100,
    });
    days = await create({
      code: 'DAYS',
      name: { vi: 'Thời gian giải quyết hồ sơ' },
      measure: 'ngày',
      direction: 'lower',
      aggregation: 'average',
      baseline: 10,
      scoring: { fullAt: 0.8, cap: 1 },
    });
    synced = await create({
      code: 'SYNC',
      name: { vi: 'Tỷ lệ đồng bộ' },
      measure: '%',
      direction: 'higher',
      aggregation: 'ratio',
      cadence: 'monthly',
      baseline: 50,
      source: 'computed',
      computeKey: 'records.sync_rate',
    });
    await as.standing!({
      method: 'PUT',
      url: `/api/v1/indicators/${skills.id}/targets`,
      payload: {
        targets: [
          { period: '2026', value: 150 },
          { period: '2030', value: 300 },
        ],
      },
    });
    // Values of the last quarters: Q4 2025 missing, Q1 2026 and Q2 2026 entered.
    const enter = (who: string, unitId: number, entries: unknown[]) =>
      post(who, `/api/v1/programmes/${w.p1.id}/indicator-values`, { unitId, entries });
    t.clock.set('2026-04-05');
    expect(
      (
        await enter('standing', w.units.communeA.id, [
          { indicatorId: skills.id, period: '2026-Q1', value: 60 },
          { indicatorId: days.id, period: '2026-Q1', value: 8 },
        ])
      ).statusCode,
    ).toBe(200);
    await enter('standing', w.units.communeB.id, [{ indicatorId: skills.id, period: '2026-Q1', value: 70 }]);
    t.clock.set('2026-07-01');
    await enter('standing', w.units.communeA.id, [
      { indicatorId: skills.id, period: '2026-Q2', value: 80 },
      { indicatorId: days.id, period: '2026-Q2', value: 6 },
    ]);
    await enter('standing', w.units.communeB.id, [
      { indicatorId: skills.id, period: '2026-Q2', value: 120 },
      { indicatorId: days.id, period: '2026-Q2', value: 4 },
    ]);
    t.clock.set('2026-07-02');
    const o = await post('standing', '/api/v1/objectives', {
      programmeId: w.p1.id,
      groupId: w.p1.groups[0]!.id,
      code: 'O1',
      title: { vi: 'Nhân lực số', en: 'Digital workforce' },
    });
    expect(o.statusCode, o.body).toBe(200);
    objective = o.json();
  });
  afterAll(() => t?.close());

  it('refuses key results that do not add up', async () => {
    const url = `/api/v1/objectives/${objective.id}/key-results`;
    const base = { indicatorId: skills.id, target: 300, startDate: '2026-01-01', deadline: '2030-12-31' };
    expect((await post('officerA', url, base)).statusCode).toBe(403);
    const wrongSide = await post('standing', url, { ...base, target: 50 });
    expect(wrongSide.json().error.code).toBe('target_wrong_side');
    const dates = await post('standing', url, { ...base, deadline: '2025-12-31' });
    expect(dates.json().error.code).toBe('deadline_before_start');
    const task = await post('standing', url, { ...base, taskIds: [w.t.naTask.id] });
    expect(task.statusCode).toBe(404);
    const dup = await post('standing', '/api/v1/objectives', {
      programmeId: w.p1.id,
      code: 'O1',
      title: { vi: 'x' },
    });
    expect(dup.json().error.code).toBe('duplicate_code');
  });

  it('reads every key result with figure, attainment, status and series in one request', async () => {
    const url = `/api/v1/objectives/${objective.id}/key-results`;
    const a = await post('standing', url, {
      indicatorId: skills.id,
      target: 300,
      startDate: '2026-01-01',
      deadline: '2026-12-31',
      taskIds: [w.t.aOverdue.id],
    });
    expect(a.statusCode, a.body).toBe(200);
    expect(a.json()).toMatchObject({ baseline: 100, taskIds: [w.t.aOverdue.id] });
    await post('standing', url, {
      indicatorId: days.id,
      target: 4,
      startDate: '2026-01-01',
      deadline: '2027-12-31',
    });
    await post('standing', url, {
      indicatorId: synced.id,
      target: 100,
      startDate: '2026-01-01',
      deadline: '2026-12-31',
    });
    const o = await okrs('steering', '?periods=4');
    expect(o.asOf).toBe('2026-07-02');
    const s = kr(o, 'SKILLS');
    expect(s.series).toEqual([
      { period: '2025-Q4', value: null },
      { period: '2026-Q1', value: 130 },
      { period: '2026-Q2', value: 200 },
      { period: '2026-Q3', value: null },
    ]);
    // Q3 2026 has just begun and nothing is in: the current figure is the last one reported.
    expect(s.current).toMatchObject({ period: '2026-Q2', value: 200, reported: 2, expected: 2 });
    expect(s.attainment).toBeCloseTo(0.5); // (200 − 100) ÷ (300 − 100)
    expect(s.elapsed).toBeCloseTo(0.5, 1);
    expect(s.status).toBe('on_track');
    expect(s.yearTarget).toBe(150);
    expect(s.tasks.map((x) => x.code)).toEqual(['A-OVERDUE']);
    const d = kr(o, 'DAYS');
    // Lower is better: the average 5 days is 5/6 of the way from 10 to 4; scored full at 80%.
    expect(d.current.value).toBe(5);
    expect(d.attainment).toBeCloseTo(5 / 6);
    expect(d.score).toBe(1);
    expect(d.status).toBe('on_track');
    const c = kr(o, 'SYNC');
    // The records stop on 20 May: the series ends with the last month that has data, not in July.
    expect(c.series.map((x) => x.period)).toEqual(['2026-02', '2026-03', '2026-04', '2026-05']);
    expect(c.current).toMatchObject({ value: 90, period: '2026-05' });
    expect(c.attainment).toBeCloseTo(0.8);
  });

  it('replays a past day: entries after asOf unseen, status judged then', async () => {
    const o = await okrs('steering', '?asOf=2026-05-15&periods=2');
    const s = kr(o, 'SKILLS');
    expect(s.series).toEqual([
      { period: '2026-Q1', value: 130 },
      { period: '2026-Q2', value: null },
    ]);
    expect(s.attainment).toBeCloseTo(0.15);
    expect(s.status).toBe('off_track');
  });

  it('shows a unit user the objectives but not figures above their unit', async () => {
    const o = await okrs('officerA');
    const s = kr(o, 'SKILLS');
    expect(s).toMatchObject({ visible: false, status: 'no_data', series: [], current: { value: null } });
    expect(o.can.manage).toBe(false);
  });

  it('gives the evaluation each unit’s KPI attainment of the year (rates and averages only)', async () => {
    const put = await as.standing!({
      method: 'PUT',
      url: `/api/v1/indicators/${days.id}/targets`,
      payload: { targets: [{ period: '2026', value: 4 }] },
    });
    expect(put.statusCode, put.body).toBe(200);
    const by = await t.app.services.indicators.attainmentByUnit({
      programmeId: w.p1.id,
      year: 2026,
      asOf: '2026-07-02',
    });
    // DAYS (average, lower is better, baseline 10, target 4): A's latest is 6, B's is 4.
    // SKILLS is summed: a unit's share of a city-wide target is not its own, so it is left out.
    expect(by.get(w.units.communeA.id)!.denominator).toBe(1);
    expect(by.get(w.units.communeA.id)!.numerator).toBeCloseTo(4 / 6);
    expect(by.get(w.units.communeB.id)).toEqual({ numerator: 1, denominator: 1 });
    // As of the end of Q1, only A's Q1 value (8) had been entered.
    const q1 = await t.app.services.indicators.attainmentByUnit({
      programmeId: w.p1.id,
      year: 2026,
      asOf: '2026-04-30',
    });
    expect(q1.get(w.units.communeA.id)!.numerator).toBeCloseTo(2 / 6);
    expect(q1.has(w.units.communeB.id)).toBe(false);
  });

  it('edits and deletes key results and objectives', async () => {
    const o = await okrs('standing');
    const id = kr(o, 'DAYS').id;
    const patched = await as.standing!({
      method: 'PATCH',
      url: `/api/v1/key-results/${id}`,
      payload: { target: 5 },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json().target).toBe(5);
    expect((await as.standing!({ method: 'DELETE', url: `/api/v1/key-results/${id}` })).statusCode).toBe(200);
    expect(kr(await okrs('standing'), 'DAYS')).toBeUndefined();
    expect(
      (await as.officerA!({ method: 'DELETE', url: `/api/v1/objectives/${objective.id}` })).statusCode,
    ).toBe(403);
    expect(
      (await as.standing!({ method: 'DELETE', url: `/api/v1/objectives/${objective.id}` })).statusCode,
    ).toBe(200);
    expect((await okrs('standing')).objectives).toEqual([]);
  });
});
