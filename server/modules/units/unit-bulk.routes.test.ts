import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeWorld, type World } from '../../test/factories.js';
import { testApp, type Caller, type TestApp } from '../../test/harness.js';
import { UNIT_HEADERS } from './import/unit-sheet.js';

type Row = (string | number | null)[];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function xlsx(rows: Row[], merges: string[] = []) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet');
  for (const r of rows) ws.addRow(r);
  for (const m of merges) ws.mergeCells(m);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const csv = (rows: Row[]) =>
  rows
    .map((r) => r.map((c) => (c === null ? '' : `"${String(c).replace(/"/g, '""')}"`)).join(','))
    .join('\r\n');

/** Text as Excel writes it in Windows-1258: base letters with their hats composed, tone marks combining. */
function cp1258(s: string): Buffer {
  const tone = /[\u0300\u0301\u0303\u0309\u0323]/;
  const text = s
    .normalize('NFD')
    .replace(/([^\u0300-\u036f])([\u0300-\u036f]*)/g, (_m, base: string, marks: string) => {
      const t = [...marks].filter((x) => tone.test(x)).join('');
      const o = [...marks].filter((x) => !tone.test(x)).join('');
      return (base + o).normalize('NFC') + t;
    });
  return iconv.encode(text, 'windows1258');
}

const H = UNIT_HEADERS.vi;

/**
 * The unit tree in bulk through the API: the import (template, preview, every row error, all or
 * nothing, the valid rows, updates and moves by code, XLSX with a title and merged headings, CSV
 * in Windows-1258 and UTF-8 with a BOM), a move, and a merge replayed before and after its day.
 */
