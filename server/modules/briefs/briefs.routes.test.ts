import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Brief, BriefSending } from '../../../shared/schemas/briefs.js';
import type { Cockpit } from '../../../shared/schemas/cockpit.js';
import type { WeeklyTable } from '../../../shared/schemas/money.js';
import type { Obstacle } from '../../../shared/schemas/obstacles.js';
import type { Recommendation } from '../../../shared/schemas/recommendations.js';
import { createMailer } from '../../lib/mailer.js';
import { makeWorld, type World } from '../../test/factories.js';
import { startSmtpServer } from '../../test/smtp.js';
import { testApp, type Caller, type TestApp } from '../../test/harness.js';
import { libreOffice } from './brief.pdf.js';

const run = promisify(execFile);
const ARTIFACTS = path.resolve('e2e/artifacts');

/** The weekly brief: generated from the record, opened and read back, archived, refused when it must be. */
describe('weekly brief', () => {
  let t: TestApp;
  let w: World;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
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
    smtp = await startSmtpServer({ reject: (to) => to.startsWith('bounce@') });
    t = await testApp({ today: '2025-11-10', mailer: createMailer(smtp.url, 'steerboard@test.local')! });
    w = await makeWorld(t.database.db);
    for (const [k, u] of Object.entries(w.u)) as[k] = await t.login(u.email);
    await registers();
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  /** Money, obstacles and recommendations of week 45, entered through the API on their own days. */
  async function registers() {
    const api = async (who: string, method: 'POST' | 'PUT', url: string, payload: object) => {
      const r = await as[who]!({ method, url: `/api/v1${url}`, payload });
      expect(r.statusCode, `${url}: ${r.body}`).toBe(200);
      return r.json();
    };
    const obstacle = (title: string, dueOn: string, ownerUnitId = w.units.finance.id) =>
      api('standing', 'POST', '/obstacles', {
        programmeId: w.p1.id,
        title,
        description: 'x',
        category: 'legal',
        severity: 'high',
        raisedByUnitId: w.units.communeA.id,
        ownerUnitId,
        dueOn,
        taskIds: [],
      });
    t.clock.set('2025-10-20');
    await obstacle('Vướng cơ sở pháp lý chia sẻ dữ liệu', '2025-10-31'); // overdue by the 7th
    const res = await obstacle('Thiếu máy quét', '2025-11-30');
    await api('standing', 'POST', '/recommendations', {
      programmeId: w.p1.id,
      fromUnitId: w.units.communeA.id,
      toUnitId: w.units.finance.id,
      content: 'Đề nghị bố trí kinh phí máy quét',
      submittedOn: '2025-10-01',
    });
    const plan = await api('standing', 'POST', '/money/plans', {
      programmeId: w.p1.id,
      code: 'KH-A-2025',
      unitId: w.units.communeA.id,
      taskId: w.t.aOverdue.id,
      source: 'local_budget',
      year: 2025,
      amount: '2000000000',
    });
    await api('standing', 'POST', '/money/payments', {
      planId: plan.id,
      paidOn: '2025-03-10',
      amount: '500000000',
      reference: 'KB-1',
    });
    await api('standing', 'PUT', `/money/thresholds?programmeId=${w.p1.id}`, {
      points: [
        { byDay: '06-30', minRatePct: 30 },
        { byDay: '09-30', minRatePct: 60 },
      ],
    });
    t.clock.set('2025-11-04');
    await obstacle('Chưa có đường truyền', '2025-11-28'); // new in week 45
    await api('standing', 'POST', `/obstacles/${res.id}/status`, {
      version: res.version,
      status: 'resolved',
      resolution: 'Đã cấp máy',
    });
    t.clock.set('2025-11-10');
  }

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
    expect(media.length).toBe(3); // the charts, as images (the money chart among them)
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
      'DISBURSEMENT',
      'Minimum disbursement curve',
      'OBJECTIVES AND KEY RESULTS',
      'OBSTACLES',
      'RECOMMENDATIONS PAST DUE',
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
    // header + the three units listed in week 45, and Finance, late to answer a recommendation
    expect(list.rowCount).toBe(5);
  });

  it('the new sections (money, obstacles, recommendations) equal their services’ figures as of the draw day', async () => {
    const get = async (url: string) =>
      (await as.steering!({ method: 'GET', url: `/api/v1${url}`, lang: 'en' })).json();
    const q = `programmeId=${w.p1.id}&asOf=2025-11-07`;
    const weekly = (await get(`/money/weekly?${q}`)) as WeeklyTable;
    const obstacles = (await get(`/obstacles?${q}`)) as Obstacle[];
    const pastDue = (await get(`/recommendations?${q}&state=overdue`)) as Recommendation[];
    expect(weekly.totals).toMatchObject({ allocated: '2000000000', disbursed: '500000000', rate: '25.0000' });
    expect(pastDue.length).toBe(1);

    const x = await generate('standing', { period: '2025-W45', format: 'xlsx', lang: 'en' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await file(x.json().id)) as unknown as ArrayBuffer);
    const money = wb.getWorksheet('DISBURSEMENT')!;
    const total = money.getRow(2);
    expect(total.getCell(3).value).toBe(Number(weekly.totals.allocated));
    expect(total.getCell(4).value).toBe(Number(weekly.totals.disbursed));
    expect(total.getCell(5).value).toBe(Number(weekly.totals.rate));
    expect(total.getCell(7).value).toBe(Number(weekly.threshold!.minRatePct)); // 60 by 30 September
    expect(total.getCell(8).value).toBe('Yes'); // 25% < 60%
    expect(money.rowCount).toBe(1 + 1 + weekly.rows.length);
    expect(money.getRow(3).getCell(2).value).toBe(weekly.rows[0]!.unit.name);
    const curve = wb.getWorksheet('Minimum disbursement curve')!;
    expect(curve.getRow(2).getCell(1).value).toEqual(new Date('2025-06-30T00:00:00Z'));
    expect(curve.getRow(3).getCell(2).value).toBe(60);

    const obs = wb.getWorksheet('OBSTACLES')!;
    const rows = obs.getRows(2, obs.rowCount - 1)!.map((r) => ({
      group: r.getCell(1).value,
      title: r.getCell(2).value,
      raisedOn: r.getCell(6).value,
      daysOverdue: r.getCell(9).value,
    }));
    const byTitle = new Map(obstacles.map((o) => [o.title, o]));
    const expectNew = obstacles.filter((o) => o.raisedOn >= '2025-11-03' && o.raisedOn <= '2025-11-07');
    const expectOverdue = obstacles.filter((o) => o.overdue);
    const expectResolved = obstacles.filter(
      (o) => o.status === 'resolved' && o.resolvedOn! >= '2025-11-03' && o.resolvedOn! <= '2025-11-07',
    );
    expect(rows.filter((r) => r.group === 'New').map((r) => r.title)).toEqual(expectNew.map((o) => o.title));
    expect(rows.filter((r) => r.group === 'Past due').map((r) => r.title)).toEqual(
      expectOverdue.map((o) => o.title),
    );
    expect(rows.filter((r) => r.group === 'Resolved').map((r) => r.title)).toEqual(
      expectResolved.map((o) => o.title),
    );
    expect([expectNew.length, expectOverdue.length, expectResolved.length]).toEqual([1, 1, 1]);
    const late = rows.find((r) => r.group === 'Past due')!;
    expect(late.daysOverdue).toBe(7); // due 31 October, as of 7 November
    expect(late.raisedOn).toEqual(new Date(`${byTitle.get(late.title as string)!.raisedOn}T00:00:00Z`));

    const rec = wb.getWorksheet('RECOMMENDATIONS PAST DUE')!;
    expect(rec.rowCount).toBe(1 + pastDue.length);
    expect(rec.getRow(2).getCell(3).value).toBe(pastDue[0]!.content);
    expect(rec.getRow(2).getCell(5).value).toEqual(new Date(`${pastDue[0]!.answerDueOn}T00:00:00Z`));
    expect(rec.getRow(2).getCell(6).value).toBe(-pastDue[0]!.workingDaysLeft!);

    // The DOCX says the same, in words and tables.
    const d = await generate('standing', { period: '2025-W45', format: 'docx', lang: 'en' });
    const { xml, media } = await documentXml(await file(d.json().id));
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('V. DISBURSEMENT');
    // Amounts kept left to right (isolates), grouped by the reader's locale.
    expect(text).toContain('\u2066500,000,000\u2069 of \u20662,000,000,000\u2069 đồng disbursed');
    expect(text).toContain('25.00%');
    expect(text).toContain('BELOW THE THRESHOLD');
    expect(text).toContain('VIII. OBSTACLES');
    for (const o of [...expectNew, ...expectOverdue, ...expectResolved]) expect(text).toContain(o.title);
    expect(text).toContain('IX. RECOMMENDATIONS PAST DUE');
    expect(text).toContain(pastDue[0]!.content);
    expect(media.length).toBe(3); // the money chart too
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

  it('e-mail: recipients kept by the standing agency; the brief sent in each one’s language, the DOCX attached, every sending recorded', async () => {
    const add = (who: string, payload: object) =>
      as[who]!({
        method: 'POST',
        url: `/api/v1/programmes/${w.p1.id}/brief-recipients`,
        payload,
        lang: 'en',
      });
    expect(
      (await add('standing', { email: 'chair@hanoi.gov.vn', name: 'Nguyễn Văn An', lang: 'vi' })).statusCode,
    ).toBe(200);
    expect(
      (await add('standing', { email: 'Advisor@Example.org', name: 'Layla Hassan', lang: 'ar' })).statusCode,
    ).toBe(200);
    const bounce = await add('standing', { email: 'bounce@example.org', name: 'Nobody', lang: 'en' });
    expect(bounce.statusCode).toBe(200);
    const dup = await add('standing', { email: 'advisor@example.org', name: 'Again', lang: 'en' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({ code: 'recipient_exists' });
    expect(dup.json().error.message).toContain('advisor@example.org');
    expect((await add('standing', { email: 'not-an-address', name: 'X', lang: 'vi' })).statusCode).toBe(400);
    expect((await add('standing', { email: 'a@b.vn', name: 'X', lang: 'fr' })).statusCode).toBe(400);
    expect((await add('officerA', { email: 'a@b.vn', name: 'X', lang: 'vi' })).statusCode).toBe(403);
    expect((await add('steering', { email: 'a@b.vn', name: 'X', lang: 'vi' })).statusCode).toBe(403);
    const listed = (
      await as.steering!({ method: 'GET', url: `/api/v1/programmes/${w.p1.id}/brief-recipients` })
    ).json();
    expect(listed.can.manage).toBe(false);
    expect(listed.recipients.map((r: { email: string; lang: string }) => `${r.email}/${r.lang}`)).toEqual([
      'advisor@example.org/ar',
      'chair@hanoi.gov.vn/vi',
      'bounce@example.org/en',
    ]);

    // The send button of the archived Vietnamese DOCX.
    const archive = (
      await as.steering!({ method: 'GET', url: `/api/v1/briefs?programmeId=${w.p1.id}` })
    ).json() as Brief[];
    const vi = archive.find((b) => b.period === '2025-W45' && b.format === 'docx' && b.lang === 'vi')!;
    expect((await as.officerA!({ method: 'POST', url: `/api/v1/briefs/${vi.id}/send` })).statusCode).toBe(
      403,
    );
    smtp.received.length = 0;
    const sent = await as.standing!({ method: 'POST', url: `/api/v1/briefs/${vi.id}/send` });
    expect(sent.statusCode, sent.body).toBe(200);
    const rows = sent.json() as BriefSending[];
    expect(rows.map((r) => `${r.email}:${r.lang}:${r.status}:${r.trigger}`).sort()).toEqual([
      'advisor@example.org:ar:sent:manual',
      'bounce@example.org:en:failed:manual',
      'chair@hanoi.gov.vn:vi:sent:manual',
    ]);
    expect(rows.find((r) => r.status === 'failed')!.error).toMatch(/550|mailbox unavailable/);
    expect(rows.every((r) => r.sentBy === w.u.standing.displayName)).toBe(true);

    expect(smtp.received.map((m) => m.to[0]).sort()).toEqual(['advisor@example.org', 'chair@hanoi.gov.vn']);
    const chair = smtp.received.find((m) => m.to[0] === 'chair@hanoi.gov.vn')!;
    expect(chair.subject).toContain('Báo cáo tuần');
    expect(chair.text).toContain('Kính gửi Nguyễn Văn An');
    expect(chair.attachments).toHaveLength(1);
    const a = chair.attachments[0]!;
    expect(a.filename).toBe(vi.fileName);
    expect(a.contentType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    // The very file of the archive, and a real DOCX.
    expect(createHash('sha256').update(a.content).digest('hex')).toBe(vi.sha256);
    expect((await documentXml(a.content)).xml).toContain('BÁO CÁO TUẦN');
    const advisor = smtp.received.find((m) => m.to[0] === 'advisor@example.org')!;
    expect(advisor.subject).toContain('التقرير الأسبوعي');
    expect(advisor.attachments[0]!.filename).toMatch(/-2025-W45-ar\.docx$/);
    expect((await documentXml(advisor.attachments[0]!.content)).xml).toContain('التقرير الأسبوعي');

    // The history shows every sending, newest first, to those who read the archive.
    const history = (
      await as.inspector!({ method: 'GET', url: `/api/v1/programmes/${w.p1.id}/brief-sendings` })
    ).json() as BriefSending[];
    expect(history.length).toBe(3);

    // On schedule: publishing a list mails that period's DOCX by itself.
    const drawn = await as.standing!({
      method: 'POST',
      url: '/api/v1/warning-lists/compute',
      payload: { programmeId: w.p1.id, period: '2025-W44' },
    });
    expect(drawn.statusCode, drawn.body).toBe(200);
    await as.steering!({ method: 'POST', url: `/api/v1/warning-lists/${drawn.json().id}/publish` });
    let scheduled: BriefSending[] = [];
    for (let i = 0; i < 150 && scheduled.length < 3; i++) {
      await new Promise((r) => setTimeout(r, 100));
      scheduled = (
        (
          await as.steering!({ method: 'GET', url: `/api/v1/programmes/${w.p1.id}/brief-sendings` })
        ).json() as BriefSending[]
      ).filter((x) => x.period === '2025-W44');
    }
    expect(scheduled.map((r) => `${r.lang}:${r.status}:${r.trigger}:${r.format}`).sort()).toEqual([
      'ar:sent:schedule:docx',
      'en:failed:schedule:docx',
      'vi:sent:schedule:docx',
    ]);
    expect(scheduled.every((r) => r.sentBy === null)).toBe(true);

    // Removing a recipient: the standing agency only.
    const gone = listed.recipients.find((r: { email: string }) => r.email === 'bounce@example.org');
    expect(
      (await as.steering!({ method: 'DELETE', url: `/api/v1/brief-recipients/${gone.id}` })).statusCode,
    ).toBe(403);
    expect(
      (await as.standing!({ method: 'DELETE', url: `/api/v1/brief-recipients/${gone.id}` })).statusCode,
    ).toBe(200);
    expect(
      (await as.standing!({ method: 'DELETE', url: `/api/v1/brief-recipients/${gone.id}` })).statusCode,
    ).toBe(404);
  }, 60_000);

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
