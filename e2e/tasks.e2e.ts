import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, shot } from './browser.js';
import { AppPage } from './pages/app.page.js';

/**
 * The foundation's flows in a real browser against the product started as README says:
 * overview figures of the demo, filtering, detail, the "as of" replay, Arabic, and scope.
 */
describe('steering member and commune officer in the browser', () => {
  const baseURL = inject('baseURL');
  let browser: Browser;
  let ctx: BrowserContext;
  let app: AppPage;
  let hanoi: number;
  let hoanKiem: number;

  beforeAll(async () => {
    browser = await launch();
    ctx = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN' });
    app = new AppPage(await ctx.newPage(), baseURL);
    // Ids come from the API the page itself uses (the demo is generated, ids are not fixed).
    await app.signIn('chair@hanoi.steerboard.vn');
    const programmes = await app.page.evaluate(() => fetch('/api/v1/programmes').then((r) => r.json()));
    hanoi = (programmes as { id: number; code: string }[]).find((p) => p.code === 'HN-NQ57')!.id;
    const units = await app.page.evaluate(() => fetch('/api/v1/units?q=hoan%20kiem').then((r) => r.json()));
    hoanKiem = (units as { id: number; code: string; kind: string }[]).find((u) => u.kind === 'ward')!.id;
  });
  afterAll(async () => {
    await ctx?.close();
    await browser?.close();
  });

  it('the overview shows the demo figures: 30 overdue in Hanoi', async () => {
    await app.goto(`/p/${hanoi}`);
    expect(await app.summaryCount('overdue')).toBe(30);
    await app.page.getByTestId('overdue-by-unit-chart').waitFor();
    await shot(app.page, 'overview-vi');
  });

  it('moving the "as of" date back changes the counts as the rules say', async () => {
    const now = await app.summaryCount('overdue');
    const earlier = new Date(Date.now() - 28 * 86_400_000).toISOString().slice(0, 10);
    await app.goto(`/p/${hanoi}?asOf=${earlier}`);
    await app.page.waitForFunction((n) => {
      const el = document.querySelector(
        '[data-testid="summary-card-overdue"] [data-testid="summary-card-value"]',
      );
      return el && Number((el.textContent ?? '').replace(/[^\d]/g, '')) !== n;
    }, now);
    const api = await app.page.evaluate(
      ([p, d]) => fetch(`/api/v1/tasks/summary?programmeId=${p}&asOf=${d}`).then((r) => r.json()),
      [hanoi, earlier] as const,
    );
    expect(await app.summaryCount('overdue')).toBe((api as { byState: { overdue: number } }).byState.overdue);
    await shot(app.page, 'overview-four-weeks-ago');
  });

  it('filters the overdue tasks of one commune and opens one', async () => {
    await app.goto(`/p/${hanoi}/tasks?state=overdue&unitId=${hoanKiem}`);
    await app.page.getByTestId('task-table').waitFor();
    await app.taskRows().first().waitFor();
    const n = await app.taskRows().count();
    expect(n).toBeGreaterThan(0);
    await shot(app.page, 'tasks-overdue-hoan-kiem');
    await app.taskRows().first().click();
    await app.page.getByTestId('task-detail-title').waitFor();
    expect(await app.page.getByTestId('task-state-tag').textContent()).toMatch(/quá hạn/i);
    await shot(app.page, 'task-detail-vi');
  });

  it('switches to Arabic and the page is mirrored', async () => {
    await app.switchLanguage('ar');
    expect(await app.page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await app.page.getByTestId('task-state-tag').textContent()).toMatch(/متأخرة/);
    await shot(app.page, 'task-detail-ar');
    await app.goto(`/p/${hanoi}`);
    expect(await app.summaryCount('overdue')).toBe(30);
    await shot(app.page, 'overview-ar');
    await app.switchLanguage('vi');
  });

  it('a commune officer sees only its own commune’s tasks', async () => {
    await app.signOut();
    await app.signIn('officer.hoankiem@hanoi.steerboard.vn');
    await app.goto(`/p/${hanoi}/tasks`);
    await app.taskRows().first().waitFor();
    const seen = await app.page.evaluate(
      (p) => fetch(`/api/v1/tasks?programmeId=${p}&limit=1000`).then((r) => r.json()),
      hanoi,
    );
    const mine = await app.page.evaluate(
      ([p, u]) => fetch(`/api/v1/tasks?programmeId=${p}&unitId=${u}&limit=1000`).then((r) => r.json()),
      [hanoi, hoanKiem] as const,
    );
    const total = (seen as { total: number }).total;
    expect(total).toBeGreaterThan(0);
    expect(total).toBe((mine as { total: number }).total);
    expect(total).toBeLessThan(50);
    expect(await app.taskRows().count()).toBe(total);
    await shot(app.page, 'officer-tasks');
  });

  it('is usable on a phone', async () => {
    const phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      locale: 'vi-VN',
    });
    const p = new AppPage(await phone.newPage(), baseURL);
    await p.signIn('chair@hanoi.steerboard.vn');
    await p.goto(`/p/${hanoi}`);
    expect(await p.summaryCount('overdue')).toBe(30);
    const overflow = await p.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await shot(p.page, 'overview-phone');
    await phone.close();
  });
});
