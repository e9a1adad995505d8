import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, shot } from './browser.js';
import { AppPage } from './pages/app.page.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A new province's unit list as people make it: a title row, then the template's headings. */
async function provinceFile(rows: (string | null)[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Đơn vị');
  ws.addRow(['DANH SÁCH ĐƠN VỊ TỈNH MẪU']);
  ws.mergeCells('A1:F1');
  ws.addRow([
    'Mã đơn vị',
    'Mã đơn vị cấp trên',
    'Tên (tiếng Việt)',
    'Tên (tiếng Anh)',
    'Tên (tiếng Ả Rập)',
    'Loại đơn vị',
  ]);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const TREE: (string | null)[][] = [
  ['TM-X1', 'TM-H1', 'Xã Hòa Bình', 'Hoa Binh Commune', 'بلدية هوا بينه', 'commune'],
  ['TM-X2', 'TM-H1', 'Xã Tân Lập', 'Tan Lap Commune', 'بلدية تان لاب', 'commune'],
  ['TM-X3', 'TM-H1', 'Xã Đồng Tâm', 'Dong Tam Commune', null, 'Xã'],
  ['TM-H1', 'TM', 'Huyện Mẫu Sơn', 'Mau Son District', null, 'district'],
  ['TM-H2', 'TM', 'Huyện Tây Nguyên', null, null, 'district'],
  ['TM', null, 'Tỉnh Mẫu', 'Mau Province', 'مقاطعة ماو', 'province'],
  ['TM-STC', 'TM', 'Sở Tài chính tỉnh Mẫu', 'Mau Dept. of Finance', null, 'department'],
];

/**
 * The unit tree in bulk in the browser: an admin imports a new province's units from an XLSX
 * (a bad row first: its error shown, nothing written; then the fixed file), moves a commune to
 * another district, and merges two communes into a new one; the screens read in Arabic.
 */
describe('units in bulk in the browser', () => {
  const baseURL = inject('baseURL');
  let browser: Browser;
  let ctx: BrowserContext;
  let app: AppPage;
  let hanoi: number;

  const search = async (page: Page, text: string) => {
    const box = page.getByTestId('unit-search').locator('input');
    await box.fill('');
    await box.fill(text);
  };
  /** A dialog has finished opening (antd's zoom animation) before its picture is taken. */
  const settled = (page: Page) =>
    page.waitForFunction(() => !document.querySelector('.ant-zoom-appear, .ant-zoom-enter, .ant-zoom-leave'));
  const pick = async (page: Page, testId: string, text: string, option: string) => {
    await page.getByTestId(testId).click();
    await page.keyboard.type(text);
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option })
      .first()
      .click();
  };

  beforeAll(async () => {
    browser = await launch();
    ctx = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN' });
    app = new AppPage(await ctx.newPage(), baseURL);
    await app.signIn('admin@steerboard.vn');
    const programmes = (await app.page.evaluate(() => fetch('/api/v1/programmes').then((r) => r.json()))) as {
      id: number;
      code: string;
    }[];
    hanoi = programmes.find((p) => p.code === 'HN-NQ57')!.id;
  });
  afterAll(async () => {
    await ctx?.close();
    await browser?.close();
  });

  it('imports a province: a bad row is shown and nothing written; the fixed file goes in', async () => {
    const page = app.page;
    await app.goto(`/p/${hanoi}/units`);
    await page.getByTestId('unit-import-open').click();
    const dialog = page.getByTestId('unit-import');
    await dialog.waitFor();
    // The bad row first: a commune under a district code that does not exist.
    const bad = await provinceFile([['TM-X9', 'TM-KHONGCO', 'Xã Lỗi', null, null, 'commune'], ...TREE]);
    await page
      .getByTestId('unit-import-file')
      .setInputFiles({ name: 'tinh-mau.xlsx', mimeType: XLSX, buffer: bad });
    await dialog.getByTestId('unit-import-errors').waitFor();
    expect(await dialog.getByTestId('unit-import-errors').textContent()).toContain('TM-KHONGCO');
    expect(await dialog.getByTestId('unit-import-summary').textContent()).toContain('7/8');
    await dialog.getByTestId('unit-import-all').click();
    await dialog.getByTestId('unit-import-refused').waitFor();
    expect(await dialog.getByTestId('unit-import-refused').textContent()).toContain(
      'không dòng nào được nhập',
    );
    await settled(page);
    await shot(page, 'units-bulk-1-import-errors-vi');
    const none = (await page.evaluate(() =>
      fetch('/api/v1/units?q=tinh%20mau').then((r) => r.json()),
    )) as unknown[];
    expect(none).toHaveLength(0);

    const good = await provinceFile(TREE);
    await page
      .getByTestId('unit-import-file')
      .setInputFiles({ name: 'tinh-mau-sua.xlsx', mimeType: XLSX, buffer: good });
    await dialog.getByTestId('unit-import-rows').waitFor();
    expect(await dialog.getByTestId('unit-import-summary').textContent()).toContain('7/7');
    await dialog.getByTestId('unit-import-all').click();
    await dialog.getByTestId('unit-import-done').waitFor();
    await shot(page, 'units-bulk-2-imported-vi');
    await page.keyboard.press('Escape');
    await search(page, 'hoa binh');
    await page.getByTestId('unit-TM-X1').waitFor();
  });

  it('moves a commune to another district and merges two communes into a new one', async () => {
    const page = app.page;
    await page.getByTestId('unit-move-open').click();
    await pick(page, 'unit-move-unit', 'Đồng Tâm', 'Xã Đồng Tâm');
    await pick(page, 'unit-move-parent', 'Tây Nguyên', 'Huyện Tây Nguyên');
    await shot(page, 'units-bulk-3-move-vi');
    await page.getByTestId('unit-move-ok').click();
    await page.getByTestId('unit-move').waitFor({ state: 'detached' });
    const moved = (await page.evaluate(() =>
      fetch('/api/v1/units?q=TM-X3')
        .then((r) => r.json())
        .then((u: { id: number }[]) => fetch(`/api/v1/units/${u[0]!.id}`))
        .then((r) => r.json()),
    )) as { ancestors: { code: string }[] };
    expect(moved.ancestors.map((a) => a.code)).toEqual(['TM', 'TM-H2']);

    await page.getByTestId('unit-merge-open').click();
    await pick(page, 'unit-merge-units', 'Hòa Bình', 'Xã Hòa Bình');
    await pick(page, 'unit-merge-units', 'Tân Lập', 'Xã Tân Lập');
    await page.keyboard.press('Escape');
    await page.getByTestId('unit-merge-code').fill('TM-X12');
    await page.getByTestId('unit-merge-name-vi').fill('Xã Hòa Lập');
    await pick(page, 'unit-merge-parent', 'Mẫu Sơn', 'Huyện Mẫu Sơn');
    await shot(page, 'units-bulk-4-merge-vi');
    await page.getByTestId('unit-merge-ok').click();
    await page.getByTestId('unit-merge').waitFor({ state: 'detached' });
    await search(page, 'hoa');
    await page.getByTestId('unit-TM-X12').waitFor();
    // Merged units are history: not offered any more.
    expect(await page.getByTestId('unit-TM-X1').count()).toBe(0);
    const merged = (await page.evaluate(() =>
      fetch('/api/v1/units?q=TM-X12')
        .then((r) => r.json())
        .then((u: { id: number }[]) => fetch(`/api/v1/units?parentId=${u[0]!.id}`))
        .then((r) => r.json()),
    )) as { code: string; mergedInto: unknown }[];
    expect(merged.map((u) => u.code).sort()).toEqual(['TM-X1', 'TM-X2']);
    await shot(page, 'units-bulk-5-merged-vi');
  });

  it('reads in Arabic: the dialogs and a row error', async () => {
    const page = app.page;
    await app.switchLanguage('ar');
    await page.getByTestId('unit-import-open').click();
    const dialog = page.getByTestId('unit-import');
    const bad = await provinceFile([['TM-X9', 'TM-KHONGCO', 'Xã Lỗi', null, null, 'commune']]);
    await page
      .getByTestId('unit-import-file')
      .setInputFiles({ name: 'tinh-mau.xlsx', mimeType: XLSX, buffer: bad });
    await dialog.getByTestId('unit-import-errors').waitFor();
    expect(await dialog.getByTestId('unit-import-errors').textContent()).toContain('لا توجد وحدة أم');
    await shot(page, 'units-bulk-6-import-errors-ar');
    await page.keyboard.press('Escape');
    await page.getByTestId('unit-merge-open').click();
    await page.getByTestId('unit-merge').waitFor();
    await settled(page);
    await shot(page, 'units-bulk-7-merge-ar');
  });
});
