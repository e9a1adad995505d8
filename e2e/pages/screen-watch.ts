import type { Page } from 'playwright-core';

export type Problem = { screen: string; kind: 'http' | 'console' | 'pageerror'; detail: string };

/**
 * Watches a page for what a user should never meet: an API answer of 4xx/5xx, a console error or
 * warning, an uncaught exception. The 401 of "who am I?" before signing in is expected, so HTTP
 * errors count from `signedIn()` on. `settle()` waits until the screen has drawn and every API
 * request it started has come back.
 */
export class ScreenWatch {
  readonly problems: Problem[] = [];
  screen = 'sign-in';
  private inflight = new Set<unknown>();
  private counting = false;

  constructor(readonly page: Page) {
    page.on('request', (r) => {
      if (r.url().includes('/api/')) this.inflight.add(r);
    });
    const done = (r: unknown) => this.inflight.delete(r);
    page.on('requestfinished', done);
    page.on('requestfailed', done);
    page.on('response', (r) => {
      const url = new URL(r.url());
      if (!url.pathname.startsWith('/api/') || r.status() < 400 || !this.counting) return;
      this.problems.push({
        screen: this.screen,
        kind: 'http',
        detail: `${r.status()} ${r.request().method()} ${url.pathname}${url.search}`,
      });
    });
    page.on('console', (m) => {
      if (m.type() !== 'error' && m.type() !== 'warning') return;
      // The browser's own line for a failed request repeats what the response listener records.
      if (m.text().startsWith('Failed to load resource')) return;
      this.problems.push({ screen: this.screen, kind: 'console', detail: `${m.type()}: ${m.text()}` });
    });
    page.on('pageerror', (e) =>
      this.problems.push({ screen: this.screen, kind: 'pageerror', detail: e.message }),
    );
  }

  signedIn() {
    this.counting = true;
  }

  /** Until nothing spins in the content and no API request is open, two frames in a row. */
  async settle() {
    for (let quiet = 0; quiet < 2;) {
      await this.page.evaluate(
        () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
      );
      const spinning = await this.page.locator('.shell__content .ant-spin-spinning').count();
      if (spinning === 0 && this.inflight.size === 0) quiet++;
      else {
        quiet = 0;
        if (this.inflight.size > 0)
          await this.page.waitForEvent('requestfinished', { timeout: 15_000 }).catch(() => undefined);
        else
          await this.page
            .locator('.shell__content .ant-spin-spinning')
            .first()
            .waitFor({ state: 'detached', timeout: 15_000 })
            .catch(() => undefined);
      }
    }
  }

  /** Opens an in-app address the way a link does (the router's history), and waits for it to settle. */
  async open(href: string) {
    this.screen = href;
    await this.page.evaluate((h) => {
      history.pushState({}, '', h);
      dispatchEvent(new PopStateEvent('popstate'));
    }, href);
    await this.page.waitForURL((u) => u.pathname + u.search === href || u.pathname === href.split('?')[0]);
    await this.settle();
  }
}
