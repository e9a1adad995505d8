import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeWorld, type World } from '../../test/factories.js';
import { testApp, type Caller, type TestApp } from '../../test/harness.js';

/** Without SMTP configured, mail waits in the outbox for admins; each user picks their e-mails. */
describe('notifications, preferences and the outbox', () => {
  let t: TestApp;
  let w: World;
  const as: Record<string, Caller> = {};

  const returnReport = async (comment: string) => {
    const r = (
      await as.officerA!({
        method: 'POST',
        url: '/api/v1/reports/open',
        payload: { programmeId: w.p1.id, unitId: w.units.communeA.id },
      })
    ).json();
    const s = (
      await as.officerA!({
        method: 'POST',
        url: `/api/v1/reports/${r.id}/submit`,
        payload: { version: r.version },
      })
    ).json();
    const back = await as.leaderA!({
      method: 'POST',
      url: `/api/v1/reports/${r.id}/return`,
      payload: { version: s.version, comment },
    });
    expect(back.statusCode).toBe(200);
    return back.json();
  };

  beforeAll(async () => {
    t = await testApp({ today: '2025-11-13' });
    w = await makeWorld(t.database.db);
    for (const [k, u] of Object.entries(w.u)) as[k] = await t.login(u.email);
  });
  afterAll(() => t.close());

  it('a returned report notifies the unit in its language; the bell counts it; read clears it', async () => {
    await returnReport('Thiếu minh chứng');
    const mine = await as.officerA!({ method: 'GET', url: '/api/v1/notifications' });
    expect(mine.json()).toMatchObject({
      unread: 1,
      items: [
        {
          kind: 'report_returned',
          text: 'Báo cáo kỳ 2025-W46 của Phường Hoàn Kiếm bị trả lại: Thiếu minh chứng',
        },
      ],
    });
    const en = await as.officerA!({ method: 'GET', url: '/api/v1/notifications', lang: 'en' });
    expect(en.statusCode).toBe(200);
    const read = await as.officerA!({
      method: 'POST',
      url: '/api/v1/notifications/read',
      payload: { ids: 'all' },
    });
    expect(read.json()).toEqual({ unread: 0 });
    // Someone else's notifications are not marked by my request.
    expect((await as.leaderA!({ method: 'GET', url: '/api/v1/notifications' })).json().unread).toBe(1);
  });

  it('mail waits in the outbox, readable by admins only', async () => {
    const box = await as.admin!({ method: 'GET', url: '/api/v1/admin/outbox' });
    expect(box.statusCode).toBe(200);
    const toA = box.json().filter((m: { to: string }) => m.to === 'officer.a@t.vn');
    expect(toA).toHaveLength(1);
    expect(toA[0]).toMatchObject({ sentAt: null, attempts: 0 });
    expect(toA[0].subject).toContain('bị trả lại');
    expect((await as.officerA!({ method: 'GET', url: '/api/v1/admin/outbox' })).statusCode).toBe(403);
  });

  it('a user who turned an e-mail off still sees the notification, but gets no mail', async () => {
    const prefs = await as.officerA!({
      method: 'PUT',
      url: '/api/v1/me/notification-prefs',
      payload: { prefs: [{ kind: 'report_returned', email: false }] },
    });
    expect(prefs.json().find((p: { kind: string }) => p.kind === 'report_returned')).toMatchObject({
      email: false,
    });
    const bad = await as.officerA!({
      method: 'PUT',
      url: '/api/v1/me/notification-prefs',
      payload: { prefs: [{ kind: 'spam', email: true }] },
    });
    expect(bad.statusCode).toBe(400);
    t.clock.set('2025-11-13T03:00:00Z');
    // Return it once more (it was resubmitted as the same report).
    const r = (
      await as.officerA!({ method: 'GET', url: `/api/v1/reports?programmeId=${w.p1.id}` })
    ).json()[0];
    const full = (await as.officerA!({ method: 'GET', url: `/api/v1/reports/${r.id}` })).json();
    const s = (
      await as.officerA!({
        method: 'POST',
        url: `/api/v1/reports/${r.id}/submit`,
        payload: { version: full.version },
      })
    ).json();
    await as.leaderA!({
      method: 'POST',
      url: `/api/v1/reports/${r.id}/return`,
      payload: { version: s.version, comment: 'Vẫn thiếu' },
    });
    expect((await as.officerA!({ method: 'GET', url: '/api/v1/notifications' })).json().unread).toBe(1);
    const box = (await as.admin!({ method: 'GET', url: '/api/v1/admin/outbox' })).json();
    expect(box.filter((m: { to: string }) => m.to === 'officer.a@t.vn')).toHaveLength(1);
    expect(box.filter((m: { to: string }) => m.to === 'leader.a@t.vn')).toHaveLength(2);
  });
});
