import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublicProgramme } from '../../../shared/schemas/publication.js';
import { makeWorld, type World } from '../../test/factories.js';
import { testApp, type Caller, type TestApp } from '../../test/harness.js';

/** The public page: nothing until a programme enables it, then only what it switched on. */
describe('publication and the public page', () => {
  let t: TestApp;
  let w: World;
  const as: Record<string, Caller> = {};
  const settings = () => `/api/v1/programmes/${w.p1.id}/publication`;
  const body = {
    slug: 'hanoi-nq57',
    enabled: true,
    taskCounts: true,
    warningLists: false,
    serviceIndicators: false,
    indicatorCodes: [],
  };
  const put = (who: string, payload: object, programmeId = w.p1.id) =>
    as[who]!({ method: 'PUT', url: `/api/v1/programmes/${programmeId}/publication`, payload, lang: 'en' });
  const publicPage = async (q = '', status = 200) => {
    const r = await t.anon({ method: 'GET', url: `/api/v1/public/programmes/hanoi-nq57${q}` });
    expect(r.statusCode, r.body).toBe(status);
    return r;
  };

  beforeAll(async () => {
    t = await testApp({ today: '2025-11-14' });
    w = await makeWorld(t.database.db);
    for (const [k, u] of Object.entries(w.u)) as[k] = await t.login(u.email);
  });
  afterAll(() => t.close());

  it('publishes nothing by default', async () => {
    const s = await as.steering!({ method: 'GET', url: settings() });
    expect(s.json()).toMatchObject({ slug: 'hn', enabled: false, updatedAt: null });
    expect((await t.anon({ method: 'GET', url: '/api/v1/public/programmes' })).json()).toEqual([]);
    expect((await t.anon({ method: 'GET', url: '/api/v1/public/programmes/hn' })).statusCode).toBe(404);
  });

  it('only the steering body, the standing agency and admins choose; bad input is refused', async () => {
    expect((await put('officerA', body)).statusCode).toBe(403);
    expect((await put('inspector', body)).statusCode).toBe(403);
    expect((await put('steeringNA', body)).statusCode).toBe(404);
    expect((await as.officerA!({ method: 'GET', url: settings() })).statusCode).toBe(403);
    const badSlug = await put('steering', { ...body, slug: 'Hà Nội' });
    expect(badSlug.statusCode).toBe(400);
    expect(badSlug.json().error.details[0]).toMatchObject({ path: 'body.slug' });
    expect((await put('steering', { ...body, extra: 1 })).statusCode).toBe(400);
    expect((await put('steering', { ...body, enabled: 'yes' })).statusCode).toBe(400);
    expect((await t.anon({ method: 'GET', url: '/api/v1/public/programmes/hanoi-nq57' })).statusCode).toBe(
      404,
    );
    const ok = await put('standing', body);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ slug: 'hanoi-nq57', enabled: true });
    // Another programme cannot take the same address.
    const taken = await put('admin', { ...body, slug: 'hanoi-nq57' }, w.p2.id);
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('duplicate_code');
  });

  it('shows the task counts as of a date, never a task, never a day ahead', async () => {
    const list = (await t.anon({ method: 'GET', url: '/api/v1/public/programmes' })).json();
    expect(list).toEqual([{ slug: 'hanoi-nq57', name: expect.objectContaining({ vi: expect.any(String) }) }]);
    const r = await publicPage();
    const p = r.json() as PublicProgramme;
    expect(p.asOf).toBe('2025-11-14');
    expect(p.taskCounts).toMatchObject({ total: 5, byState: { overdue: 1, done_on_time: 1 } });
    expect(p.warningList).toBeNull();
    expect(p.services).toBeNull();
    for (const secret of ['A-OVERDUE', 'B-ONLY', 'Hoàn Kiếm', '<script>'])
      expect(r.body).not.toContain(secret);
    expect(
      ((await publicPage('?asOf=2025-10-01')).json() as PublicProgramme).taskCounts!.byState.overdue,
    ).toBe(0);
    expect(((await publicPage('?asOf=2030-01-01')).json() as PublicProgramme).asOf).toBe('2025-11-14');
    await publicPage('?asOf=2025-13-01', 400);
    await publicPage('?secret=1', 400);
  });

  it('shows a warning list only once it is published, with counts and no task names', async () => {
    expect((await put('steering', { ...body, warningLists: true })).statusCode).toBe(200);
    const drawn = await as.standing!({
      method: 'POST',
      url: '/api/v1/warning-lists/compute',
      payload: { programmeId: w.p1.id, period: '2025-W45' },
    });
    expect(drawn.statusCode).toBe(200);
    // A draft is the standing agency's working copy: not public.
    expect((await publicPage()).json().warningList).toBeNull();
    await as.steering!({ method: 'POST', url: `/api/v1/warning-lists/${drawn.json().id}/publish` });
    const r = await publicPage();
    const p = r.json() as PublicProgramme;
    expect(p.warningList?.period).toBe('2025-W45');
    const ca = p.warningList!.units.find((u) => u.code === 'CA')!;
    expect(ca.reasons).toEqual([
      { code: 'overdue_tasks', count: 1 },
      { code: 'report_missing', count: 1 },
    ]);
    expect(r.body).not.toContain('A-OVERDUE');
    // Before it was published (the day before), there was none to show.
    expect((await publicPage('?asOf=2025-11-13')).json().warningList).toBeNull();
  });

  it('switching a part off takes it off the page; disabling takes the page down', async () => {
    expect((await put('steering', { ...body, taskCounts: false })).statusCode).toBe(200);
    expect((await publicPage()).json().taskCounts).toBeNull();
    expect((await put('steering', { ...body, enabled: false })).statusCode).toBe(200);
    await publicPage('', 404);
    expect((await t.anon({ method: 'GET', url: '/api/v1/public/programmes' })).json()).toEqual([]);
    expect((await put('steering', { ...body, warningLists: true })).statusCode).toBe(200);
  });

  it('offers open data as CSV and JSON', async () => {
    const csv = await publicPage('/data.csv');
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.replace('\ufeff', '').trim().split('\r\n');
    expect(lines[0]).toBe('programme,as_of,section,key,label,period,value');
    expect(lines).toContain('hanoi-nq57,2025-11-14,tasks,overdue,overdue,2025-11-14,1');
    expect(lines.some((l) => l.includes(',warning_list,CA.overdue_tasks,'))).toBe(true);
    const json = await publicPage('/data.json');
    expect(JSON.parse(json.body)).toEqual((await publicPage()).json());
    expect(json.headers['access-control-allow-origin']).toBe('*');
  });
});
