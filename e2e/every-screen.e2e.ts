import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, shot } from './browser.js';
import { AppPage } from './pages/app.page.js';
import { ScreenWatch } from './pages/screen-watch.js';

/** The demo accounts exactly as README lists them (a new account there is visited here too). */
const accounts = [...readFileSync('README.md', 'utf8').matchAll(/^\|\s*([\w.]+@[\w.]+)\s*\|/gm)].map(
  (m) => m[1]!,
);

/** Screens one step below a menu entry, reached from the first link of their kind on it. */
const DEEPER = [/\/tasks\/\d+$/, /\/units\/\d+$/, /\/reports\/\d+$/];

/**
 * Every screen of every demo account: sign in, open each entry of the menu the layout offers that
 * account in each of its programmes (read from the page, not listed here), then a task, a unit
 * and a report form where one is linked, and fail on any API answer of 4xx/5xx or any console
 * error or warning the app produced.
 */
describe('every demo account, every screen it is offered', () => {
  const baseURL = inject('baseURL');
  let browser: Browser;

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('README lists the nine demo accounts', () => {
    expect(accounts).toHaveLength(9);
  });

  it.each(accounts)(
    '%s meets no error on any screen',
    async (email) => {
      const ctx = await browser.newContext({ viewport: { width: 1600, height: 1000 }, locale: 'vi-VN' });
      const page = await ctx.newPage();
      const watch = new ScreenWatch(page);
      const app = new AppPage(page, baseURL);
      await app.signIn(email);
      watch.signedIn();
      await watch.settle();
      const programmes = (await page.evaluate(() => fetch('/api/v1/programmes').then((r) => r.json()))) as {
        id: number;
      }[];
      const visited: string[] = [];
      for (const p of programmes) {
        await watch.open(`/p/${p.id}`);
        const menu = await page.$$eval('.shell__nav a[href]', (as) =>
          as.map((a) => a.getAttribute('href')!.split('?')[0]!),
        );
        expect(menu.length).toBeGreaterThan(5);
        const deeper = new Set<RegExp>();
        for (const href of [...new Set(menu)]) {
          await watch.open(href);
          visited.push(href);
          for (const kind of DEEPER) {
            if (deeper.has(kind)) continue;
            const links = await page.$$eval('.shell__content a[href]', (as) =>
              as.map((a) => a.getAttribute('href')!.split('?')[0]!),
            );
            let next = links.find((l) => kind.test(l) && l.startsWith(`/p/${p.id}/`));
            // The task list's rows open the task on a click rather than through a link.
            const row = page.locator('[data-testid^="task-row-"]').first();
            if (!next && kind === DEEPER[0] && (await row.isVisible())) {
              watch.screen = `${href} → first row`;
              await row.dispatchEvent('click');
              await page.waitForURL((u) => kind.test(u.pathname));
              next = new URL(page.url()).pathname;
              await watch.settle();
            } else if (next) await watch.open(next);
            else continue;
            deeper.add(kind);
            visited.push(next);
            await watch.open(href);
          }
        }
      }
      await shot(page, `every-screen-${email.split('@')[0]}`);
      await ctx.close();
      expect(visited.length).toBeGreaterThan(8);
      expect(watch.problems, `screens visited: ${visited.join(' ')}`).toEqual([]);
    },
    120_000,
  );
});
