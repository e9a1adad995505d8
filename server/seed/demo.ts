import { inArray } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { programmes, units } from '../db/schema/index.js';
import { hashPassword } from '../lib/password.js';
import { isValidIsoDate } from '../../shared/dates.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, insertAccounts, type DemoAccount } from './accounts.js';
import { calendar } from './calendar.js';
import { HANOI_ARTICLE_DAY, HANOI_PROGRAMME, hanoiProgramme } from './hanoi-programme.js';
import { HANOI_QUOTAS, hanoiTasks } from './hanoi-tasks.js';
import { HN, hanoiUnits } from './hanoi-units.js';
import { insertProgramme, insertTasks, insertUnits, type PlannedTask } from './insert.js';
import { personNames } from './names.js';
import { NA, NGHEAN_ARTICLE_DAY, NGHEAN_PROGRAMME, ngheanProgramme, ngheanUnits } from './nghean.js';
import { NGHEAN_QUOTAS, ngheanTasks, ngheanWindow } from './nghean-tasks.js';
import { createRng, type Rng } from './random.js';
import { dealPlans, schedule, type Quota, type Window } from './schedule.js';
import type { TaskSpec, UnitSpec } from './types.js';
import type { Calendar } from './calendar.js';
import type { TaskState } from '../../shared/task-state.js';

export { DEMO_PASSWORD } from './accounts.js';
import { seedMoney } from './money.js';
import { seedPublication } from './publication.js';
import { seedRegisters } from './registers.js';
import { seedCriteria } from './criteria.js';
import { seedWeeklyCycle } from './weekly-cycle.js';
import { seedServiceRecords } from './service-records.js';
import { seedIndicators } from './indicators.js';
import { refreshStatistics } from '../db/statistics.js';

export type SeedDemoOptions = {
  /** The demo's "today" (YYYY-MM-DD): every date is placed relative to it. */
  today: string;
  onProgress?: (step: string, done: number, total: number) => void;
  /** Hanoi's service records to generate (default DEMO_RECORDS; 1,240,000 as in the article; 0 = none). */
  records?: number;
};

const SEED = 57_06;

function plan(specs: TaskSpec[], quota: Quota, win: Window, cal: Calendar, rng: Rng): PlannedTask[] {
  const plans = dealPlans(specs, quota, rng);
  return specs.map((spec, i) => ({ spec, sched: schedule(plans[i]!, spec, win, cal, rng) }));
}

/**
 * Loads the demo programmes, Hanoi (Resolution 57, as of article 002's conference) and Nghe An
 * (Project 06 in 2024, as of article 003's conference), with their units, tasks and the demo
 * accounts, in one transaction. Deterministic for a given `today`. Refuses to run twice.
 */
