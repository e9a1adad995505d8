import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Evaluation } from '../../../shared/schemas/evaluations.js';
import { makeWorld, type World } from '../../test/factories.js';
import { testApp, type Caller, type TestApp } from '../../test/harness.js';

/** Year-end evaluation on the hand-made world: scores from the record, rules, approval that freezes. */
describe('year-end evaluation', () => {
  let t: TestApp;
  let w: World;
  const as: Record<string, Caller> = {};
  const url = (y = 2025) => `/api/v1/programmes/${w.p1.id}/evaluations/${y}`;
  const get = async (who = 'steering') => {
    const r = await as[who]!({ method: 'GET', url: url() });
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as Evaluation;
  };

  beforeAll(async () => {
    t = await testApp({ today: '2025-11-14' });
    w = await makeWorld(t.database.db);
    for (const [k, u] of Object.entries(w.u)) as[k] = await t.login(u.email);
  });
  afterAll(() => t.close());

  it('scores each unit from its tasks fallen due and its reports, with the breakdown', async () => {
    const e = await get();
    console.info(
      JSON.stringify(
        e.units.map((u) => [
          u.unit.code,
          u.score,
          u.grade,
          u.rank,
          u.breakdown.map((b) => `${b.code}:${b.numerator}/${b.denominator}`),
        ]),
      ),
    );
    expect(e).toMatchObject({ year: 2025, asOf: '2025-11-14', status: 'draft' });
    const sci = e.units.find((u) => u.unit.code === 'SCI')!;
    // Its one task fell due on 1 October and was done on 20 September: 1 of 1 on time.
    expect(sci.breakdown.find((b) => b.code === 'tasks_on_time')).toMatchObject({
      numerator: 1,
      denominator: 1,
      share: 1,
    });
    // It was expected to report in 38 weeks and sent nothing; no key result, no money, no register
    // entry: (40 + 0) ÷ 60 = 66.67, "complete".
    expect(sci.breakdown.find((b) => b.code === 'reporting_on_time')).toMatchObject({
      numerator: 0,
      denominator: 38,
    });
    expect(sci).toMatchObject({ score: 66.67, grade: 'complete', rank: 1 });
    const ca = e.units.find((u) => u.unit.code === 'CA')!;
    // Hoàn Kiếm's task fell due on 31 October and is not done; it sent no report.
    expect(ca.breakdown.find((b) => b.code === 'tasks_on_time')).toMatchObject({
      numerator: 0,
      denominator: 1,
      points: 0,
    });
    expect(ca.score).toBe(0);
    expect(ca).toMatchObject({ grade: 'not_complete', rank: 2 });
    for (const u of e.units) {
      const applicable = u.breakdown.filter((b) => b.share !== null);
      const weights = applicable.reduce((a, b) => a + b.weight, 0);
      const expected =
        Math.round((applicable.reduce((a, b) => a + b.share! * b.weight, 0) / weights) * 10_000) / 100;
      expect(u.score).toBeCloseTo(expected, 1);
    }
    expect(e.units[0]!.rank).toBe(1);
    expect(Object.values(e.gradeCounts).reduce((a, b) => a + b, 0)).toBe(
      e.units.filter((u) => u.grade).length,
    );
  });

  it('disbursement, obstacles and recommendations handled in time, with the evidence; the DOCX says the same', async () => {
    const api = async (method: 'POST' | 'PUT', u: string, payload: object) => {
      const r = await as.standing!({ method, url: `/api/v1${u}`, payload });
      expect(r.statusCode, `${u}: ${r.body}`).toBe(200);
      return r.json();
    };
    const plan = await api('POST', '/money/plans', {
      programmeId: w.p1.id,
      code: 'KH-CA-2025',
      unitId: w.units.communeA.id,
      project: 'Bộ phận một cửa',
      source: 'local_budget',
      year: 2025,
      amount: '1000000000',
    });
    await api('POST', '/money/payments', { planId: plan.id, paidOn: '2025-05-10', amount: '250000000' });
    const obstacle = (title: string, dueOn: string) =>
      api('POST', '/obstacles', {
        programmeId: w.p1.id,
        title,
        description: 'x',
        category: 'resources',
        severity: 'medium',
        raisedByUnitId: w.units.communeA.id,
        ownerUnitId: w.units.finance.id,
        dueOn,
        taskIds: [],
      });
    t.clock.set('2025-09-01');
    const inTime = await obstacle('Thiếu kinh phí máy quét', '2025-09-30');
    await obstacle('Chưa bố trí biên chế', '2025-10-15');
    await api('POST', '/recommendations', {
      programmeId: w.p1.id,
      fromUnitId: w.units.communeA.id,
      toUnitId: w.units.finance.id,
      content: 'Đề nghị bổ sung kinh phí',
      submittedOn: '2025-09-01',
    });
    t.clock.set('2025-09-20');
    await api('POST', `/obstacles/${inTime.id}/status`, {
      version: inTime.version,
      status: 'resolved',
      resolution: 'Đã cấp kinh phí',
    });
    t.clock.set('2025-11-14');

    const e = await get();
    const crit = (code: string, c: string) =>
      e.units.find((u) => u.unit.code === code)!.breakdown.find((b) => b.code === c)!;
    expect(crit('CA', 'disbursement_rate')).toMatchObject({
      numerator: 250_000_000,
      denominator: 1_000_000_000,
      share: 0.25,
      points: 2.5,
    });
    // Finance owns two obstacles that fell due: one resolved before its day, one still open past it.
    expect(crit('FIN', 'obstacles_in_time')).toMatchObject({ numerator: 1, denominator: 2, points: 5 });
    expect(crit('FIN', 'obstacles_in_time').evidence).toEqual([
      { ref: expect.stringContaining('Thiếu kinh phí máy quét (2025-09-30)'), ok: true },
      { ref: expect.stringContaining('Chưa bố trí biên chế (2025-10-15)'), ok: false },
    ]);
    // The recommendation fell due in 15 working days and is still unanswered.
    expect(crit('FIN', 'recommendations_in_time')).toMatchObject({ numerator: 0, denominator: 1, points: 0 });
    // Tasks and reports show their items too.
    const sci = crit('SCI', 'tasks_on_time');
    expect(sci.evidence).toEqual([{ ref: expect.any(String), ok: true }]);
    expect(crit('SCI', 'reporting_on_time').evidence).toHaveLength(38);
    const fin = e.units.find((u) => u.unit.code === 'FIN')!;

    // The DOCX: administrative layout, and every unit's rank, score and figures as the evaluation says.
    const r = await as.steering!({ method: 'GET', url: `${url()}/export.docx`, lang: 'vi' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    const xml = await (await JSZip.loadAsync(r.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml).toContain('w:w="11906" w:h="16838"');
    expect(xml).toMatch(/w:ascii="Times New Roman"/);
    const text = xml.replace(/<[^>]+>/g, '|');
    for (const s of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Số: ……/BC-BCĐ', 'NĂM 2025', 'Tỷ lệ giải ngân'])
      expect(text).toContain(s);
    // The ranking's rows: rank | code · name | head | score | grade.
    for (const u of e.units) {
      expect(text).toContain(`|${u.rank}|`);
      expect(text).toContain(`${u.unit.code} · ${u.unit.name}`);
      expect(text).toMatch(new RegExp(`\\|${String(u.score).replace('.', '\\.')}\\|`));
    }
    // Finance's obstacle row: weight 10 | n 1 | N 2 | points 5 | the evidence.
    expect(text).toMatch(/Vướng mắc xử lý đúng hạn\|+10\|+1\|+2\|+5\|+✓ #\d+ Thiếu kinh phí máy quét/);
    expect(fin.score).not.toBeNull();
    expect(text).toContain(`FIN · ${fin.unit.name} — ${fin.score}`);
  });

  it('takes new rules from the standing agency only, valid ones only', async () => {
    const rules = {
      criteria: [
        { code: 'tasks_on_time', weight: 70 },
        { code: 'reporting_on_time', weight: 30 },
      ],
      thresholds: { excellent: 90, good: 70, complete: 50 },
      excellentCapPct: 20,
    };
    const put = (who: string, body: object) =>
      as[who]!({ method: 'PUT', url: `${url()}/rules`, payload: body, lang: 'en' });
    expect((await put('officerA', rules)).statusCode).toBe(403);
    expect(
      (await put('standing', { ...rules, criteria: [{ code: 'tasks_on_time', weight: 60 }] })).statusCode,
    ).toBe(400);
    expect(
      (await put('standing', { ...rules, thresholds: { excellent: 50, good: 70, complete: 90 } })).statusCode,
    ).toBe(400);
    expect(
      (await put('standing', { ...rules, criteria: [{ code: 'bribes', weight: 100 }] })).statusCode,
    ).toBe(400);
    const ok = await put('standing', rules);
    expect(ok.statusCode, ok.body).toBe(200);
    expect((ok.json() as Evaluation).rules.criteria).toHaveLength(2);
  });

  it('is read by the programme side only', async () => {
    expect((await as.officerA!({ method: 'GET', url: url() })).statusCode).toBe(403);
    expect((await as.steeringNA!({ method: 'GET', url: url() })).statusCode).toBe(404);
    expect((await as.inspector!({ method: 'GET', url: url() })).statusCode).toBe(200);
    expect((await as.steering!({ method: 'GET', url: url(2030) })).json().error.code).toBe('period_not_open');
  });

  it('is frozen once approved by the steering body; a later change to the record does not move it', async () => {
    expect((await as.standing!({ method: 'POST', url: `${url()}/approve` })).statusCode).toBe(403);
    const approved = await as.steering!({ method: 'POST', url: `${url()}/approve` });
    expect(approved.statusCode, approved.body).toBe(200);
    const frozen = approved.json() as Evaluation;
    expect(frozen).toMatchObject({
      status: 'approved',
      approvedBy: expect.any(String),
      can: { configure: false, approve: false },
    });
    // Hoàn Kiếm's task is done after all (late): the approved result stays as it was.
    const done = await as.standing!({
      method: 'PATCH',
      url: `/api/v1/tasks/${w.t.aOverdue.id}`,
      payload: { completedOn: '2025-11-13', progress: 100, version: w.t.aOverdue.version },
    });
    expect([200, 409]).toContain(done.statusCode);
    t.clock.set('2025-11-20');
    const again = await get();
    expect(again.units).toEqual(frozen.units);
    expect(again.asOf).toBe(frozen.asOf);
    expect(
      (await as.steering!({ method: 'POST', url: `${url()}/approve`, lang: 'en' })).json().error.code,
    ).toBe('evaluation_frozen');
    expect(
      (await as.standing!({ method: 'PUT', url: `${url()}/rules`, payload: frozen.rules })).statusCode,
    ).toBe(409);
  });

  it('exports to XLSX with numbers as numbers', async () => {
    const r = await as.steering!({ method: 'GET', url: `${url()}/export.xlsx`, lang: 'vi' });
    expect(r.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(1).value).toBe('Hạng');
    expect(typeof ws.getRow(2).getCell(1).value).toBe('number');
  });
});
