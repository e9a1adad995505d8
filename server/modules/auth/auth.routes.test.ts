import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser } from '../../test/factories.js';
import { testApp, TEST_PASSWORD, type TestApp } from '../../test/harness.js';
import { createAuditRepo } from '../audit/audit.repo.js';

describe('sign-in, sessions, lock-out and CSRF', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp({ loginRateLimit: 1000 });
    await makeUser(t.database.db, { email: 'a@t.vn', roles: [{ role: 'admin' }] });
    await makeUser(t.database.db, { email: 'lock@t.vn', roles: [{ role: 'inspector' }] });
  });
  afterAll(() => t.close());

  const login = (email: string, password: string, lang = 'en') =>
    t.anon({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, lang });

  it('signs in with an httpOnly SameSite cookie, answers me, signs out', async () => {
    const res = await login('A@T.VN', TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'sb_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    // A relative lifetime: the product's clock may replay a past day (the test clock is 2025).
    expect(cookie.maxAge).toBe(14 * 86_400);
    expect(cookie.expires).toBeUndefined();
    expect(res.json().can.manageUsers).toBe(true);
    const me = await t.anon({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { cookie: `sb_session=${cookie.value}` },
    });
    expect(me.json().email).toBe('a@t.vn');
    // The token itself is not stored: only its hash.
    const stored = await t.database.db.execute(sql`select id from sessions`);
    expect(stored.rows.map((r) => (r as { id: string }).id)).not.toContain(cookie.value);
    const out = await t.anon({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: `sb_session=${cookie.value}`, 'x-steerboard-csrf': '1' },
    });
    expect(out.statusCode).toBe(200);
    const after = await t.anon({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { cookie: `sb_session=${cookie.value}` },
    });
    expect(after.statusCode).toBe(401);
  });

  it('a wrong password and an unknown e-mail get the same answer', async () => {
    const a = await login('a@t.vn', 'wrong-password');
    const b = await login('nobody@t.vn', 'wrong-password');
    expect(a.statusCode).toBe(401);
    expect(b.json()).toEqual(a.json());
    expect(a.json().error.message).toBe('Wrong e-mail or password.');
  });

  it('locks the account after five failures, even with the right password, until the lock ends', async () => {
    for (let i = 0; i < 4; i++) expect((await login('lock@t.vn', 'bad')).statusCode).toBe(401);
    const fifth = await login('lock@t.vn', 'bad', 'vi');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().error.code).toBe('account_locked');
    expect(fifth.json().error.message).toContain('15 phút');
    expect((await login('lock@t.vn', TEST_PASSWORD)).statusCode).toBe(423);
    t.clock.set('2025-11-15');
    expect((await login('lock@t.vn', TEST_PASSWORD)).statusCode).toBe(200);
    t.clock.set('2025-11-14');
  });

  it('refuses a cookie-authenticated write without the CSRF header', async () => {
    const res = await login('a@t.vn', TEST_PASSWORD);
    const cookie = `sb_session=${res.cookies.find((c) => c.name === 'sb_session')!.value}`;
    const no = await t.anon({
      method: 'PUT',
      url: '/api/v1/auth/me/preferences',
      headers: { cookie },
      payload: { locale: 'ar' },
    });
    expect(no.statusCode).toBe(403);
    const yes = await t.anon({
      method: 'PUT',
      url: '/api/v1/auth/me/preferences',
      headers: { cookie, 'x-steerboard-csrf': '1' },
      payload: { locale: 'ar' },
    });
    expect(yes.statusCode).toBe(200);
    // With no Accept-Language the saved preference speaks.
    const me = await t.anon({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
    expect(me.json().locale).toBe('ar');
  });

  it('writes a tamper-evident audit trail that refuses edits', async () => {
    const repo = createAuditRepo(t.database.db);
    expect(await repo.verifyChain()).toBeNull();
    const refused = (q: Promise<unknown>) =>
      q.then(
        () => 'accepted',
        (e: Error) => String((e.cause as Error | undefined)?.message ?? e.message),
      );
    expect(await refused(t.database.db.execute(sql`update audit_events set action = 'x'`))).toMatch(
      /append-only/,
    );
    expect(await refused(t.database.db.execute(sql`delete from audit_events`))).toMatch(/append-only/);
    // Even behind the trigger's back, an edit breaks the chain.
    await t.database.db.execute(sql`alter table audit_events disable trigger audit_events_append_only`);
    await t.database.db.execute(
      sql`update audit_events set action = 'forged' where id = (select min(id) from audit_events)`,
    );
    await t.database.db.execute(sql`alter table audit_events enable trigger audit_events_append_only`);
    expect(await repo.verifyChain()).not.toBeNull();
  });
});

describe('sign-in rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp({ loginRateLimit: 3 });
  });
  afterAll(() => t.close());

  it('answers 429 with a clear message past the limit per minute', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await t.anon({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'x@t.vn', password: 'y' },
        lang: 'en',
      });
      codes.push(res.statusCode);
      if (res.statusCode === 429) expect(res.json().error.code).toBe('rate_limited');
    }
    expect(codes).toEqual([401, 401, 401, 429, 429]);
  });
});
