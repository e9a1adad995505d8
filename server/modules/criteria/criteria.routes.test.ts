import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeWorld, type World } from '../../test/factories.js';
import { testApp, type Caller, type TestApp } from '../../test/harness.js';
import { matrixSchema } from '../../../shared/schemas/criteria.js';

async function xlsx(rows: (string | number | null)[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('2025-Q4');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const HEAD = ['Mã đơn vị', 'Tên đơn vị', 'C1', 'C1 (minh chứng)', 'C2', 'C3'];

/**
 * Criteria sets and assessments through the API: the refusals (a criterion not in the set, met
 * without the evidence it needs, a unit out of scope or not assessed by the set, a score out of
 * range), the matrix with its filters and counts, the trend between two periods, the unit scope (a
 * unit never sees another unit's values), the XLSX template, import (preview, all or nothing,
 * renamed or reordered columns refused) and export with real numbers.
 */
describe('criteria sets and assessments', () => {
  let t: TestApp;
  let w: World;
  let setId = 0;
  let c1 = 0;
  const as: Record<string, Caller> = {};
  const call = (
    who: string,
    method: 'GET' | 'POST' | 'PUT' | 'PATCH',
    url: string,
    payload?: unknown,
    lang?: string,
  ) => as[who]!({ method, url: `/api/v1${url}`, payload: payload as Record<string, unknown>, lang });
  const upload = (who: string, url: string, body: Buffer, lang?: string) =>
    as[who]!({
      method: 'POST',
      url: `/api/v1${url}`,
      payload: body,
      lang,
      headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    });
  const count = async () =>
    Number(
      (
        (await t.database.db.execute(sql`select count(*)::int as n from assessments`)).rows[0] as {
          n: number;
        }
      ).n,
    );

  beforeAll(async () => {
    t = await testApp({ today: '2025-11-14' });
    w = await makeWorld(t.database.db);
    for (const [k, u] of Object.entries(w.u)) as[k] = await t.login(u.email);
  });
  afterAll(() => t.close());

  const criteria = [
    {
      code: 'C1',
      name: { vi: 'Có cổng thông tin điện tử' },
      kind: 'boolean',
      evidenceRequired: true,
      group: 'network',
    },
    { code: 'C2', name: { vi: 'Có wifi miễn phí tại trụ sở' }, kind: 'boolean', group: 'headquarters' },
    {
      code: 'C3',
      name: { vi: 'Tỷ lệ cán bộ có kỹ năng số', en: 'Staff with digital skills' },
      kind: 'score',
      threshold: 5,
      maxScore: 10,
      group: 'human_resources',
    },
  ];

  it('creates a set (standing agency only) and refuses a bad one', async () => {
    const body = {
      programmeId: w.p1.id,
      code: 'CDS',
      name: { vi: 'Bộ tiêu chí xã chuyển đổi số' },
      unitKinds: ['ward', 'commune'],
      criteria,
    };
    expect((await call('officerA', 'POST', '/criteria/sets', body)).statusCode).toBe(403);
    expect(
      (
        await call('standing', 'POST', '/criteria/sets', {
          ...body,
          criteria: [{ ...criteria[2], threshold: null }],
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (await call('standing', 'POST', '/criteria/sets', { ...body, criteria: [criteria[0], criteria[0]] }))
        .statusCode,
    ).toBe(400);
    const res = await call('standing', 'POST', '/criteria/sets', body);
    expect(res.statusCode).toBe(200);
    setId = res.json().id;
    c1 = res.json().criteria[0].id;
    expect(res.json().criteria.map((c: { code: string }) => c.code)).toEqual(['C1', 'C2', 'C3']);
    expect((await call('standing', 'POST', '/criteria/sets', body)).json().error.code).toBe('duplicate_code');
  });

  const put = (who: string, unitId: number, period: string, values: unknown[], lang?: string) =>
    call(who, 'PUT', `/criteria/sets/${setId}/assessments`, { unitId, period, values }, lang);

  it('refuses bad values with clear errors and writes nothing', async () => {
    const A = w.units.communeA.id;
    const noEvidence = await put(
      'officerA',
      A,
      '2025-Q3',
      [
        { criterionCode: 'C2', met: true },
        { criterionCode: 'C1', met: true },
      ],
      'en',
    );
    expect(noEvidence.statusCode).toBe(422);
    expect(noEvidence.json().error).toMatchObject({ code: 'evidence_required' });
    expect(noEvidence.json().error.message).toBe(
      'Criterion C1 needs evidence (a note or a link) before it can be marked met.',
    );
    expect(
      (await put('officerA', A, '2025-Q3', [{ criterionCode: 'C9', met: true }])).json().error.code,
    ).toBe('criterion_not_in_set');
    expect(
      (await put('officerA', A, '2025-Q3', [{ criterionCode: 'C3', score: 11 }])).json().error.code,
    ).toBe('score_out_of_range');
    expect(
      (await put('officerA', A, '2025-Q3', [{ criterionCode: 'C3', met: true }])).json().error.code,
    ).toBe('value_missing');
    const other = await put('officerA', w.units.communeB.id, '2025-Q3', [{ criterionCode: 'C2', met: true }]);
    expect([other.statusCode, other.json().error.code]).toEqual([403, 'unit_out_of_scope']);
    expect(
      (await put('standing', w.units.police.id, '2025-Q3', [{ criterionCode: 'C2', met: true }])).json().error
        .code,
    ).toBe('unit_outside_programme');
    expect(
      (await put('standing', w.units.finance.id, '2025-Q3', [{ criterionCode: 'C2', met: true }])).json()
        .error.code,
    ).toBe('unit_kind_not_in_set');
    expect((await put('standing', A, '2025-W99', [{ criterionCode: 'C2', met: true }])).statusCode).toBe(400);
    expect(await count()).toBe(0);
  });

  it('records values entered by the unit or by the standing agency, with who and when', async () => {
    const A = w.units.communeA.id;
    const B = w.units.communeB.id;
    const a = await put('officerA', A, '2025-Q3', [
      { criterionCode: 'C1', met: true, evidence: 'https://hoankiem.hanoi.gov.vn' },
      { criterionCode: 'C2', met: false },
      { criterionCode: 'C3', score: 4 },
    ]);
    expect(a.statusCode).toBe(200);
    expect(a.json().values).toHaveLength(3);
    expect(a.json().values[0]).toMatchObject({ enteredAs: 'unit', enteredBy: 'officer.a' });
    await put('standing', B, '2025-Q3', [
      { criterionCode: 'C1', met: false },
      { criterionCode: 'C2', met: true },
      { criterionCode: 'C3', score: 6 },
    ]);
    await put('officerA', A, '2025-Q4', [
      { criterionCode: 'C1', met: true, evidence: 'Quyết định 12/QĐ-UBND' },
      { criterionCode: 'C2', met: true },
      { criterionCode: 'C3', score: 7.5 },
    ]);
    const b4 = await put('standing', B, '2025-Q4', [
      { criterionCode: 'C1', met: false },
      { criterionCode: 'C2', met: false },
      { criterionCode: 'C3', score: 6 },
    ]);
    expect(b4.json().values[0]).toMatchObject({ enteredAs: 'standing' });
    expect(await count()).toBe(12);
  });

  it('shows the matrix with its filters and counts; a unit sees only its own values', async () => {
    const m = (await call('standing', 'GET', `/criteria/sets/${setId}/matrix?period=2025-Q3`)).json();
    // Written without output validation (decision 32): the shape is checked here.
    expect(matrixSchema.safeParse(m).success).toBe(true);
    expect(m.total).toBe(2);
    expect(m.rows.map((r: { unit: { code: string } }) => r.unit.code)).toEqual(['CA', 'CB']);
    expect(m.rows[0]).toMatchObject({ met: [true, false, false], scores: [null, null, 4], metCount: 1 });
    expect(m.counts.map((c: { met: number }) => c.met)).toEqual([1, 1, 1]);
    const missing = (
      await call('standing', 'GET', `/criteria/sets/${setId}/matrix?period=2025-Q3&missing=${c1}`)
    ).json();
    expect(missing.rows.map((r: { unit: { code: string } }) => r.unit.code)).toEqual(['CB']);
    const all = (
      await call('steering', 'GET', `/criteria/sets/${setId}/matrix?period=2025-Q4&allMet=true`)
    ).json();
    expect(all.rows.map((r: { unit: { code: string } }) => r.unit.code)).toEqual(['CA']);
    expect(all.allMet).toBe(1);
    const none = (
      await call(
        'inspector',
        'GET',
        `/criteria/sets/${setId}/matrix?period=2025-Q4&parentUnitId=${w.units.communeB.id}`,
      )
    ).json();
    expect(none.rows.map((r: { unit: { code: string } }) => r.unit.code)).toEqual(['CB']);
    // Unit scope: commune B's officer sees commune B only, and never commune A's values.
    const mine = (await call('officerB', 'GET', `/criteria/sets/${setId}/matrix?period=2025-Q3`)).json();
    expect(mine.rows.map((r: { unit: { code: string } }) => r.unit.code)).toEqual(['CB']);
    expect(mine.counts.map((c: { met: number }) => c.met)).toEqual([0, 1, 1]);
    const peek = await call(
      'officerB',
      'GET',
      `/criteria/sets/${setId}/assessments?unitId=${w.units.communeA.id}&period=2025-Q3`,
    );
    expect(peek.statusCode).toBe(404);
    expect(
      (
        await call(
          'officerA',
          'GET',
          `/criteria/sets/${setId}/assessments?unitId=${w.units.communeA.id}&period=2025-Q3`,
        )
      ).json().values,
    ).toHaveLength(3);
    const trendB = (
      await call('officerB', 'GET', `/criteria/sets/${setId}/trend?from=2025-Q3&to=2025-Q4`)
    ).json();
    expect(trendB.units.map((u: { unit: { code: string } }) => u.unit.code)).toEqual(['CB']);
    // Another programme's steering member does not see the set at all.
    expect(
      (await call('steeringNA', 'GET', `/criteria/sets/${setId}/matrix?period=2025-Q3`)).statusCode,
    ).toBe(404);
    expect(
      (await call('standing', 'GET', `/criteria/sets/${setId}/matrix?period=2025-Q3&missing=999999`)).json()
        .error.code,
    ).toBe('criterion_not_in_set');
  });

  it('feeds the cockpit: the latest period begun, units assessed, those meeting all (scope-aware)', async () => {
    const cockpit = async (who: string, q = '') =>
      (await call(who, 'GET', `/programmes/${w.p1.id}/cockpit${q}`)).json() as {
        registers: { criteria: { setId: number; period: string; units: number; allMet: number }[] };
      };
    const q4 = (await call('standing', 'GET', `/criteria/sets/${setId}/matrix?period=2025-Q4`)).json();
    const tile = (await cockpit('standing')).registers.criteria.find((c) => c.setId === setId)!;
    expect(tile).toMatchObject({ period: '2025-Q4', units: q4.total, allMet: q4.allMet });
    // As of a day in the third quarter, the fourth has not begun.
    const then = (await cockpit('standing', '?asOf=2025-09-30')).registers.criteria.find(
      (c) => c.setId === setId,
    );
    expect(then).toMatchObject({ period: '2025-Q3' });
    // A unit's page: for one commune, how many criteria it meets (its matrix row's count).
    const one = (
      await call('standing', 'GET', `/criteria/glance?programmeId=${w.p1.id}&unitId=${w.units.communeA.id}`)
    ).json() as { setId: number; units: number; metCells: number }[];
    const rowA = q4.rows.find((r: { unit: { id: number } }) => r.unit.id === w.units.communeA.id);
    expect(one.find((g) => g.setId === setId)).toMatchObject({ units: 1, metCells: rowA.metCount });
    // A commune officer's cockpit counts its own unit only.
    const mine = (await cockpit('officerB')).registers.criteria.find((c) => c.setId === setId)!;
    expect(mine.units).toBeLessThanOrEqual(1);
  });

  it('shows the trend between two periods: who improved, who regressed, counts then and now', async () => {
    const tr = (
      await call('standing', 'GET', `/criteria/sets/${setId}/trend?from=2025-Q3&to=2025-Q4`)
    ).json();
    expect(tr).toMatchObject({ improved: 1, regressed: 1, unchanged: 0, allMetFrom: 0, allMetTo: 1 });
    expect(tr.units).toEqual([
      expect.objectContaining({
        unit: expect.objectContaining({ code: 'CA' }),
        from: 1,
        to: 3,
        change: 'improved',
      }),
      expect.objectContaining({
        unit: expect.objectContaining({ code: 'CB' }),
        from: 2,
        to: 1,
        change: 'regressed',
      }),
    ]);
    expect(tr.criteria.map((c: { from: number; to: number }) => [c.from, c.to])).toEqual([
      [1, 1],
      [1, 1],
      [1, 2],
    ]);
  });

  it('imports from the template: preview, row errors, all or nothing, or the valid rows', async () => {
    const tpl = await call('standing', 'GET', `/criteria/sets/${setId}/template.xlsx?period=2025-Q4`);
    expect(tpl.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(tpl.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.getRow(1).values).toEqual([undefined, ...HEAD]);
    expect(wb.worksheets[0]!.getRow(2).getCell(1).value).toBe('CA');

    const before = await count();
    const file = await xlsx([
      HEAD,
      ['CA', 'Phường Hoàn Kiếm', 'x', 'https://hoankiem.hanoi.gov.vn/cds', 0, 9],
      ['CB', 'Xã Sóc Sơn', 'đạt', null, 'maybe', 12],
      ['POL', 'Công an', 1, 'x', 1, 1],
      ['NOPE', '', 1, 'x', 1, 1],
      ['CA', 'Phường Hoàn Kiếm', null, null, 1, 1],
    ]);
    const url = `/criteria/sets/${setId}/import`;
    const pre = await upload('standing', `${url}/preview?period=2025-Q4`, file);
    expect(pre.statusCode).toBe(200);
    expect(pre.json()).toMatchObject({ committed: false, total: 5, valid: 1, written: 0 });
    const errs = pre
      .json()
      .rows.map((r: { errors: { message: string }[] }) => r.errors.map((e) => e.message));
    expect(errs[0]).toEqual([]);
    expect(errs[1]).toEqual([
      'Tiêu chí C1 cần minh chứng (ghi chú hoặc đường dẫn) mới được ghi là đạt.',
      expect.stringContaining('C2'),
      'Điểm của tiêu chí C3 phải từ 0 đến 10.',
    ]);
    expect(errs[2]![0]).toContain('POL');
    expect(errs[4]).toEqual(['Mã "CA" đã được dùng.']);
    const all = await upload('standing', `${url}?period=2025-Q4`, file);
    expect([all.statusCode, all.json().error.code]).toEqual([422, 'import_rows_invalid']);
    expect(await count()).toBe(before);
    const good = await upload('standing', `${url}?period=2025-Q4&mode=valid`, file);
    expect(good.json()).toMatchObject({ committed: true, valid: 1, written: 3 });
    const a = (
      await call(
        'standing',
        'GET',
        `/criteria/sets/${setId}/assessments?unitId=${w.units.communeA.id}&period=2025-Q4`,
      )
    ).json();
    expect(a.values.find((v: { criterionCode: string }) => v.criterionCode === 'C3')).toMatchObject({
      score: 9,
      met: true,
      enteredAs: 'standing',
    });
    // A commune's officer imports its own row only.
    const own = await upload(
      'officerB',
      `${url}/preview?period=2025-Q4`,
      await xlsx([HEAD, ['CA', '', 1, 'x', 1, 1]]),
    );
    expect(own.json().rows[0].errors[0].message).toContain('CA');
  });

  it('refuses a template with columns renamed, reordered, or naming a criterion not in the set', async () => {
    const url = `/criteria/sets/${setId}/import/preview?period=2025-Q4`;
    const renamed = await upload('standing', url, await xlsx([['Mã đơn vị', 'Tên', ...HEAD.slice(2)]]), 'en');
    expect(renamed.json().error).toMatchObject({ code: 'import_header_mismatch' });
    expect(renamed.json().error.message).toContain('column 2 must be "Unit name" but is "Tên"');
    const reordered = await upload(
      'standing',
      url,
      await xlsx([['Mã đơn vị', 'Tên đơn vị', 'C2', 'C1', 'C1 (minh chứng)', 'C3']]),
    );
    expect(reordered.json().error.code).toBe('import_header_mismatch');
    const foreign = await upload('standing', url, await xlsx([[...HEAD, 'C17']]), 'en');
    expect(foreign.json().error).toMatchObject({
      code: 'criterion_not_in_set',
      message: 'Criterion C17 is not in this criteria set.',
    });
    const swapped = await upload(
      'standing',
      url,
      await xlsx([['Mã đơn vị', 'Tên đơn vị', 'C1', 'C1 (minh chứng)', 'C2', 'C4']]),
    );
    expect(swapped.json().error.code).toBe('criterion_not_in_set');
    expect((await upload('standing', url, Buffer.from('not a spreadsheet'))).json().error.code).toBe(
      'import_file_invalid',
    );
  });

  it('exports the matrix as XLSX with real numbers', async () => {
    const res = await call(
      'standing',
      'GET',
      `/criteria/sets/${setId}/matrix.xlsx?period=2025-Q4`,
      undefined,
      'en',
    );
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(2).values).toEqual([
      undefined,
      'Unit code',
      'Unit name',
      'Parent unit',
      'C1',
      'C2',
      'C3',
      'Criteria met',
    ]);
    expect(ws.getRow(3).values).toEqual([undefined, 'CA', 'Hoan Kiem Ward', 'Thành phố Hà Nội', 1, 0, 9, 2]);
    expect(ws.getRow(3).getCell(4).numFmt).toBe('"✓";"-";"✗"');
    expect(ws.getRow(5).getCell(6).value).toBe(2);
  });

  it('edits a set: renames, adds a criterion, and refuses a stale version', async () => {
    const s = (await call('standing', 'GET', `/criteria/sets/${setId}`)).json();
    expect(s.periods).toEqual(['2025-Q3', '2025-Q4']);
    const res = await call('standing', 'PATCH', `/criteria/sets/${setId}`, {
      version: s.version,
      name: { vi: 'Bộ 4 tiêu chí', en: 'Four criteria', ar: null },
      criteria: [...criteria, { code: 'C4', name: { vi: 'Có camera an ninh' }, kind: 'boolean' }],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().criteria).toHaveLength(4);
    expect(
      (
        await call('standing', 'PATCH', `/criteria/sets/${setId}`, { version: s.version, name: { vi: 'x' } })
      ).json().error.code,
    ).toBe('stale_version');
    expect(
      (
        await call('officerA', 'PATCH', `/criteria/sets/${setId}`, {
          version: s.version + 1,
          name: { vi: 'x' },
        })
      ).statusCode,
    ).toBe(403);
  });
});
