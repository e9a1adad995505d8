import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublicProgramme } from '../../../shared/schemas/publication.js';
import type { WarningList } from '../../../shared/schemas/warnings.js';
import { makeWorld, type World } from '../../test/factories.js';
import { testApp, type Caller, type TestApp } from '../../test/harness.js';

/**
 * A warning list reads worst first by this period's facts (decision 41), wherever it is read: the
 * draft, the published list, the public page. The lists here are written as the draw leaves them
 * (frozen reasons and streaks), with streaks chosen so that "longest streak first" would give
 * the opposite order.
 */
describe('the order of a warning list', () => {
  let t: TestApp;
  let w: World;
  const as: Record<string, Caller> = {};
  const EXPECTED = ['FIN', 'SCI', 'CA', 'CITY', 'CA1', 'CB'];

  const overdue = (days: number[]) => ({
    code: 'overdue_tasks',
    count: days.length,
    items: days.map((d, i) => ({
      taskId: i + 1,
      code: `T${i}`,
      title: 't',
      deadline: '2025-10-01',
      daysOverdue: d,
    })),
  });
  const below = (rate: string) => ({
    code: 'disbursement_below_threshold',
    count: 1,
    items: [
      { year: 2025, allocated: '100', disbursed: '10', rate, minRatePct: '30.0000', byDay: '2025-10-31' },
    ],
  });
  const facts: Record<string, { reasons: object[]; streak: number }> = {
    CB: {
      reasons: [{ code: 'report_late', count: 1, items: [{ submittedAt: '2025-11-01T00:00:00Z' }] }],
      streak: 9,
    },
    CA1: { reasons: [{ code: 'report_missing', count: 1, items: [] }], streak: 5 },
    SCI: { reasons: [overdue([40])], streak: 1 },
    FIN: { reasons: [overdue([3, 4])], streak: 2 },
    CA: { reasons: [overdue([10]), below('10.0000')], streak: 3 },
    CITY: { reasons: [below('20.0000')], streak: 11 },
  };

  async function writeList(period: string, status: 'draft' | 'published') {
    const db = t.database.db;
    const [list] = (
      await db.execute(sql`
        insert into warning_lists (programme_id, period, status, due_at, computed_at, as_of, published_at, published_by)
        values (${w.p1.id}, ${period}, ${status}, '2025-11-07T10:00:00Z', '2025-11-10T01:00:00Z', '2025-11-10',
                ${status === 'published' ? '2025-11-10T19:06:00Z' : null},
                ${status === 'published' ? w.u.standing.id : null})
        returning id`)
    ).rows as { id: number }[];
    for (const [code, f] of Object.entries(facts))
      await db.execute(sql`
        insert into warning_list_units (list_id, unit_id, reasons, streak)
        select ${list!.id}, id, ${JSON.stringify(f.reasons)}::jsonb, ${f.streak} from units where code = ${code}`);
    return list!.id;
  }
  const read = async (who: string, period: string, lang?: string) => {
    const r = await as[who]!({
      method: 'GET',
      url: `/api/v1/programmes/${w.p1.id}/warning-lists/${period}`,
      ...(lang && { lang }),
    });
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as WarningList;
  };

  beforeAll(async () => {
    t = await testApp({ today: '2025-11-14' });
    w = await makeWorld(t.database.db);
    // An office account, named after its office (as the demo's standing agency is).
    await t.database.db.execute(
      sql`update users set display_name = 'Chuyên viên Sở Tài chính (thường trực)' where id = ${w.u.standing.id}`,
    );
    await t.database.db.execute(
      sql`update units set name_en = 'Department of Finance', name_ar = 'دائرة المالية' where code = 'FIN'`,
    );
    for (const [k, u] of Object.entries(w.u)) as[k] = await t.login(u.email);
    await writeList('2025-W44', 'published');
    await writeList('2025-W45', 'draft');
  });
  afterAll(() => t?.close());

  it('ranks the published list by overdue tasks, days overdue, money, missing and late reports; the streak rides along', async () => {
    const l = await read('officerA', '2025-W44');
    expect(l.units.map((u) => u.unit.code)).toEqual(EXPECTED);
    expect(l.units.map((u) => [u.daysOverdue, u.streak])).toEqual([
      [7, 2],
      [40, 1],
      [10, 3],
      [0, 11],
      [0, 5],
      [0, 9],
    ]);
  });

  it('ranks the draft the same way, a unit taken off last', async () => {
    const draft = await read('standing', '2025-W45');
    expect(draft.units.map((u) => u.unit.code)).toEqual(EXPECTED);
    const removed = await as.standing!({
      method: 'POST',
      url: `/api/v1/warning-lists/${draft.id}/units/${w.units.finance.id}/remove`,
      payload: { reason: 'Đã nộp bản giấy' },
    });
    expect(removed.statusCode, removed.body).toBe(200);
    expect((removed.json() as WarningList).units.map((u) => u.unit.code)).toEqual([
      ...EXPECTED.slice(1),
      'FIN',
    ]);
  });

  it('ranks the public page the same way', async () => {
    const put = await as.steering!({
      method: 'PUT',
      url: `/api/v1/programmes/${w.p1.id}/publication`,
      payload: {
        slug: 'hanoi-nq57',
        enabled: true,
        taskCounts: false,
        warningLists: true,
        serviceIndicators: false,
        indicatorCodes: [],
      },
    });
    expect(put.statusCode, put.body).toBe(200);
    const r = await t.anon({ method: 'GET', url: '/api/v1/public/programmes/hanoi-nq57' });
    const p = r.json() as PublicProgramme;
    expect(p.timeZone).toBe('Asia/Ho_Chi_Minh');
    expect(p.warningList!.units.map((u) => u.code)).toEqual(EXPECTED);
    expect(p.warningList!.units[1]).toMatchObject({ code: 'SCI', daysOverdue: 40, streak: 1 });
  });

  it('names the office that published in the reader’s language, and untranslated units in Arabic letters or isolated', async () => {
    expect((await read('officerA', '2025-W44', 'vi')).publishedBy).toBe(
      'Chuyên viên Sở Tài chính (thường trực)',
    );
    expect((await read('officerA', '2025-W44', 'en')).publishedBy).toBe('Department of Finance');
    const ar = await read('officerA', '2025-W44', 'ar');
    expect(ar.publishedBy).toBe('دائرة المالية');
    const name = (code: string) => ar.units.find((u) => u.unit.code === code)!.unit.name;
    expect(name('CB')).toBe('بلدية \u2068Sóc Sơn\u2069');
    expect(name('CA')).toBe('حي \u2068Hoàn Kiếm\u2069');
    expect(name('CA1')).toBe('\u2068Tổ dân phố 1\u2069');
  });
});
