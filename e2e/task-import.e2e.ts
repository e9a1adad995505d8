import ExcelJS from 'exceljs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, shot } from './browser.js';
import { AppPage } from './pages/app.page.js';

/**
 * Tasks from a spreadsheet in the browser: the standing agency previews a plan's table (a title
 * row above the header), sees the refused row with its reason, imports the valid rows; the
 * recurring one shows its rhythm on its page. In Vietnamese, then in Arabic, and on a phone.
 */
describe('importing tasks in the browser', () => {
  const baseURL = inject('baseURL');
  let browser: Browser;
  let ctx: BrowserContext;
  let file: string;

  const as = async (email: string, width = 1366) => {
    await ctx?.close();
    ctx = await browser.newContext({ viewport: { width, height: 900 }, locale: 'vi-VN' });
    const app = new AppPage(await ctx.newPage(), baseURL);
    await app.signIn(email);
    return app;
  };

  /** The drawer slides in: a screenshot waits for its animations to end. */
  const settled = (app: AppPage) =>
    app.page.waitForFunction(() =>
      // Finite animations only: an indeterminate progress bar or a spinner runs for ever.
      document
        .getAnimations()
        .every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
    );

  beforeAll(async () => {
    browser = await launch();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Phụ lục');
    ws.addRow(['DANH MỤC NHIỆM VỤ NĂM 2026']);
    ws.addRow([
      'Mã nhiệm vụ',
      'Tên nhiệm vụ',
      'Mã đơn vị chủ trì',
      'Mã đơn vị phối hợp',
      'Thời hạn',
      'Lặp lại',
    ]);
    ws.addRow(['E2E-1', 'Số hóa hồ sơ đất đai', 'HN-STC', null, '30/06/2026', null]);
    ws.addRow(['E2E-2', 'Báo cáo tiến độ chuyển đổi số', 'HN-STC', null, '31/12/2026', 'hằng tháng']);
    ws.addRow(['E2E-3', 'Đơn vị không có', 'KHONG-CO', null, '31/12/2026', null]);
    const dir = await mkdtemp(path.join(tmpdir(), 'sb-e2e-'));
    file = path.join(dir, 'ke-hoach.xlsx');
    await writeFile(file, Buffer.from(await wb.xlsx.writeBuffer()));
  });
  afterAll(async () => {
    await ctx?.close();
    await browser?.close();
  });

  it('previews, shows the refused row, imports the valid rows; the recurring task shows its rhythm', async () => {
    const standing = await as('standing@hanoi.steerboard.vn');
    const programmes = (await standing.page.evaluate(() =>
      fetch('/api/v1/programmes').then((r) => r.json()),
    )) as {
      id: number;
      code: string;
    }[];
    const hanoi = programmes.find((p) => p.code === 'HN-NQ57')!.id;
    await standing.goto(`/p/${hanoi}/tasks`);
    await standing.page.getByTestId('task-import-open').click();
    await standing.page.getByTestId('task-import-file').setInputFiles(file);
    const errors = standing.page.getByTestId('task-import-errors');
    await errors.waitFor();
    expect(await errors.textContent()).toContain('không có đơn vị mã "KHONG-CO" trong chương trình');
    await settled(standing);
    await shot(standing.page, 'task-import-1-preview-vi');
    await standing.page.getByTestId('task-import-valid').click();
    await standing.page.getByTestId('task-import-done').waitFor();
    expect(await standing.page.getByTestId('task-import-done').textContent()).toContain('Đã tạo 2');
    await shot(standing.page, 'task-import-2-done-vi');

    const id = (
      (await standing.page.evaluate(
        (p) => fetch(`/api/v1/tasks?programmeId=${p}&q=E2E-2`).then((r) => r.json()),
        hanoi,
      )) as { items: { id: number }[] }
    ).items[0]!.id;
    await standing.goto(`/p/${hanoi}/tasks/${id}`);
    await standing.page.getByTestId('task-recurrence').waitFor();
    expect(await standing.page.getByTestId('task-recurrence').textContent()).toContain('Hằng tháng');
    await shot(standing.page, 'task-import-3-recurring-vi');

    await standing.switchLanguage('ar');
    await standing.goto(`/p/${hanoi}/tasks`);
    await standing.page.getByTestId('task-import-open').click();
    await standing.page.getByTestId('task-import-file').setInputFiles(file);
    await standing.page.getByTestId('task-import-errors').waitFor();
    // Now E2E-1 and E2E-2 exist: they are updates (unchanged), E2E-3 is still refused.
    expect(await standing.page.getByTestId('task-import-errors').textContent()).toContain('KHONG-CO');
    await settled(standing);
    await shot(standing.page, 'task-import-4-preview-ar');

    const phone = await as('standing@hanoi.steerboard.vn', 390);
    await phone.goto(`/p/${hanoi}/tasks/${id}`);
    await phone.page.getByTestId('task-recurrence').waitFor();
    await shot(phone.page, 'task-import-5-recurring-390', { fullPage: true });
  });
});
