import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTask, makeWorld, type World } from '../../test/factories.js';
import { testApp, type Caller, type TestApp } from '../../test/harness.js';

describe('tasks API', () => {
  let t: TestApp;
  let w: World;
  let admin: Caller;
  let standing: Caller;
  beforeAll(async () => {
    t = await testApp({ today: '2025-11-14' });
    w = await makeWorld(t.database.db);
    admin = await t.login(w.u.admin.email);
    standing = await t.login(w.u.standing.email);
  });
  afterAll(() => t.close());

  const list = async (qs: string, who: Caller = admin) => {
    const res = await who({ method: 'GET', url: `/api/v1/tasks?programmeId=${w.p1.id}&sort=code&${qs}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as {
      items: { code: string; state: string; daysOverdue: number | null }[];
      nextCursor: string | null;
      total: number;
      asOf: string;
    };
  };
  const codes = async (qs: string) => (await list(qs)).items.map((x) => x.code);

  describe('filters', () => {
    it('state as of today and as of another date', async () => {
      const now = await list('state=overdue');
      expect(now.asOf).toBe('2025-11-14');
      expect(now.items.map((x) => x.code)).toEqual(['A-OVERDUE']);
      expect(now.items[0]!.daysOverdue).toBe(14);
      // On 30 Sep nothing was overdue yet, and SCI-DONE was already done (on 20 Sep).
      expect(await codes('state=overdue&asOf=2025-09-30')).toEqual([]);
      expect(await codes('state=done_on_time,done_late&asOf=2025-09-30')).toEqual(['SCI-DONE']);
      expect(await codes('state=in_progress&asOf=2025-09-15')).toEqual(['A-OVERDUE', 'SCI-DONE']);
    });
    it('unit subtree, as lead or coordinator', async () => {
      const a = w.units.communeA.id;
      expect(await codes(`unitId=${a}`)).toEqual(['A-OVERDUE', 'A1-TASK', 'B-COORD-A']);
      expect(await codes(`unitId=${a}&unitRole=lead`)).toEqual(['A-OVERDUE', 'A1-TASK']);
      expect(await codes(`unitId=${a}&unitRole=coordinate`)).toEqual(['B-COORD-A']);
    });
    it('group, level, directive, kind and deadline range', async () => {
      expect(await codes(`groupId=${w.p1.groups[0]!.id}`)).toEqual(['A-OVERDUE']);
      expect(await codes('level=central')).toEqual(['SCI-DONE']);
      expect(await codes(`directiveId=${w.p1.directive.id}`)).toEqual(['A-OVERDUE']);
      expect(await codes('kind=pilot')).toEqual([]);
      expect(await codes('deadlineFrom=2025-11-01&deadlineTo=2025-12-31')).toEqual(['B-COORD-A', 'B-ONLY']);
    });
    it('text search ignores Vietnamese diacritics and case', async () => {
      expect(await codes('q=hoan%20kiem')).toEqual(['A-OVERDUE']);
      expect(await codes('q=S%E1%BB%90%20H%C3%93A')).toEqual(['A-OVERDUE']); // "SỐ HÓA"
      expect(await codes('q=ha%20tang')).toEqual(['B-ONLY']);
      expect(await codes('q=100%25')).toEqual([]); // % is a literal, not a wildcard
    });
  });

  it('cursor pagination walks every row once, in order, for each sort', async () => {
    for (let i = 0; i < 23; i++)
      await makeTask(t.database.db, {
        programmeId: w.p2.id,
        leadUnitId: w.units.police.id,
        code: `PG-${String(i).padStart(2, '0')}`,
        deadline: `2026-0${(i % 9) + 1}-1${i % 10}`,
        progress: (i * 7) % 100,
      });
    for (const sort of ['code', '-code', 'deadline', '-deadline', 'progress', '-progress', 'title']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res = await admin({
          method: 'GET',
          url: `/api/v1/tasks?programmeId=${w.p2.id}&sort=${sort}&limit=5${cursor ? `&cursor=${cursor}` : ''}`,
        });
        const body = res.json();
        expect(body.total).toBe(24);
        seen.push(...body.items.map((x: { code: string }) => x.code));
        cursor = body.nextCursor;
        pages++;
      } while (cursor);
      expect(pages).toBe(5);
      expect(new Set(seen).size).toBe(24);
    }
    const bad = await admin({
      method: 'GET',
      url: `/api/v1/tasks?programmeId=${w.p2.id}&cursor=not-a-cursor`,
    });
    expect(bad.statusCode).toBe(400);
  });

  it('summary: counts by state, level, group and overdue by unit, as of a date', async () => {
    const s = (await admin({ method: 'GET', url: `/api/v1/tasks/summary?programmeId=${w.p1.id}` })).json();
    expect(s.total).toBe(5);
    expect(s.byState).toEqual({ done_on_time: 1, done_late: 0, overdue: 1, in_progress: 1, not_started: 2 });
    expect(s.byLevel.find((l: { level: string }) => l.level === 'central').total).toBe(1);
    expect(s.overdueByUnit).toEqual([
      { unitId: w.units.communeA.id, code: 'CA', name: 'Phường Hoàn Kiếm', overdue: 1, total: 1 },
    ]);
    const earlier = (
      await admin({ method: 'GET', url: `/api/v1/tasks/summary?programmeId=${w.p1.id}&asOf=2025-09-01` })
    ).json();
    expect(earlier.byState.overdue).toBe(0);
    expect(earlier.byState.done_on_time).toBe(0);
  });

  it('detail with coordinating units, history and names in the reader language', async () => {
    const res = await admin({ method: 'GET', url: `/api/v1/tasks/${w.t.bCoordA.id}`, lang: 'en' });
    expect(res.statusCode).toBe(200);
    const d = res.json();
    expect(d.coordinatingUnits.map((u: { name: string }) => u.name)).toEqual(['Hoan Kiem Ward']);
    expect(d.state).toBe('in_progress');
  });

  describe('create and update', () => {
    const base = () => ({
      programmeId: w.p1.id,
      code: 'NEW-1',
      title: 'Xây dựng kho dữ liệu dùng chung',
      assignedLevel: 'city',
      leadUnitId: w.units.science.id,
      coordinatingUnitIds: [w.units.communeA.id],
      startDate: '2025-11-01',
      deadline: '2025-12-31',
      milestones: [{ title: 'Khảo sát', dueOn: '2025-11-20', doneOn: null }],
    });

    it('creates a task with its roadmap, and records history and audit', async () => {
      const res = await standing({ method: 'POST', url: '/api/v1/tasks', payload: base() });
      expect(res.statusCode, res.body).toBe(201);
      const d = res.json();
      expect(d.state).toBe('not_started');
      expect(d.milestones).toHaveLength(1);
      expect(d.history.map((h: { action: string }) => h.action)).toEqual(['created']);
    });

    it('an extended deadline applies from today on; the original stays; history says from → to', async () => {
      const id = w.t.aOverdue.id;
      const v = (await standing({ method: 'GET', url: `/api/v1/tasks/${id}` })).json().version;
      const res = await standing({
        method: 'PATCH',
        url: `/api/v1/tasks/${id}`,
        payload: { version: v, deadline: '2025-12-15' },
      });
      expect(res.statusCode, res.body).toBe(200);
      const d = res.json();
      expect(d.state).toBe('in_progress');
      expect(d.originalDeadline).toBe('2025-10-31');
      expect(d.deadlineChanges).toEqual([
        { deadline: '2025-12-15', effectiveFrom: '2025-11-14', reason: null },
      ]);
      expect(d.history.at(-1).changes.deadline).toEqual({ from: '2025-10-31', to: '2025-12-15' });
      // Replaying yesterday still shows it overdue against the deadline then in force.
      const y = (await standing({ method: 'GET', url: `/api/v1/tasks/${id}?asOf=2025-11-13` })).json();
      expect(y.state).toBe('overdue');
      expect(y.deadlineAsOf).toBe('2025-10-31');
    });

    it('a stale version is refused and nothing is written', async () => {
      const id = w.t.bOnly.id;
      const v = (await standing({ method: 'GET', url: `/api/v1/tasks/${id}` })).json().version;
      expect(
        (
          await standing({
            method: 'PATCH',
            url: `/api/v1/tasks/${id}`,
            payload: { version: v, progress: 20 },
          })
        ).statusCode,
      ).toBe(200);
      const second = await standing({
        method: 'PATCH',
        url: `/api/v1/tasks/${id}`,
        payload: { version: v, progress: 90 },
      });
      expect(second.statusCode).toBe(409);
      expect(second.json().error.code).toBe('stale_version');
      expect((await standing({ method: 'GET', url: `/api/v1/tasks/${id}` })).json().progress).toBe(20);
    });
  });

  describe('bad input gets a clear 4xx and changes nothing', () => {
    const post = (payload: object, lang = 'en') =>
      standing({ method: 'POST', url: '/api/v1/tasks', payload, lang });
    const ok = () => ({
      programmeId: w.p1.id,
      code: 'BAD-1',
      title: 'T',
      assignedLevel: 'city',
      leadUnitId: w.units.science.id,
      deadline: '2025-12-31',
    });
    const count = async () => (await list('')).total;

    it.each([
      ['unknown field', { extra: 1 }, 400, 'validation_failed'],
      ['wrong type', { leadUnitId: 'abc' }, 400, 'validation_failed'],
      ['date in the wrong format', { deadline: '31/12/2025' }, 400, 'validation_failed'],
      ['impossible date', { deadline: '2025-02-30' }, 400, 'validation_failed'],
      ['deadline before start', { startDate: '2026-01-10' }, 422, 'deadline_before_start'],
      ['unit that does not exist', { leadUnitId: 999999 }, 422, 'unit_not_found'],
      ['coordinating unit that does not exist', { coordinatingUnitIds: [999998] }, 422, 'unit_not_found'],
      ['group of another programme', { groupId: -1 }, 400, 'validation_failed'],
      ['title of 1 MB', { title: 'x'.repeat(1_100_000) }, 413, 'payload_too_large'],
      ['title over 500 characters', { title: 'x'.repeat(501) }, 400, 'validation_failed'],
    ])('%s', async (_name, patch, status, code) => {
      const before = await count();
      const res = await post({ ...ok(), ...patch });
      expect(res.statusCode, res.body).toBe(status);
      expect(res.json().error.code).toBe(code);
      expect(res.json().error.message).toMatch(/\w/);
      expect(await count()).toBe(before);
    });

    it('a parent task in another programme', async () => {
      const res = await post({ ...ok(), parentId: w.t.naTask.id });
      expect(res.json().error.code).toBe('parent_task_other_programme');
    });

    it('a group or directive of another programme', async () => {
      expect((await post({ ...ok(), groupId: w.p2.groups[0]!.id })).json().error.code).toBe(
        'group_not_in_programme',
      );
      expect((await post({ ...ok(), directiveId: w.p2.directive.id })).json().error.code).toBe(
        'directive_not_in_programme',
      );
    });

    it('a duplicate code', async () => {
      const res = await post({ ...ok(), code: 'B-ONLY' });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.message).toContain('B-ONLY');
    });

    it('SQL and HTML in text are stored as text', async () => {
      const title = "'); drop table tasks; -- <img src=x onerror=alert(1)>";
      const res = await post({ ...ok(), code: 'SQL-1', title });
      expect(res.statusCode).toBe(201);
      expect(res.json().title).toBe(title);
      expect((await list('q=drop%20table')).items.map((x) => x.code)).toEqual(['SQL-1']);
    });

    it('messages come in the caller language, with the field', async () => {
      const vi = (await post({ ...ok(), deadline: '31/12/2025' }, 'vi')).json();
      expect(vi.error.message).toBe('Dữ liệu gửi lên không hợp lệ.');
      expect(vi.error.details).toEqual([
        { path: 'body.deadline', message: 'phải là ngày theo dạng YYYY-MM-DD' },
      ]);
      const ar = (await post({ ...ok(), leadUnitId: 999999 }, 'ar')).json();
      expect(ar.error.message).toBe('الوحدة 999999 غير موجودة.');
    });

    it('bad query parameters', async () => {
      for (const qs of ['state=late', 'asOf=2025-13-01', 'limit=5000', 'groupId=1;drop', 'nope=1']) {
        const res = await admin({ method: 'GET', url: `/api/v1/tasks?programmeId=${w.p1.id}&${qs}` });
        expect(res.statusCode, qs).toBe(400);
      }
    });
  });

  it('exports the current view to XLSX with real dates and numbers', async () => {
    const res = await admin({
      method: 'GET',
      url: `/api/v1/tasks/export.xlsx?programmeId=${w.p1.id}&level=city&sort=code`,
      lang: 'en',
    });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(1).value).toBe('Code');
    const rows = ws.getSheetValues().slice(2).filter(Boolean) as unknown[][];
    expect(rows.map((r) => r[1])).toEqual((await list('level=city')).items.map((x) => x.code));
    expect(rows.length).toBeGreaterThan(2);
    expect(ws.getRow(2).getCell(6).value).toBeInstanceOf(Date);
    expect(typeof ws.getRow(2).getCell(7).value).toBe('number');
  });
});
