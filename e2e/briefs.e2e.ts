import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, shot } from './browser.js';
import { AppPage } from './pages/app.page.js';

/** The standing agency writes a period's brief on the screen and finds it in the archive. */
describe('weekly brief and evaluation screens', () => {
  const baseURL = inject('baseURL');
  let browser: Browser;
  let ctx: BrowserContext;
  let app: AppPage;
  let hanoi: number;

  beforeAll(async () => {
    browser = await launch();
    ctx = await browser.newContext({
      viewport: { width: 1300, height: 900 },
      locale: 'vi-VN',
      acceptDownloads: true,
    });
    app = new AppPage(await ctx.newPage(), baseURL);
    await app.signIn('standing@hanoi.steerboard.vn');
    const programmes = await app.page.evaluate(() => fetch('/api/v1/programmes').then((r) => r.json()));
    hanoi = (programmes as { id: number; code: string }[]).find((p) => p.code === 'HN-NQ57')!.id;
  });
  afterAll(async () => {
    await ctx?.close();
    await browser?.close();
  });

  it('writes the DOCX brief of the latest published period and downloads it', async () => {
    await app.goto(`/p/${hanoi}/briefs`);
    // An earlier flow may have left this account in Arabic: the words below are Vietnamese.
    await app.switchLanguage('vi');
    await app.page.getByTestId('brief-generate').click();
    // The document's language follows the screen's (it was the account's earlier language once).
    await app.page.getByText(/-vi\.docx trong \d+ ms/).waitFor({ timeout: 60_000 });
    const row = app.page.getByTestId('brief-archive').locator('tr', { hasText: '-vi.docx' }).first();
    await row.waitFor();
    const [file] = await Promise.all([
      app.page.waitForEvent('download'),
      row.getByTestId('brief-download').click(),
    ]);
    expect(file.suggestedFilename()).toMatch(/^HN-NQ57-\d{4}-W\d{2}-vi\.docx$/);
    await shot(app.page, 'briefs-vi');
  }, 90_000);

  it('keeps a recipient and sends an archived brief; the sending is recorded (in Arabic too)', async () => {
    await app.goto(`/p/${hanoi}/briefs`);
    await app.switchLanguage('vi');
    const card = app.page.getByTestId('brief-recipients');
    const email = `e2e.${Date.now()}@hanoi.gov.vn`;
    await card.getByTestId('recipient-email').fill(email);
    await card.getByTestId('recipient-name').fill('Nguyễn Thị Bình');
    await card.getByTestId('recipient-add').click();
    await card.getByText(email).waitFor();
    const row = app.page.getByTestId('brief-archive').locator('tr', { hasText: '-vi.docx' }).first();
    await row.getByTestId('brief-send').click();
    await app.page.locator('.ant-modal-confirm-btns .ant-btn-primary').click();
    // Whether an SMTP server is configured or not, the attempt is in the history, to that address.
    await app.page.getByTestId('brief-sendings').getByText(`<${email}>`).first().waitFor({ timeout: 60_000 });
    await shot(app.page, 'briefs-mail-vi', { fullPage: true });
    await app.switchLanguage('ar');
    await app.page.getByText('سجل الإرسال').waitFor();
    await shot(app.page, 'briefs-mail-ar', { fullPage: true });
    await app.switchLanguage('vi');
  }, 90_000);

  it('shows the year’s evaluation, in Arabic too', async () => {
    await app.goto(`/p/${hanoi}/evaluation`);
    await app.page.getByTestId('evaluation-table').locator('tbody tr.ant-table-row').first().waitFor();
    expect(
      await app.page.getByTestId('evaluation-table').locator('tbody tr.ant-table-row').count(),
    ).toBeGreaterThan(5);
    await app.switchLanguage('vi');
    await shot(app.page, 'evaluation-vi');
    // The standing agency's criteria and weights (100 in all).
    await app.page.getByTestId('evaluation-rules').click();
    await app.page.getByText('Tổng trọng số: 100').waitFor();
    await shot(app.page, 'evaluation-rules-vi');
    await app.page.keyboard.press('Escape');
    await app.switchLanguage('ar');
    await app.page.getByText('تقييم الوحدات').waitFor();
    await shot(app.page, 'evaluation-ar');
    await app.switchLanguage('vi');
  });
});
