import { and, eq, inArray, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db } from '../db/client.js';
import {
  programmeGroups,
  programmes,
  roleAssignments,
  steeringMembers,
  taskCoordinators,
  taskDeadlineChanges,
  taskHistory,
  tasks,
  units,
  users,
} from '../db/schema/index.js';
import { verifyPassword } from '../lib/password.js';
import { tasksAsOfFrom, taskStateSql } from '../modules/tasks/task-state.sql.js';
import { testDatabase } from '../test/harness.js';
import { addDays, daysBetween } from '../../shared/dates.js';
import { taskStateAsOf, type TaskState } from '../../shared/task-state.js';
import { foldText } from '../../shared/text-fold.js';
import type { DemoAccount } from './accounts.js';
import { DEMO_PASSWORD, seedDemo } from './demo.js';
import { createRecordsService } from '../modules/records/records.service.js';
import { systemActor } from '../modules/auth/actor.js';
import { fixedClock } from '../lib/clock.js';
import { createServices } from '../app.js';
import { HANOI_LOCAL_CODES } from './hanoi-units.js';

type Loaded = {
  id: number;
  code: string;
  level: string;
  kind: string;
  leadUnitId: number;
  deadline: string;
  originalDeadline: string;
  completedOn: string | null;
  firstActivityOn: string | null;
  progress: number;
  state: TaskState;
};

async function programmeId(db: Db, code: string) {
  const [p] = await db.select({ id: programmes.id }).from(programmes).where(eq(programmes.code, code));
  return p!.id;
}

/** The programme's tasks with their state as of `asOf`, by the pure rule. */
async function loadTasks(db: Db, code: string, asOf: string): Promise<Loaded[]> {
  const pid = await programmeId(db, code);
  const rows = await db
    .select({
      id: tasks.id,
      code: tasks.code,
      level: tasks.assignedLevel,
      kind: tasks.kind,
      leadUnitId: tasks.leadUnitId,
      deadline: tasks.deadline,
      originalDeadline: tasks.originalDeadline,
      completedOn: tasks.completedOn,
      firstActivityOn: tasks.firstActivityOn,
      progress: tasks.progress,
    })
    .from(tasks)
    .where(eq(tasks.programmeId, pid));
  const changes = await db
    .select()
    .from(taskDeadlineChanges)
    .where(
      inArray(
        taskDeadlineChanges.taskId,
        rows.map((r) => r.id),
      ),
    );
  return rows.map((r) => ({
    ...r,
    state: taskStateAsOf({ ...r, deadlineChanges: changes.filter((c) => c.taskId === r.id) }, asOf),
  }));
}

const count = (ts: Loaded[], f: (t: Loaded) => boolean) => ts.filter(f).length;
const isDone = (t: Loaded) => t.state === 'done_on_time' || t.state === 'done_late';

const DAYS = ['2026-11-22', '2027-03-10'] as const;
const seeded = new Map<string, { database: Database; seconds: number; accounts: DemoAccount[] }>();

// One database per date, each seeded once, shared by the checks below.
beforeAll(async () => {
  for (const today of DAYS) {
    const database = await testDatabase();
    const started = Date.now();
    // Service records: enough on one day to reproduce the article's rates, none on the other (speed).
    const { accounts } = await seedDemo(database.db, { today, records: today === DAYS[0] ? 124_000 : 0 });
    const seconds = (Date.now() - started) / 1000;
    console.info(`seedDemo(${today}) took ${seconds.toFixed(2)} s`);
    seeded.set(today, { database, seconds, accounts });
  }
});
afterAll(async () => {
  for (const { database } of seeded.values()) await database.close();
});

