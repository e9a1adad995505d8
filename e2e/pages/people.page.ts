import type { Page } from 'playwright-core';

/** The people screen, the set-password page and "Forgot password?", as a person uses them. */
export class PeoplePage {
  constructor(readonly page: Page) {}

  async importFile(name: string, buffer: Buffer) {
    await this.page.getByTestId('people-import-toggle').click();
    await this.page.getByTestId('people-import-file').setInputFiles({
      name,
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer,
    });
  }

  row(email: string) {
    return this.page.getByTestId(`person-row-${email}`);
  }

  /** Fills the set-password form of an invitation or reset link and submits it. */
  async setPassword(password: string) {
    await this.page.getByTestId('new-password').fill(password);
    await this.page.getByTestId('confirm-password').fill(password);
    await this.page.getByTestId('set-password').click();
  }

  async requestReset(email: string) {
    await this.page.getByTestId('forgot-link').click();
    await this.page.getByTestId('reset-email').fill(email);
    await this.page.getByTestId('reset-submit').click();
    await this.page.getByTestId('reset-sent').waitFor();
  }
}
