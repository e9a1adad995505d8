import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpServer, type ReceivedMail } from '../server/test/smtp.js';
import { launch, shot } from './browser.js';
import { AppPage } from './pages/app.page.js';
import { PeoplePage } from './pages/people.page.js';
import { startServer, type RunningServer } from './server.js';

/**
 * People, end to end against the real product and a real SMTP server: an admin imports three
 * people from an XLSX, each invitation arrives by e-mail in the person's language, its link is
 * followed (on a phone) to set the password, the person is signed in; a password reset; in
 * Vietnamese and in Arabic.
 */
describe('people: import, invitation by e-mail, set password, reset', () => {
  let root: string;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let server: RunningServer;
  let browser: Browser;

  const HEAD = ['Email', 'Họ và tên', 'Vai trò', 'Mã đơn vị', 'Mã chương trình', 'Ngôn ngữ'];
  const people = [
    ['lan.hk@hanoi.test', 'Nguyễn Thị Lan', 'unit_officer', 'HN-P-HOANKIEM', 'HN-NQ57', 'vi'],
    ['karim.ss@hanoi.test', 'كريم', 'unit_leader', 'HN-X-SOCSON', 'HN-NQ57', 'ar'],
    ['john.stc@hanoi.test', 'John Tran', 'unit_officer', 'HN-STC', null, 'en'],
  ];
  const xlsx = async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('People');
    ws.addRow(HEAD);
    for (const p of people) ws.addRow(p);
    return Buffer.from(await wb.xlsx.writeBuffer());
  };
  /** The path of the link in a mail, opened on this server (PUBLIC_URL is a name the test made up). */
  const linkIn = (m: ReceivedMail) => {
    const url = /https?:\/\/\S+\/(invite|password)\/[\w-]+/.exec(m.text)?.[0];
    expect(url, m.text).toBeDefined();
    return server.url + new URL(url!).pathname;
  };
  const phone = async (locale: string) => {
    const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, locale });
    return ctx.newPage();
  };

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'steerboard-people-'));
    smtp = await startSmtpServer();
    browser = await launch();
    server = await startServer({
      DATA_DIR: path.join(root, 'data'),
      FILES_DIR: path.join(root, 'files'),
      SMTP_URL: smtp.url,
      PUBLIC_URL: 'http://steerboard.test',
    });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await smtp?.close();
    await rm(root, { recursive: true, force: true });
  });

  it('the admin imports three people from an XLSX; each is invited in their language', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN' });
    const app = new AppPage(await ctx.newPage(), server.url);
    await app.signIn('admin@steerboard.vn');
    await app.goto('/p/1/people');
    await app.page.getByTestId('people-page').waitFor();
    const screen = new PeoplePage(app.page);
    await screen.importFile('can-bo-moi.xlsx', await xlsx());
    await app.page.getByTestId('people-import-summary').filter({ hasText: '3/3' }).waitFor();
    await shot(app.page, 'people-1-import-preview-vi');
    await app.page.getByTestId('people-import-all').click();
    await app.page.getByTestId('people-import-done').waitFor();
    await app.page.getByTestId('people-search').locator('input').fill('hanoi.test');
    for (const [email] of people) await screen.row(email!).getByTestId('status-invited').waitFor();
    await shot(app.page, 'people-2-invited-vi');

    const [lan, karim, john] = await Promise.all(
      people.map(([email]) => smtp.next((m) => m.to.includes(email!))),
    );
    expect(lan!.subject).toBe('Lời mời sử dụng Steerboard');
    expect(karim!.subject).toBe('دعوتك إلى Steerboard');
    expect(john!.subject).toBe('Your invitation to Steerboard');

    // The admin's people screen in Arabic, with a person's drawer open.
    await app.switchLanguage('ar');
    await screen.row('karim.ss@hanoi.test').getByTestId('person-open').click();
    await app.page.getByTestId('roles-editor').waitFor();
    await app.page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
    await shot(app.page, 'people-3-drawer-ar');
    await ctx.close();
  }, 180_000);

  it('each invitation link sets the password once and signs the person in (a phone, vi and ar)', async () => {
    const lanMail = await smtp.next((m) => m.to.includes('lan.hk@hanoi.test'));
    const page = await phone('vi-VN');
    const screen = new PeoplePage(page);
    await page.goto(linkIn(lanMail));
    await page.getByTestId('link-title').filter({ hasText: 'Nguyễn Thị Lan' }).waitFor();
    await page.getByTestId('new-password').fill('lan.hk-2026');
    await page.getByTestId('rule-contains_email').and(page.locator('[data-ok="false"]')).waitFor();
    await shot(page, 'people-4-set-password-rules-vi-390');
    await screen.setPassword('Hoàn Kiếm xanh mát 2026');
    await page.getByTestId('programme-picker').waitFor();
    await shot(page, 'people-5-signed-in-vi-390');
    // The link works once.
    await page.goto(linkIn(lanMail));
    await page.getByTestId('link-invalid').waitFor();

    const karimMail = await smtp.next((m) => m.to.includes('karim.ss@hanoi.test'));
    const ar = await phone('ar');
    await ar.goto(linkIn(karimMail));
    await ar.getByTestId('link-title').filter({ hasText: 'كريم' }).waitFor();
    await ar.waitForFunction(() => document.documentElement.dir === 'rtl');
    await shot(ar, 'people-6-set-password-ar-390');
    await new PeoplePage(ar).setPassword('Soc-Son-2026!');
    await ar.getByTestId('programme-picker').waitFor();
    await shot(ar, 'people-7-signed-in-ar-390');
  }, 180_000);

  it('"Forgot password?" sends a reset link that sets a new password', async () => {
    const page = await phone('vi-VN');
    await page.goto(server.url + '/');
    await new PeoplePage(page).requestReset('lan.hk@hanoi.test');
    await shot(page, 'people-8-reset-sent-vi-390');
    const mail = await smtp.next((m) => m.to.includes('lan.hk@hanoi.test') && m.subject.includes('Đặt lại'));
    await page.goto(linkIn(mail));
    await page.getByTestId('link-title').filter({ hasText: 'Đặt lại mật khẩu' }).waitFor();
    await new PeoplePage(page).setPassword('Phố cổ Hà Nội 36 phường');
    await page.getByTestId('programme-picker').waitFor();
    // The new password signs in; the old one no longer does.
    const again = new AppPage(await phone('vi-VN'), server.url);
    await again.signIn('lan.hk@hanoi.test', 'Phố cổ Hà Nội 36 phường');
    const old = await (
      await fetch(`${server.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'lan.hk@hanoi.test', password: 'Hoàn Kiếm xanh mát 2026' }),
      })
    ).status;
    expect(old).toBe(401);
  }, 180_000);
});
