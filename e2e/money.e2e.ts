import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PAYMENTS_SHEET } from '../server/modules/money/money.import.js';
import { launch, shot } from './browser.js';
import { AppPage } from './pages/app.page.js';

/** A Treasury-like statement: the template's header row (Vietnamese) and its payment lines. */
async function statement(rows: (string | number | Date)[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Bảng kê KBNN');
  ws.addRow([...PAYMENTS_SHEET.headers.vi]);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const get = <T>(page: Page, path: string) =>
  page.evaluate((p) => fetch(`/api/v1${p}`).then((r) => r.json()), path) as Promise<T>;

const addDays = (iso: string, n: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const vnDay = (iso: string) => iso.split('-').reverse().join('/');

/**
 * Disbursement in the browser (issue 5): the standing agency creates a capital plan for a unit
 * that had none, a payment dated after the "as of" day is refused, a Treasury-like XLSX of
 * payments is previewed and imported, the rate and the year-end forecast move, and, the draft
 * warning list drawn again as of its due day, the unit appears on it below the threshold curve.
 */
describe('capital plans and disbursement in the browser', () => {
  const baseURL = inject('baseURL');
  let browser: Browser;
  let ctx: BrowserContext;

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await ctx?.close();
    await browser?.close();
  });

  it('creates a plan, imports a Treasury statement, sees the rate and forecast move and the unit on the warning list', async () => {
    ctx = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN' });
    const app = new AppPage(await ctx.newPage(), baseURL);
    await app.signIn('standing@hanoi.steerboard.vn');
    const before = await app.page.evaluate(() => document.documentElement.lang);
    await app.switchLanguage('vi');
    const page = app.page;
    const hanoi = (await get<{ id: number; code: string }[]>(page, '/programmes')).find(
      (p) => p.code === 'HN-NQ57',
    )!.id;

    // The draft list of the last week due, and a ward that holds no capital plan and is not on it.
    const lists = await get<{ id: number; period: string; status: string; dueAt: string }[]>(
      page,
      `/warning-lists?programmeId=${hanoi}`,
    );
    const draft = lists.find((l) => l.status === 'draft')!;
    expect(draft).toBeDefined();
    const listed = await get<{ units: { unit: { code: string } }[] }>(page, `/warning-lists/${draft.id}`);
    const dueDay = new Date(Date.parse(draft.dueAt) + 7 * 3_600_000).toISOString().slice(0, 10);
    const paidOn = addDays(dueDay, -3);
    const year = Number(paidOn.slice(0, 4));
    const planned = new Set(
      (await get<{ unit: { code: string } }[]>(page, `/money/plans?programmeId=${hanoi}&year=${year}`)).map(
        (p) => p.unit.code,
      ),
    );
    const programme = (await get<{ id: number; rootUnitId: number }[]>(page, '/programmes')).find(
      (p) => p.id === hanoi,
    )!;
    const wards = await get<{ id: number; code: string; name: { vi: string }; kind: string }[]>(
      page,
      `/units?programmeId=${hanoi}&parentId=${programme.rootUnitId}`,
    );
    const ward = wards.find(
      (u) =>
        ['ward', 'commune'].includes(u.kind) &&
        !planned.has(u.code) &&
        !listed.units.some((x) => x.unit.code === u.code),
    )!;
    expect(ward).toBeDefined();
    const code = `KHV-E2E-${Date.now() % 100_000}`;

    // The figures before.
    await app.goto(`/p/${hanoi}/money`);
    const rate = page.getByTestId('money-rate').locator('.ant-statistic-content');
    const backlog = page.getByTestId('money-backlog-pace');
    await rate.waitFor();
    const rateBefore = await rate.textContent();
    const backlogBefore = await backlog.textContent();

    // A new plan: 10 billion đồng for the ward, typed without grouping and regrouped per locale.
    await page.getByTestId('plan-new').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('plan-code').fill(code);
    await dialog.getByTestId('filter-unit').click();
    await page.keyboard.type(ward.name.vi);
    await page.locator('.ant-select-item-option', { hasText: ward.name.vi }).first().click();
    await dialog.getByTestId('plan-project').fill('Hạ tầng mạng và thiết bị một cửa (e2e)');
    await dialog
      .locator('input[data-testid="plan-year"], [data-testid="plan-year"] input')
      .fill(String(year));
    await dialog.getByTestId('plan-amount').fill('10000000000');
    await dialog.getByTestId('plan-amount').blur();
    expect(await dialog.getByTestId('plan-amount').inputValue()).toBe('10.000.000.000');
    await dialog.getByTestId('plan-save').click();
    await page.getByTestId('plan-detail').or(dialog.getByTestId('plan-error')).waitFor();
    if (await dialog.getByTestId('plan-error').isVisible())
      throw new Error(`plan refused: ${await dialog.getByTestId('plan-error').textContent()}`);
    const planPath = new URL(page.url()).pathname;
    expect(await page.getByTestId('plan-allocated').textContent()).toContain('10.000.000.000');
    expect(await page.getByTestId('plan-revisions').locator('tbody tr').count()).toBe(1);

    // A payment dated after today is refused, and says why.
    await page.getByTestId('plan-pay').click();
    const pay = page.getByRole('dialog');
    const date = pay.locator('input[data-testid="payment-date"], [data-testid="payment-date"] input');
    await date.click();
    await date.fill(vnDay(addDays(new Date().toISOString().slice(0, 10), 3)));
    await date.press('Enter');
    await pay.getByTestId('payment-amount').fill('1.000.000');
    await pay.getByTestId('payment-save').click();
    await pay.getByTestId('payment-error').filter({ hasText: 'ở tương lai' }).waitFor();
    await shot(page, 'money-1-payment-refused-vi');
    await pay.getByRole('button', { name: /Hủy|Cancel/ }).click();
    expect(await page.getByTestId('plan-payments').locator('tbody tr.ant-table-row').count()).toBe(0);

    // The Treasury statement: previewed (nothing written), then imported whole.
    await app.goto(`/p/${hanoi}/money`);
    const file = await statement([[code, new Date(`${paidOn}T00:00:00Z`), 2_000_000_000, 'KBNN-E2E-0001']]);
    await page.getByTestId('payments-import-file').setInputFiles({
      name: 'bang-ke-kbnn.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: file,
    });
    await page.getByTestId('payments-import-summary').filter({ hasText: '1/1' }).waitFor();
    await page.getByTestId('payments-import').scrollIntoViewIfNeeded();
    await shot(page, 'money-2-import-preview-vi');
    await page.getByTestId('payments-import-all').click();
    await page.getByTestId('payments-import-done').waitFor();

    // The rate and the year-end forecast move.
    await page.waitForFunction(([sel, old]) => document.querySelector(sel)?.textContent !== old, [
      '[data-testid="money-rate"] .ant-statistic-content',
      rateBefore,
    ] as const);
    expect(await rate.textContent()).not.toBe(rateBefore);
    expect(await backlog.textContent()).not.toBe(backlogBefore);
    await app.goto(planPath);
    expect(await page.getByTestId('plan-rate').textContent()).toContain('20,00%');
    expect(await page.getByTestId('plan-payments').textContent()).toContain('KBNN-E2E-0001');

    // The draft list drawn again as of its due day: the ward is below the threshold curve.
    await app.goto(`/p/${hanoi}/warnings/${draft.period}`);
    await page.getByTestId('warning-status').filter({ hasText: 'Dự thảo' }).waitFor();
    expect(await page.getByTestId(`warning-unit-${ward.code}`).count()).toBe(0);
    await page.getByTestId('recompute-warnings').click();
    const row = page.locator('tr', { has: page.getByTestId(`warning-unit-${ward.code}`) });
    await row.filter({ hasText: 'Giải ngân 20,00% dưới ngưỡng' }).waitFor();
    await shot(page, 'money-3-warning-list-vi');

    // The same screens read in Arabic, then the account's language as it was.
    await app.switchLanguage('ar');
    await app.goto(`/p/${hanoi}/money`);
    await page.getByTestId('money-weekly').waitFor();
    await shot(page, 'money-4-disbursement-ar');
    await page.getByTestId('plans-import').scrollIntoViewIfNeeded();
    await shot(page, 'money-5-imports-ar');
    await app.goto(planPath);
    await page.getByTestId('plan-payments').waitFor();
    await shot(page, 'money-6-plan-ar');
    // The ward's page carries its plan and rate.
    await app.goto(`/p/${hanoi}/units/${ward.id}`);
    await page.getByTestId('unit-money').filter({ hasText: code }).waitFor();
    expect(await page.getByTestId('unit-money').textContent()).toContain('20.00%');
    // …and its standing on the 17 commune criteria and the infrastructure survey (met / all).
    await page.getByTestId('unit-criteria').nth(1).waitFor();
    expect(await page.getByTestId('unit-criteria').first().textContent()).toMatch(/\d+\/17/);
    await shot(page, 'money-7-unit-page-ar');
    await app.switchLanguage(before === 'ar' || before === 'en' ? before : 'vi');
  }, 240_000);
});
