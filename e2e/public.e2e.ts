import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, shot } from './browser.js';
import { AppPage } from './pages/app.page.js';

/** Anyone, without signing in, reads what Hanoi publishes, and downloads it as open data. */
describe('the public page', () => {
  const baseURL = inject('baseURL');
  let browser: Browser;
  let ctx: BrowserContext;
  let app: AppPage;

  beforeAll(async () => {
    browser = await launch();
    ctx = await browser.newContext({
      viewport: { width: 1300, height: 900 },
      locale: 'vi-VN',
      acceptDownloads: true,
    });
    app = new AppPage(await ctx.newPage(), baseURL);
  });
  afterAll(async () => {
    await ctx?.close();
    await browser?.close();
  });

  it('is reached from the sign-in page and lists the published programmes', async () => {
    await app.goto('/');
    await app.page.getByTestId('public-figures-link').click();
    await app.page.getByTestId('public-link-hanoi-nq57').click();
    await app.page.getByTestId('public-title').waitFor();
    expect(app.page.url()).toMatch(/\/public\/hanoi-nq57$/);
  });

  // Other browser flows on this shared server add tasks before this file runs, so the page is held
  // to the figures the API publishes; the demo's 30 is checked by server/seed/readme-figures.test.ts.
  it('shows the published figures (the overdue count the API publishes), the published warning list', async () => {
    const api = (await app.page.evaluate(() =>
      fetch('/api/v1/public/programmes/hanoi-nq57').then((r) => r.json()),
    )) as {
      taskCounts: { total: number; byState: { overdue: number } };
      warningList: { units: unknown[] } | null;
    };
    expect(api.taskCounts.byState.overdue).toBeGreaterThanOrEqual(30);
    const overdue = await app.page.getByTestId('public-state-overdue').textContent();
    expect(Number(overdue?.replace(/\D/g, ''))).toBe(api.taskCounts.byState.overdue);
    expect(api.warningList?.units.length).toBeGreaterThan(0);
    await app.page.getByTestId('public-warning-list').waitFor();
    await shot(app.page, 'public-vi');
  });

  it('downloads the open data as CSV', async () => {
    const [file] = await Promise.all([
      app.page.waitForEvent('download'),
      app.page.getByTestId('open-data-csv').click(),
    ]);
    expect(file.suggestedFilename()).toMatch(/^hanoi-nq57-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = await new Response((await file.createReadStream()) as unknown as ReadableStream).text();
    expect(text).toContain('tasks,overdue,overdue');
  });

  it('reads in Arabic, mirrored; an unknown programme says so', async () => {
    await app.switchLanguage('ar');
    expect(await app.page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await shot(app.page, 'public-ar');
    await app.goto('/public/not-a-programme');
    await app.page.getByText('هذا البرنامج لا ينشر أرقامه.').waitFor();
    await app.switchLanguage('vi');
  });
});
