import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { makeTask, makeUser, makeWorld, type World } from '../../test/factories.js';
import { testApp, type Caller, type TestApp } from '../../test/harness.js';

/** Setting up a programme: who may, what is refused, what the audit trail keeps, what archiving does. */
describe('programme set-up', () => {
  let t: TestApp;
  let w: World;
  const as: Record<string, Caller> = {};
  let created: { id: number; version: number; groups: { id: number; code: string }[] };

  const body = (over: Record<string, unknown> = {}) => ({
    code: 'TM-CDS-2026',
    slug: 'tinh-mau-cds-2026',
    name: {
      vi: 'Tỉnh Mẫu — Kế hoạch chuyển đổi số 2026',
      en: 'Model Province — Digital transformation plan 2026',
    },
    steeringBody: { vi: 'Ban Chỉ đạo chuyển đổi số tỉnh' },
    rootUnitId: w.units.city.id,
    standingUnitId: w.units.finance.id,
    reportDueWeekday: 4,
    reportDueTime: '16:30',
    warningGraceHours: 24,
    reminderDaysBefore: 1,
    timeZone: 'Asia/Bangkok',
    groups: [
      { code: 'TC', name: { vi: 'Thể chế' } },
      { code: 'HT', name: { vi: 'Hạ tầng', en: 'Infrastructure' } },
    ],
    steering: [{ position: 'chair', personName: 'Nguyễn Văn A', title: 'Chủ tịch UBND tỉnh' }],
    ...over,
  });

  beforeAll(async () => {
    t = await testApp({ today: '2025-11-14' });
    w = await makeWorld(t.database.db);
    await makeUser(t.database.db, {
      email: 'standing.na@t.vn',
      unitId: w.units.police.id,
      roles: [{ role: 'standing', programmeId: w.p2.id, unitId: w.units.police.id }],
    });
    for (const [k, u] of Object.entries(w.u)) as[k] = await t.login(u.email);
    as.standingNA = await t.login('standing.na@t.vn');
  });
  afterAll(() => t.close());

  const post = (who: string, b: Record<string, unknown>, lang?: string) =>
    as[who]!({ method: 'POST', url: '/api/v1/programmes', payload: b, lang });
  const patch = (who: string, id: number, b: Record<string, unknown>) =>
    as[who]!({ method: 'PATCH', url: `/api/v1/programmes/${id}`, payload: b });

  it('an admin creates a programme with its groups, steering body, cadence and public address', async () => {
    const res = await post('admin', body());
    expect(res.statusCode, res.body).toBe(201);
    created = res.json();
    expect(res.json()).toMatchObject({
      code: 'TM-CDS-2026',
      slug: 'tinh-mau-cds-2026',
      name: { vi: 'Tỉnh Mẫu — Kế hoạch chuyển đổi số 2026' },
      steeringBody: { vi: 'Ban Chỉ đạo chuyển đổi số tỉnh', en: null },
      reportDueWeekday: 4,
      reportDueTime: '16:30',
      warningGraceHours: 24,
      reminderDaysBefore: 1,
      timeZone: 'Asia/Bangkok',
      publicationEnabled: false,
      archivedAt: null,
      version: 1,
      may: { edit: true, archive: true },
      steering: [{ position: 'chair', personName: 'Nguyễn Văn A' }],
    });
    expect(created.groups.map((g) => g.code)).toEqual(['TC', 'HT']);
    const audit = await t.database.db.execute(
      sql`select action from audit_events where entity = 'programme' and entity_id = ${String(created.id)}`,
    );
    expect(audit.rows.map((r) => (r as { action: string }).action)).toEqual(['programme.create']);
    // A unit inside the covered subtree now sees it; one outside does not.
    const seen = (await as.officerA!({ method: 'GET', url: '/api/v1/programmes' })).json() as {
      id: number;
    }[];
    expect(seen.some((p) => p.id === created.id)).toBe(true);
  });

  it('refuses a bad time zone, a bad time, a duplicate code or slug and an unknown unit, in the reader’s language', async () => {
    const tz = await post('admin', body({ code: 'X1', slug: 'x1', timeZone: 'Asia/Hanoi' }), 'en');
    expect(tz.statusCode).toBe(400);
    expect(tz.json().error.details).toEqual([
      { path: 'body.timeZone', message: 'must be an IANA time zone, e.g. Asia/Ho_Chi_Minh' },
    ]);
    const time = await post('admin', body({ code: 'X1', slug: 'x1', reportDueTime: '25:00' }), 'vi');
    expect(time.json().error.details[0]).toMatchObject({ path: 'body.reportDueTime' });
    const code = await post('admin', body({ slug: 'x2' }), 'en');
    expect(code.statusCode).toBe(409);
    expect(code.json().error).toMatchObject({
      code: 'duplicate_code',
      message: 'The code "TM-CDS-2026" is already in use.',
    });
    const slug = await post('admin', body({ code: 'X3' }));
    expect(slug.statusCode).toBe(409);
    expect(slug.json().error).toMatchObject({ code: 'duplicate_code' });
    expect(slug.json().error.message).toContain('tinh-mau-cds-2026');
    const unit = await post('admin', body({ code: 'X4', slug: 'x4', rootUnitId: 999999 }), 'en');
    expect(unit.statusCode).toBe(422);
    expect(unit.json().error.code).toBe('unit_not_found');
    // The standing agency must sit inside the subtree the programme covers.
    const outside = await post('admin', body({ code: 'X5', slug: 'x5', standingUnitId: w.units.police.id }));
    expect(outside.json().error.code).toBe('unit_outside_programme');
    const groups = await post(
      'admin',
      body({
        code: 'X6',
        slug: 'x6',
        groups: [
          { code: 'A', name: { vi: 'A' } },
          { code: 'A', name: { vi: 'B' } },
        ],
      }),
    );
    expect(groups.json().error.code).toBe('duplicate_code');
    const count = await t.database.db.execute(
      sql`select count(*)::int as n from programmes where code like 'X%'`,
    );
    expect((count.rows[0] as { n: number }).n).toBe(0);
  });

  it('only an admin creates; a unit officer or another programme’s standing agency does not edit', async () => {
    expect((await post('standing', body({ code: 'S1', slug: 's1' }))).statusCode).toBe(403);
    expect((await patch('officerA', created.id, { version: 1, reportDueWeekday: 2 })).statusCode).toBe(403);
    // Another programme's standing agency cannot even open it.
    expect((await patch('standingNA', created.id, { version: 1, reportDueWeekday: 2 })).statusCode).toBe(404);
    expect((await patch('steering', w.p1.id, { version: 1, reportDueWeekday: 2 })).statusCode).toBe(403);
  });

  it('the programme’s standing agency edits it; a stale version is refused and nothing is overwritten', async () => {
    const first = await patch('standing', w.p1.id, {
      version: 1,
      reportDueWeekday: 3,
      publicationEnabled: true,
      slug: 'ha-noi',
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({
      reportDueWeekday: 3,
      version: 2,
      publicationEnabled: true,
      slug: 'ha-noi',
    });
    const stale = await patch('admin', w.p1.id, { version: 1, reportDueWeekday: 5 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('record_changed');
    expect(
      (await as.admin!({ method: 'GET', url: `/api/v1/programmes/${w.p1.id}` })).json().reportDueWeekday,
    ).toBe(3);
    // The public page follows the switch.
    expect((await t.anon({ method: 'GET', url: '/api/v1/public/programmes/ha-noi' })).statusCode).toBe(200);
    const bad = await patch('standing', w.p1.id, { version: 2, timeZone: 'Mars/Olympus' });
    expect(bad.statusCode).toBe(400);
    const taken = await patch('admin', created.id, { version: 1, slug: 'ha-noi' });
    expect(taken.json().error).toMatchObject({ code: 'duplicate_code' });
    const audit = await t.database.db.execute(
      sql`select before->>'reportDueWeekday' as b, after->>'reportDueWeekday' as a from audit_events where action = 'programme.update' and entity_id = ${String(w.p1.id)}`,
    );
    expect(audit.rows).toEqual([{ b: '5', a: '3' }]);
  });

  it('groups: added, renamed, reordered, and removed only while no task uses them', async () => {
    const url = `/api/v1/programmes/${created.id}/groups`;
    const added = await as.admin!({ method: 'POST', url, payload: { code: 'NL', name: { vi: 'Nhân lực' } } });
    expect(added.statusCode, added.body).toBe(201);
    const list = added.json() as { id: number; code: string; taskCount: number }[];
    expect(list.map((g) => g.code)).toEqual(['TC', 'HT', 'NL']);
    const dup = await as.admin!({ method: 'POST', url, payload: { code: 'NL', name: { vi: 'x' } } });
    expect(dup.statusCode).toBe(409);
    const renamed = await as.admin!({
      method: 'PATCH',
      url: `${url}/${list[2]!.id}`,
      payload: { name: { vi: 'Nguồn nhân lực' } },
    });
    expect(renamed.json()[2].name.vi).toBe('Nguồn nhân lực');
    const ids = list.map((g) => g.id).reverse();
    const order = await as.admin!({ method: 'PUT', url: `${url}/order`, payload: { ids } });
    expect(order.json().map((g: { code: string }) => g.code)).toEqual(['NL', 'HT', 'TC']);
    expect(
      (await as.admin!({ method: 'PUT', url: `${url}/order`, payload: { ids: ids.slice(1) } })).statusCode,
    ).toBe(400);

    await makeTask(t.database.db, {
      programmeId: created.id,
      leadUnitId: w.units.communeA.id,
      code: 'TM-1',
      deadline: '2026-06-30',
      groupId: list[0]!.id,
    });
    const used = await as.admin!({ method: 'DELETE', url: `${url}/${list[0]!.id}`, lang: 'en' });
    expect(used.statusCode).toBe(409);
    expect(used.json().error.message).toContain('has 1 tasks');
    const removed = await as.admin!({ method: 'DELETE', url: `${url}/${list[2]!.id}` });
    expect(removed.json().map((g: { code: string }) => g.code)).toEqual(['HT', 'TC']);
    // Another programme's group is not reachable through this one.
    expect(
      (await as.admin!({ method: 'DELETE', url: `${url}/${w.p1.groups[0]!.id}` })).json().error.code,
    ).toBe('group_not_in_programme');
    expect(
      (await as.officerA!({ method: 'POST', url, payload: { code: 'Z', name: { vi: 'Z' } } })).statusCode,
    ).toBe(403);
  });

  it('steering members are replaced as a list; an unknown unit is refused', async () => {
    const url = `/api/v1/programmes/${created.id}/steering`;
    const ok = await as.admin!({
      method: 'PUT',
      url,
      payload: {
        members: [
          { position: 'chair', personName: 'Nguyễn Văn A' },
          { position: 'standing_deputy', personName: 'Trần Thị B', unitId: w.units.finance.id },
        ],
      },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().steering.map((m: { personName: string }) => m.personName)).toEqual([
      'Nguyễn Văn A',
      'Trần Thị B',
    ]);
    const bad = await as.admin!({
      method: 'PUT',
      url,
      payload: { members: [{ position: 'member', personName: 'X', unitId: 424242 }] },
    });
    expect(bad.json().error.code).toBe('unit_not_found');
  });

  it('archived: out of the scheduler, still readable, refuses edits until restored', async () => {
    expect(
      (await as.standing!({ method: 'POST', url: `/api/v1/programmes/${created.id}/archive` })).statusCode,
    ).toBe(404);
    const res = await as.admin!({ method: 'POST', url: `/api/v1/programmes/${created.id}/archive` });
    expect(res.statusCode).toBe(200);
    expect(res.json().archivedAt).not.toBeNull();
    expect(res.json().may.edit).toBe(false);
    const all = await t.app.services.programmes.all();
    expect(all.some((p) => p.id === created.id)).toBe(false);
    const live = (await as.admin!({ method: 'GET', url: '/api/v1/programmes?includeArchived=false' })).json();
    expect(live.some((p: { id: number }) => p.id === created.id)).toBe(false);
    expect((await as.admin!({ method: 'GET', url: `/api/v1/programmes/${created.id}` })).statusCode).toBe(
      200,
    );
    const edit = await patch('admin', created.id, { version: res.json().version, reportDueWeekday: 1 });
    expect(edit.json().error.code).toBe('programme_archived');
    const back = await as.admin!({ method: 'POST', url: `/api/v1/programmes/${created.id}/restore` });
    expect(back.json().archivedAt).toBeNull();
    expect((await t.app.services.programmes.all()).some((p) => p.id === created.id)).toBe(true);
  });
});
