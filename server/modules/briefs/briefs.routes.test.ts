import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Brief } from '../../../shared/schemas/briefs.js';
import type { Cockpit } from '../../../shared/schemas/cockpit.js';
import { makeWorld, type World } from '../../test/factories.js';
import { testApp, type Caller, type TestApp } from '../../test/harness.js';
import { libreOffice } from './brief.pdf.js';

const run = promisify(execFile);
const ARTIFACTS = path.resolve('e2e/artifacts');

/** The weekly brief: generated from the record, opened and read back, archived, refused when it must be. */
describe('weekly brief', () => {
  let t: TestApp;
  let w: World;
  const as: Record<string, Caller> = {};
  const generate = (who: string, payload: object) =>
    as[who]!({ method: 'POST', url: `/api/v1/programmes/${w.p1.id}/briefs`, payload, lang: 'en' });
  const file = async (id: number) => {
    const r = await as.steering!({ method: 'GET', url: `/api/v1/briefs/${id}/file` });
    expect(r.statusCode).toBe(200);
    return r.rawPayload;
  };
  const documentXml = async (buf: Buffer) => {
    const zip = await JSZip.loadAsync(buf);
    return {
      xml: await zip.file('word/document.xml')!.async('string'),
      media: Object.keys(zip.files).filter((f) => f.startsWith('word/media/')),
    };
  };

  beforeAll(async () => {
    // Monday 10 November 2025, after week 45's list (due Friday 7th) is drawn.
    t = await testApp({ today: '2025-11-10' });
    w = await makeWorld(t.database.db);
    for (const [k, u] of Object.entries(w.u)) as[k] = await t.login(u.email);
  });
  afterAll(() => t.close());

  it('writes itself once the period’s warning list is published (DOCX and XLSX)', async () => {
    const drawn = await as.standing!({
      method: 'POST',
      url: '/api/v1/warning-lists/compute',
      payload: { programmeId: w.p1.id, period: '2025-W45' },
    });
    expect(drawn.statusCode, drawn.body).toBe(200);
    await as.steering!({ method: 'POST', url: `/api/v1/warning-lists/${drawn.json().id}/publish` });
    let list: Brief[] = [];
    for (let i = 0; i < 100 && list.length < 2; i++) {
      await new Promise((r) => setTimeout(r, 100));
      list = (await as.steering!({ method: 'GET', url: `/api/v1/briefs?programmeId=${w.p1.id}` })).json();
    }
    expect(list.map((b) => `${b.period}/${b.format}/${b.lang}`).sort()).toEqual([
      '2025-W45/docx/vi',
      '2025-W45/xlsx/vi',
    ]);
  });

  it('DOCX: the administrative layout and the figures of the cockpit as of the draw day', async () => {
    const r = await generate('standing', { period: '2025-W45', format: 'docx', lang: 'vi' });
    expect(r.statusCode, r.body).toBe(200);
    const b = r.json() as Brief;
    console.info(`weekly brief (DOCX, hand-made programme): generated in ${b.tookMs} ms, ${b.bytes} bytes`);
    expect(b).toMatchObject({ period: '2025-W45', format: 'docx', lang: 'vi', asOf: '2025-11-07' });
    const { xml, media } = await documentXml(await file(b.id));
    for (const text of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: ……/BC-BCĐ',
      'BÁO CÁO TUẦN',
      'Phường Hoàn Kiếm',
      'A-OVERDUE · Số hóa hồ sơ Hoàn Kiếm',
    ])
      expect(xml).toContain(text);
    expect(xml).toContain('w:w="11906" w:h="16838"'); // A4
    expect(xml).toMatch(/w:ascii="Times New Roman"/);
    expect(xml).toMatch(/<w:sz w:val="28"\/>/); // 14 pt
    expect(media.length).toBe(2); // the charts, as images
    // HTML in a task title stays text.
    expect(xml).not.toContain('<script>');
  });

  it('XLSX: one sheet per section, numbers and dates typed, equal to the cockpit', async () => {
    const r = await generate('standing', { period: '2025-W45', format: 'xlsx', lang: 'en' });
    expect(r.statusCode, r.body).toBe(200);
    const cockpit = (
      await as.steering!({
        method: 'GET',
        url: `/api/v1/programmes/${w.p1.id}/cockpit?asOf=2025-11-07&weeks=2`,
      })
    ).json() as Cockpit;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await file(r.json().id)) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual([
      'HEADLINE FIGURES',
      'Assigned level',
      'WARNING LIST',
      'OVERDUE TASKS BY UNIT',
      'REPORTING DISCIPLINE',
      'ADJUSTMENTS DECIDED',
    ]);
    const head = wb.getWorksheet('HEADLINE FIGURES')!;
    const overdue = head.getRows(2, 5)!.find((row) => row.getCell(1).value === 'Overdue')!;
    expect(overdue.getCell(3).value).toBe(cockpit.summary.byState.overdue);
    expect(overdue.getCell(2).value).toBe(cockpit.trend[0]!.byState.overdue);
    expect(head.getRow(7).getCell(3).value).toBe(cockpit.summary.total);
    const tasks = wb.getWorksheet('OVERDUE TASKS BY UNIT')!;
    expect(tasks.getRow(2).getCell(3).value).toEqual(new Date('2025-10-31T00:00:00Z'));
    expect(tasks.getRow(2).getCell(4).value).toBe(7);
    const list = wb.getWorksheet('WARNING LIST')!;
    expect(list.rowCount).toBe(4); // header + the three units listed in week 45
  });

  it('Arabic: right to left, Arabic words', async () => {
    const r = await generate('steering', { period: '2025-W45', format: 'docx', lang: 'ar' });
    expect(r.statusCode, r.body).toBe(200);
    const { xml } = await documentXml(await file(r.json().id));
    expect(xml).toContain('التقرير الأسبوعي');
    expect(xml).toContain('<w:bidi/>');
    expect(xml).toContain('<w:rtl/>');
  });

  it('PDF through LibreOffice when installed (first page kept as PNG to look at); a clear 503 when not', async () => {
    const lo = await libreOffice();
    const started = Date.now();
    const r = await generate('standing', { period: '2025-W45', format: 'pdf', lang: 'vi' });
    if (!lo) {
      expect(r.statusCode).toBe(503);
      expect(r.json().error.code).toBe('pdf_unavailable');
      return;
    }
    expect(r.statusCode, r.body).toBe(200);
    console.info(`weekly brief (PDF via LibreOffice): ${Date.now() - started} ms`);
    const pdf = await file(r.json().id);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const dir = await mkdtemp(path.join(tmpdir(), 'sb-pdf-'));
    await writeFile(path.join(dir, 'b.pdf'), pdf);
    try {
      await run('pdftoppm', [
        '-png',
        '-r',
        '80',
        '-f',
        '1',
        '-l',
        '1',
        path.join(dir, 'b.pdf'),
        path.join(dir, 'p'),
      ]);
      await mkdir(ARTIFACTS, { recursive: true });
      const png = await readFile(path.join(dir, 'p-1.png'));
      await writeFile(path.join(ARTIFACTS, 'brief-page-1-vi.png'), png);
      expect(png.subarray(1, 4).toString()).toBe('PNG');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e; // no poppler: the PDF itself was checked
    }
  }, 180_000);

  it('is refused to units and to other programmes, and for bad input', async () => {
    expect((await generate('officerA', { period: '2025-W45' })).statusCode).toBe(403);
    expect((await generate('inspector', { period: '2025-W45' })).statusCode).toBe(403);
    expect((await generate('steeringNA', { period: '2025-W45' })).statusCode).toBe(404);
    expect(
      (await as.officerA!({ method: 'GET', url: `/api/v1/briefs?programmeId=${w.p1.id}` })).statusCode,
    ).toBe(403);
    const list = (
      await as.inspector!({ method: 'GET', url: `/api/v1/briefs?programmeId=${w.p1.id}` })
    ).json() as Brief[];
    expect(list.length).toBeGreaterThan(0);
    expect(
      (await as.officerA!({ method: 'GET', url: `/api/v1/briefs/${list[0]!.id}/file` })).statusCode,
    ).toBe(403);
    expect(
      (await as.steeringNA!({ method: 'GET', url: `/api/v1/briefs/${list[0]!.id}/file` })).statusCode,
    ).toBe(404);
    expect((await generate('standing', { period: 'W45' })).statusCode).toBe(400);
    expect((await generate('standing', { period: '2025-W45', format: 'odt' })).statusCode).toBe(400);
    expect((await generate('standing', { period: '2025-W45', extra: 1 })).statusCode).toBe(400);
    const future = await generate('standing', { period: '2026-W10' });
    expect(future.statusCode).toBe(422);
    expect(future.json().error.code).toBe('period_not_open');
  });
});
