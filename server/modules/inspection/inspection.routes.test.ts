import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Inspection } from '../../../shared/schemas/inspection.js';
import { makeWorld, type World } from '../../test/factories.js';
import { testApp, type Caller, type TestApp } from '../../test/harness.js';

/** The inspector's views, each with the audit trail behind it. */
describe('inspection', () => {
  let t: TestApp;
  let w: World;
  const as: Record<string, Caller> = {};
  const url = () => `/api/v1/programmes/${w.p1.id}/inspection`;

  beforeAll(async () => {
    t = await testApp({ today: '2025-11-14' });
    w = await makeWorld(t.database.db);
    for (const [k, u] of Object.entries(w.u)) as[k] = await t.login(u.email);
    // Hoàn Kiếm asks to extend its overdue task; the chair approves.
    const asked = await as.leaderA!({
      method: 'POST',
      url: '/api/v1/adjustments',
      payload: { kind: 'extend', taskId: w.t.aOverdue.id, reason: 'Chờ kinh phí', deadline: '2025-12-15' },
    });
    expect(asked.statusCode, asked.body).toBe(200);
    const decided = await as.steering!({
      method: 'POST',
      url: `/api/v1/adjustments/${asked.json().id}/decide`,
      payload: { decision: 'approved' },
    });
    expect(decided.statusCode, decided.body).toBe(200);
    // Sóc Sơn declares a task done; the standing agency returns it.
    const declared = await as.officerB!({
      method: 'POST',
      url: '/api/v1/completions',
      payload: { taskId: w.t.bOnly.id, completedOn: '2025-11-13', product: 'Báo cáo' },
    });
    expect(declared.statusCode, declared.body).toBe(200);
    const returned = await as.standing!({
      method: 'POST',
      url: `/api/v1/completions/${declared.json().id}/decide`,
      payload: { decision: 'returned', note: 'Thiếu minh chứng' },
    });
    expect(returned.statusCode, returned.body).toBe(200);
  });
  afterAll(() => t.close());

  it('names deadline changes, returned completions, reporting violations, each with its trail', async () => {
    const r = await as.inspector!({ method: 'GET', url: url() });
    expect(r.statusCode, r.body).toBe(200);
    const i = r.json() as Inspection;
    expect(i.periods).toEqual({ from: '2025-W35', to: '2025-W46' });
    const change = i.deadlineChanges.find((c) => c.task.code === 'A-OVERDUE')!;
    expect(change).toMatchObject({
      original: '2025-10-31',
      deadline: '2025-12-15',
      reason: expect.any(String),
    });
    expect(change.trail.map((e) => e.action)).toContain('adjustment.request');
    const back = i.returnedCompletions.find((c) => c.task.code === 'B-ONLY')!;
    expect(back).toMatchObject({ note: 'Thiếu minh chứng', completedOn: '2025-11-13' });
    expect(back.trail.map((e) => e.action)).toContain('completion.declare');
    // Nobody reported in the twelve weeks: every expected unit is a repeated violation.
    const ca = i.discipline.find((d) => d.unit.code === 'CA')!;
    expect(ca).toMatchObject({ late: 0, repeated: true });
    expect(ca.missing).toBeGreaterThan(1);
    expect(ca.periods).toContain('2025-W45');
  });

  it('is refused to units and to other programmes', async () => {
    expect((await as.officerA!({ method: 'GET', url: url() })).statusCode).toBe(403);
    expect((await as.leaderA!({ method: 'GET', url: url() })).statusCode).toBe(403);
    expect((await as.steeringNA!({ method: 'GET', url: url() })).statusCode).toBe(404);
    expect((await as.inspector!({ method: 'GET', url: `${url()}?from=W1` })).statusCode).toBe(400);
  });
});
