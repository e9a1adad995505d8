import type { BrowserContext, Page } from 'playwright-core';
import { vi } from '../../web/src/i18n/vi.js';

/** An i18n key as it would leak into a screen: a known top-level section, a dot, a code. */
const RAW_KEY = new RegExp(
  `(?<![\\w@/.:-])(?:${Object.keys(vi).join('|')})\\.[A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z0-9_]+)*`,
  'g',
);

/** Reads screens in one language and says what a reader would see untranslated. */
export class TranslationsPage {
  readonly missingKeys: string[] = [];

  private constructor(readonly page: Page) {
    page.on('console', (m) => {
      if (m.type() === 'error' && m.text().startsWith('i18n: missing key')) this.missingKeys.push(m.text());
    });
  }

  /** A page whose interface starts in `lang` (the choice a reader's device remembers). */
  static async open(ctx: BrowserContext, lang: 'vi' | 'en' | 'ar') {
    await ctx.addInitScript((l) => window.localStorage.setItem('steerboard.lang', l), lang);
    return new TranslationsPage(await ctx.newPage());
  }

  /** Raw keys in the visible text of the page. */
  async rawKeys(): Promise<string[]> {
    const text = await this.page.locator('body').innerText();
    return [...new Set(text.match(RAW_KEY) ?? [])];
  }

  async texts(selector: string): Promise<string[]> {
    return (await this.page.locator(selector).allInnerTexts()).map((s) => s.trim()).filter(Boolean);
  }
}
