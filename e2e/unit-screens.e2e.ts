import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, shot } from './browser.js';
import { AppPage } from './pages/app.page.js';

/**
 * What a ward officer reads (the cockpit of their own unit, where it stands on the warning list,
 * their unit's service indicators) and the standing agency's brief, which comes as a file at once.
 */
describe('a ward officer’s screens tell what applies to the ward', () => {
  const baseURL = inject('baseURL');
  let browser: Browser;
  let ctx: BrowserContext;
  let app: AppPage;
  let hanoi: number;

  beforeAll(async () => {
    browser = await launch();
    ctx = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN' });
    app = new AppPage(await ctx.newPage(), baseURL);
    await app.signIn('officer.hoankiem@hanoi.steerboard.vn');
    const programmes = await app.page.evaluate(() => fetch('/api/v1/programmes').then((r) => r.json()));
    hanoi = (programmes as { id: number; code: string }[]).find((p) => p.code === 'HN-NQ57')!.id;
  });
  afterAll(async () => {
    await ctx?.close();
    await browser?.close();
  });

  it('the cockpit: the open week as open with what is in, no empty programme tiles', async () => {
    await app.goto(`/p/${hanoi}/cockpit`);
    await app.page.getByTestId('cockpit').waitFor();
    const reporting = app.page.getByTestId('tile-reporting');
    // The week in progress (this one, or last one until its list is drawn) reads "open" or "late
    // reports still count", with how many are in; never a 0% figure for it.
    const open = reporting.getByTestId('reporting-open');
    await open.first().waitFor();
    expect(await open.first().textContent()).toMatch(/đang mở đến|còn được tính đến/);
    expect(await open.first().textContent()).toMatch(/đã nhận \S+\/\S+/);
    // The ward has no capital plan: said in words, not "— 0,00 / 0,00 tỷ đồng".
    expect(await app.page.getByTestId('cockpit-money-none').textContent()).toContain('Không có kế hoạch vốn');
    expect(await app.page.getByTestId('tile-money').textContent()).not.toContain('0,00 / 0,00');
    // Key results are the programme's: the ward's cockpit leaves the empty tile out.
    expect(await app.page.getByTestId('tile-kpis').count()).toBe(0);
    await app.page.getByTestId('reporting-chart').waitFor();
    await app.page.getByTestId('trend-chart').waitFor();
    await shot(app.page, 'unit-cockpit-vi', { fullPage: true });
    await app.switchLanguage('ar');
    await open.first().waitFor();
    expect(await open.first().textContent()).toMatch(/مفتوحة حتى|تُحتسب التقارير المتأخرة/);
    await app.page.getByTestId('reporting-chart').waitFor();
    await shot(app.page, 'unit-cockpit-ar', { fullPage: true });
    await app.page.setViewportSize({ width: 390, height: 844 });
    await open.first().waitFor();
    await shot(app.page, 'unit-cockpit-ar-390', { fullPage: true });
    await app.switchLanguage('vi');
    await app.page.setViewportSize({ width: 1366, height: 900 });
  });

  it('the warning list: the latest published one and where the ward stands on it', async () => {
    await app.goto(`/p/${hanoi}/warnings`);
    const mine = app.page.getByTestId('warning-my-unit');
    await mine.waitFor();
    expect(await mine.textContent()).toMatch(
      /Phường Hoàn Kiếm (có|không có) tên trong danh sách cảnh báo kỳ/,
    );
    expect(await app.page.getByTestId('warning-status').textContent()).toBe('Đã công bố');
    await shot(app.page, 'unit-warnings-vi');
  });

  it('service records: the ward’s own indicators', async () => {
    await app.goto(`/p/${hanoi}/service-records`);
    await app.page.getByText('Chỉ số dịch vụ công của Phường Hoàn Kiếm').waitFor();
    await app.page.locator('.ant-table-row').first().waitFor();
    await shot(app.page, 'unit-records-vi');
  });

  it('the standing agency’s brief comes as a file at once; "Send" says why it waits', async () => {
    const c = await browser.newContext({
      viewport: { width: 1366, height: 900 },
      locale: 'vi-VN',
      acceptDownloads: true,
    });
    const s = new AppPage(await c.newPage(), baseURL);
    await s.signIn('standing@hanoi.steerboard.vn');
    await s.goto(`/p/${hanoi}/briefs`);
    // An earlier flow may have left this account in another language: the assertions read Vietnamese.
    await s.switchLanguage('vi');
    const [file] = await Promise.all([
      s.page.waitForEvent('download'),
      s.page.getByTestId('brief-generate').click(),
    ]);
    expect(file.suggestedFilename()).toMatch(/\.docx$/);
    await s.page.getByTestId('brief-ready').waitFor();
    // Archived as well.
    await s.page.getByTestId('brief-archive').getByTestId('brief-download').first().waitFor();
    // No recipients in the demo: the archive says so, and hovering the disabled "Send" tells why.
    expect(await s.page.getByTestId('brief-no-recipients').textContent()).toContain('thêm người nhận');
    await s.page
      .getByTestId('why-disabled')
      .filter({ has: s.page.getByTestId('brief-send') })
      .first()
      .hover();
    await s.page.getByRole('tooltip').filter({ hasText: 'Chưa có người nhận' }).waitFor();
    await shot(s.page, 'brief-generated-vi');
    await c.close();
  });
});
