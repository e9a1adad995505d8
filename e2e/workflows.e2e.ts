import ExcelJS from 'exceljs';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, shot } from './browser.js';
import { AppPage } from './pages/app.page.js';

type Page1<T> = { items: T[]; total: number };
type Item = { id: number; code: string; title: string; state: string; progress: number };

/** Everyday work beyond reading the overview: sign-in mistakes, search, export, the unit tree, an update. */
describe('everyday work in the browser', () => {
  const baseURL = inject('baseURL');
  let browser: Browser;
  let ctx: BrowserContext;
  let app: AppPage;
  let hanoi: number;

  beforeAll(async () => {
    browser = await launch();
    ctx = await browser.newContext({
      viewport: { width: 1366, height: 900 },
      locale: 'vi-VN',
      acceptDownloads: true,
    });
    app = new AppPage(await ctx.newPage(), baseURL);
  });
  afterAll(async () => {
    await ctx?.close();
    await browser?.close();
  });

  it('a wrong password is refused with a message in Vietnamese, and nothing else opens', async () => {
    await app.page.goto(baseURL + '/');
    await app.page.getByTestId('login-email').fill('chair@hanoi.steerboard.vn');
    await app.page.getByTestId('login-password').fill('wrong-password');
    await app.page.getByTestId('login-submit').click();
    const error = app.page.getByTestId('login-error');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/mật khẩu/i);
    expect(await app.page.getByTestId('programme-picker').count()).toBe(0);
    await app.signIn('chair@hanoi.steerboard.vn');
    const programmes = await app.page.evaluate(() => fetch('/api/v1/programmes').then((r) => r.json()));
    hanoi = (programmes as { id: number; code: string }[]).find((p) => p.code === 'HN-NQ57')!.id;
  });

  it('searching without diacritics finds the Vietnamese titles, and the URL keeps the filter', async () => {
    await app.goto(`/p/${hanoi}/tasks`);
    await app.taskRows().first().waitFor();
    await app.page.getByTestId('filter-q').fill('ha tang');
    await app.page.waitForURL(/q=ha\+tang|q=ha%20tang/);
    const api = (await app.page.evaluate(
      (p) => fetch(`/api/v1/tasks?programmeId=${p}&q=ha%20tang&limit=1000`).then((r) => r.json()),
      hanoi,
    )) as Page1<Item>;
    expect(api.total).toBeGreaterThan(0);
    await app.page.waitForFunction(
      (n) => document.querySelector('[data-testid="task-count"]')?.textContent?.includes(`/ ${n}`),
      api.total,
    );
    // Code, title and deliverable are searched; the titles found include the accented words.
    expect(api.items.some((t) => /hạ tầng/i.test(t.title))).toBe(true);
    await shot(app.page, 'tasks-search-ha-tang');
  });

  it('a long list loads the next page as it scrolls and renders only the rows on screen', async () => {
    await app.goto(`/p/${hanoi}/tasks`);
    await app.taskRows().first().waitFor();
    const count = app.page.getByTestId('task-count');
    expect(await count.textContent()).toMatch(/200 \/ 213/);
    await app.page.getByTestId('task-table').locator('.ant-table-tbody-virtual-holder').hover();
    for (let i = 0; i < 5 && !/213 \/ 213/.test((await count.textContent()) ?? ''); i++) {
      await app.page.mouse.wheel(0, 20_000);
      await app.page.waitForTimeout(300);
    }
    expect(await count.textContent()).toMatch(/213 \/ 213/);
    // Virtualised: far fewer rows in the document than in the list.
    expect(await app.taskRows().count()).toBeLessThan(60);
  });

  it('exports the filtered list to a real workbook with the same rows', async () => {
    await app.goto(`/p/${hanoi}/tasks?state=overdue`);
    await app.taskRows().first().waitFor();
    const [download] = await Promise.all([
      app.page.waitForEvent('download'),
      app.page.getByTestId('export-xlsx').click(),
    ]);
    const file = await download.path();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(1).value).toBe('Mã');
    expect(ws.rowCount - 1).toBe(30);
    const states = new Set<string>();
    ws.eachRow((row, n) => {
      if (n > 1) states.add(String(row.getCell(9).value));
    });
    expect([...states]).toEqual(['Quá hạn']);
  });

  it('the unit tree opens on the city with its departments and communes and their counts', async () => {
    await app.goto(`/p/${hanoi}/units`);
    const tree = app.page.getByTestId('unit-tree');
    await tree.getByText('Phường Hoàn Kiếm', { exact: true }).waitFor();
    expect(await tree.getByText('Sở Khoa học và Công nghệ', { exact: true }).count()).toBe(1);
    await shot(app.page, 'unit-tree-vi');
  });

  it('a commune officer updates the progress of its task; the history records it', async () => {
    await app.signOut();
    await app.signIn('officer.hoankiem@hanoi.steerboard.vn');
    const units = (await app.page.evaluate(() =>
      fetch('/api/v1/units?q=hoan%20kiem').then((r) => r.json()),
    )) as { id: number; kind: string }[];
    const ward = units.find((u) => u.kind === 'ward')!.id;
    // An officer may update the tasks its unit leads (coordinating units report, they do not edit).
    const list = (await app.page.evaluate(
      ([p, u]) =>
        fetch(`/api/v1/tasks?programmeId=${p}&unitId=${u}&unitRole=lead&state=in_progress&limit=100`).then(
          (r) => r.json(),
        ),
      [hanoi, ward] as const,
    )) as Page1<Item>;
    const task = list.items.find((t) => t.progress < 99);
    expect(task, 'the demo gives Hoàn Kiếm a task in progress').toBeDefined();
    await app.goto(`/p/${hanoi}/tasks/${task!.id}`);
    await app.page.getByTestId('task-detail-title').waitFor();
    await app.page.getByTestId('progress-input').fill(String(task!.progress + 1));
    await app.page.getByTestId('progress-save').click();
    await app.page.waitForFunction(
      (n) => document.querySelector('[data-testid="task-history"]')?.textContent?.includes(`→ ${n}`),
      task!.progress + 1,
    );
    const after = (await app.page.evaluate(
      (id) => fetch(`/api/v1/tasks/${id}`).then((r) => r.json()),
      task!.id,
    )) as Item;
    expect(after.progress).toBe(task!.progress + 1);
    await shot(app.page, 'officer-progress-updated');
  });

  it('text that looks like HTML is shown as text, never run', async () => {
    await app.signOut();
    await app.signIn('standing@hanoi.steerboard.vn');
    const title = '<img src=x onerror="window.__pwned=1"><b>Bold?</b> & "quotes"';
    const created = (await app.page.evaluate(
      async ([p, t]) => {
        const units = await fetch('/api/v1/units?q=so%20noi%20vu').then((r) => r.json());
        const res = await fetch('/api/v1/tasks', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-steerboard-csrf': '1' },
          body: JSON.stringify({
            programmeId: p,
            code: 'E2E-HTML-1',
            title: t,
            assignedLevel: 'city',
            leadUnitId: units[0].id,
            deadline: '2099-12-31',
          }),
        });
        return { status: res.status, body: await res.json() };
      },
      [hanoi, title] as const,
    )) as { status: number; body: { id: number } };
    expect(created.status).toBe(201);
    await app.goto(`/p/${hanoi}/tasks/${created.body.id}`);
    const heading = app.page.getByTestId('task-detail-title');
    await heading.waitFor();
    expect(await heading.textContent()).toContain(title);
    expect(await heading.locator('img, b').count()).toBe(0);
    expect(await app.page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  });
});