describe('units in bulk', () => {
  let t: TestApp;
  let w: World;
  const as: Record<string, Caller> = {};
  const upload = (who: string, url: string, body: Buffer | string, lang = 'en') =>
    as[who]!({
      method: 'POST',
      url: `/api/v1${url}`,
      payload: body,
      lang,
      headers: { 'content-type': XLSX },
    });
  const get = (who: string, url: string) => as[who]!({ method: 'GET', url: `/api/v1${url}`, lang: 'en' });
  const post = (who: string, url: string, payload: object, lang = 'en') =>
    as[who]!({ method: 'POST', url: `/api/v1${url}`, payload: payload as Record<string, unknown>, lang });
  const unitByCode = async (code: string) =>
    (await get('admin', `/units?q=${encodeURIComponent(code)}`))
      .json()
      .find((u: { code: string }) => u.code === code);
  const count = async () =>
    Number((await t.database.db.execute('select count(*)::int as n from units')).rows[0]!.n);

  beforeAll(async () => {
    t = await testApp({ today: '2025-11-14' });
    w = await makeWorld(t.database.db);
    for (const [k, u] of Object.entries(w.u)) as[k] = await t.login(u.email);
    as.anon = t.anon;
  });
  afterAll(() => t.close());

  it('the template: headings in the reader’s language, the kinds on a second sheet; admins only', async () => {
    const res = await get('admin', '/units/import/template.xlsx');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets).toHaveLength(2);
    expect(wb.worksheets[0]!.getRow(1).getCell(1).value).toBe(UNIT_HEADERS.en[0]);
    const kinds = wb.worksheets[1]!.getColumn(1).values.slice(2);
    expect(kinds).toContain('commune');
    expect(kinds).toContain('province');
    expect((await get('standing', '/units/import/template.xlsx')).statusCode).toBe(403);
  });

  it('reads a title row and merged headings, rows in any order; preview writes nothing; paths in SQL', async () => {
    // A title merged over the columns, then "Tên đơn vị" merged over its three languages.
    const file = await xlsx(
      [
        ['DANH SÁCH ĐƠN VỊ TỈNH MẪU', null, null, null, null, null],
        ['Mã đơn vị', 'Mã đơn vị cấp trên', 'Tên đơn vị', null, null, 'Loại đơn vị'],
        [null, null, 'Tiếng Việt', 'Tiếng Anh', 'Tiếng Ả Rập', null],
        ['TM-X1', 'TM-HUYEN', 'Xã Hòa Bình', 'Hoa Binh Commune', 'بلدية هوا بينه', 'Xã'],
        ['TM-HUYEN', 'TM', 'Huyện Mẫu Sơn', null, null, 'district'],
        ['TM', null, 'Tỉnh Mẫu', 'Mau Province', null, 'province'],
        ['TM-STTTT', 'TM', 'Sở Khoa học và Công nghệ', null, null, 'Department'],
      ],
      ['A1:F1', 'A2:A3', 'B2:B3', 'C2:E2', 'F2:F3'],
    );
    const before = await count();
    const pre = await upload('admin', '/units/import/preview', file);
    expect(pre.statusCode).toBe(200);
    expect(pre.json()).toMatchObject({ committed: false, total: 4, valid: 4, created: 4, written: 4 });
    expect(pre.json().rows[0].values.slice(0, 5)).toEqual([
      'TM-X1',
      'TM-HUYEN',
      'Xã Hòa Bình',
      'Hoa Binh Commune',
      'بلدية هوا بينه',
    ]);
    expect(await count()).toBe(before);
    const res = await upload('admin', '/units/import', file);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ committed: true, created: 4 });
    const x1 = await unitByCode('TM-X1');
    expect(x1).toMatchObject({
      kind: 'commune',
      depth: 2,
      name: { vi: 'Xã Hòa Bình', en: 'Hoa Binh Commune' },
    });
    const detail = (await get('admin', `/units/${x1.id}`)).json();
    expect(detail.ancestors.map((u: { code: string }) => u.code)).toEqual(['TM', 'TM-HUYEN']);
    const audit = await t.database.db.execute(`select after from audit_events where action = 'unit.import'`);
    expect(audit.rows).toHaveLength(1);
  });

  it('every row error; all or nothing by default; the valid rows on request', async () => {
    const long = 'X'.repeat(301);
    const rows: Row[] = [
      [...H],
      ['NEW-OK', 'TM', 'Xã Tốt', null, null, 'commune', null, null, null], // 2 good
      ['NEW-ORPHAN', 'NO-SUCH', 'Xã Mồ Côi', null, null, 'commune', null, null, null], // 3 unknown parent
      ['NEW-OK', 'TM', 'Xã Tốt lần hai', null, null, 'commune', null, null, null], // 4 duplicate in file
      ['ca', 'CITY', 'Phường trùng mã', null, null, 'ward', null, null, null], // 5 clashes with CA
      ['CY-1', 'CY-2', 'Vòng 1', null, null, 'other', null, null, null], // 6 cycle
      ['CY-2', 'CY-1', 'Vòng 2', null, null, 'other', null, null, null], // 7 cycle
      ['NEW-LONG', 'TM', long, null, null, 'commune', null, null, null], // 8 too long
      ['NEW-KIND', 'TM', 'Xã Lạ', null, null, 'hamlet', null, null, null], // 9 unknown kind
      ['NEW-EMPTY', 'TM', null, null, null, 'commune', null, null, null], // 10 missing name
      ['NEW-CHILD', 'NEW-KIND', 'Thôn dưới xã lạ', null, null, 'other', null, null, null], // 11 parent row bad
      ['NEW-GOOD2', 'NEW-OK', 'Thôn Tốt', null, null, 'other', null, 'a@b.vn', null], // 12 good, parent in file
      ['SELF', 'SELF', 'Tự làm cha', null, null, 'other', null, null, null], // 13 cycle of one
    ];
    const file = await xlsx(rows);
    const before = await count();
    const pre = (await upload('admin', '/units/import/preview', file)).json();
    const errs = (r: number) =>
      pre.rows
        .find((x: { row: number }) => x.row === r)
        .errors.map((e: { column: string; message: string }) => `${e.column}: ${e.message}`)
        .join(' | ');
    expect(pre).toMatchObject({ total: 12, valid: 2 });
    expect(errs(2)).toBe('');
    expect(errs(3)).toBe('Parent unit code: no parent unit with code "NO-SUCH" (in the file or the system)');
    expect(errs(4)).toBe('Unit code: code "NEW-OK" already appears on row 2 of the file');
    expect(errs(5)).toContain('clashes with the existing unit "CA"');
    expect(errs(6)).toBe('Parent unit code: the parents form a cycle: CY-1 → CY-2 → CY-1');
    expect(errs(7)).toBe('Parent unit code: the parents form a cycle: CY-2 → CY-1 → CY-2');
    expect(errs(8)).toBe('Name (Vietnamese): 301 characters long, at most 300');
    expect(errs(9)).toContain('Kind: "hamlet" is not accepted');
    expect(errs(10)).toBe('Name (Vietnamese): must not be empty');
    expect(errs(11)).toContain('the parent unit "NEW-KIND" on row 9 has errors');
    expect(errs(12)).toBe('');
    expect(errs(13)).toBe('Parent unit code: the parents form a cycle: SELF → SELF');
    // In Vietnamese too.
    const vi = (await upload('admin', '/units/import/preview', file, 'vi')).json();
    expect(vi.rows[1].errors[0]).toEqual({
      column: 'Mã đơn vị cấp trên',
      message: 'không có đơn vị cấp trên mã "NO-SUCH" (trong tệp hoặc trong hệ thống)',
    });

    const all = await upload('admin', '/units/import', file);
    expect(all.statusCode).toBe(422);
    expect(all.json().error).toMatchObject({
      code: 'import_rows_invalid',
      message: '10 rows have errors; nothing was imported.',
    });
    expect(await count()).toBe(before);

    const valid = await upload('admin', '/units/import?mode=valid', file);
    expect(valid.json()).toMatchObject({ committed: true, written: 2, created: 2 });
    expect(await count()).toBe(before + 2);
    expect((await unitByCode('NEW-GOOD2')).depth).toBe(2);
  });

  it('existing codes are updated, a new parent code moves the subtree; the same file again changes nothing', async () => {
    const file = await xlsx([
      [...UNIT_HEADERS.en],
      ['CA', 'CB', 'Phường Hoàn Kiếm mới', null, null, 'ward', 'Nguyễn Văn A', null, null],
      ['SCI', 'CITY', 'Sở KH&CN', 'Dept. of Science', null, 'department', null, null, null],
    ]);
    const pre = (await upload('admin', '/units/import/preview', file)).json();
    expect(pre.rows.map((r: { action: string }) => r.action)).toEqual(['move', 'update']);
    expect((await upload('admin', '/units/import', file)).json()).toMatchObject({ moved: 1, updated: 1 });
    const hamlet = (await get('admin', `/units/${w.units.hamletA.id}`)).json();
    expect(hamlet.ancestors.map((u: { code: string }) => u.code)).toEqual(['CITY', 'CB', 'CA']);
    expect(hamlet.depth).toBe(3);
    expect((await get('admin', `/units/${w.units.communeA.id}`)).json().leaderName).toBe('Nguyễn Văn A');
    const again = (await upload('admin', '/units/import/preview', file)).json();
    expect(again.rows.map((r: { action: string }) => r.action)).toEqual(['none', 'none']);
    // Back where it was, for the tests below.
    expect(
      (await post('admin', `/units/${w.units.communeA.id}/move`, { parentId: w.units.city.id })).statusCode,
    ).toBe(200);
  });

  it('reads a CSV in Windows-1258 (detected or told) and in UTF-8 with a BOM', async () => {
    const rows: Row[] = [
      ['Mã đơn vị', 'Mã đơn vị cấp trên', 'Tên (tiếng Việt)', 'Loại đơn vị'],
      ['TM-X2', 'TM', 'Xã Hòa Bình Thượng', 'commune'],
      ['TM-X3', 'TM', 'Phường Đống Đa Mới', 'Phường'],
    ];
    const body1258 = cp1258(csv(rows));
    for (const q of ['', '?encoding=windows-1258']) {
      const pre = (await upload('admin', `/units/import/preview${q}`, body1258)).json();
      expect(pre.rows.map((r: { values: string[] }) => r.values[2])).toEqual([
        'Xã Hòa Bình Thượng',
        'Phường Đống Đa Mới',
      ]);
      expect(pre.valid).toBe(2);
    }
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv(rows), 'utf8')]);
    const res = (await upload('admin', '/units/import?format=csv', utf8)).json();
    expect(res).toMatchObject({ committed: true, created: 2 });
    expect((await unitByCode('TM-X3')).name.vi).toBe('Phường Đống Đa Mới');
    // A file that is neither the template nor a unit list says which headings it needs.
    const bad = await upload('admin', '/units/import/preview', 'a,b,c\r\n1,2,3');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('unit_import_columns');
  });

  it('a move takes the subtree along, refuses a descendant, and every cache keyed on paths follows', async () => {
    const cycle = await post('admin', `/units/${w.units.communeA.id}/move`, { parentId: w.units.hamletA.id });
    expect(cycle.statusCode).toBe(422);
    expect(cycle.json().error.code).toBe('unit_cycle');
    // Discipline of commune B's subtree, read (and kept) before the move: commune A not in it.
    const q = `/discipline?programmeId=${w.p1.id}&from=2025-W45&to=2025-W46&unitId=${w.units.communeB.id}`;
    const codes = async () =>
      (await get('steering', q))
        .json()
        .units.map((u: { code: string }) => u.code)
        .sort();
    expect(await codes()).toEqual(['CB']);
    const moved = await post('admin', `/units/${w.units.communeA.id}/move`, {
      parentId: w.units.communeB.id,
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().depth).toBe(2);
    expect((await get('admin', `/units/${w.units.hamletA.id}`)).json().depth).toBe(3);
    expect(await codes()).toEqual(['CA', 'CA1', 'CB']);
    await post('admin', `/units/${w.units.communeA.id}/move`, { parentId: w.units.city.id });
    expect(await codes()).toEqual(['CB']);
    const audit = await t.database.db.execute(
      `select count(*)::int as n from audit_events where action = 'unit.move'`,
    );
    expect(audit.rows[0]!.n).toBeGreaterThanOrEqual(3);
  });

  it('non-admins can do none of it', async () => {
    const file = await xlsx([[...H], ['ZZ', null, 'Z', null, null, 'other', null, null, null]]);
    for (const who of ['standing', 'steering', 'leaderA', 'officerA', 'inspector']) {
      expect((await upload(who, '/units/import/preview', file)).statusCode).toBe(403);
      expect((await upload(who, '/units/import', file)).statusCode).toBe(403);
      expect((await post(who, `/units/${w.units.communeA.id}/move`, { parentId: null })).statusCode).toBe(
        403,
      );
      const m = await post(who, '/units/merge', {
        unitIds: [w.units.communeA.id],
        successor: { id: w.units.communeB.id },
        mergedOn: '2025-11-01',
      });
      expect(m.statusCode).toBe(403);
    }
    expect((await as.anon!({ method: 'GET', url: '/api/v1/units/import/template.xlsx' })).statusCode).toBe(
      401,
    );
  });
});
