import type { Page } from 'playwright-core';

/** What the flows do on the screens, in one place: specs read as steps, selectors live here. */
export class AppPage {
  constructor(
    readonly page: Page,
    readonly baseURL: string,
  ) {}

  async signIn(email: string, password = 'Demo@2025vn') {
    await this.page.goto(this.baseURL + '/');
    await this.page.getByTestId('login-email').fill(email);
    await this.page.getByTestId('login-password').fill(password);
    await this.page.getByTestId('login-submit').click();
    await this.page.getByTestId('programme-picker').waitFor();
  }

  async signOut() {
    await this.page.getByTestId('logout').click();
    await this.page.getByTestId('login-email').waitFor();
  }

  /** The number shown on a state's summary card of the overview. */
  async summaryCount(state: string): Promise<number> {
    const card = this.page.getByTestId(`summary-card-${state}`);
    await card.waitFor();
    const text = (await card.getByTestId('summary-card-value').textContent()) ?? '';
    return Number(text.replace(/[^\d]/g, ''));
  }

  /** The number on a state's card of the cockpit. */
  async cockpitCount(state: string): Promise<number> {
    const card = this.page.getByTestId(`cockpit-state-${state}`);
    await card.waitFor();
    const text = (await card.getByTestId('cockpit-state-value').textContent()) ?? '';
    return Number(text.replace(/[^\d]/g, ''));
  }

  /** Picks a day in the "as of" calendar (going back month by month as a person would). */
  async pickAsOf(iso: string) {
    await this.page.getByTestId('as-of-picker').click();
    const cell = this.page.locator(`td[title="${iso}"]:not(.ant-picker-cell-disabled)`);
    for (let i = 0; i < 24 && !(await cell.isVisible()); i++)
      await this.page.locator('.ant-picker-header-prev-btn').first().click();
    await cell.click();
  }

  async openProgramme(nameFragment: RegExp) {
    await this.page.getByTestId('programme-picker').click();
    await this.page.getByRole('option', { name: nameFragment }).click();
  }

  async goto(path: string) {
    await this.page.goto(this.baseURL + path);
  }

  async switchLanguage(lang: 'vi' | 'en' | 'ar') {
    await this.page.getByTestId('lang-switch').click();
    await this.page.getByTestId(`lang-option-${lang}`).click();
    await this.page.waitForFunction((l) => document.documentElement.lang === l, lang);
  }

  taskRows() {
    return this.page.locator('[data-testid^="task-row-"]');
  }
}
