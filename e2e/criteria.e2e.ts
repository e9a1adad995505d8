import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, shot } from './browser.js';
import { AppPage } from './pages/app.page.js';

/**
 * The criteria matrix in the browser: the standing agency opens the 17 commune criteria, filters
 * the communes that miss one criterion (the count agrees with the API), then reads the screen in
 * Arabic, right to left; the data catalogue shows the units that have not published.
 */
describe('criteria matrix and data catalogue in the browser', () => {
  const baseURL = inject('baseURL');
  let browser: Browser;
  let ctx: BrowserContext;

  beforeAll(async () => {
    browser = await launch();
    ctx = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN' });
  });
  afterAll(async () => {
    await ctx?.close();
    await browser?.close();
  });

  it('opens the matrix, filters the communes missing one criterion, and switches to Arabic', async () => {
    const app = new AppPage(await ctx.newPage(), baseURL);
    await app.signIn('standing@hanoi.steerboard.vn');
    await app.switchLanguage('vi');
    const programmes = (await app.page.evaluate(() => fetch('/api/v1/programmes').then((r) => r.json()))) as {
      id: number;
      code: string;
    }[];
    const hanoi = programmes.find((p) => p.code === 'HN-NQ57')!.id;
    const sets = (await app.page.evaluate(
      (id) => fetch(`/api/v1/criteria/sets?programmeId=${id}`).then((r) => r.json()),
      hanoi,
    )) as { id: number; code: string; periods: string[]; criteria: { id: number; code: string }[] }[];
    const cds = sets.find((s) => s.code === 'CDS-XA-17')!;
    expect(cds.criteria).toHaveLength(17);

    await app.goto(`/p/${hanoi}/criteria?set=${cds.id}`);
    const number = async (id: string) =>
      Number(
        (
          (await app.page.getByTestId(id).locator('.ant-statistic-content-value').textContent()) ?? ''
        ).replace(/\D/g, ''),
      );
    await app.page.getByTestId('criteria-table').locator('.ant-table-row').first().waitFor();
    expect(await number('criteria-total')).toBe(126);
    expect(await number('criteria-shown')).toBe(126);
    await shot(app.page, 'criteria-1-matrix-vi');

    // The communes that do not meet criterion 13 (periodic backups).
    const c13 = cds.criteria.find((c) => c.code === 'CDS13')!;
    const expected = (await app.page.evaluate(
      ([s, c, p]) =>
        fetch(`/api/v1/criteria/sets/${s}/matrix?period=${p}&missing=${c}`).then((r) => r.json()),
      [cds.id, c13.id, cds.periods.at(-1)!] as const,
    )) as { rows: unknown[] };
    expect(expected.rows.length).toBeGreaterThan(0);
    expect(expected.rows.length).toBeLessThan(126);
    await app.page.getByTestId('criteria-missing').click();
    await app.page.locator('.ant-select-item-option', { hasText: 'CDS13' }).click();
    await app.page.waitForURL((u) => u.searchParams.get('missing') === String(c13.id));
    await app.page.waitForFunction(
      (n) =>
        document
          .querySelector('[data-testid="criteria-shown"] .ant-statistic-content-value')
          ?.textContent?.replace(/\D/g, '') === String(n),
      expected.rows.length,
    );
    // The rows shown miss it: CDS13's cell (the 14th, after the unit) reads ✗.
    const first = app.page.getByTestId('criteria-table').locator('.ant-table-row').first();
    expect((await first.locator('.ant-table-cell').nth(13).textContent())?.trim()).toBe('✗');
    await shot(app.page, 'criteria-2-missing-cds13-vi');

    await app.switchLanguage('ar');
    await app.page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await app.page.getByRole('tab', { name: 'المصفوفة' }).waitFor();
    expect(await number('criteria-shown')).toBe(expected.rows.length);
    await shot(app.page, 'criteria-3-missing-cds13-ar');
    // One commune's values, who entered them and when.
    await app.page
      .getByTestId('criteria-table')
      .locator('.ant-table-row')
      .first()
      .getByRole('button')
      .click();
    await app.page.getByRole('dialog').getByTestId('criteria-edit-values').waitFor();
    await shot(app.page, 'criteria-3b-unit-ar');
    await app.page.keyboard.press('Escape');
    await app.page.getByRole('tab', { name: 'الاتجاه' }).click();
    await app.page.getByTestId('criteria-trend').locator('.ant-statistic').first().waitFor();
    await shot(app.page, 'criteria-3c-trend-ar');

    await app.goto(`/p/${hanoi}/catalogue`);
    await app.page.getByTestId('catalogue-not-published').waitFor();
    await app.page.getByTestId('catalogue-deadline').waitFor();
    await shot(app.page, 'criteria-4-catalogue-ar');
    await app.switchLanguage('vi');
    // Names come from the server in the reader's language: they follow the switch.
    await app.page.getByTestId('catalogue-not-published').getByText('Sở Nội vụ').waitFor();
    await shot(app.page, 'criteria-5-catalogue-vi');
  });
});
