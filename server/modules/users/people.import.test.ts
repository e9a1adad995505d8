import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createMailer } from '../../lib/mailer.js';
import { makeProgramme, makeUnit, makeUser } from '../../test/factories.js';
import { testApp, type Caller, type TestApp } from '../../test/harness.js';
import { startSmtpServer } from '../../test/smtp.js';
import { PEOPLE_SHEET } from './people.import.js';

async function xlsx(rows: (string | null)[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('People');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Text as Vietnamese Windows writes it in Windows-1258: base letters precomposed, tone marks combining. */
const toCp1258 = (s: string) =>
  iconv.encode(
    [...s.normalize('NFC')]
      .map((c) => {
        const d = c.normalize('NFD');
        const tones = d.replace(/[^\u0300\u0301\u0303\u0309\u0323]/g, '');
        return d.replace(/[\u0300\u0301\u0303\u0309\u0323]/g, '').normalize('NFC') + tones;
      })
      .join(''),
    'windows-1258',
  );

/**
 * People from a spreadsheet: template, preview (nothing written), row errors in the reader's
 * language, all or nothing by default, the valid rows on request, CSV in UTF-8 or Windows-1258,
 * an invitation per new person, and a standing agency that cannot import an admin.
 */
describe('people import', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let admin: Caller;
  let standing: Caller;
  let p1: { id: number };
  const upload = (as: Caller, url: string, body: Buffer, lang?: string) =>
    as({
      method: 'POST',
      url: `/api/v1${url}`,
      payload: body,
      lang,
      headers: { 'content-type': 'application/octet-stream' },
    });
  const count = async () =>
    (await t.database.db.execute<{ n: number }>('select count(*)::int as n from users')).rows[0]!.n;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await testApp({ mailer: createMailer(smtp.url, 'Steerboard <no-reply@steerboard.test>')! });
    const db = t.database.db;
    const city = await makeUnit(db, { code: 'CITY', kind: 'city' });
    await makeUnit(db, { code: 'W1', parentId: city.id, kind: 'ward' });
    await makeUnit(db, { code: 'W2', parentId: city.id, kind: 'ward' });
    const province = await makeUnit(db, { code: 'PROV', kind: 'province' });
    await makeUnit(db, { code: 'C9', parentId: province.id, kind: 'commune' });
    p1 = await makeProgramme(db, { code: 'HN', rootUnitId: city.id });
    await makeProgramme(db, { code: 'NA', rootUnitId: province.id });
    await makeUser(db, { email: 'admin@t.vn', roles: [{ role: 'admin' }] });
    await makeUser(db, {
      email: 'standing@t.vn',
      roles: [{ role: 'standing', programmeId: p1.id, unitId: city.id }],
    });
    await makeUser(db, { email: 'taken@t.vn', roles: [] });
    admin = await t.login('admin@t.vn');
    standing = await t.login('standing@t.vn');
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('the template has the headings in the reader’s language and the lists of roles and programmes', async () => {
    const res = await standing({
      method: 'GET',
      url: `/api/v1/users/template.xlsx?programmeId=${p1.id}`,
      lang: 'ar',
    });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.getRow(1).values).toEqual([undefined, ...PEOPLE_SHEET.headers.ar]);
    const lists = wb.getWorksheet('Lists')!;
    const roles = lists.getColumn(1).values.slice(2);
    expect(roles).toEqual(['unit_leader', 'unit_officer']);
    expect(lists.getColumn(3).values.slice(2)).toEqual(['HN']);
  });

  it('row errors: bad e-mail, duplicate in the file, existing account, unknown unit, role, programme, language; nothing written', async () => {
    const file = await xlsx([
      [...PEOPLE_SHEET.headers.vi],
      ['an@t.vn', 'Nguyễn Văn An', 'unit_officer', 'W1', 'HN', 'vi'],
      ['not-an-email', 'B', 'unit_officer', 'W1', null, null],
      ['AN@t.vn', 'An again', 'unit_leader', 'W1', null, null],
      ['taken@t.vn', 'Taken', 'unit_officer', 'W1', null, null],
      ['c@t.vn', 'C', 'unit_officer', 'NOPE', null, null],
      ['d@t.vn', 'D', 'chief', 'W1', null, null],
      ['e@t.vn', 'E', 'unit_officer', 'W1', 'XX', 'fr'],
      ['f@t.vn', null, 'unit_officer', null, null, null],
    ]);
    const pre = await upload(admin, `/users/import/preview?programmeId=${p1.id}`, file, 'en');
    expect(pre.statusCode).toBe(200);
    expect(pre.json()).toMatchObject({ committed: false, total: 8, valid: 1, written: 0 });
    const errs = (i: number) =>
      (pre.json().rows[i].errors as { column: string; message: string }[]).map(
        (e) => `${e.column}: ${e.message}`,
      );
    expect(errs(1)).toEqual(['E-mail: "not-an-email" is not a valid e-mail']);
    expect(errs(2)).toEqual(['E-mail: code "an@t.vn" already appears on row 2 of the file']);
    expect(errs(3)[0]).toContain('an account taken@t.vn already exists');
    expect(errs(4)).toEqual(['Unit code: no unit with code "NOPE" in the programme']);
    expect(errs(5)[0]).toMatch(/^Role: unknown role "chief"/);
    expect(errs(6)).toEqual([
      'Programme code: no programme with code "XX"',
      'Language: language must be vi, en or ar',
    ]);
    expect(errs(7)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Name: /), expect.stringMatching(/^Unit code: /)]),
    );
    const before = await count();
    const all = await upload(admin, `/users/import?programmeId=${p1.id}&mode=all`, file);
    expect([all.statusCode, all.json().error.code]).toEqual([422, 'import_rows_invalid']);
    expect(await count()).toBe(before);
    const vi = await upload(admin, `/users/import/preview?programmeId=${p1.id}`, file, 'vi');
    expect(vi.json().rows[1].errors[0].message).toBe('email "not-an-email" không hợp lệ');
  });

  it('imports three people and invites each in their language; the valid rows only on request', async () => {
    const before = await count();
    const sent = smtp.received.length;
    const file = await xlsx([
      [...PEOPLE_SHEET.headers.en],
      ['hoa@t.vn', 'Lê Thị Hoa', 'unit_leader', 'W1', null, 'vi'],
      ['khanh@t.vn', 'Khánh', 'unit_officer', 'W2', 'HN', 'en'],
      ['nadia@t.vn', 'نادية', 'unit_officer', 'W2', null, 'ar'],
      ['hoa@t.vn', 'Twice', 'unit_officer', 'W2', null, null],
    ]);
    const res = await upload(standing, `/users/import?programmeId=${p1.id}&mode=valid`, file);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ committed: true, total: 4, valid: 3, written: 3 });
    expect(await count()).toBe(before + 3);
    await vi.waitFor(() => expect(smtp.received.length).toBe(sent + 3), { timeout: 10_000 });
    const mails = smtp.received.slice(sent);
    expect(mails.find((m) => m.to.includes('hoa@t.vn'))!.subject).toBe('Lời mời sử dụng Steerboard');
    expect(mails.find((m) => m.to.includes('khanh@t.vn'))!.subject).toBe('Your invitation to Steerboard');
    expect(mails.find((m) => m.to.includes('nadia@t.vn'))!.subject).toBe('دعوتك إلى Steerboard');
    const people = await standing({
      method: 'GET',
      url: `/api/v1/users?programmeId=${p1.id}&status=invited`,
    });
    const hoa = (
      people.json().items as {
        email: string;
        status: string;
        roles: { role: string; programmeId: number }[];
        invitedAt: string;
      }[]
    ).find((p) => p.email === 'hoa@t.vn')!;
    expect(hoa).toMatchObject({ status: 'invited', roles: [{ role: 'unit_leader', programmeId: p1.id }] });
    expect(hoa.invitedAt).not.toBeNull();
    const audit = await t.database.db.execute<{ action: string }>(
      `select action from audit_events where action in ('user.create', 'user.imported') order by id desc limit 4`,
    );
    expect(audit.rows.map((r) => r.action).sort()).toEqual([
      'user.create',
      'user.create',
      'user.create',
      'user.imported',
    ]);
  });

  it('a standing agency cannot import an admin, a steering member, or someone in another programme', async () => {
    const file = await xlsx([
      [...PEOPLE_SHEET.headers.vi],
      ['boss@t.vn', 'Boss', 'admin', null, null, null],
      ['chair2@t.vn', 'Chair', 'steering', null, 'HN', null],
      ['na@t.vn', 'NA', 'unit_officer', 'C9', 'NA', null],
      ['out@t.vn', 'Out', 'unit_officer', 'C9', null, null],
    ]);
    const pre = await upload(standing, `/users/import/preview?programmeId=${p1.id}`, file, 'en');
    expect(pre.json().valid).toBe(0);
    for (const row of pre.json().rows as { errors: { column: string; message: string }[] }[])
      expect(row.errors[0]!.column).toBe('Role');
    expect(pre.json().rows[0].errors[0].message).toBe('You may not grant the role admin with this scope.');
    const na = await t.database.db.execute<{ id: number }>(`select id from programmes where code = 'NA'`);
    expect(
      (await upload(standing, `/users/import/preview?programmeId=${na.rows[0]!.id}`, file)).statusCode,
    ).toBe(403);
    // The admin may import the admin row.
    const byAdmin = await upload(admin, `/users/import/preview?programmeId=${p1.id}`, file);
    expect(byAdmin.json().valid).toBe(4);
  });

  it('reads CSV, in UTF-8 and in Windows-1258', async () => {
    const csv = `${PEOPLE_SHEET.headers.vi.join(';')}\r\nquang@t.vn;Phạm Quang;unit_officer;W1;;vi\r\n`;
    const utf8 = await upload(
      admin,
      `/users/import/preview?programmeId=${p1.id}`,
      Buffer.from('\uFEFF' + csv, 'utf8'),
    );
    expect(utf8.json()).toMatchObject({ total: 1, valid: 1 });
    expect(utf8.json().rows[0].values[1]).toBe('Phạm Quang');
    const cp = await upload(admin, `/users/import?programmeId=${p1.id}`, toCp1258(csv));
    expect(cp.json()).toMatchObject({ committed: true, written: 1 });
    const found = await admin({ method: 'GET', url: '/api/v1/users?q=pham quang' });
    expect(found.json().items[0].displayName).toBe('Phạm Quang');
    const junk = await upload(
      admin,
      `/users/import/preview?programmeId=${p1.id}`,
      Buffer.from('not a spreadsheet'),
    );
    expect(junk.json().error.code).toBe('import_file_invalid');
    const wrong = await upload(
      admin,
      `/users/import/preview?programmeId=${p1.id}`,
      Buffer.from('email,name\r\na@b.vn,A'),
    );
    expect(wrong.json().error.code).toBe('import_header_mismatch');
  });
});
