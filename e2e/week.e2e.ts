import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpServer } from '../server/test/smtp.js';
import { launch, shot } from './browser.js';
import { AppPage } from './pages/app.page.js';
import { startServer, type RunningServer } from './server.js';

/**
 * A week of the Hanoi programme, walked in the browser against the real product on one data
 * folder, restarted at three moments of the week (the clock is the server's, set by
 * STEERBOARD_NOW). Week 2026-W48 runs 23–29 November; reports are due Friday 27th at 17:00 in
 * Hanoi; the programme draws its warning list on Monday 30th at 08:00.
 */
const WEDNESDAY = '2026-11-25T03:00:00Z';
const SATURDAY = '2026-11-28T03:00:00Z';
const MONDAY = '2026-11-30T02:00:00Z';

describe('a week of reporting, from draft to the published warning list', () => {
  let root: string;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let server: RunningServer | undefined;
  let browser: Browser;
  let reportPath = '';

  const start = async (now: string) => {
    await server?.stop();
    server = await startServer({
      DATA_DIR: path.join(root, 'data'),
      FILES_DIR: path.join(root, 'files'),
      STEERBOARD_NOW: now,
      SMTP_URL: smtp.url,
      PUBLIC_URL: 'http://steerboard.test',
    });
  };
  /** A fresh browser session signed in as someone, in a language. */
  const as = async (email: string, locale = 'vi-VN'): Promise<AppPage> => {
    const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale });
    const app = new AppPage(await ctx.newPage(), server!.url);
    await app.signIn(email);
    return app;
  };
  const status = (page: Page) => page.getByTestId('report-status').first().textContent();

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'steerboard-week-'));
    smtp = await startSmtpServer();
    browser = await launch();
    await start(WEDNESDAY);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await smtp?.close();
    await rm(root, { recursive: true, force: true });
  });

  it('Wednesday: the officer drafts and submits, the leader returns it, the officer fixes it, the leader approves', async () => {
    const officer = await as('officer.hoankiem@hanoi.steerboard.vn');
    await officer.goto('/p/1/inbox');
    await officer.page.getByTestId('open-report').click();
    await officer.page.getByTestId('report-form').waitFor();
    reportPath = new URL(officer.page.url()).pathname;
    const first = officer.page.locator('[data-testid^="entry-"]').first();
    await first.getByTestId('done').fill('Đã số hóa 1.200 hồ sơ đất đai; hoàn thành 80% kho dữ liệu.');
    await officer.page.getByTestId('save-state').filter({ hasText: 'Đã lưu' }).waitFor();
    await shot(officer.page, 'week-1-officer-draft-vi');
    await officer.page.getByTestId('submit-report').click();
    await officer.page.getByTestId('timeliness').waitFor();
    expect(await status(officer.page)).toBe('Đã gửi');

    const leader = await as('leader.hoankiem@hanoi.steerboard.vn');
    await leader.goto('/p/1/inbox');
    await leader.page.getByTestId('approval-queue').getByText('2026-W48').waitFor();
    await leader.goto(reportPath);
    await leader.page.getByTestId('return-report').click();
    await leader.page
      .getByTestId('return-comment-input')
      .fill('Bổ sung số liệu hồ sơ đã số hóa theo từng lĩnh vực.');
    await leader.page.getByTestId('confirm-return').click();
    await leader.page.getByTestId('report-status').filter({ hasText: 'Bị trả lại' }).waitFor();

    await officer.page.reload();
    await officer.page.getByTestId('return-comment').waitFor();
    expect(await officer.page.getByTestId('return-comment').textContent()).toContain('Bổ sung số liệu');
    await officer.page
      .locator('[data-testid^="entry-"]')
      .first()
      .getByTestId('done')
      .fill('Đã số hóa 1.200 hồ sơ: đất đai 700, hộ tịch 300, kinh doanh 200.');
    await officer.page.getByTestId('save-state').filter({ hasText: 'Đã lưu' }).waitFor();
    await officer.page.getByTestId('submit-report').click();
    await officer.page.getByTestId('report-status').filter({ hasText: 'Đã gửi' }).waitFor();

    await leader.page.reload();
    await leader.page.getByTestId('approve-report').click();
    await leader.page.getByTestId('report-status').filter({ hasText: 'Đã duyệt' }).waitFor();
    expect(await leader.page.getByTestId('timeliness').textContent()).toBe('Gửi đúng hạn');
    await shot(leader.page, 'week-2-leader-approved-vi');
    // The returned report reached the officer's mailbox.
    expect(
      smtp.received.some(
        (m) => m.to.includes('officer.hoankiem@hanoi.steerboard.vn') && m.subject.includes('bị trả lại'),
      ),
    ).toBe(true);
  }, 180_000);

  it('Saturday: another unit submits after the due moment and is told it is late', async () => {
    await start(SATURDAY);
    const socSon = await as('officer.socson@hanoi.steerboard.vn');
    await socSon.goto('/p/1/inbox');
    await socSon.page.getByTestId('open-report').first().click();
    await socSon.page.getByTestId('report-form').waitFor();
    await socSon.page.getByTestId('submit-report').click();
    await socSon.page.getByTestId('timeliness').filter({ hasText: 'Gửi muộn' }).waitFor();
  }, 180_000);

  it('Monday: the list drawn at the due moment names late, missing and overdue units with reasons; published, the units see it', async () => {
    await start(MONDAY); // the scheduler catches up on start and draws W48's list
    const standing = await as('standing@hanoi.steerboard.vn');
    await standing.goto('/p/1/warnings/2026-W48');
    await standing.page.getByTestId('warning-status').filter({ hasText: 'Dự thảo' }).waitFor();
    const reasons = async (code: string) =>
      standing.page
        .locator('tr', { has: standing.page.getByTestId(`warning-unit-${code}`) })
        .locator('[data-reason]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-reason')));
    expect(await reasons('HN-X-SOCSON')).toContain('report_late');
    const hk = await reasons('HN-P-HOANKIEM');
    expect(hk).toContain('overdue_tasks'); // it reported on time, but has overdue tasks
    expect(hk).not.toContain('report_late');
    expect(await standing.page.locator('[data-reason="report_missing"]').count()).toBeGreaterThan(0);
    await shot(standing.page, 'week-3-warning-list-draft-vi');
    await standing.page.getByTestId('publish-warnings').click();
    await standing.page.getByTestId('confirm-publish').click();
    await standing.page.getByTestId('warning-status').filter({ hasText: 'Đã công bố' }).waitFor();

    const officer = await as('officer.hoankiem@hanoi.steerboard.vn', 'ar');
    await officer.switchLanguage('ar');
    await officer.goto('/p/1/warnings/2026-W48');
    await officer.page.getByTestId('warning-status').filter({ hasText: 'منشورة' }).waitFor();
    await officer.page.getByTestId('warning-unit-HN-X-SOCSON').waitFor();
    await shot(officer.page, 'week-4-warning-list-published-ar');
    // The bell says so, and so does the mailbox.
    await officer.page.getByTestId('bell').click();
    await officer.page.getByTestId('bell-list').getByText('2026-W48').first().waitFor();
    const deadline = Date.now() + 10_000;
    while (
      !smtp.received.some(
        (m) =>
          m.to.includes('officer.hoankiem@hanoi.steerboard.vn') &&
          m.subject.includes('2026-W48') &&
          m.subject.includes('cảnh báo'),
      ) &&
      Date.now() < deadline
    )
      await new Promise((r) => setTimeout(r, 200));
    expect(
      smtp.received.some(
        (m) => m.to.includes('officer.socson@hanoi.steerboard.vn') && m.subject.includes('cảnh báo'),
      ),
    ).toBe(true);
  }, 180_000);

  it('Monday: the chair approves the extension Hoàn Kiếm asked for; the task keeps its original deadline on record', async () => {
    const chair = await as('chair@hanoi.steerboard.vn');
    await chair.goto('/p/1/requests');
    const row = chair.page.locator('tr', { hasText: 'Phường Hoàn Kiếm' }).filter({ hasText: 'Gia hạn' });
    const taskPath = (await row.getByRole('link').getAttribute('href'))!;
    await row.locator('[data-testid^="approve-adjustment-"]').click();
    await chair.page.getByTestId('decision-note').fill('Đồng ý gia hạn, báo cáo tiến độ hằng tuần.');
    await chair.page.getByTestId('confirm-decision').click();
    // Decided, it leaves the pending list; its task now carries the change.
    await row.waitFor({ state: 'detached' });
    await chair.goto(taskPath);
    await chair.page.getByTestId('deadline-changes').getByText('Nhà cung cấp chậm bàn giao').waitFor();
    await shot(chair.page, 'week-5-extension-approved-vi');
    // The leader who asked is told.
    const leader = await as('leader.hoankiem@hanoi.steerboard.vn');
    await leader.page.getByTestId('bell').click();
    await leader.page.getByTestId('bell-list').getByText('chấp thuận').first().waitFor();
  }, 180_000);
});
