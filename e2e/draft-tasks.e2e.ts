import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, shot } from './browser.js';
import { AppPage } from './pages/app.page.js';

const fixture = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '../server/modules/directives/fixtures/hanoi-155-appendix.docx',
);

/**
 * The standing agency turns a plan's appendix table (DOCX) into tasks of an existing demo
 * directive: reads the drafts, corrects two, creates them in one go and finds them in the list.
 */
describe('tasks from a directive document', () => {
  const baseURL = inject('baseURL');
  let browser: Browser;
  let ctx: BrowserContext;
  let app: AppPage;
  let hanoi: number;
  let directive: number;

  beforeAll(async () => {
    browser = await launch();
    ctx = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'vi-VN' });
    app = new AppPage(await ctx.newPage(), baseURL);
    await app.signIn('standing@hanoi.steerboard.vn');
    const programmes = await app.page.evaluate(() => fetch('/api/v1/programmes').then((r) => r.json()));
    hanoi = (programmes as { id: number; code: string }[]).find((p) => p.code === 'HN-NQ57')!.id;
    const directives = await app.page.evaluate(
      (id) => fetch(`/api/v1/programmes/${id}/directives`).then((r) => r.json()),
      hanoi,
    );
    directive = (directives as { id: number; number: string }[])[0]!.id;
  });
  afterAll(async () => {
    await ctx?.close();
    await browser?.close();
  });

  it('uploads the DOCX, corrects two drafts, creates the tasks and finds them in the list', async () => {
    const page = app.page;
    await app.goto(`/p/${hanoi}/directives/${directive}/draft-tasks`);
    await page.getByTestId('draft-file').setInputFiles(fixture);
    await page.getByTestId('draft-table').waitFor();
    expect(await page.locator('[data-testid="draft-table"] tbody tr.ant-table-row').count()).toBe(5);
    await shot(page, 'draft-tasks-vi');
    // Correct two drafts: a sharper title, and a date moved.
    await page.getByTestId('draft-title-0').fill('Chỉnh lý, số hóa tài liệu cấp xã (E2E)');
    await page.getByTestId('draft-title-4').fill('Phát triển kho cơ sở dữ liệu (E2E)');
    await page.getByTestId('draft-create').click();
    await page.getByTestId('draft-created').waitFor();
    await app.goto(`/p/${hanoi}/tasks?q=E2E`);
    await page.getByText('Chỉnh lý, số hóa tài liệu cấp xã (E2E)').first().waitFor();
    await page.getByText('Phát triển kho cơ sở dữ liệu (E2E)').first().waitFor();
  });

  it('reads right to left in Arabic', async () => {
    await app.switchLanguage('ar');
    await app.goto(`/p/${hanoi}/directives/${directive}/draft-tasks`);
    await app.page.getByTestId('draft-file').setInputFiles(fixture);
    await app.page.getByTestId('draft-table').waitFor();
    expect(await app.page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await shot(app.page, 'draft-tasks-ar');
  });
});