describe.each(DAYS)('demo data seeded with today = %s', (today) => {
  let db: Db;
  let seconds = 0;
  let accounts: DemoAccount[];

  beforeAll(() => {
    const s = seeded.get(today)!;
    ({ seconds, accounts } = s);
    db = s.database.db;
  });

  it('the registers: Hanoi’s 18 obstacles in 4 groups, the IOC’s legal obstacle, recommendations, 12 pilots to accelerate', async () => {
    const rows = async <T>(q: ReturnType<typeof sql>) => (await db.execute(q)).rows as T[];
    const groups = await rows<{ category: string; n: number }>(sql`select o.category, count(*)::int as n
      from obstacles o join programmes p on p.id = o.programme_id and p.code = 'HN-NQ57' group by 1 order by 1`);
    expect(groups).toEqual([
      { category: 'data_infrastructure', n: 6 },
      { category: 'institutions', n: 5 },
      { category: 'resources', n: 2 },
      { category: 'service_quality', n: 5 },
    ]);
    const ioc = await rows<{
      category: string;
      owner: string;
      tasks: number;
    }>(sql`select o.category, u.code as owner,
        (select count(*)::int from obstacle_tasks l where l.obstacle_id = o.id) as tasks
      from obstacles o join units u on u.id = o.owner_unit_id where o.title like '%(IOC)%'`);
    expect(ioc).toEqual([{ category: 'legal', owner: 'NA-STP', tasks: 2 }]);
    const recs = await rows<{ answered: number; open: number }>(sql`select
        count(*) filter (where answered_on is not null)::int as answered, count(*) filter (where answered_on is null)::int as open
      from recommendations`);
    expect(recs).toEqual([{ answered: 5, open: 3 }]);
    const pilots = await rows<{ n: number }>(sql`select count(*)::int as n from pilot_accelerations a
      join tasks t on t.id = a.task_id and t.kind = 'pilot'`);
    expect(pilots).toEqual([{ n: 12 }]);
    const listed = await rows<{ n: number }>(sql`select count(*)::int as n from warning_list_units w,
      jsonb_array_elements(w.reasons) r where r->>'code' = 'recommendations_overdue'`);
    expect(listed[0]!.n).toBeGreaterThan(0);
  });

  it('leaves the planner statistics of its tables (PGlite has no autovacuum)', async () => {
    const rows = async <T>(q: ReturnType<typeof sql>) => (await db.execute(q)).rows as T[];
    const stats = await rows<{ relname: string; n: number }>(sql`
      select c.relname, count(s.attname)::int as n from pg_class c
        left join pg_stats s on s.tablename = c.relname and s.schemaname = 'public'
       where c.relname in ('tasks', 'units', 'service_record_days', 'progress_reports') group by 1`);
    expect(stats).toHaveLength(4);
    for (const s of stats)
      if (s.relname !== 'service_record_days' || today === DAYS[0]) expect(s.n, s.relname).toBeGreaterThan(0);
  });

  it('criteria: the 17 commune criteria and the survey of 126 communes, two periods, many short; the data catalogue', async () => {
    const rows = async <T>(q: ReturnType<typeof sql>) => (await db.execute(q)).rows as T[];
    const sets = await rows<{
      code: string;
      criteria: number;
      periods: string[];
      units: number;
    }>(sql`select s.code,
        (select count(*)::int from criteria c where c.set_id = s.id) as criteria,
        array(select distinct a.period from assessments a where a.set_id = s.id order by 1) as periods,
        (select count(distinct a.unit_id)::int from assessments a where a.set_id = s.id) as units
      from criteria_sets s order by s.code`);
    expect(sets.map((s) => [s.code, s.criteria, s.periods.length, s.units])).toEqual([
      ['CDS-XA-17', 17, 2, 126],
      ['KS-HT-126', 10, 2, 126],
    ]);
    const allMet = await rows<{
      code: string;
      period: string;
      n: number;
    }>(sql`select s.code, x.period, count(*)::int as n
      from (select set_id, unit_id, period from assessments where met group by 1, 2, 3
        having count(*) = (select count(*) from criteria c where c.set_id = assessments.set_id)) x
      join criteria_sets s on s.id = x.set_id group by 1, 2 order by 1, 2`);
    // Many communes fall short of all criteria, fewer in the later period.
    for (const code of ['CDS-XA-17', 'KS-HT-126']) {
      const [a, b] = allMet.filter((r) => r.code === code);
      expect(a!.n).toBeLessThan(b!.n);
      expect(b!.n).toBeLessThan(126 / 4);
    }
    const evidence = await rows<{ n: number }>(sql`select count(*)::int as n from assessments a
      join criteria c on c.id = a.criterion_id where c.evidence_required and a.met and a.evidence is null`);
    expect(evidence).toEqual([{ n: 0 }]);
    const catalogue = await rows<{
      n: number;
      published: number;
      task: string;
    }>(sql`select count(*)::int as n,
        count(*) filter (where d.published_on <= ${today}::date)::int as published, t.title as task
      from datasets d join catalogue_settings s on s.programme_id = d.programme_id join tasks t on t.id = s.task_id
      group by t.title`);
    expect(catalogue).toEqual([
      { n: 18, published: 10, task: 'Công bố Danh mục dữ liệu dùng chung của Thành phố' },
    ]);
  });

  it('reports how long it took (bench/ measures speed; tests do not)', () => {
    expect(seconds).toBeGreaterThan(0);
  });

  it.runIf(today === DAYS[0])(
    "Hanoi's service records reproduce the article's figures, computed from records",
    async () => {
      const records = createRecordsService({ db, clock: fixedClock(today) });
      const [hn] = await db.select({ id: units.id }).from(units).where(eq(units.code, 'HN'));
      const r = await records.indicators(systemActor, {
        unitId: hn!.id,
        from: '2025-07-01',
        to: '2025-11-12',
        groupBy: 'month',
      });
      const v = (ind: { code: string; value: number | null }[], code: string) =>
        ind.find((i) => i.code === `records.${code}`)!.value!;
      expect(r.records).toBe(124_000);
      expect(v(r.indicators, 'sync_rate')).toBe(100);
      expect(v(r.indicators, 'digitisation_rate')).toBeCloseTo(86, -0.5);
      expect(v(r.indicators, 'electronic_result_rate')).toBeGreaterThan(87);
      expect(v(r.indicators, 'online_payment_rate')).toBeGreaterThan(99);
      expect(r.groups.map((g) => v(g.indicators, 'online_application_rate'))).toEqual([
        23.45, 61.23, 85.67, 95.12, 99,
      ]);
      expect(await records.rollupSums(hn!.id, '2025-07-01', '2025-11-12')).toEqual(
        await records.directSums(hn!.id, '2025-07-01', '2025-11-12'),
      );
    },
  );

  it('Hanoi: twelve weeks of reports with realistic discipline, published lists, work waiting', async () => {
    const rows = async <T>(q: ReturnType<typeof sql>) => (await db.execute(q)).rows as T[];
    const periods = await rows<{ period: string; n: number; late: number }>(sql`
      select r.period, count(*)::int as n,
             count(*) filter (where r.first_submitted_at > l.due_at)::int as late
        from progress_reports r join programmes p on p.id = r.programme_id and p.code = 'HN-NQ57'
        left join warning_lists l on l.programme_id = r.programme_id and l.period = r.period
       group by r.period order by r.period`);
    expect(periods).toHaveLength(13); // twelve past weeks and this one
    const listed = await rows<{ period: string; status: string; units: number }>(sql`
      select l.period, l.status, count(w.*)::int as units from warning_lists l
        left join warning_list_units w on w.list_id = l.id and w.removed_at is null
       group by l.id order by l.period`);
    expect(listed.length).toBeGreaterThanOrEqual(10);
    expect(listed.slice(0, -1).every((l) => l.status === 'published')).toBe(true);
    expect(listed.at(-1)!.status).toBe('draft');
    expect(listed.every((l) => l.units > 0)).toBe(true);
    // Most on time, some late, a few missing: the reporting rate of the drawn weeks is 80–97 %.
    const [d] = await rows<{ expected: number; received: number; late: number }>(sql`
      select count(*)::int as expected, count(r.id)::int as received,
             count(*) filter (where r.first_submitted_at > l.due_at)::int as late
        from warning_lists l
        join lateral (select distinct t.lead_unit_id as unit_id from tasks t
                       where t.programme_id = l.programme_id and (t.completed_on is null or t.completed_on >= l.as_of - 6)
                         and (t.start_date is null or t.start_date <= l.as_of)) e on true
        left join progress_reports r on r.programme_id = l.programme_id and r.period = l.period and r.unit_id = e.unit_id`);
    expect(d!.received / d!.expected).toBeGreaterThan(0.8);
    expect(d!.received / d!.expected).toBeLessThan(0.97);
    expect(d!.late).toBeGreaterThan(0);
    const waiting = await rows<{ status: string; n: number }>(sql`
      select status, count(*)::int as n from progress_reports r group by status`);
    expect(Object.fromEntries(waiting.map((w) => [w.status, w.n]))).toMatchObject({
      submitted: expect.any(Number),
      returned: 1,
      draft: expect.any(Number),
    });
    const pending = await rows<{ kind: string }>(
      sql`select kind from adjustment_requests where status = 'pending' order by kind`,
    );
    expect(pending.map((p) => p.kind)).toEqual(['extend', 'replace']);
    const holidays = await rows<{ n: number }>(
      sql`select count(*)::int as n from days_off where extract(year from day) = 2026`,
    );
    expect(holidays[0]!.n).toBeGreaterThan(5);
  });

  it('Hanoi: 187 central tasks, more than half done; about 200 in all', async () => {
    const ts = await loadTasks(db, 'HN-NQ57', today);
    const central = ts.filter((t) => t.level === 'central');
    expect(central).toHaveLength(187);
    expect(count(central, isDone)).toBeGreaterThan(187 / 2);
    expect(count(central, (t) => t.state === 'done_late')).toBeGreaterThan(0);
    expect(Math.abs(ts.length - 200)).toBeLessThanOrEqual(15);
    expect(new Set(ts.map((t) => t.level))).toEqual(new Set(['central', 'city']));
  });

  it('Hanoi: exactly 30 overdue = 12 central + 18 city', async () => {
    const ts = await loadTasks(db, 'HN-NQ57', today);
    const overdue = ts.filter((t) => t.state === 'overdue');
    expect(overdue).toHaveLength(30);
    expect(count(overdue, (t) => t.level === 'central')).toBe(12);
    expect(count(overdue, (t) => t.level === 'city')).toBe(18);
    for (const t of overdue) {
      expect(t.completedOn).toBeNull();
      expect(t.deadline < today).toBe(true);
      expect(t.progress).toBeGreaterThanOrEqual(10);
      expect(t.progress).toBeLessThanOrEqual(90);
    }
  });

  it('Hanoi: open tasks are due today or later; done ones are at 100%', async () => {
    const ts = await loadTasks(db, 'HN-NQ57', today);
    for (const t of ts) {
      if (t.state === 'in_progress' || t.state === 'not_started') expect(t.deadline >= today).toBe(true);
      if (t.state === 'in_progress') expect(t.firstActivityOn! <= today).toBe(true);
      if (t.state === 'not_started') expect([t.firstActivityOn, t.progress]).toEqual([null, 0]);
      if (isDone(t)) expect(t.progress).toBe(100);
    }
    expect(count(ts, (t) => t.state === 'in_progress')).toBeGreaterThan(0);
    expect(count(ts, (t) => t.state === 'not_started')).toBeGreaterThan(0);
  });

  it('the SQL twin of the state rule gives the same states', async () => {
    for (const code of ['HN-NQ57', 'NA-DA06-2024'])
      for (const asOf of [today, addDays(today, -28)]) {
        const pid = await programmeId(db, code);
        const ts = await loadTasks(db, code, asOf);
        const r = await db.execute<{ id: number; state: string }>(
          sql`select t.id, ${taskStateSql(asOf)} as state from ${tasksAsOfFrom(asOf)} where t.programme_id = ${pid}`,
        );
        const bySql = new Map(r.rows.map((x) => [Number(x.id), x.state]));
        for (const t of ts) expect([t.code, bySql.get(t.id)]).toEqual([t.code, t.state]);
      }
  });

  it('four weeks earlier the counts were different', async () => {
    const now = await loadTasks(db, 'HN-NQ57', today);
    const then = await loadTasks(db, 'HN-NQ57', addDays(today, -28));
    expect(count(then, isDone)).toBeLessThan(count(now, isDone));
    const overdueThen = then.filter((t) => t.state === 'overdue').map((t) => t.code);
    const overdueNow = now.filter((t) => t.state === 'overdue').map((t) => t.code);
    expect(overdueThen).not.toEqual(overdueNow);
    // Some fell overdue in the last four weeks.
    expect(overdueNow.filter((c) => !overdueThen.includes(c)).length).toBeGreaterThan(0);
  });

  it('approved extensions keep the original deadline and take effect from their approval', async () => {
    const changes = await db.select().from(taskDeadlineChanges);
    expect(changes.length).toBeGreaterThanOrEqual(2);
    expect(changes.length).toBeLessThanOrEqual(3);
    for (const c of changes) {
      const [t] = await db.select().from(tasks).where(eq(tasks.id, c.taskId));
      expect(t!.deadline).toBe(c.deadline);
      expect(t!.deadlineEffectiveFrom).toBe(c.effectiveFrom);
      expect(t!.originalDeadline).not.toBe(c.deadline);
      expect(c.effectiveFrom < today).toBe(true);
    }
    const changed = await db.execute<{ n: number }>(
      sql`select count(*)::int as n from tasks where deadline_effective_from is not null or deadline <> original_deadline`,
    );
    expect(Number(changed.rows[0]!.n)).toBe(changes.length);
  });

  it('Hanoi: 126 communes and wards (51 wards, 75 communes) under the city, with paths', async () => {
    const [root] = await db.select().from(units).where(eq(units.code, 'HN'));
    expect(root).toMatchObject({ kind: 'city', depth: 0, parentId: null, path: `/${root!.id}/` });
    const locals = await db
      .select()
      .from(units)
      .where(and(like(units.path, `${root!.path}%`), inArray(units.kind, ['commune', 'ward'])));
    expect(locals).toHaveLength(126);
    expect(locals.filter((u) => u.kind === 'ward')).toHaveLength(51);
    expect(new Set(locals.map((u) => u.nameVi)).size).toBe(126);
    for (const u of locals) {
      expect(u.parentId).toBe(root!.id);
      expect(u.path).toBe(`${root!.path}${u.id}/`);
      expect(u.depth).toBe(1);
      expect(u.leaderName).toBeTruthy();
      expect(u.searchText).toBe(foldText(`${u.code} ${u.nameVi} ${u.nameEn}`));
    }
    const byCode = new Map(locals.map((u) => [u.code, u]));
    expect(byCode.get('HN-P-HOANKIEM')).toMatchObject({
      nameVi: 'Phường Hoàn Kiếm',
      nameEn: 'Hoan Kiem Ward',
    });
    expect(byCode.get('HN-X-SOCSON')).toMatchObject({ nameVi: 'Xã Sóc Sơn', kind: 'commune' });
    const kinds = await db.execute<{ code: string; kind: string }>(
      sql`select code, kind from units where code in ('HN-STC', 'HN-VPTU', 'HN-CATP', 'HN-KBNN', 'NA', 'NA-CA')`,
    );
    expect(Object.fromEntries(kinds.rows.map((r) => [r.code, r.kind]))).toEqual({
      'HN-STC': 'department',
      'HN-VPTU': 'party_office',
      'HN-CATP': 'police',
      'HN-KBNN': 'treasury',
      NA: 'province',
      'NA-CA': 'police',
    });
  });

  it('every unit has an Arabic name in Arabic letters (no Latin fallback in the Arabic screens)', async () => {
    const rows = await db.select({ code: units.code, ar: units.nameAr }).from(units);
    expect(rows.filter((u) => !u.ar || /[A-Za-z]/.test(u.ar)).map((u) => u.code)).toEqual([]);
    const myDuc = rows.find((u) => u.code === 'HN-X-MYDUC');
    expect(myDuc?.ar).toBe('بلدية مي دوك');
  });

  it('Hanoi: four groups, the steering body, Phường Hoàn Kiếm leading and coordinating', async () => {
    const pid = await programmeId(db, 'HN-NQ57');
    const groups = await db.select().from(programmeGroups).where(eq(programmeGroups.programmeId, pid));
    expect(groups.map((g) => g.nameEn)).toEqual([
      'Institutions',
      'Infrastructure',
      'Human resources',
      'Innovation',
    ]);
    const members = await db.select().from(steeringMembers).where(eq(steeringMembers.programmeId, pid));
    expect(members.filter((m) => m.position === 'chair')).toHaveLength(1);
    const [stc] = await db.select().from(units).where(eq(units.code, 'HN-STC'));
    expect(members.find((m) => m.position === 'standing_deputy')?.unitId).toBe(stc!.id);
    const [p] = await db.select().from(programmes).where(eq(programmes.id, pid));
    expect(p!.standingUnitId).toBe(stc!.id);

    const [hk] = await db.select().from(units).where(eq(units.code, 'HN-P-HOANKIEM'));
    const ts = await loadTasks(db, 'HN-NQ57', today);
    const led = ts.filter((t) => t.leadUnitId === hk!.id);
    expect(led.length).toBeGreaterThanOrEqual(3);
    expect(count(led, (t) => t.state === 'overdue')).toBeGreaterThan(0);
    const coordinated = await db.select().from(taskCoordinators).where(eq(taskCoordinators.unitId, hk!.id));
    expect(coordinated.length).toBeGreaterThan(0);
    const leaders = new Set(ts.map((t) => t.leadUnitId));
    expect(leaders.size).toBeGreaterThan(15);
  });

  it('every task has its history, search text, and the history follows progress', async () => {
    const missing = await db.execute<{ n: number }>(
      sql`select count(*)::int as n from tasks t where not exists (select 1 from task_history h where h.task_id = t.id and h.action = 'created')`,
    );
    expect(Number(missing.rows[0]!.n)).toBe(0);
    const progress = await db.select().from(taskHistory).where(eq(taskHistory.action, 'updated'));
    expect(progress.length).toBeGreaterThan(100);
    const bad = await db.execute<{ n: number }>(
      sql`select count(*)::int as n from tasks where search_text = '' or completed_on is distinct from (completed_at at time zone 'Asia/Ho_Chi_Minh')::date`,
    );
    expect(Number(bad.rows[0]!.n)).toBe(0);
    const [t] = await db.select().from(tasks).limit(1);
    expect(t!.searchText).toBe(foldText([t!.code, t!.title, t!.deliverable ?? ''].join(' ')));
    const milestones = await db.execute<{ n: number }>(sql`select count(*)::int as n from task_milestones`);
    expect(Number(milestones.rows[0]!.n)).toBeGreaterThan(50);
  });

  it('Nghe An: 10 groups, 51 tasks (10 overdue, due last quarter), 38 pilots 6/20/12', async () => {
    const pid = await programmeId(db, 'NA-DA06-2024');
    const groups = await db.select().from(programmeGroups).where(eq(programmeGroups.programmeId, pid));
    expect(groups).toHaveLength(10);
    const ts = await loadTasks(db, 'NA-DA06-2024', today);
    const plain = ts.filter((t) => t.kind === 'task');
    const pilots = ts.filter((t) => t.kind === 'pilot');
    expect(plain).toHaveLength(51);
    expect(pilots).toHaveLength(38);
    const overdue = plain.filter((t) => t.state === 'overdue');
    expect(overdue).toHaveLength(10);
    for (const t of overdue) expect(daysBetween(t.deadline, today)).toBeLessThanOrEqual(92);
    expect({
      done: count(pilots, isDone),
      inProgress: count(pilots, (t) => t.state === 'in_progress'),
      notStarted: count(pilots, (t) => t.state === 'not_started'),
      overdue: count(pilots, (t) => t.state === 'overdue'),
    }).toEqual({ done: 6, inProgress: 20, notStarted: 12, overdue: 0 });
    const [na] = await db.select().from(programmes).where(eq(programmes.id, pid));
    const [police] = await db.select().from(units).where(eq(units.code, 'NA-CA'));
    expect(na!.standingUnitId).toBe(police!.id);
    expect(na!.nameVi).toBe('Nghệ An — Đề án 06, năm 2024');
  });

  it('every demo account exists with its role and the shared password', async () => {
    expect(accounts).toHaveLength(9);
    const rows = await db
      .select({
        email: users.email,
        locale: users.locale,
        role: roleAssignments.role,
        hash: users.passwordHash,
      })
      .from(users)
      .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id));
    const byEmail = new Map(rows.map((r) => [r.email, r]));
    for (const a of accounts) {
      expect(byEmail.get(a.email)).toMatchObject({ role: a.role, locale: 'vi' });
      expect(a.password).toBe(DEMO_PASSWORD);
    }
    expect(await verifyPassword(byEmail.get('admin@steerboard.vn')!.hash!, DEMO_PASSWORD)).toBe(true);
    const scoped = await db.execute<{
      email: string;
      unit: string | null;
      programme: string | null;
      own: string | null;
    }>(
      sql`select u.email, su.code as unit, p.code as programme, ou.code as own
          from users u join role_assignments r on r.user_id = u.id
          left join units su on su.id = r.unit_id left join programmes p on p.id = r.programme_id
          left join units ou on ou.id = u.unit_id`,
    );
    const s = new Map(scoped.rows.map((r) => [r.email, r]));
    expect(s.get('admin@steerboard.vn')).toMatchObject({ unit: null, programme: null });
    expect(s.get('standing@hanoi.steerboard.vn')).toMatchObject({ unit: 'HN-STC', programme: 'HN-NQ57' });
    expect(s.get('leader.hoankiem@hanoi.steerboard.vn')).toMatchObject({
      unit: 'HN-P-HOANKIEM',
      own: 'HN-P-HOANKIEM',
    });
    expect(s.get('officer.socson@hanoi.steerboard.vn')).toMatchObject({ unit: 'HN-X-SOCSON' });
    expect(s.get('standing@nghean.steerboard.vn')).toMatchObject({
      unit: 'NA-CA',
      programme: 'NA-DA06-2024',
    });
  });

  it('refuses to run twice and leaves nothing half-written', async () => {
    const before = await db.execute<{ u: number; t: number; p: number; us: number }>(
      sql`select (select count(*)::int from units) as u, (select count(*)::int from tasks) as t,
                 (select count(*)::int from programmes) as p, (select count(*)::int from users) as us`,
    );
    await expect(seedDemo(db, { today })).rejects.toThrow(/already loaded.*HN-NQ57/);
    const after = await db.execute(
      sql`select (select count(*)::int from units) as u, (select count(*)::int from tasks) as t,
                 (select count(*)::int from programmes) as p, (select count(*)::int from users) as us`,
    );
    expect(after.rows).toEqual(before.rows);
  });

  it('Hanoi: OKRs of the four groups with 2030 targets, trends, and computed service KPIs waiting', async () => {
    const services = createServices(seeded.get(today)!.database, fixedClock(today));
    const okrs = await services.objectives.okrs(systemActor, await programmeId(db, 'HN-NQ57'), {
      periods: 8,
    });
    expect(okrs.objectives.map((o) => o.group?.code)).toEqual(['TC', 'HT', 'NL', 'DMST']);
    const krs = okrs.objectives.flatMap((o) => o.keyResults);
    const entered = krs.filter((k) => k.indicator.source !== 'computed');
    const computed = krs.filter((k) => k.indicator.source === 'computed');
    expect(computed.map((k) => k.indicator.code)).toContain('ONLINE-RATE');
    if (today === DAYS[0]) {
      // Computed from the records, which end on 12 November 2025: the last months with data.
      const online = computed.find((k) => k.indicator.code === 'ONLINE-RATE')!;
      expect(online.current).toMatchObject({ period: '2025-11', value: 99 });
      expect(online.series.at(-1)).toEqual({ period: '2025-11', value: 99 });
    } else {
      // No records seeded: computed figures are missing, not zero.
      for (const k of computed) expect(k.current.value).toBeNull();
    }
    for (const k of entered) {
      expect(k.current.value, k.indicator.code).not.toBeNull();
      expect(k.series.filter((x) => x.value !== null).length, k.indicator.code).toBeGreaterThanOrEqual(2);
    }
    expect(new Set(entered.map((k) => k.status))).toEqual(new Set(['on_track', 'at_risk', 'off_track']));
    const online = computed.find((k) => k.indicator.code === 'ONLINE-RATE')!;
    expect([online.baseline, online.target]).toEqual([23.45, 99]);
    const skills = entered.find((k) => k.indicator.code === 'DIGITAL-SKILLS-SHARE')!;
    expect(skills.current.expected).toBe(HANOI_LOCAL_CODES.length);
  });
});

describe('relative dating', () => {
  it('two seeds on different days differ only by the shift of every date', async () => {
    const offsets = async (today: string) => {
      const rows = await seeded
        .get(today)!
        .database.db.select({
          code: tasks.code,
          title: tasks.title,
          deadline: tasks.deadline,
          original: tasks.originalDeadline,
          start: tasks.startDate,
          firstActivity: tasks.firstActivityOn,
          completed: tasks.completedOn,
          progress: tasks.progress,
        })
        .from(tasks)
        .orderBy(tasks.code);
      const rel = (d: string | null) => (d === null ? null : daysBetween(today, d));
      return rows.map((r) => ({
        ...r,
        deadline: rel(r.deadline),
        original: rel(r.original),
        start: rel(r.start),
        firstActivity: rel(r.firstActivity),
        completed: rel(r.completed),
      }));
    };
    const [a, b] = await Promise.all(DAYS.map(offsets));
    expect(a).toHaveLength(302);
    expect(a).toEqual(b);
  });

  it('rejects a malformed today', async () => {
    await expect(seedDemo({} as Db, { today: '22/11/2026' })).rejects.toThrow(/YYYY-MM-DD/);
  });
});
