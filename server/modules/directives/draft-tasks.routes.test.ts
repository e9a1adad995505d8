import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeWorld, type World } from '../../test/factories.js';
import { testApp, type Caller, type TestApp } from '../../test/harness.js';
import { fixturesDir } from './fixtures/score.js';
import { sixtyPagePlan } from './fixtures/long-plan.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

type Draft = {
  title: string;
  leadUnitId: number | null;
  leadUnitIds: number[];
  coordinatingUnitIds: number[];
  deadline: string | null;
  recurrence: string | null;
  source: { kind: string };
  warnings: { code: string; text?: string }[];
};

/** A one-page PDF that draws a rectangle and holds no text: what a scanner gives. */
function scannedPdf(): Buffer {
  const stream = '0 0 1 rg 50 50 200 200 re f';
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 300] /Contents 4 0 R >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

async function docxWith(documentXml: string): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types/>');
  zip.file('word/document.xml', documentXml);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

describe('drafting tasks from a directive document', () => {
  let t: TestApp;
  let w: World;
  let standing: Caller;
  beforeAll(async () => {
    t = await testApp({ today: '2025-11-14' });
    w = await makeWorld(t.database.db);
    standing = await t.login(w.u.standing.email);
  });
  afterAll(() => t.close());

  const draft = (body: Buffer | string, type: string, who: Caller = standing, qs = '') =>
    who({
      method: 'POST',
      url: `/api/v1/directives/${w.p1.directive.id}/draft-tasks${qs}`,
      headers: { 'content-type': type },
      payload: body,
    });
  const taskCount = async () =>
    (
      (await standing({ method: 'GET', url: `/api/v1/tasks?programmeId=${w.p1.id}&limit=1` })).json() as {
        total: number;
      }
    ).total;

  it('reads pasted prose: lead after "chủ trì", coordinators after "phối hợp", plurals, deadlines; writes nothing', async () => {
    const before = await taskCount();
    const text = [
      'Hà Nội, ngày 05 tháng 6 năm 2025',
      'I. NHIỆM VỤ',
      '1. Sở KH&CN chủ trì, phối hợp Sở Tài chính và UBND các xã, phường xây dựng nền tảng dữ liệu, hoàn thành trước ngày 15/10.',
      '2. Giao Sở Tài chính chủ trì hướng dẫn kinh phí chuyển đổi số; thời gian: Quý IV/2025.',
      '3. Sở Thông tin và Truyền thông chủ trì tổng hợp báo cáo hằng quý.',
    ].join('\n');
    const res = await draft(text, 'text/plain; charset=utf-8');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { format: string; documentDate: string; drafts: Draft[] };
    expect(body.format).toBe('text');
    expect(body.documentDate).toBe('2025-06-05');
    const [a, b, c] = body.drafts;
    expect(body.drafts).toHaveLength(3);
    expect(a!.leadUnitId).toBe(w.units.science.id);
    expect(new Set(a!.coordinatingUnitIds)).toEqual(
      new Set([w.units.finance.id, w.units.communeA.id, w.units.communeB.id]),
    );
    expect(a!.deadline).toBe('2025-10-15');
    expect(a!.warnings.map((x) => x.code)).toContain('deadline_year_from_document');
    expect(b!.leadUnitId).toBe(w.units.finance.id);
    expect(b!.deadline).toBe('2025-12-31');
    // The department no longer exists in this tree: flagged, never guessed.
    expect(c!.leadUnitId).toBeNull();
    expect(c!.recurrence).toBe('quarterly');
    expect(c!.warnings.map((x) => x.code)).toContain('lead_unmatched');
    expect(await taskCount()).toBe(before);
  });

  it('reads an appendix table DOCX with merged cells and group rows', async () => {
    const res = await draft(readFileSync(path.join(fixturesDir, 'hanoi-155-appendix.docx')), DOCX);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { format: string; drafts: (Draft & { group: string })[] };
    expect(body.format).toBe('docx');
    expect(body.drafts).toHaveLength(5);
    expect(body.drafts.map((d) => d.deadline)).toEqual([
      '2025-12-31',
      '2025-12-31',
      '2025-12-31',
      '2026-12-31',
      '2026-12-31',
    ]);
    expect(body.drafts.map((d) => d.group)).toEqual([
      'I. NĂM 2025',
      'I. NĂM 2025',
      'I. NĂM 2025',
      'II. NĂM 2026',
      'II. NĂM 2026',
    ]);
    // The vertically merged lead reaches rows 2 and 3; this tree has no such centre: flagged.
    expect(body.drafts.every((d) => d.warnings.some((x) => x.code === 'lead_unmatched'))).toBe(true);
    expect(body.drafts[0]!.coordinatingUnitIds.sort()).toEqual(
      [w.units.communeA.id, w.units.communeB.id].sort(),
    );
  });

  it('reads a PDF text layer, and says a scanned PDF has none', async () => {
    const pdf = await draft(readFileSync(path.join(fixturesDir, 'daknong-561.pdf')), 'application/pdf');
    expect(pdf.statusCode, pdf.body).toBe(200);
    const body = pdf.json() as { format: string; pages: number; drafts: Draft[] };
    expect(body.format).toBe('pdf');
    expect(body.pages).toBe(1);
    expect(body.drafts.some((d) => d.leadUnitId === w.units.finance.id)).toBe(true);
    const scan = await draft(scannedPdf(), 'application/pdf', standing);
    expect(scan.statusCode, scan.body).toBe(422);
    expect(scan.json().error.code).toBe('pdf_no_text');
  });

  it('refuses a zip bomb, external entities, other files and oversized bodies with clear errors', async () => {
    const bomb = await docxWith(`<w:document>${' '.repeat(8 * 1_048_576)}</w:document>`);
    const r1 = await draft(bomb, DOCX);
    expect(r1.statusCode).toBe(422);
    expect(r1.json().error.code).toBe('document_zip_bomb');
    const xxe = await docxWith(
      '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>',
    );
    const r2 = await draft(xxe, DOCX, standing);
    expect(r2.statusCode).toBe(422);
    expect(r2.json().error.code).toBe('document_entities');
    const png = await draft(Buffer.from('\x89PNG\r\n\x1a\nrest', 'latin1'), 'image/png');
    expect(png.statusCode).toBe(415);
    expect(png.json().error.code).toBe('document_type');
    const vi = await standing({
      method: 'POST',
      url: `/api/v1/directives/${w.p1.directive.id}/draft-tasks`,
      headers: { 'content-type': 'image/png', 'accept-language': 'vi' },
      payload: Buffer.from('xx'),
    });
    expect(vi.json().error.message).toMatch(/DOCX, PDF/);
    const big = await draft(Buffer.alloc(21 * 1_048_576, 65), 'text/plain');
    expect(big.statusCode).toBe(413);
  });

  it('reads a 60-page plan whole', async () => {
    const plan = sixtyPagePlan();
    const doc = await Packer.toBuffer(
      new Document({ sections: [{ children: plan.text.split('\n').map((l) => new Paragraph(l)) }] }),
    );
    const res = await draft(doc, DOCX);
    expect(res.statusCode, res.body).toBe(200);
    const drafts = (res.json() as { drafts: Draft[] }).drafts;
    expect(drafts).toHaveLength(plan.tasks);
    expect(drafts.filter((d) => d.leadUnitId === w.units.finance.id).length).toBeGreaterThan(50);
  });

  it('creates the confirmed drafts in one transaction, linked to the directive', async () => {
    const res = await standing({
      method: 'POST',
      url: `/api/v1/directives/${w.p1.directive.id}/tasks`,
      payload: {
        tasks: [
          {
            title: 'Xây dựng nền tảng dữ liệu',
            leadUnitId: w.units.science.id,
            coordinatingUnitIds: [w.units.finance.id, w.units.science.id],
            deadline: '2025-10-15',
            recurrence: 'quarterly',
            sourceText: '1. Sở KH&CN chủ trì…',
          },
          { title: 'Hướng dẫn kinh phí', leadUnitId: w.units.finance.id, deadline: '2025-12-31' },
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const created = (res.json() as { created: { id: number; code: string }[] }).created;
    expect(created.map((c) => c.code)).toEqual(['57-NQ-TW-HN-001', '57-NQ-TW-HN-002']);
    const list = await standing({
      method: 'GET',
      url: `/api/v1/tasks?programmeId=${w.p1.id}&directiveId=${w.p1.directive.id}&sort=code`,
    });
    expect((list.json() as { items: { code: string }[] }).items.map((i) => i.code)).toEqual(
      expect.arrayContaining(['57-NQ-TW-HN-001', '57-NQ-TW-HN-002']),
    );
    const detail = await standing({ method: 'GET', url: `/api/v1/tasks/${created[0]!.id}` });
    const d = detail.json() as {
      recurrence: string | null;
      coordinatingUnits: { id: number }[];
      directive: { id: number };
    };
    expect(d.directive.id).toBe(w.p1.directive.id);
    expect(d.coordinatingUnits.map((u) => u.id)).toEqual([w.units.finance.id]);
    expect(d.recurrence).toBe('quarterly');
    // The next batch numbers after them.
    const again = await standing({
      method: 'POST',
      url: `/api/v1/directives/${w.p1.directive.id}/tasks`,
      payload: {
        tasks: [{ title: 'Thêm một việc', leadUnitId: w.units.finance.id, deadline: '2026-01-31' }],
      },
    });
    expect((again.json() as { created: { code: string }[] }).created[0]!.code).toBe('57-NQ-TW-HN-003');
  });

  it('a bad row is reported with its reason and nothing is written', async () => {
    const before = await taskCount();
    const res = await standing({
      method: 'POST',
      url: `/api/v1/directives/${w.p1.directive.id}/tasks`,
      headers: { 'accept-language': 'en' },
      payload: {
        tasks: [
          { title: 'Good one', leadUnitId: w.units.finance.id, deadline: '2025-12-31' },
          { title: 'Bad lead', leadUnitId: 999_999, deadline: '2025-12-31' },
          {
            title: 'Bad dates',
            leadUnitId: w.units.finance.id,
            deadline: '2025-01-01',
            startDate: '2025-02-01',
          },
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(422);
    const err = res.json().error as { code: string; details: { path: string; message: string }[] };
    expect(err.code).toBe('draft_rows_invalid');
    expect(err.details.map((x) => x.path)).toEqual(['tasks.1.leadUnitId', 'tasks.2.deadline']);
    expect(await taskCount()).toBe(before);
  });

  it('only the standing agency of the programme drafts and creates; other units never see it', async () => {
    const officer = await t.login(w.u.officerA.email);
    expect((await draft('1. Sở Tài chính chủ trì việc A.', 'text/plain', officer)).statusCode).toBe(403);
    const inspector = await t.login(w.u.inspector.email);
    expect((await draft('1. Sở Tài chính chủ trì việc A.', 'text/plain', inspector)).statusCode).toBe(403);
    const other = await t.login(w.u.steeringNA.email);
    expect((await draft('1. Sở Tài chính chủ trì việc A.', 'text/plain', other)).statusCode).toBe(404);
    const create = await officer({
      method: 'POST',
      url: `/api/v1/directives/${w.p1.directive.id}/tasks`,
      payload: { tasks: [{ title: 'x', leadUnitId: w.units.communeA.id, deadline: '2025-12-31' }] },
    });
    expect(create.statusCode).toBe(403);
  });
});
