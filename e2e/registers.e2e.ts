import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, shot } from './browser.js';
import { AppPage } from './pages/app.page.js';

/**
 * The registers in the browser: an officer raises an obstacle from a weekly report entry, the
 * standing agency resolves it; the standing agency answers a commune's recommendation after its
 * due day and sees it counted late; the screens read in Arabic.
 */
describe('obstacles and recommendations in the browser', () => {
  const baseURL = inject('baseURL');
  let browser: Browser;
  let ctx: BrowserContext;
  let hanoi: number;

  const as = async (email: string) => {
    await ctx?.close();
    ctx = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN' });
    const app = new AppPage(await ctx.newPage(), baseURL);
    await app.signIn(email);
    return app;
  };

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await ctx?.close();
    await browser?.close();
  });

  it('an officer raises an obstacle from a report entry; the entry links to it; the standing agency resolves it', async () => {
    const officer = await as('officer.hoankiem@hanoi.steerboard.vn');
    const programmes = (await officer.page.evaluate(() =>
      fetch('/api/v1/programmes').then((r) => r.json()),
    )) as {
      id: number;
      code: string;
    }[];
    hanoi = programmes.find((p) => p.code === 'HN-NQ57')!.id;
    await officer.goto(`/p/${hanoi}/inbox`);
    await officer.page.getByTestId('open-report').first().click();
    await officer.page.getByTestId('report-form').waitFor();
    const entry = officer.page.locator('[data-testid^="entry-"]').first();
    await entry
      .getByPlaceholder('Khó khăn, vướng mắc')
      .fill('Thiếu máy quét để số hóa hồ sơ tại bộ phận một cửa');
    await entry.getByTestId('raise-obstacle').click();
    const dialog = officer.page.getByRole('dialog');
    expect(await dialog.getByTestId('obstacle-title').inputValue()).toContain('Thiếu máy quét');
    await dialog.getByTestId('filter-unit').first().click();
    await officer.page.keyboard.type('Tài chính');
    await officer.page.locator('.ant-select-item-option', { hasText: 'Sở Tài chính' }).first().click();
    await dialog.getByTestId('obstacle-save').click();
    await entry.getByTestId('entry-obstacle-link').waitFor();
    await shot(officer.page, 'registers-1-entry-raised-vi');
    const href = (await entry.getByTestId('entry-obstacle-link').getAttribute('href'))!;
    const id = Number(new URL(href, baseURL).searchParams.get('id'));

    const standing = await as('standing@hanoi.steerboard.vn');
    await standing.goto(`/p/${hanoi}/obstacles`);
    const row = standing.page.getByTestId(`obstacle-${id}`).locator('xpath=ancestor::tr');
    await row.waitFor();
    expect(await row.getByTestId('obstacle-status').textContent()).toBe('Mới');
    await row.getByTestId('obstacle-move').click();
    await standing.page.getByTestId('obstacle-status-select').click();
    await standing.page.locator('.ant-select-item-option', { hasText: 'Đã giải quyết' }).click();
    await standing.page.getByTestId('obstacle-resolution').fill('Sở Tài chính cấp kinh phí mua 2 máy quét');
    await standing.page.getByTestId('obstacle-status-save').click();
    await row.getByTestId('obstacle-status').filter({ hasText: 'Đã giải quyết' }).waitFor();
    await shot(standing.page, 'registers-2-obstacles-vi');
  });

  it('answering a recommendation after its due day counts it late for the agency', async () => {
    const standing = await as('standing@hanoi.steerboard.vn');
    await standing.goto(`/p/${hanoi}/recommendations?state=overdue`);
    const late = async () => Number((await standing.page.getByTestId('late-HN-STC').textContent()) ?? 'NaN');
    await standing.page.getByTestId('late-HN-STC').waitFor();
    const before = await late();
    const row = standing.page
      .locator('tr', { has: standing.page.getByTestId('recommendation-answer') })
      .first();
    await row.getByTestId('recommendation-answer').click();
    await standing.page
      .getByTestId('recommendation-answer-text')
      .fill('Đã hướng dẫn thủ tục giải ngân bằng văn bản');
    await standing.page.getByTestId('recommendation-answer-save').click();
    await standing.goto(`/p/${hanoi}/recommendations?state=answered_late`);
    await standing.page
      .getByTestId('recommendation-state')
      .filter({ hasText: 'Đã trả lời muộn' })
      .first()
      .waitFor();
    expect(await late()).toBeGreaterThanOrEqual(before);
    expect(await late()).toBeGreaterThan(0);
    await shot(standing.page, 'registers-3-recommendations-vi');
    await standing.switchLanguage('ar');
    await standing.page
      .getByTestId('recommendation-state')
      .filter({ hasText: 'رُدَّ عليها متأخرة' })
      .first()
      .waitFor();
    await shot(standing.page, 'registers-4-recommendations-ar');
    await standing.goto(`/p/${hanoi}/obstacles`);
    await standing.page.getByTestId('obstacle-summary').waitFor();
    await shot(standing.page, 'registers-5-obstacles-ar');
  });
});
