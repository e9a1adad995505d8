import type { Page } from 'playwright-core';

/** The task form and the delegation screen, as a person fills them in. */
export class TaskFormPage {
  constructor(readonly page: Page) {}

  field(testId: string) {
    return this.page.getByTestId(testId);
  }

  async fill(testId: string, text: string) {
    await this.field(testId).fill(text);
  }

  /** Types into a searchable select and picks the first option offered (optionally one matching `name`). */
  async pick(testId: string, search: string | null, name?: RegExp) {
    const select = this.field(testId);
    await select.click();
    if (search !== null) await select.locator('input').fill(search);
    const options = this.page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    const option = name ? options.filter({ hasText: name }).first() : options.first();
    await option.waitFor();
    await option.click();
    await this.page.keyboard.press('Escape');
    // The next pick must not find this dropdown while it fades out.
    await this.page.waitForFunction(
      () =>
        ![...document.querySelectorAll('.ant-select-dropdown')].some((d) => (d as HTMLElement).offsetParent),
    );
  }

  /** Types a date (YYYY-MM-DD) into a date picker, in the DD/MM/YYYY the picker shows. */
  async date(testId: string, iso: string) {
    const [y, m, d] = iso.split('-');
    const input = this.page
      .locator(`[data-testid="${testId}"] input, input[data-testid="${testId}"]`)
      .first();
    await input.click();
    await input.fill(`${d}/${m}/${y}`);
    await input.press('Enter');
  }

  /** The error antd shows under a field (the server's message after a refusal). */
  fieldError(testId: string) {
    return this.page
      .locator('.ant-form-item')
      .filter({ has: this.page.getByTestId(testId) })
      .locator('.ant-form-item-explain-error');
  }
}
