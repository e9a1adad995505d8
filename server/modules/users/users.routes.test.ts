import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createMailer } from '../../lib/mailer.js';
import { makeProgramme, makeUnit, makeUser } from '../../test/factories.js';
import { testApp, type Caller, type TestApp } from '../../test/harness.js';
import { startSmtpServer } from '../../test/smtp.js';

/**
 * People through the API: edit, disable (sessions end at once), roles per programme and who may
 * grant them, invitations read from a real SMTP server and followed, password reset, the policy.
 */
describe('people', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let admin: Caller;
  let standing: Caller;
  const w = {} as {
    city: { id: number };
    ward: { id: number };
    province: { id: number };
    commune: { id: number };
    p1: { id: number; code: string };
    p2: { id: number; code: string };
    officer: { id: number; email: string };
    chair: { id: number };
    adminUser: { id: number };
    twoProgrammes: { id: number };
  };

  /** The link of the last e-mail sent to someone (waiting for it to arrive). */
  const linkFor = async (to: string, path: 'invite' | 'password', count = 1) => {
    await vi.waitFor(
      () => expect(smtp.received.filter((m) => m.to.includes(to)).length).toBeGreaterThanOrEqual(count),
      {
        timeout: 10_000,
      },
    );
    const mail = smtp.received.filter((m) => m.to.includes(to)).at(-1)!;
    const m = new RegExp(`http://localhost:3000/${path}/([\\w-]+)`).exec(mail.text);
    expect(m, mail.text).not.toBeNull();
    return { token: m![1]!, mail };
  };

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await testApp({ mailer: createMailer(smtp.url, 'Steerboard <no-reply@steerboard.test>')! });
    const db = t.database.db;
    w.city = await makeUnit(db, { code: 'CITY', kind: 'city' });
    w.ward = await makeUnit(db, { code: 'W1', parentId: w.city.id, kind: 'ward' });
    w.province = await makeUnit(db, { code: 'PROV', kind: 'province' });
    w.commune = await makeUnit(db, { code: 'C9', parentId: w.province.id, kind: 'commune' });
    w.p1 = await makeProgramme(db, { code: 'HN', rootUnitId: w.city.id });
    w.p2 = await makeProgramme(db, { code: 'NA', rootUnitId: w.province.id });
    w.adminUser = await makeUser(db, { email: 'admin@t.vn', roles: [{ role: 'admin' }] });
    await makeUser(db, {
      email: 'standing@t.vn',
      roles: [{ role: 'standing', programmeId: w.p1.id, unitId: w.city.id }],
      unitId: w.city.id,
    });
    w.officer = await makeUser(db, {
      email: 'officer@t.vn',
      unitId: w.ward.id,
      roles: [{ role: 'unit_officer', unitId: w.ward.id, programmeId: w.p1.id }],
    });
    w.chair = await makeUser(db, {
      email: 'chair@t.vn',
      roles: [{ role: 'steering', programmeId: w.p1.id }],
    });
    w.twoProgrammes = await makeUser(db, {
      email: 'both@t.vn',
      unitId: w.ward.id,
      roles: [
        { role: 'unit_officer', unitId: w.ward.id, programmeId: w.p1.id },
        { role: 'unit_officer', unitId: w.commune.id, programmeId: w.p2.id },
      ],
    });
    admin = await t.login('admin@t.vn');
    standing = await t.login('standing@t.vn');
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it("the standing agency lists its programme's people; other programmes and unit roles are refused", async () => {
    const mine = await standing({ method: 'GET', url: `/api/v1/users?programmeId=${w.p1.id}` });
    expect(mine.statusCode).toBe(200);
    const emails = (mine.json().items as { email: string }[]).map((p) => p.email);
    expect(emails).toEqual(
      expect.arrayContaining(['officer@t.vn', 'chair@t.vn', 'both@t.vn', 'standing@t.vn']),
    );
    expect(emails).not.toContain('admin@t.vn');
    expect(mine.json().grantable).toEqual(['unit_leader', 'unit_officer']);
    const byEmail = new Map(
      (mine.json().items as { email: string; manageable: boolean }[]).map((p) => [p.email, p]),
    );
    expect(byEmail.get('officer@t.vn')!.manageable).toBe(true);
    expect(byEmail.get('chair@t.vn')!.manageable).toBe(false);
    expect(byEmail.get('both@t.vn')!.manageable).toBe(false);
    expect((await standing({ method: 'GET', url: `/api/v1/users?programmeId=${w.p2.id}` })).statusCode).toBe(
      403,
    );
    expect((await standing({ method: 'GET', url: '/api/v1/users' })).statusCode).toBe(403);
    const officer = await t.login('officer@t.vn');
    expect((await officer({ method: 'GET', url: `/api/v1/users?programmeId=${w.p1.id}` })).statusCode).toBe(
      403,
    );
    const all = await admin({ method: 'GET', url: '/api/v1/users?q=BOTH' });
    expect((all.json().items as { email: string }[]).map((p) => p.email)).toEqual(['both@t.vn']);
  });

  it('an admin edits an account (name, unit, language, e-mail), and the change is audited', async () => {
    const res = await admin({
      method: 'PATCH',
      url: `/api/v1/users/${w.officer.id}`,
      payload: { displayName: 'Nguyễn Thị Lan', locale: 'en', unitId: w.city.id },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ displayName: 'Nguyễn Thị Lan', locale: 'en', unitId: w.city.id });
    const found = await admin({ method: 'GET', url: '/api/v1/users?q=nguyen thi' });
    expect((found.json().items as { id: number }[]).map((p) => p.id)).toEqual([w.officer.id]);
    const taken = await admin({
      method: 'PATCH',
      url: `/api/v1/users/${w.officer.id}`,
      payload: { email: 'chair@t.vn' },
    });
    expect([taken.statusCode, taken.json().error.code]).toEqual([409, 'email_taken']);
    const back = await standing({
      method: 'PATCH',
      url: `/api/v1/users/${w.officer.id}`,
      payload: { unitId: w.ward.id },
    });
    expect(back.statusCode).toBe(200);
    // Outside its programme's tree, a standing agency cannot place anyone.
    const out = await standing({
      method: 'PATCH',
      url: `/api/v1/users/${w.officer.id}`,
      payload: { unitId: w.commune.id },
    });
    expect(out.statusCode).toBe(403);
    const audit = await t.database.db.execute<{
      action: string;
      before: { locale: string };
      after: { locale: string };
    }>(
      `select action, before, after from audit_events where entity = 'user' and entity_id = '${w.officer.id}' and action = 'user.update' order by id`,
    );
    expect(audit.rows[0]).toMatchObject({ before: { locale: 'vi' }, after: { locale: 'en' } });
  });

  it('disabling ends every session of the account at once; enabling lets it sign in again', async () => {
    const officer = await t.login('officer@t.vn');
    const officer2 = await t.login('officer@t.vn');
    expect((await officer({ method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(200);
    const off = await standing({ method: 'POST', url: `/api/v1/users/${w.officer.id}/disable` });
    expect([off.statusCode, off.json().status]).toEqual([200, 'disabled']);
    expect((await officer({ method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
    expect((await officer2({ method: 'GET', url: `/api/v1/tasks?programmeId=${w.p1.id}` })).statusCode).toBe(
      401,
    );
    await expect(t.login('officer@t.vn')).rejects.toThrow(/401/);
    const on = await admin({ method: 'POST', url: `/api/v1/users/${w.officer.id}/enable` });
    expect(on.json().status).toBe('active');
    expect(
      (await (await t.login('officer@t.vn'))({ method: 'GET', url: '/api/v1/auth/me' })).statusCode,
    ).toBe(200);
    const actions = await t.database.db.execute<{ action: string }>(
      `select action from audit_events where entity_id = '${w.officer.id}' and action in ('user.disable', 'user.enable') order by id`,
    );
    expect(actions.rows.map((r) => r.action)).toEqual(['user.disable', 'user.enable']);
  });

  it('a standing agency cannot disable a steering member, someone of another programme, or an admin; nobody disables the last admin', async () => {
    for (const id of [w.chair.id, w.twoProgrammes.id, w.adminUser.id]) {
      const r = await standing({ method: 'POST', url: `/api/v1/users/${id}/disable` });
      expect([r.statusCode, r.json().error.code]).toEqual([403, 'account_out_of_reach']);
    }
    const self = await admin({ method: 'POST', url: `/api/v1/users/${w.adminUser.id}/disable` });
    expect(self.json().error.code).toBe('cannot_disable_self');
    const second = await makeUser(t.database.db, { email: 'admin2@t.vn', roles: [{ role: 'admin' }] });
    const admin2 = await t.login('admin2@t.vn');
    expect(
      (await admin2({ method: 'POST', url: `/api/v1/users/${w.adminUser.id}/disable` })).statusCode,
    ).toBe(200);
    const last = await admin({ method: 'GET', url: '/api/v1/auth/me' });
    expect(last.statusCode).toBe(401);
    const refused = await admin2({
      method: 'DELETE',
      url: `/api/v1/users/${second.id}/roles/${(await rolesOf(admin2, second.id))[0]!.id}`,
    });
    expect(refused.json().error.code).toBe('last_admin');
    expect((await admin2({ method: 'POST', url: `/api/v1/users/${w.adminUser.id}/enable` })).statusCode).toBe(
      200,
    );
    admin = await t.login('admin@t.vn');
  });

  const rolesOf = async (as: Caller, id: number) => {
    const r = await as({ method: 'GET', url: '/api/v1/users' });
    return (
      r.json().items as { id: number; roles: { id: number; role: string; programmeId: number | null }[] }[]
    ).find((p) => p.id === id)!.roles;
  };

  it('roles per programme: a standing agency adds and removes unit roles of its programme, never admin or steering', async () => {
    const grant = (as: Caller, body: object) =>
      as({ method: 'POST', url: `/api/v1/users/${w.officer.id}/roles`, payload: body });
    const leader = await grant(standing, { role: 'unit_leader', unitId: w.ward.id, programmeId: w.p1.id });
    expect(leader.statusCode).toBe(200);
    expect(leader.json().roles.map((r: { role: string }) => r.role)).toEqual(['unit_officer', 'unit_leader']);
    for (const body of [
      { role: 'admin', unitId: null, programmeId: null },
      { role: 'steering', unitId: null, programmeId: w.p1.id },
      { role: 'standing', unitId: w.ward.id, programmeId: w.p1.id },
      { role: 'unit_officer', unitId: w.commune.id, programmeId: w.p2.id },
      { role: 'unit_officer', unitId: w.ward.id, programmeId: null },
    ]) {
      const r = await grant(standing, body);
      expect([r.statusCode, r.json().error.code], JSON.stringify(body)).toEqual([403, 'role_not_grantable']);
    }
    expect(
      (await grant(standing, { role: 'unit_leader', unitId: w.ward.id, programmeId: w.p1.id })).json().error
        .code,
    ).toBe('role_exists');
    // The same person holds a role in Nghe An too (given by an admin): the two programmes differ.
    const na = await grant(admin, { role: 'unit_leader', unitId: w.commune.id, programmeId: w.p2.id });
    expect(na.json().roles).toHaveLength(3);
    const naRole = na.json().roles.find((r: { programmeId: number }) => r.programmeId === w.p2.id);
    const gone = await standing({
      method: 'DELETE',
      url: `/api/v1/users/${w.officer.id}/roles/${naRole.id}`,
    });
    expect([gone.statusCode, gone.json().error.code]).toEqual([403, 'role_not_grantable']);
    const leaderRole = na
      .json()
      .roles.find(
        (r: { role: string; programmeId: number }) => r.role === 'unit_leader' && r.programmeId === w.p1.id,
      );
    const removed = await standing({
      method: 'DELETE',
      url: `/api/v1/users/${w.officer.id}/roles/${leaderRole.id}`,
    });
    expect(removed.json().roles).toHaveLength(2);
    // Now in two programmes, the account is out of the standing agency's reach for disabling.
    expect(
      (await standing({ method: 'POST', url: `/api/v1/users/${w.officer.id}/disable` })).statusCode,
    ).toBe(403);
    await admin({ method: 'DELETE', url: `/api/v1/users/${w.officer.id}/roles/${naRole.id}` });
  });

  it("an invitation arrives by SMTP in the person's language; its link sets the password once, then they sign in", async () => {
    const created = await standing({
      method: 'POST',
      url: '/api/v1/users',
      payload: {
        email: 'lan@t.vn',
        displayName: 'Trần Lan',
        unitId: w.ward.id,
        locale: 'en',
        roles: [{ role: 'unit_officer', unitId: w.ward.id, programmeId: w.p1.id }],
      },
    });
    expect([created.statusCode, created.json().status]).toEqual([201, 'invited']);
    const { token, mail } = await linkFor('lan@t.vn', 'invite');
    expect(mail.subject).toBe('Your invitation to Steerboard');
    expect(mail.text).toContain('expires in 7 days');
    // Only the token's hash is stored.
    const stored = await t.database.db.execute<{ token_hash: string }>(
      `select token_hash from account_tokens`,
    );
    expect(stored.rows.some((r) => r.token_hash === token)).toBe(false);
    await expect(t.login('lan@t.vn', 'anything-at-all')).rejects.toThrow(/401/);

    const info = await t.anon({ method: 'GET', url: `/api/v1/auth/invitations/${token}` });
    expect(info.json()).toMatchObject({ purpose: 'invite', email: 'lan@t.vn', locale: 'en' });
    // A reset page does not accept an invitation token.
    expect((await t.anon({ method: 'GET', url: `/api/v1/auth/password-reset/${token}` })).statusCode).toBe(
      410,
    );
    const weak = await t.anon({
      method: 'POST',
      url: `/api/v1/auth/invitations/${token}`,
      payload: { password: 'lan@t.vn-2025' },
      lang: 'vi',
    });
    expect([weak.statusCode, weak.json().error.code]).toEqual([422, 'password_weak']);
    expect(weak.json().error.message).toContain('không được chứa địa chỉ email');
    const set = await t.anon({
      method: 'POST',
      url: `/api/v1/auth/invitations/${token}`,
      payload: { password: 'Sông Hồng 2026' },
    });
    expect([set.statusCode, set.json()]).toEqual([200, { email: 'lan@t.vn' }]);
    const lan = await t.login('lan@t.vn', 'Sông Hồng 2026');
    expect((await lan({ method: 'GET', url: '/api/v1/auth/me' })).json().email).toBe('lan@t.vn');
    const again = await t.anon({
      method: 'POST',
      url: `/api/v1/auth/invitations/${token}`,
      payload: { password: 'Another-one-2026' },
    });
    expect([again.statusCode, again.json().error.code]).toEqual([410, 'link_invalid']);
    const resend = await standing({ method: 'POST', url: `/api/v1/users/${created.json().id}/invitation` });
    expect(resend.json().error.code).toBe('invitation_not_needed');
  });

  it('an invitation expires after 7 days (the injected clock); resending voids the earlier link', async () => {
    const created = await admin({
      method: 'POST',
      url: '/api/v1/users',
      payload: {
        email: 'minh@t.vn',
        displayName: 'Minh',
        locale: 'ar',
        roles: [{ role: 'inspector', unitId: null, programmeId: w.p1.id }],
      },
    });
    const first = await linkFor('minh@t.vn', 'invite');
    expect(first.mail.subject).toBe('دعوتك إلى Steerboard');
    expect(
      (await admin({ method: 'POST', url: `/api/v1/users/${created.json().id}/invitation` })).statusCode,
    ).toBe(200);
    const second = await linkFor('minh@t.vn', 'invite', 2);
    expect(second.token).not.toBe(first.token);
    expect((await t.anon({ method: 'GET', url: `/api/v1/auth/invitations/${first.token}` })).statusCode).toBe(
      410,
    );
    t.clock.set('2025-11-20');
    expect(
      (await t.anon({ method: 'GET', url: `/api/v1/auth/invitations/${second.token}` })).statusCode,
    ).toBe(200);
    t.clock.set('2025-11-22');
    const late = await t.anon({
      method: 'POST',
      url: `/api/v1/auth/invitations/${second.token}`,
      payload: { password: 'Good-enough-2026' },
    });
    expect([late.statusCode, late.json().error.code]).toEqual([410, 'link_invalid']);
    t.clock.set('2025-11-14');
  });

  it('password reset answers the same whether or not the e-mail exists; its link lasts an hour and ends other sessions', async () => {
    const before = smtp.received.length;
    const ask = (email: string) =>
      t.anon({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email } });
    const known = await ask('lan@t.vn');
    const unknown = await ask('nobody@t.vn');
    expect([known.statusCode, known.body]).toEqual([unknown.statusCode, unknown.body]);
    expect(known.statusCode).toBe(202);
    const { token, mail } = await linkFor('lan@t.vn', 'password', 2);
    expect(mail.subject).toBe('Reset your Steerboard password');
    expect(smtp.received.slice(before).some((m) => m.to.includes('nobody@t.vn'))).toBe(false);
    const session = await t.login('lan@t.vn', 'Sông Hồng 2026');
    t.clock.set('2025-11-14T06:30:00Z'); // 1.5 h after noon in Hanoi (05:00Z)
    expect((await t.anon({ method: 'GET', url: `/api/v1/auth/password-reset/${token}` })).statusCode).toBe(
      410,
    );
    t.clock.set('2025-11-14');
    const done = await t.anon({
      method: 'POST',
      url: `/api/v1/auth/password-reset/${token}`,
      payload: { password: 'Ba mươi sáu phố phường' },
    });
    expect(done.statusCode).toBe(200);
    expect((await session({ method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
    await expect(t.login('lan@t.vn', 'Sông Hồng 2026')).rejects.toThrow(/401/);
    await t.login('lan@t.vn', 'Ba mươi sáu phố phường');
    // More than three asks an hour: the same answer, no more e-mail.
    const count = () => smtp.received.filter((m) => m.to.includes('lan@t.vn')).length;
    for (let i = 0; i < 3; i++) expect((await ask('lan@t.vn')).statusCode).toBe(202);
    await vi.waitFor(() => expect(count()).toBe(4), { timeout: 10_000 });
    const fourth = await ask('lan@t.vn');
    expect(fourth.statusCode).toBe(202);
    await t.app.services.notifications.flush();
    expect(count()).toBe(4);
  });

  it("every password set is held to the policy, in the reader's language", async () => {
    const weak = await admin({
      method: 'POST',
      url: '/api/v1/users',
      lang: 'ar',
      payload: {
        email: 'x@t.vn',
        displayName: 'X',
        password: 'Demo@2025',
        roles: [{ role: 'admin', unitId: null, programmeId: null }],
      },
    });
    expect([weak.statusCode, weak.json().error.code]).toEqual([422, 'password_weak']);
    expect(weak.json().error.message).toContain('10 أحرف على الأقل');
    const ok = await admin({
      method: 'POST',
      url: '/api/v1/users',
      payload: {
        email: 'x@t.vn',
        displayName: 'X',
        password: 'Demo@2025vn',
        roles: [{ role: 'admin', unitId: null, programmeId: null }],
      },
    });
    expect([ok.statusCode, ok.json().status]).toEqual([201, 'active']);
  });
});
