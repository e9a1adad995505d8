import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeWorld, type World } from '../../../test/factories.js';
import { testApp, type Caller, type TestApp } from '../../../test/harness.js';
import { TASK_HEADERS } from './columns.js';

type Row = (string | number | Date | null)[];
type Result = {
  id: number;
  status: string;
  headerRow: number;
  total: number;
  valid: number;
  invalid: number;
  create: number;
  update: number;
  unchanged: number;
  created: number;
  updated: number;
  errors: { row: number; column: string; message: string }[];
};

async function xlsx(rows: Row[], opts: { title?: string[]; merged?: boolean } = {}) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Nhiệm vụ');
  for (const t of opts.title ?? []) ws.addRow([t]);
  ws.addRow([...TASK_HEADERS.en]);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A plan's own table: two title rows, then a header on two rows with "Cơ quan" merged over lead and coordinators. */
async function planTable(rows: Row[]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Phụ lục');
  ws.addRow(['PHỤ LỤC: DANH MỤC NHIỆM VỤ']);
  ws.mergeCells('A1:F1');
  ws.addRow(['(Kèm theo Kế hoạch số 123/KH-UBND)']);
  ws.addRow(['Mã nhiệm vụ', 'Nội dung nhiệm vụ', 'Cơ quan', null, 'Thời gian hoàn thành', 'Sản phẩm']);
  ws.addRow([null, null, 'Chủ trì', 'Phối hợp', null, null]);
  ws.mergeCells('C3:D3');
  ws.mergeCells('A3:A4');
  ws.mergeCells('B3:B4');
  ws.mergeCells('E3:E4');
  ws.mergeCells('F3:F4');
  ws.addRow(['(1)', '(2)', '(3)', '(4)', '(5)', '(6)']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;
/** Windows-1258 writes the tone marks as combining characters after a precomposed base. */
const cp1258 = (s: string) =>
  iconv.encode(
    [...s]
      .map((ch) => {
        const d = ch.normalize('NFD');
        return d.replace(TONES, '').normalize('NFC') + (d.match(TONES) ?? []).join('');
      })
      .join(''),
    'windows1258',
  );

/** A row in the template's order (17 columns), from the fields given. */
const row = (
  v: Partial<
    Record<
      | 'code'
      | 'title'
      | 'group'
      | 'directive'
      | 'level'
      | 'lead'
      | 'coord'
      | 'start'
      | 'deadline'
      | 'parent'
      | 'kind'
      | 'recurrence'
      | 'target',
      string | number | Date
    >
  >,
): Row => [
  v.code ?? null,
  v.title ?? null,
  v.group ?? null,
  v.directive ?? null,
  v.level ?? null,
  v.lead ?? null,
  v.coord ?? null,
  null,
  v.start ?? null,
  v.deadline ?? null,
  null,
  v.target ?? null,
  null,
  null,
  v.parent ?? null,
  v.kind ?? null,
  v.recurrence ?? null,
];

describe('tasks from a spreadsheet', () => {
  let t: TestApp;
  let w: World;
  let standing: Caller;
  const rows = async <T>(q: ReturnType<typeof sql>) => (await t.database.db.execute(q)).rows as T[];
  const count = async () =>
    (await rows<{ n: number }>(sql`select count(*)::int as n from tasks where programme_id = ${w.p1.id}`))[0]!
      .n;
  const preview = async (body: Buffer, who: Caller = standing, qs = '') => {
    const res = await who({
      method: 'POST',
      url: `/api/v1/tasks/imports?programmeId=${w.p1.id}&fileName=t.xlsx${qs}`,
      headers: { 'content-type': 'application/octet-stream' },
      payload: body,
      lang: 'en',
    });
    return res;
  };
  const confirm = (id: number, mode: 'all' | 'valid', who: Caller = standing) =>
    who({ method: 'POST', url: `/api/v1/tasks/imports/${id}/confirm`, payload: { mode }, lang: 'en' });

  beforeAll(async () => {
    t = await testApp({ today: '2025-11-14' });
    w = await makeWorld(t.database.db);
    standing = await t.login(w.u.standing.email);
  });
  afterAll(() => t.close());

  it('the template lists the programme’s groups, units and directives, with drop-down lists', async () => {
    const res = await standing({
      method: 'GET',
      url: `/api/v1/tasks/imports/template.xlsx?programmeId=${w.p1.id}`,
    });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual([
      'Nhiệm vụ',
      'Tổ chuyên đề',
      'Đơn vị',
      'Văn bản chỉ đạo',
      'Danh mục',
    ]);
    expect(wb.worksheets[0]!.getRow(1).getCell(6).value).toBe('Mã đơn vị chủ trì');
    const units = wb.getWorksheet('Đơn vị')!.getColumn(1).values.slice(2);
    expect(units).toContain('CA');
    expect(units).not.toContain('POL'); // another programme's tree
    expect(wb.getWorksheet('Tổ chuyên đề')!.getCell('A2').value).toBe('G1');
    expect(wb.getWorksheet('Văn bản chỉ đạo')!.getCell('A2').value).toBe(w.p1.directive.number);
    const dv = wb.worksheets[0]!.getCell('F2').dataValidation;
    expect(dv).toMatchObject({ type: 'list' });
  });

  it('says what is wrong with each row and writes nothing until confirmed', async () => {
    const before = await count();
    const file = await xlsx([
      row({
        code: 'N-1',
        title: 'Good',
        lead: 'CA',
        coord: 'FIN; SCI',
        deadline: '31/12/2026',
        group: 'g1',
        directive: w.p1.directive.number,
      }),
      row({ code: 'N-2', title: 'Unknown lead', lead: 'NOPE', deadline: '2026-12-31' }),
      row({ code: 'N-3', title: 'Unknown group', lead: 'CA', group: 'G9', deadline: '2026-12-31' }),
      row({
        code: 'N-4',
        title: 'Unknown directive',
        lead: 'CA',
        directive: '99/KH',
        deadline: '2026-12-31',
      }),
      row({ code: 'N-5', title: 'Bad date', lead: 'CA', deadline: '31/02/2026' }),
      row({ code: 'N-6', title: 'Before start', lead: 'CA', start: '2026-06-01', deadline: '2026-05-01' }),
      row({ code: 'N-7', lead: 'CA', deadline: '2026-12-31' }),
      row({ code: 'N-1', title: 'Duplicate', lead: 'CA', deadline: '2026-12-31' }),
      row({ code: 'N-8', title: 'Lead coordinates', lead: 'CA', coord: 'FIN,CA', deadline: '2026-12-31' }),
      row({ code: 'N-9', title: 'Bad parent', lead: 'CA', deadline: '2026-12-31', parent: 'NONE' }),
      row({ code: 'N-10', title: 'Loop a', lead: 'CA', deadline: '2026-12-31', parent: 'N-11' }),
      row({ code: 'N-11', title: 'Loop b', lead: 'CA', deadline: '2026-12-31', parent: 'N-10' }),
      row({ code: 'N-12', title: 'Under a bad row', lead: 'CA', deadline: '2026-12-31', parent: 'N-2' }),
      row({
        code: 'N-13',
        title: 'Child in file',
        lead: 'CA1',
        deadline: new Date(Date.UTC(2026, 5, 30)),
        parent: 'N-1',
        recurrence: 'hằng quý',
      }),
      row({ code: 'N-14', title: 'Outside the tree', lead: 'POL', deadline: '2026-12-31' }),
      row({ code: 'N-15', title: 'Bad level', lead: 'CA', level: 'galaxy', deadline: '2026-12-31' }),
    ]);
    const res = await preview(file);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json() as Result;
    expect(r).toMatchObject({
      status: 'previewed',
      headerRow: 1,
      total: 16,
      valid: 2,
      invalid: 14,
      create: 2,
    });
    const at = (n: number) => r.errors.filter((e) => e.row === n).map((e) => `${e.column}: ${e.message}`);
    expect(at(2)).toEqual([]);
    expect(at(3)).toEqual(['Lead unit code: no unit with code "NOPE" in the programme']);
    expect(at(4)).toEqual(['Group code: the programme has no group with code "G9"']);
    expect(at(5)).toEqual(['Directive number: the programme has no directive numbered "99/KH"']);
    expect(at(6)).toEqual(['Deadline: "31/02/2026" is not a date (dd/mm/yyyy or yyyy-mm-dd)']);
    expect(at(7)).toEqual(['Deadline: the deadline 2026-05-01 is before the start 2026-06-01']);
    expect(at(8)).toEqual(['Title: must not be empty']);
    expect(at(9)).toEqual(['Task code: the code "N-1" is already on row 2 of the file']);
    expect(at(10)).toEqual(['Coordinating unit codes: the unit "CA" both leads and coordinates']);
    expect(at(11)).toEqual(['Parent task code: no task with code "NONE" in the programme or the file']);
    expect(at(12)).toEqual(['Parent task code: the parent task "N-11" makes a loop']);
    expect(at(13)).toEqual(['Parent task code: the parent task "N-10" makes a loop']);
    expect(at(14)).toEqual(['Parent task code: the parent task "N-2" on row 3 has errors']);
    expect(at(15)).toEqual([]);
    expect(at(16)).toEqual(['Lead unit code: no unit with code "POL" in the programme']);
    expect(at(17)[0]).toContain('"galaxy" is not one of: central');
    expect(await count()).toBe(before);

    // All or nothing (the default): refused, nothing written, the preview may be confirmed again.
    const all = await confirm(r.id, 'all');
    expect(all.statusCode).toBe(422);
    expect(all.json().error).toMatchObject({
      code: 'import_rows_invalid',
      message: '14 rows have errors; nothing was imported.',
    });
    expect(await count()).toBe(before);
    // The valid rows.
    const valid = await confirm(r.id, 'valid');
    expect(valid.statusCode, valid.body).toBe(200);
    expect(valid.json()).toMatchObject({ status: 'done', created: 2, updated: 0 });
    expect(await count()).toBe(before + 2);
    const [n1, n13] = await rows<{
      id: number;
      parent_id: number | null;
      coords: number;
      group_id: number;
      directive_id: number;
      assigned_level: string;
      recurrence: string | null;
      deadline: string;
    }>(
      sql`select t.id, t.parent_id, t.group_id, t.directive_id, t.assigned_level, t.recurrence, t.deadline::text,
          (select count(*)::int from task_coordinators c where c.task_id = t.id) as coords
        from tasks t where t.code in ('N-1', 'N-13') order by t.code`,
    );
    expect(n1).toMatchObject({
      coords: 2,
      group_id: w.p1.groups[0]!.id,
      directive_id: w.p1.directive.id,
      assigned_level: 'commune',
    });
    expect(n13).toMatchObject({ parent_id: n1!.id, recurrence: 'quarterly', deadline: '2026-06-30' });
    const history = await rows<{ action: string }>(
      sql`select action from task_history where task_id = ${n1!.id}`,
    );
    expect(history).toEqual([{ action: 'created' }]);
    // Once only.
    expect((await confirm(r.id, 'valid')).statusCode).toBe(409);
  });

  it('updates by code with the rules and history of PATCH; new codes are created', async () => {
    const [cur] = await rows<{ id: number; version: number }>(
      sql`select id, version from tasks where code = 'N-1'`,
    );
    const file = await xlsx([
      row({ code: 'N-1', deadline: '2027-03-31', coord: 'SCI' }),
      row({ code: 'N-13' }),
      row({ code: 'N-20', title: 'New', lead: 'CB', deadline: '2026-12-31', kind: 'mô hình điểm' }),
    ]);
    const r = (await preview(file)).json() as Result;
    expect(r).toMatchObject({ total: 3, valid: 3, create: 1, update: 1, unchanged: 1 });
    const done = (await confirm(r.id, 'all')).json() as Result;
    expect(done).toMatchObject({ created: 1, updated: 1 });
    const [after] = await rows<{
      version: number;
      deadline: string;
      original_deadline: string;
      deadline_effective_from: string;
      title: string;
    }>(
      sql`select version, deadline::text, original_deadline::text, deadline_effective_from::text, title from tasks where id = ${cur!.id}`,
    );
    expect(after).toEqual({
      version: cur!.version + 1,
      deadline: '2027-03-31',
      original_deadline: '2026-12-31',
      deadline_effective_from: '2025-11-14',
      title: 'Good',
    });
    const detail = (await standing({ method: 'GET', url: `/api/v1/tasks/${cur!.id}` })).json();
    expect(detail.coordinatingUnits.map((u: { code: string }) => u.code)).toEqual(['SCI']);
    expect(detail.deadlineChanges).toEqual([
      { deadline: '2027-03-31', effectiveFrom: '2025-11-14', reason: null },
    ]);
    const last = detail.history.at(-1);
    expect(last).toMatchObject({
      action: 'updated',
      changes: { deadline: { from: '2026-12-31', to: '2027-03-31' } },
    });
    expect(last.changes.coordinatingUnitIds.to).toEqual([w.units.science.id]);
    const [n20] = await rows<{ kind: string }>(sql`select kind from tasks where code = 'N-20'`);
    expect(n20!.kind).toBe('pilot');
  });

  it('reads a plan’s table: title rows above a header on two rows with merged cells', async () => {
    const file = await planTable([
      ['P-1', 'Số hóa hồ sơ', 'CA', 'FIN, SCI', '30/06/2026', 'Kho dữ liệu'],
      ['P-2', 'Tập huấn', 'CB', null, '2026-09-30', null],
    ]);
    const r = (await preview(file)).json() as Result;
    expect(r.errors).toEqual([]);
    expect(r).toMatchObject({ headerRow: 3, total: 2, valid: 2 });
    expect((await confirm(r.id, 'all')).statusCode).toBe(200);
    const [p1] = await rows<{ n: number; deliverable: string }>(sql`select deliverable,
      (select count(*)::int from task_coordinators c where c.task_id = t.id) as n from tasks t where code = 'P-1'`);
    expect(p1).toEqual({ deliverable: 'Kho dữ liệu', n: 2 });
  });

  it('reads a CSV in Windows-1258 and in UTF-8 with a BOM', async () => {
    const csv = (code: string) =>
      `Mã nhiệm vụ;Tên nhiệm vụ;Mã đơn vị chủ trì;Mã đơn vị phối hợp;Thời hạn\n${code};"Triển khai ""một cửa"" điện tử";CA;FIN;31/12/2026\n`;
    const ares = await preview(cp1258(csv('C-1')), standing, '&encoding=windows-1258');
    const a = ares.json() as Result;
    expect(ares.statusCode, ares.body).toBe(200);
    expect(a).toMatchObject({ total: 1, valid: 1 });
    const b = (
      await preview(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv('C-2'))]))
    ).json() as Result;
    expect(b).toMatchObject({ total: 1, valid: 1 });
    // A Windows-1258 file read as UTF-8 is refused, not imported with broken names.
    const wrong = await preview(cp1258(csv('C-3')));
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.code).toBe('import_encoding');
    await confirm(a.id, 'all');
    await confirm(b.id, 'all');
    const titles = await rows<{ title: string }>(sql`select title from tasks where code in ('C-1', 'C-2')`);
    expect(titles).toEqual([
      { title: 'Triển khai "một cửa" điện tử' },
      { title: 'Triển khai "một cửa" điện tử' },
    ]);
  });

  it('only the programme’s standing agency and admins may import', async () => {
    const file = await xlsx([row({ code: 'S-1', title: 'x', lead: 'CA', deadline: '2026-12-31' })]);
    for (const who of [w.u.steering, w.u.leaderA, w.u.officerA, w.u.inspector])
      expect((await preview(file, await t.login(who.email))).statusCode).toBe(403);
    const standingOther = await t.login(w.u.steeringNA.email);
    expect((await preview(file, standingOther)).statusCode).toBe(404);
    const mine = (await preview(file)).json() as Result;
    // Someone else cannot confirm the standing agency's preview.
    expect((await confirm(mine.id, 'all', await t.login(w.u.leaderA.email))).statusCode).toBe(403);
    const admin = await t.login(w.u.admin.email);
    expect((await preview(file, admin)).statusCode).toBe(200);
  });

  it('the rollups equal the direct count after an import', async () => {
    const summary = async () =>
      (await standing({ method: 'GET', url: `/api/v1/tasks/summary?programmeId=${w.p1.id}` })).json() as {
        total: number;
        byState: Record<string, number>;
      };
    await summary(); // builds today's rollup
    const many = Array.from({ length: 300 }, (_, i) =>
      row({
        code: `R-${i}`,
        title: `Bulk ${i}`,
        lead: i % 2 ? 'CA' : 'SCI',
        coord: 'FIN',
        deadline: i % 3 ? '2026-12-31' : '2025-10-31',
        start: '2025-01-01',
      }),
    );
    const r = (await preview(await xlsx(many))).json() as Result;
    expect((await confirm(r.id, 'all')).statusCode).toBe(200);
    const s = await summary();
    const direct = async (state: string) =>
      (
        await standing({
          method: 'GET',
          url: `/api/v1/tasks?programmeId=${w.p1.id}&deadlineFrom=2000-01-01&state=${state}&limit=1`,
        })
      ).json().total as number;
    for (const [state, n] of Object.entries(s.byState))
      expect([state, n]).toEqual([state, await direct(state)]);
    expect(s.total).toBe(await count());
    expect(s.byState.overdue).toBeGreaterThanOrEqual(100);
  });
});
