import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTask, makeWorld, type World } from '../../test/factories.js';
import { testApp, type Caller, type TestApp } from '../../test/harness.js';

/** A DOCX is a zip: its first bytes are PK\x03\x04 (enough for the content check). */
const DOCX = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('word/document.xml…')]);
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

describe('directives register', () => {
  let t: TestApp;
  let w: World;
  const as: Record<string, Caller> = {};
  let plan: { id: number; version: number };

  beforeAll(async () => {
    t = await testApp({ today: '2025-11-14' });
    w = await makeWorld(t.database.db);
    for (const [k, u] of Object.entries(w.u)) as[k] = await t.login(u.email);
  });
  afterAll(() => t.close());

  const create = (who: string, body: Record<string, unknown>, programmeId = w.p1.id) =>
    as[who]!({ method: 'POST', url: `/api/v1/programmes/${programmeId}/directives`, payload: body });

  it('the standing agency registers a plan that supersedes the resolution; the older one shows so', async () => {
    const res = await create('standing', {
      number: '123/KH-UBND',
      kind: 'plan',
      issuedOn: '2025-03-10',
      issuer: 'UBND thành phố',
      title: 'Kế hoạch triển khai Nghị quyết 57',
      summary: 'Giao nhiệm vụ cho các sở, ngành và UBND cấp xã.',
      supersedesId: w.p1.directive.id,
    });
    expect(res.statusCode, res.body).toBe(201);
    plan = res.json();
    expect(res.json()).toMatchObject({
      kind: 'plan',
      supersedes: { id: w.p1.directive.id, number: w.p1.directive.number },
      supersededBy: null,
      file: null,
      taskCount: 0,
      may: { edit: true },
    });
    const old = await as.steering!({ method: 'GET', url: `/api/v1/directives/${w.p1.directive.id}` });
    expect(old.json()).toMatchObject({
      supersededBy: { id: plan.id, number: '123/KH-UBND' },
      may: { edit: false },
    });
    const list = await as.officerA!({ method: 'GET', url: `/api/v1/programmes/${w.p1.id}/directives` });
    expect(list.json().map((d: { number: string }) => d.number)).toContain('123/KH-UBND');
  });

  it('refuses a duplicate number, a loop of replacements, another programme’s document and writers who may not', async () => {
    expect((await create('standing', { number: '123/KH-UBND', kind: 'plan', title: 'x' })).statusCode).toBe(
      409,
    );
    const loop = await as.standing!({
      method: 'PATCH',
      url: `/api/v1/directives/${w.p1.directive.id}`,
      payload: { version: 1, supersedesId: plan.id },
    });
    expect(loop.json().error.code).toBe('directive_supersede_invalid');
    const other = await create('standing', {
      number: 'X',
      kind: 'decision',
      title: 'x',
      supersedesId: w.p2.directive.id,
    });
    expect(other.json().error.code).toBe('directive_supersede_invalid');
    expect((await create('officerA', { number: 'Y', kind: 'decision', title: 'y' })).statusCode).toBe(403);
    expect((await create('steeringNA', { number: 'Y', kind: 'decision', title: 'y' })).statusCode).toBe(404);
    const kind = await create('standing', { number: 'Z', kind: 'memo', title: 'z' });
    expect(kind.statusCode).toBe(400);
  });

  it('edits with a version check, audited', async () => {
    const ok = await as.standing!({
      method: 'PATCH',
      url: `/api/v1/directives/${plan.id}`,
      payload: { version: plan.version, title: 'Kế hoạch số 123/KH-UBND triển khai Nghị quyết 57' },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().version).toBe(plan.version + 1);
    const stale = await as.admin!({
      method: 'PATCH',
      url: `/api/v1/directives/${plan.id}`,
      payload: { version: plan.version, title: 'x' },
    });
    expect(stale.json().error.code).toBe('record_changed');
    const audit = await t.database.db.execute(
      sql`select action from audit_events where entity = 'directive' and entity_id = ${String(plan.id)} order by id`,
    );
    expect(audit.rows.map((r) => (r as { action: string }).action)).toEqual([
      'directive.create',
      'directive.update',
    ]);
    plan = ok.json();
  });

  it('keeps its DOCX like evidence: checked by content, given back byte for byte to readers of the programme', async () => {
    const up = (who: string, name: string, type: string, body: Buffer) =>
      as[who]!({
        method: 'POST',
        url: `/api/v1/directives/${plan.id}/file`,
        headers: { 'content-type': type, 'x-file-name': encodeURIComponent(name) },
        payload: body,
      });
    const res = await up('standing', 'Kế hoạch 123.docx', DOCX_TYPE, DOCX);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().file).toMatchObject({
      name: 'Kế hoạch 123.docx',
      mediaType: DOCX_TYPE,
      size: DOCX.length,
    });
    const file = await as.officerB!({ method: 'GET', url: res.json().file.url });
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(DOCX)).toBe(true);
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    // A spreadsheet is evidence, not a directive; a renamed executable is nothing.
    const xlsx = await up(
      'standing',
      'bang.xlsx',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      DOCX,
    );
    expect(xlsx.statusCode).toBe(415);
    const exe = await up('standing', 'plan.pdf', 'application/pdf', Buffer.from('MZ\x90\x00binary'));
    expect(exe.statusCode).toBe(415);
    expect((await up('officerA', 'a.docx', DOCX_TYPE, DOCX)).statusCode).toBe(403);
    expect((await as.steeringNA!({ method: 'GET', url: res.json().file.url })).statusCode).toBe(404);
  });

  it('a task picks its directive only from its own programme', async () => {
    const ok = await as.standing!({
      method: 'PATCH',
      url: `/api/v1/tasks/${w.t.bOnly.id}`,
      payload: { version: w.t.bOnly.version ?? 1, directiveId: plan.id },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const bad = await as.standing!({
      method: 'PATCH',
      url: `/api/v1/tasks/${w.t.bCoordA.id}`,
      payload: { version: 1, directiveId: w.p2.directive.id },
    });
    expect(bad.json().error.code).toBe('directive_not_in_programme');
  });

  it('its tasks as of a date, counted as the cockpit counts; a commune officer sees only its own', async () => {
    await makeTask(t.database.db, {
      programmeId: w.p1.id,
      leadUnitId: w.units.communeA.id,
      code: 'KH-A',
      deadline: '2025-11-01',
      progress: 50,
      firstActivityOn: '2025-10-01',
      directiveId: plan.id,
    });
    await makeTask(t.database.db, {
      programmeId: w.p1.id,
      leadUnitId: w.units.science.id,
      code: 'KH-SCI',
      deadline: '2025-10-01',
      completedOn: '2025-09-15',
      progress: 100,
      firstActivityOn: '2025-06-01',
      directiveId: plan.id,
    });
    const summary = async (who: string, asOf?: string) =>
      (
        await as[who]!({
          method: 'GET',
          url: `/api/v1/directives/${plan.id}/summary${asOf ? `?asOf=${asOf}` : ''}`,
        })
      ).json();
    const all = await summary('steering');
    expect(all.total).toBe(3);
    expect(all.byState).toMatchObject({ overdue: 1, done_on_time: 1, not_started: 1 });
    // As of 30 September: KH-A not due and not begun yet (first activity 1 October), KH-SCI done.
    const before = await summary('steering', '2025-09-30');
    expect(before.byState).toMatchObject({ overdue: 0, done_on_time: 1, in_progress: 0, not_started: 2 });
    // The same counts as the tasks summary behind the cockpit, filtered by the directive.
    const direct = await as.steering!({
      method: 'GET',
      url: `/api/v1/tasks/summary?programmeId=${w.p1.id}&directiveId=${plan.id}`,
    });
    expect(direct.json().byState).toEqual(all.byState);

    const officer = await summary('officerA');
    expect(officer.total).toBe(1);
    expect(officer.byState.overdue).toBe(1);
    const one = await as.officerA!({ method: 'GET', url: `/api/v1/directives/${plan.id}` });
    expect(one.json().taskCount).toBeNull();
    const tasks = await as.officerA!({
      method: 'GET',
      url: `/api/v1/tasks?programmeId=${w.p1.id}&directiveId=${plan.id}`,
    });
    expect(tasks.json().items.map((x: { code: string }) => x.code)).toEqual(['KH-A']);
    const csv = await as.officerA!({ method: 'GET', url: `/api/v1/directives/${plan.id}/export?format=csv` });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('KH-A');
    expect(csv.body).not.toContain('KH-SCI');
  });

  it('exports the register page as XLSX in the reader’s language', async () => {
    const res = await as.steering!({
      method: 'GET',
      url: `/api/v1/directives/${plan.id}/export?asOf=2025-11-14`,
      headers: { 'accept-language': 'en' },
    });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const tasks = wb.getWorksheet('Tasks')!;
    const codes = tasks.getColumn(1).values.slice(2);
    expect(codes).toEqual(['B-ONLY', 'KH-A', 'KH-SCI']);
    const info = wb.worksheets[0]!;
    const overdueRow = info.getSheetValues().find((r) => Array.isArray(r) && r[1] === 'Overdue') as unknown[];
    expect(overdueRow[2]).toBe(1);
  });
});
