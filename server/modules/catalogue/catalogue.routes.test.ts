import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTask, makeWorld, type World } from '../../test/factories.js';
import { testApp, type Caller, type TestApp } from '../../test/harness.js';

type Dataset = {
  id: number;
  code: string;
  published: boolean;
  version: number;
  marks: Record<string, boolean>;
};

/**
 * The data catalogue through the API: datasets with platforms and the six marks, published as of
 * a day, the units that have published nothing, the deadline task overdue or not as of a day, and
 * the scope: a unit never sees another unit's unpublished datasets.
 */
describe('data catalogue', () => {
  let t: TestApp;
  let w: World;
  const as: Record<string, Caller> = {};
  const call = (
    who: string,
    method: 'GET' | 'POST' | 'PUT' | 'PATCH',
    url: string,
    payload?: unknown,
    lang?: string,
  ) => as[who]!({ method, url: `/api/v1${url}`, payload: payload as Record<string, unknown>, lang });
  const codes = (list: Dataset[]) => list.map((d) => d.code);

  beforeAll(async () => {
    t = await testApp({ today: '2025-11-14' });
    w = await makeWorld(t.database.db);
    for (const [k, u] of Object.entries(w.u)) as[k] = await t.login(u.email);
  });
  afterAll(() => t.close());

  const body = (o: Record<string, unknown>) => ({
    programmeId: w.p1.id,
    ownerUnitId: w.units.finance.id,
    code: 'CSDL-TC-01',
    name: 'Cơ sở dữ liệu tài chính công',
    platforms: ['city_data_warehouse'],
    marks: ['correct', 'sufficient'],
    ...o,
  });

  it('creates datasets in the owner unit name and refuses bad input', async () => {
    expect(
      (await call('standing', 'POST', '/catalogue/datasets', body({ marks: ['pretty'] }))).statusCode,
    ).toBe(400);
    expect(
      (await call('standing', 'POST', '/catalogue/datasets', body({ platforms: ['facebook'] }))).statusCode,
    ).toBe(400);
    expect(
      (await call('standing', 'POST', '/catalogue/datasets', body({ ownerUnitId: w.units.police.id }))).json()
        .error.code,
    ).toBe('unit_outside_programme');
    expect(
      (await call('standing', 'POST', '/catalogue/datasets', body({ publishedOn: '2025-12-01' }))).statusCode,
    ).toBe(400);
    const out = await call(
      'officerA',
      'POST',
      '/catalogue/datasets',
      body({ ownerUnitId: w.units.communeB.id, code: 'X' }),
    );
    expect([out.statusCode, out.json().error.code]).toEqual([403, 'unit_out_of_scope']);
    const a = await call('standing', 'POST', '/catalogue/datasets', body({ publishedOn: '2025-10-01' }));
    expect(a.statusCode).toBe(200);
    expect(a.json()).toMatchObject({
      published: true,
      marks: { correct: true, sufficient: true, clean: false, shared: false },
    });
    expect((await call('standing', 'POST', '/catalogue/datasets', body({}))).json().error.code).toBe(
      'duplicate_code',
    );
    const mine = await call(
      'officerA',
      'POST',
      '/catalogue/datasets',
      body({ ownerUnitId: w.units.communeA.id, code: 'HK-DANCU', name: 'Dữ liệu dân cư phường' }),
    );
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toMatchObject({ published: false, can: { edit: true } });
    await call(
      'standing',
      'POST',
      '/catalogue/datasets',
      body({ ownerUnitId: w.units.science.id, code: 'KHCN-01', name: 'CSDL khoa học', platforms: [] }),
    );
  });

  it('never shows another unit its unpublished datasets; published ones are shared', async () => {
    expect(
      codes((await call('standing', 'GET', `/catalogue/datasets?programmeId=${w.p1.id}`)).json()),
    ).toEqual(['CSDL-TC-01', 'HK-DANCU', 'KHCN-01']);
    expect(
      codes((await call('inspector', 'GET', `/catalogue/datasets?programmeId=${w.p1.id}`)).json()),
    ).toHaveLength(3);
    expect(
      codes((await call('officerA', 'GET', `/catalogue/datasets?programmeId=${w.p1.id}`)).json()),
    ).toEqual(['CSDL-TC-01', 'HK-DANCU']);
    expect(
      codes((await call('officerB', 'GET', `/catalogue/datasets?programmeId=${w.p1.id}`)).json()),
    ).toEqual(['CSDL-TC-01']);
    const hk = (
      await call('officerA', 'GET', `/catalogue/datasets?programmeId=${w.p1.id}&q=dancu`)
    ).json()[0] as Dataset;
    expect((await call('officerB', 'GET', `/catalogue/datasets/${hk.id}`)).statusCode).toBe(404);
    expect(
      (await call('officerB', 'PATCH', `/catalogue/datasets/${hk.id}`, { version: hk.version, name: 'x' }))
        .statusCode,
    ).toBe(404);
    // Before its publication day, the finance dataset was nobody else's to see.
    expect(
      codes(
        (await call('officerB', 'GET', `/catalogue/datasets?programmeId=${w.p1.id}&asOf=2025-09-30`)).json(),
      ),
    ).toEqual([]);
    // Published by its unit: now commune B sees it too.
    const pub = await call('officerA', 'PATCH', `/catalogue/datasets/${hk.id}`, {
      version: hk.version,
      publishedOn: '2025-11-14',
      marks: ['correct', 'live', 'shared'],
    });
    expect(pub.json()).toMatchObject({ published: true, marks: { live: true, shared: true, clean: false } });
    expect(
      codes((await call('officerB', 'GET', `/catalogue/datasets?programmeId=${w.p1.id}`)).json()),
    ).toEqual(['CSDL-TC-01', 'HK-DANCU']);
    expect(
      (
        await call('officerA', 'PATCH', `/catalogue/datasets/${hk.id}`, { version: hk.version, name: 'x' })
      ).json().error.code,
    ).toBe('stale_version');
    expect(
      codes(
        (
          await call(
            'standing',
            'GET',
            `/catalogue/datasets?programmeId=${w.p1.id}&lacking=clean&platform=city_data_warehouse`,
          )
        ).json(),
      ),
    ).toEqual(['CSDL-TC-01', 'HK-DANCU']);
    expect(
      codes(
        (await call('standing', 'GET', `/catalogue/datasets?programmeId=${w.p1.id}&published=false`)).json(),
      ),
    ).toEqual(['KHCN-01']);
  });

  it('lists the units that have published nothing and the deadline task, overdue or not as of a day', async () => {
    const task = await makeTask(t.database.db, {
      programmeId: w.p1.id,
      leadUnitId: w.units.science.id,
      code: 'DMDL',
      title: 'Công bố Danh mục dữ liệu dùng chung',
      deadline: '2025-12-31',
    });
    expect(
      (
        await call('officerA', 'PUT', '/catalogue/settings', {
          programmeId: w.p1.id,
          taskId: task.id,
          publisherKinds: ['department'],
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await call('standing', 'PUT', '/catalogue/settings', {
          programmeId: w.p1.id,
          taskId: w.t.naTask.id,
          publisherKinds: ['department'],
        })
      ).json().error.code,
    ).toBe('task_not_in_programme');
    const s = await call('standing', 'PUT', '/catalogue/settings', {
      programmeId: w.p1.id,
      taskId: task.id,
      publisherKinds: ['department'],
    });
    expect(s.json()).toMatchObject({
      total: 3,
      published: 2,
      marks: { correct: 3, shared: 1 },
      deadline: { code: 'DMDL', overdue: false },
    });
    expect(s.json().notPublished).toEqual([expect.objectContaining({ code: 'SCI', unpublished: 1 })]);
    const later = (
      await call('steering', 'GET', `/catalogue/summary?programmeId=${w.p1.id}&asOf=2026-01-05`)
    ).json();
    expect(later.deadline).toMatchObject({ deadline: '2025-12-31', overdue: true, readable: true });
    // A commune's officer sees the deadline but not a link to a task it may not open.
    const commune = (await call('officerB', 'GET', `/catalogue/summary?programmeId=${w.p1.id}`)).json();
    expect(commune.deadline).toMatchObject({ code: 'DMDL', readable: false });
    expect((await call('officerB', 'GET', `/tasks/${task.id}`)).statusCode).toBe(404);
    const before = (
      await call('steering', 'GET', `/catalogue/summary?programmeId=${w.p1.id}&asOf=2025-09-30`)
    ).json();
    expect(before).toMatchObject({ published: 0 });
    expect(before.notPublished.map((u: { code: string }) => u.code)).toEqual(['FIN', 'SCI']);
    // A unit's users see only their own units among those that have not published.
    expect(
      (await call('officerB', 'GET', `/catalogue/summary?programmeId=${w.p1.id}`)).json().notPublished,
    ).toEqual([]);
  });

  it('exports the catalogue as XLSX, marks as numbers', async () => {
    const res = await call(
      'standing',
      'GET',
      `/catalogue/datasets/export.xlsx?programmeId=${w.p1.id}`,
      undefined,
      'en',
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(8).value).toBe('Correct');
    expect(ws.getRow(2).values).toEqual([
      undefined,
      'CSDL-TC-01',
      'Cơ sở dữ liệu tài chính công',
      '',
      'FIN',
      1,
      '2025-10-01',
      'city_data_warehouse',
      1,
      1,
      0,
      0,
      0,
      0,
    ]);
  });

  it('imports datasets from the template: preview, row errors, all or nothing, renamed columns refused', async () => {
    const upload = (who: string, url: string, body: Buffer, lang?: string) =>
      as[who]!({
        method: 'POST',
        url: `/api/v1${url}`,
        payload: body,
        lang,
        headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
      });
    const tpl = await call('standing', 'GET', `/catalogue/datasets/template.xlsx?programmeId=${w.p1.id}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(tpl.rawPayload as unknown as ArrayBuffer);
    const head = (wb.worksheets[0]!.getRow(1).values as unknown[]).slice(1) as string[];
    expect(head[0]).toBe('Mã');
    const file = async (rows: (string | number | null)[][]) => {
      const out = new ExcelJS.Workbook();
      const ws = out.addWorksheet('x');
      for (const r of rows) ws.addRow(r);
      return Buffer.from(await out.xlsx.writeBuffer());
    };
    const good = await file([
      head,
      [
        'CSDL-SCI-02',
        'CSDL chuyên gia',
        '',
        'SCI',
        '2025-11-01',
        'city_data_warehouse, iHanoi',
        1,
        1,
        0,
        1,
        0,
        1,
      ],
      [
        'CSDL-TC-01',
        'Cơ sở dữ liệu tài chính công (cập nhật)',
        '',
        'FIN',
        '2025-10-01',
        '',
        1,
        1,
        1,
        1,
        1,
        1,
      ],
      ['BAD', 'x', '', 'POL', '2030-01-01', 'facebook', 2, 0, 0, 0, 0, 0],
    ]);
    const url = `/catalogue/datasets/import`;
    const pre = await upload('standing', `${url}/preview?programmeId=${w.p1.id}`, good);
    expect(pre.json()).toMatchObject({ committed: false, total: 3, valid: 2 });
    expect(pre.json().rows[2].errors).toHaveLength(4);
    const all = await upload('standing', `${url}?programmeId=${w.p1.id}`, good);
    expect(all.json().error.code).toBe('import_rows_invalid');
    expect(
      codes((await call('standing', 'GET', `/catalogue/datasets?programmeId=${w.p1.id}`)).json()),
    ).toHaveLength(3);
    const valid = await upload('standing', `${url}?programmeId=${w.p1.id}&mode=valid`, good);
    expect(valid.json()).toMatchObject({ committed: true, written: 2 });
    const list = (
      await call('standing', 'GET', `/catalogue/datasets?programmeId=${w.p1.id}`)
    ).json() as (Dataset & { name: string; platforms: string[] })[];
    expect(list.find((d) => d.code === 'CSDL-SCI-02')).toMatchObject({
      published: true,
      platforms: ['city_data_warehouse', 'iHanoi'],
      marks: { clean: false, shared: true },
    });
    expect(list.find((d) => d.code === 'CSDL-TC-01')).toMatchObject({
      name: 'Cơ sở dữ liệu tài chính công (cập nhật)',
      marks: { clean: true },
    });
    const renamed = await upload(
      'standing',
      `${url}/preview?programmeId=${w.p1.id}`,
      await file([['Mã', 'Tên', ...head.slice(2)]]),
      'en',
    );
    expect(renamed.json().error).toMatchObject({ code: 'import_header_mismatch' });
    // A commune's officer imports into its own unit only.
    const other = await upload(
      'officerB',
      `${url}/preview?programmeId=${w.p1.id}`,
      await file([head, ['CB-X', 'x', '', 'CA', '', '', 0, 0, 0, 0, 0, 0]]),
    );
    expect(other.json().rows[0].errors[0].message).toContain('CA');
  });
});
