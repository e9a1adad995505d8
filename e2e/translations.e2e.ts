import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, shot } from './browser.js';
import { AppPage } from './pages/app.page.js';
import { TranslationsPage } from './pages/translations.page.js';
import { startServer, type RunningServer } from './server.js';

const LANGS = ['vi', 'en', 'ar'] as const;
/** Vietnamese words a unit of measure must not show in English or Arabic. */
const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;

let root: string;
let server: RunningServer;
let browser: Browser;

/**
 * Its own product and data: the standing agency publishes the list of 2026-W48 first, the list
 * whose units include disbursements below the threshold (the reason the public page showed as
 * a raw key), so the pages below show every reason the demo has.
 */
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'steerboard-i18n-'));
  server = await startServer({ DATA_DIR: path.join(root, 'data'), FILES_DIR: path.join(root, 'files') });
  browser = await launch();
  const ctx = await browser.newContext();
  const standing = new AppPage(await ctx.newPage(), server.url);
  await standing.signIn('standing@hanoi.steerboard.vn');
  const published = await standing.page.evaluate(async () => {
    const list = await fetch('/api/v1/programmes/1/warning-lists/2026-W48').then((r) => r.json());
    const r = await fetch(`/api/v1/warning-lists/${list.id}/publish`, {
      method: 'POST',
      headers: { 'x-steerboard-csrf': '1' },
    });
    return (await r.json()) as { status: string; units: { reasons: { code: string }[] }[] };
  });
  expect(published.status).toBe('published');
  expect(published.units.some((u) => u.reasons.some((r) => r.code === 'disbursement_below_threshold'))).toBe(
    true,
  );
  await ctx.close();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (root) await rm(root, { recursive: true, force: true });
});

/**
 * The public page and the chair's cockpit and warning list in each language, read by someone
 * abroad (the browser in London): no raw i18n key on screen, no key missing in i18next's report,
 * measures and unit names in the reader's language, one date for one publication.
 */
describe.each(LANGS)('every code reads in words, in %s', (lang) => {
  const baseURL = () => server.url;

  it('the public page', async () => {
    const ctx = await browser.newContext({
      viewport: { width: 1300, height: 900 },
      timezoneId: 'Europe/London',
    });
    const s = await TranslationsPage.open(ctx, lang);
    await s.page.goto(`${baseURL()}/public/hanoi-nq57`);
    await s.page.getByTestId('public-warning-list').waitFor();
    await s.page.waitForLoadState('networkidle');
    expect(await s.page.evaluate(() => document.documentElement.lang)).toBe(lang);
    expect(await s.rawKeys()).toEqual([]);
    expect(s.missingKeys).toEqual([]);

    const api = (await s.page.evaluate(() =>
      fetch('/api/v1/public/programmes/hanoi-nq57').then((r) => r.json()),
    )) as { timeZone: string; warningList: { publishedAt: string } };
    // Published at a moment; shown on the programme's calendar and clock, the zone named.
    const hanoiDay = new Intl.DateTimeFormat('en-GB', {
      timeZone: api.timeZone,
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
    }).format(new Date(api.warningList.publishedAt));
    const head = await s.page
      .locator('.public__card', { has: s.page.getByTestId('public-warning-list') })
      .innerText();
    expect(head).toContain('GMT+7');
    expect(head.replace(/\D/g, '')).toContain(hanoiDay.replace(/\D/g, ''));

    if (lang === 'ar') {
      // Every unit of the demo has its Arabic name: no Latin letters in the list's rows.
      const rows = await s.texts('[data-testid="public-warning-list"] tbody tr');
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.filter((r) => /[A-Za-z]/.test(r))).toEqual([]);
    }
    await shot(s.page, `translations-public-${lang}`, { fullPage: true });
    await ctx.close();
  });

  it('the chair’s cockpit and the warning list', async () => {
    const ctx = await browser.newContext({
      viewport: { width: 1400, height: 1000 },
      timezoneId: 'Europe/London',
    });
    const s = await TranslationsPage.open(ctx, lang);
    const app = new AppPage(s.page, baseURL());
    await app.signIn('chair@hanoi.steerboard.vn');
    const programmes = (await s.page.evaluate(() => fetch('/api/v1/programmes').then((r) => r.json()))) as {
      id: number;
      code: string;
    }[];
    const hanoi = programmes.find((p) => p.code === 'HN-NQ57')!.id;
    await app.goto(`/p/${hanoi}/cockpit`);
    await s.page.getByTestId('cockpit-warning-period').waitFor();
    await s.page.getByTestId('kpi-tile').first().waitFor();
    await s.page.waitForLoadState('networkidle');
    expect(await s.rawKeys()).toEqual([]);
    const measures = await s.texts('.kpi-tile__measure');
    expect(measures.length).toBeGreaterThan(0);
    if (lang !== 'vi') expect(measures.filter((m) => VIETNAMESE.test(m))).toEqual([]);
    if (lang === 'en') expect(measures).toContain('billion VND');
    if (lang === 'ar') expect(measures).toContain('مليار دونغ');
    await shot(s.page, `translations-cockpit-${lang}`);

    await s.page.getByTestId('cockpit-warning-period').click();
    await s.page.getByTestId('warning-status').waitFor();
    await s.page.waitForLoadState('networkidle');
    expect(await s.rawKeys()).toEqual([]);
    await shot(s.page, `translations-warnings-${lang}`);
    expect(s.missingKeys).toEqual([]);
    await ctx.close();
  });
});