export async function seedDemo(db: Db, opts: SeedDemoOptions): Promise<{ accounts: DemoAccount[] }> {
  if (!isValidIsoDate(opts.today))
    throw new Error(`seedDemo: today must be a date YYYY-MM-DD, got "${opts.today}"`);
  const report = opts.onProgress ?? (() => {});
  const rng = createRng(SEED);
  const names = personNames(rng);

  // Everything is built (and checked against the state rule) before the database is touched.
  const hnCal = calendar(opts.today, HANOI_ARTICLE_DAY);
  const naCal = calendar(opts.today, NGHEAN_ARTICLE_DAY);
  const unitSpecs: UnitSpec[] = [...hanoiUnits(names), ...ngheanUnits(names)];
  const unitByCode = new Map(unitSpecs.map((u) => [u.code, u]));
  const hnProgramme = hanoiProgramme(hnCal, unitByCode);
  const naProgramme = ngheanProgramme(naCal, unitByCode);

  const hnWindow: Window = {
    startMin: hnCal.offset(hnCal.rel('2025-01-15')),
    doneMaxAgo: 270,
    overdueMaxAgo: 150,
    openMaxAhead: 420,
  };
  const hnSpecs = hanoiTasks(hnCal, rng);
  const q = HANOI_QUOTAS;
  const hnPlanned = [
    ...plan(
      hnSpecs.filter((t) => t.level === 'central'),
      { states: q.central.states, recentDone: q.central.recentDone, recentOverdue: q.central.recentOverdue },
      hnWindow,
      hnCal,
      rng,
    ),
    ...plan(
      hnSpecs.filter((t) => t.level === 'city'),
      {
        states: {
          overdue: q.city.overdue,
          ...countFixed(hnSpecs.filter((t) => t.level === 'city' && t.plan?.state !== 'overdue')),
        },
        recentOverdue: q.city.recentOverdue,
      },
      hnWindow,
      hnCal,
      rng,
    ),
  ];
  const naSpecs = ngheanTasks(rng);
  const naWindow = ngheanWindow(naCal);
  const naPlanned = [
    ...plan(
      naSpecs.filter((t) => t.kind === 'task'),
      NGHEAN_QUOTAS.tasks,
      naWindow,
      naCal,
      rng,
    ),
    ...plan(
      naSpecs.filter((t) => t.kind === 'pilot'),
      NGHEAN_QUOTAS.pilots,
      naWindow,
      naCal,
      rng,
    ),
  ];
  // Coordinators for the tasks that name none: one or two departments (and now and then a ward).
  const hnPool = [
    HN.science,
    HN.finance,
    HN.pcOffice,
    HN.homeAffairs,
    HN.police,
    HN.justice,
    HN.hoanKiem,
    HN.baDinh,
    HN.socSon,
  ];
  for (const { spec } of hnPlanned)
    spec.coordinators ??= rng.sample(
      hnPool.filter((c) => c !== spec.lead),
      rng.int(0, 3),
    );

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const totalTasks = hnPlanned.length + naPlanned.length;

  const done = await db.transaction(async (tx) => {
    const existing = await tx
      .select({ code: programmes.code })
      .from(programmes)
      .where(inArray(programmes.code, [HANOI_PROGRAMME, NGHEAN_PROGRAMME]));
    if (existing.length > 0)
      throw new Error(
        `The demo data is already loaded (programme ${existing.map((p) => p.code).join(', ')} exists); seedDemo runs only once per database.`,
      );
    const clash = await tx
      .select({ code: units.code })
      .from(units)
      .where(inArray(units.code, [HN.root, NA.root]));
    if (clash.length > 0)
      throw new Error(
        `The database already has units with the demo's codes (${clash.map((u) => u.code).join(', ')}); load the demo into an empty database.`,
      );

    report('Units', 0, unitSpecs.length);
    const unitIds = await insertUnits(tx, unitSpecs);
    report('Units', unitSpecs.length, unitSpecs.length);
    const unitId = (code: string) => {
      const id = unitIds.get(code);
      if (id === undefined) throw new Error(`Demo: unknown unit ${code}`);
      return id;
    };

    report('Programmes', 0, 2);
    const hn = await insertProgramme(tx, hnProgramme, unitId);
    const na = await insertProgramme(tx, naProgramme, unitId);
    report('Programmes', 2, 2);
    const programmeIds = new Map([
      [HANOI_PROGRAMME, hn.id],
      [NGHEAN_PROGRAMME, na.id],
    ]);

    report('Accounts', 0, DEMO_ACCOUNTS.length);
    const { ids: userIds, accounts } = await insertAccounts(tx, passwordHash, unitId, (code) =>
      programmeIds.get(code)!,
    );
    report('Accounts', DEMO_ACCOUNTS.length, DEMO_ACCOUNTS.length);
    const user = (email: string) => userIds.get(email)!;

    const tasksProgress = (base: number) => (n: number) => report('Tasks', base + n, totalTasks);
    report('Tasks', 0, totalTasks);
    const hnStanding = user('standing@hanoi.steerboard.vn');
    const hnCount = await insertTasks(
      tx,
      {
        programme: hn,
        unitId,
        rng,
        responsible: names,
        actors: (t) => ({
          creator: hnStanding,
          reporter:
            t.lead === HN.hoanKiem
              ? user('officer.hoankiem@hanoi.steerboard.vn')
              : t.lead === HN.socSon
                ? user('officer.socson@hanoi.steerboard.vn')
                : hnStanding,
        }),
        onProgress: tasksProgress(0),
      },
      hnPlanned,
    );
    const naStanding = user('standing@nghean.steerboard.vn');
    await insertTasks(
      tx,
      {
        programme: na,
        unitId,
        rng,
        responsible: names,
        actors: () => ({ creator: naStanding, reporter: naStanding }),
        onProgress: tasksProgress(hnCount),
      },
      naPlanned,
    );
    return {
      accounts,
      cycle: {
        programmeId: hn.id,
        users: {
          standing: hnStanding,
          chair: user('chair@hanoi.steerboard.vn'),
          leaderHK: user('leader.hoankiem@hanoi.steerboard.vn'),
          officerHK: user('officer.hoankiem@hanoi.steerboard.vn'),
          officerSS: user('officer.socson@hanoi.steerboard.vn'),
        },
        units: { hoanKiem: unitId(HN.hoanKiem), socSon: unitId(HN.socSon) },
      },
    };
  });
  // The registers first, so that the warning lists drawn below count unanswered recommendations.
  await seedRegisters(db, { today: opts.today });
  await seedCriteria(db, { today: opts.today });
  // The weekly cycle is drawn from the tasks just written, by the product's own code.
  await seedWeeklyCycle(db, { ...done.cycle, today: opts.today, rng, onProgress: report });
  await seedPublication(db, done.cycle.programmeId);
  if (opts.records !== 0) await seedServiceRecords(db, { count: opts.records, onProgress: report });
  await seedIndicators(db, { ...indicatorActors(done.cycle), today: opts.today });
  await seedMoney(db, { programmeId: done.cycle.programmeId, today: opts.today });
  // Bulk writes leave the planner without statistics (PGlite has no autovacuum).
  await refreshStatistics(db);
  return { accounts: done.accounts };
}

/** The states of tasks whose plan is fixed, counted (their quota is themselves). */
function countFixed(specs: TaskSpec[]): Partial<Record<TaskState, number>> {
  const out: Partial<Record<TaskState, number>> = {};
  for (const t of specs) if (t.plan) out[t.plan.state] = (out[t.plan.state] ?? 0) + 1;
  return out;
}

const indicatorActors = (c: {
  programmeId: number;
  users: { standing: number; officerHK: number };
  units: { hoanKiem: number };
}) => ({
  programmeId: c.programmeId,
  standingUserId: c.users.standing,
  officerUserId: c.users.officerHK,
  officerUnitId: c.units.hoanKiem,
});
