import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, shot } from './browser.js';
import { AppPage } from './pages/app.page.js';

type CockpitJson = { summary: { byState: Record<string, number> }; asOf: string };

/**
 * The chair's cockpit in a real browser: the programme at a glance, drilled down to a commune and
 * one of its tasks, replayed four weeks back, then read in Arabic.
 */
describe('the chair reads the cockpit', () => {
  const baseURL = inject('baseURL');
  let browser: Browser;
  let ctx: BrowserContext;
  let app: AppPage;
  let hanoi: number;

  const cockpitApi = (q: string) =>
    app.page.evaluate(([p, qs]) => fetch(`/api/v1/programmes/${p}/cockpit${qs}`).then((r) => r.json()), [
      hanoi,
      q,
    ] as const) as Promise<CockpitJson>;

  beforeAll(async () => {
    browser = await launch();
    ctx = await browser.newContext({
      viewport: { width: 1400, height: 1000 },
      locale: 'vi-VN',
      acceptDownloads: true,
    });
    app = new AppPage(await ctx.newPage(), baseURL);
    await app.signIn('chair@hanoi.steerboard.vn');
    const programmes = await app.page.evaluate(() => fetch('/api/v1/programmes').then((r) => r.json()));
    hanoi = (programmes as { id: number; code: string }[]).find((p) => p.code === 'HN-NQ57')!.id;
  });
  afterAll(async () => {
    await ctx?.close();
    await browser?.close();
  });

  it('opens the programme cockpit: 30 overdue, the weekly trend, the list in force', async () => {
    await app.goto(`/p/${hanoi}`);
    await app.page.getByRole('link', { name: 'Bảng điều hành' }).click();
    await app.page.getByTestId('cockpit').waitFor();
    expect(await app.cockpitCount('overdue')).toBe(30);
    await app.page.getByTestId('trend-chart').waitFor();
    await app.page.getByTestId('cockpit-warning-period').waitFor();
    await app.page.getByTestId('reporting-rate').waitFor();
    // A KPI computed from the service records (which end on 12 November 2025), labelled with its month.
    const online = app.page.getByTestId('kpi-tile').filter({ hasText: 'Tỷ lệ hồ sơ nộp trực tuyến' });
    expect(await online.getByTestId('kpi-value').textContent()).toBe('99');
    expect(await online.getByTestId('kpi-period').textContent()).toContain('2025-11');
    // The registers at a glance: the disbursement rate, and the obstacles register one click away.
    expect(await app.page.getByTestId('cockpit-disbursement-rate').textContent()).toMatch(/^\d+,\d\d%$/);
    await app.page
      .getByTestId('tile-obstacles')
      .getByRole('link', { name: /vướng mắc/i })
      .first()
      .waitFor();
    await shot(app.page, 'cockpit-vi');
  });

  it('downloads a tile’s numbers as CSV', async () => {
    const [file] = await Promise.all([
      app.page.waitForEvent('download'),
      (async () => {
        await app.page.getByTestId('download-trend').hover();
        await app.page.getByRole('menuitem', { name: 'CSV' }).click();
      })(),
    ]);
    expect(file.suggestedFilename()).toMatch(/trend.*\.csv$/);
    const text = await new Response((await file.createReadStream()) as unknown as ReadableStream).text();
    expect(text.split('\r\n')[0]).toContain('Quá hạn');
    expect(text.trim().split('\r\n')).toHaveLength(13);
  });

  it('drills from the programme to a commune, then to one of its overdue tasks', async () => {
    const units = app.page.getByTestId('cockpit-units');
    await units.getByText('Phường Hoàn Kiếm', { exact: true }).click();
    await app.page.getByTestId('cockpit-title').getByText('Phường Hoàn Kiếm').waitFor();
    expect(app.page.url()).toContain('unitId=');
    const unitId = new URL(app.page.url()).searchParams.get('unitId');
    const api = await cockpitApi(`?unitId=${unitId}`);
    expect(await app.cockpitCount('overdue')).toBe(api.summary.byState.overdue);
    expect(api.summary.byState.overdue).toBeGreaterThan(0);
    await shot(app.page, 'cockpit-commune-vi');
    const link = app.page.getByTestId('cockpit-task-link').first();
    const code = ((await link.textContent()) ?? '').split('·')[0]!.trim();
    await link.click();
    await app.page.getByTestId('task-detail-title').waitFor();
    expect(await app.page.getByTestId('task-state-tag').textContent()).toMatch(/quá hạn/i);
    expect(await app.page.textContent('body')).toContain(code);
    await app.page.goBack();
    await app.page.getByTestId('cockpit').waitFor();
  });

  it('moves the "as of" date back four weeks and shows the figures of then', async () => {
    const now = await cockpitApi('');
    const target = new Date(`${now.asOf}T00:00:00Z`);
    target.setUTCDate(target.getUTCDate() - 28);
    const iso = target.toISOString().slice(0, 10);
    await app.goto(`/p/${hanoi}/cockpit`);
    await app.page.getByTestId('cockpit').waitFor();
    await app.pickAsOf(iso);
    await app.page.waitForURL((u) => u.searchParams.get('asOf') === iso);
    await app.page.getByTestId('replay-banner').waitFor();
    const then = await cockpitApi(`?asOf=${iso}`);
    await app.page.waitForFunction((n) => {
      const el = document.querySelector(
        '[data-testid="cockpit-state-overdue"] [data-testid="cockpit-state-value"]',
      );
      return el && Number((el.textContent ?? '').replace(/[^\d]/g, '')) === n;
    }, then.summary.byState.overdue);
    expect(then.summary.byState.overdue).not.toBe(now.summary.byState.overdue);
    for (const s of ['done_on_time', 'in_progress', 'not_started'])
      expect(await app.cockpitCount(s)).toBe(then.summary.byState[s]);
    await shot(app.page, 'cockpit-four-weeks-ago');
  });

  it('switches to Arabic: mirrored, same figures', async () => {
    const iso = new URL(app.page.url()).searchParams.get('asOf')!;
    const then = await cockpitApi(`?asOf=${iso}`);
    await app.switchLanguage('ar');
    expect(await app.page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await app.page.getByText('لوحة القيادة').first().waitFor();
    expect(await app.cockpitCount('overdue')).toBe(then.summary.byState.overdue);
    await shot(app.page, 'cockpit-ar');
    await app.switchLanguage('vi');
  });
});
