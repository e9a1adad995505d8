import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { addDays } from '../../../shared/dates.js';
import { systemActor } from '../auth/actor.js';
import { taskReadScope } from '../auth/policy.js';
import { makeProgramme, makeTask, makeUnit } from '../../test/factories.js';
import { testDatabase } from '../../test/harness.js';
import { createTasksRepo, ROLLUP_DATES, tasksTransaction, type TasksRepo } from './tasks.repo.js';
import type { TaskFilters } from './task-filters.sql.js';

const START = '2025-10-01';
const day = fc.integer({ min: 0, max: 60 }).map((n) => addDays(START, n));
const LEVELS = ['city', 'department', 'commune'] as const;

const taskArb = fc.record({
  originalDeadline: day,
  completedOn: fc.option(day, { nil: null }),
  firstActivityOn: fc.option(day, { nil: null }),
  changes: fc.array(fc.record({ deadline: day, effectiveFrom: day }), { maxLength: 2 }),
  unit: fc.integer({ min: 0, max: 2 }),
  group: fc.integer({ min: 0, max: 2 }),
  level: fc.constantFrom(...LEVELS),
  pilot: fc.boolean(),
});

/** What happens to a task after the rollups were built: the writes of the services, as SQL. */
const changeArb = fc.oneof(
  fc.record({ kind: fc.constant('complete' as const), on: fc.option(day, { nil: null }) }),
  fc.record({ kind: fc.constant('extend' as const), deadline: day, effectiveFrom: day }),
  fc.record({ kind: fc.constant('activity' as const), on: fc.option(day, { nil: null }) }),
  fc.record({ kind: fc.constant('lead' as const), unit: fc.integer({ min: 0, max: 2 }) }),
  fc.record({ kind: fc.constant('group' as const), group: fc.integer({ min: 0, max: 2 }) }),
  fc.record({ kind: fc.constant('undo-change' as const) }),
  fc.record({ kind: fc.constant('progress' as const) }),
);

describe('task rollups equal the direct query', () => {
  let database: Database;
  let programmeId: number;
  let unitIds: number[];
  let groupIds: (number | null)[];
  beforeAll(async () => {
    database = await testDatabase();
    const root = await makeUnit(database.db, { code: 'RUP' });
    unitIds = [
      root.id,
      (await makeUnit(database.db, { code: 'RUP-A', parentId: root.id })).id,
      (await makeUnit(database.db, { code: 'RUP-B', parentId: root.id })).id,
    ];
    const p = await makeProgramme(database.db, { code: 'RUP', rootUnitId: root.id });
    programmeId = p.id;
    groupIds = [null, p.groups[0]!.id, p.groups[1]!.id];
  });
  afterAll(() => database.close());

  async function expectSame(repo: TasksRepo, asOf: string, f: TaskFilters) {
    const scope = taskReadScope(systemActor, programmeId);
    const key = (r: { assigned_level: string; group_id: number | null; state: string }) =>
      `${r.assigned_level}|${r.group_id}|${r.state}`;
    const sortBy = <T extends { assigned_level: string; group_id: number | null; state: string }>(
      rows: T[],
    ) => [...rows].sort((a, b) => key(a).localeCompare(key(b)));
    expect({ asOf, f, counts: sortBy(await repo.rollupStateCounts(asOf, f)) }).toEqual({
      asOf,
      f,
      counts: sortBy(await repo.stateCounts(asOf, scope, f)),
    });
    if (!f.level)
      for (const limit of [1, 2, 100])
        expect({ asOf, f, limit, units: await repo.rollupOverdueByUnit(asOf, f, limit) }).toEqual({
          asOf,
          f,
          limit,
          units: await repo.overdueByUnit(asOf, scope, f, limit),
        });
    for (const states of [
      undefined,
      ['overdue' as const],
      ['done_on_time' as const, 'in_progress' as const],
      ['in_progress' as const, 'not_started' as const],
      ['done_late' as const, 'done_on_time' as const],
    ])
      expect({ asOf, f, states, n: await repo.rollupCount(asOf, f, states) }).toEqual({
        asOf,
        f,
        states,
        n: await repo.count(asOf, scope, f, states),
      });
  }

  it('for several dates, after completions, deadline changes, new leads and groups, new tasks', async () => {
    const db = database.db;
    const repo = createTasksRepo(db);
    const scope = taskReadScope(systemActor, programmeId);
    await fc.assert(
      fc.asyncProperty(
        fc.array(taskArb, { minLength: 1, maxLength: 15 }),
        fc.uniqueArray(day, { minLength: 1, maxLength: 3 }),
        fc.array(fc.tuple(fc.nat(), changeArb), { maxLength: 12 }),
        fc.array(taskArb, { maxLength: 3 }),
        async (specs, dates, changes, added) => {
          await db.execute(sql`delete from task_rollup_dates`);
          await db.execute(sql`delete from task_state_counts`);
          await db.execute(sql`delete from task_overdue_by_unit`);
          await db.execute(sql`delete from tasks where programme_id = ${programmeId}`);
          const make = async (s: (typeof specs)[number], code: string) => {
            const last = [...s.changes].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom)).at(-1);
            return makeTask(db, {
              programmeId,
              leadUnitId: unitIds[s.unit]!,
              groupId: groupIds[s.group]!,
              assignedLevel: s.level,
              kind: s.pilot ? 'pilot' : 'task',
              code,
              originalDeadline: s.originalDeadline,
              deadline: last?.deadline ?? s.originalDeadline,
              deadlineEffectiveFrom: last?.effectiveFrom ?? null,
              completedOn: s.completedOn,
              firstActivityOn: s.firstActivityOn,
              deadlineChanges: s.changes,
            });
          };
          const ids: number[] = [];
          for (const [i, s] of specs.entries()) ids.push((await make(s, `R${i}`)).id);
          for (const asOf of dates)
            await tasksTransaction(db, (r) => r.buildRollup(programmeId, asOf, scope));

          for (const [n, c] of changes) {
            const id = ids[n % ids.length]!;
            if (c.kind === 'complete')
              await db.execute(sql`update tasks set completed_on = ${c.on}::date where id = ${id}`);
            else if (c.kind === 'activity')
              await db.execute(sql`update tasks set first_activity_on = ${c.on}::date where id = ${id}`);
            else if (c.kind === 'lead')
              await db.execute(sql`update tasks set lead_unit_id = ${unitIds[c.unit]!} where id = ${id}`);
            else if (c.kind === 'group')
              await db.execute(sql`update tasks set group_id = ${groupIds[c.group]!} where id = ${id}`);
            else if (c.kind === 'progress')
              await db.execute(sql`update tasks set progress = progress + 1 where id = ${id}`);
            else if (c.kind === 'extend') {
              // As the services do it: the change on record, then the task (and the other order).
              await db.transaction(async (tx) => {
                await tx.execute(sql`insert into task_deadline_changes (task_id, deadline, effective_from)
                  values (${id}, ${c.deadline}::date, ${c.effectiveFrom}::date)`);
                await tx.execute(sql`update tasks t set deadline = l.deadline, deadline_effective_from = l.effective_from
                  from (select deadline, effective_from from task_deadline_changes where task_id = ${id}
                        order by effective_from desc, id desc limit 1) l where t.id = ${id}`);
              });
            } else {
              await db.execute(
                sql`delete from task_deadline_changes where id = (select max(id) from task_deadline_changes where task_id = ${id})`,
              );
              await db.execute(sql`update tasks t set deadline = coalesce(l.deadline, t.original_deadline),
                  deadline_effective_from = l.effective_from
                from (select 1) one left join lateral (select deadline, effective_from from task_deadline_changes
                      where task_id = ${id} order by effective_from desc, id desc limit 1) l on true where t.id = ${id}`);
            }
          }
          for (const [i, s] of added.entries()) await make(s, `N${i}`);

          for (const asOf of dates) {
            await expectSame(repo, asOf, { programmeId, unitRole: 'any' });
            await expectSame(repo, asOf, { programmeId, unitRole: 'any', kind: 'pilot' });
            await expectSame(repo, asOf, { programmeId, unitRole: 'any', groupId: [groupIds[1]!] });
            await expectSame(repo, asOf, { programmeId, unitRole: 'any', level: ['commune', 'city'] });
          }
        },
      ),
      { numRuns: 20 },
    );
  }, 300_000); // generous: a shared 2-core machine under load runs it several times slower

  it('keeps the most recent dates only, and a second build of a date changes nothing', async () => {
    const db = database.db;
    const scope = taskReadScope(systemActor, programmeId);
    await db.execute(sql`delete from task_rollup_dates`);
    await db.execute(sql`delete from task_state_counts`);
    await db.execute(sql`delete from task_overdue_by_unit`);
    await makeTask(db, { programmeId, leadUnitId: unitIds[0]!, code: 'KEEP' });
    const dates = Array.from({ length: ROLLUP_DATES + 2 }, (_, i) => addDays(START, i));
    for (const asOf of dates) await tasksTransaction(db, (r) => r.buildRollup(programmeId, asOf, scope));
    await tasksTransaction(db, (r) => r.buildRollup(programmeId, dates.at(-1)!, scope));
    const kept = (
      await db.execute(
        sql`select as_of from task_rollup_dates where programme_id = ${programmeId} order by as_of`,
      )
    ).rows as { as_of: string }[];
    expect(kept.map((r) => r.as_of)).toEqual(dates.slice(2));
    const orphans = (
      await db.execute(sql`select count(*)::int as n from task_state_counts c where not exists
        (select 1 from task_rollup_dates d where d.programme_id = c.programme_id and d.as_of = c.as_of)`)
    ).rows as { n: number }[];
    expect(orphans[0]!.n).toBe(0);
    await expectSame(createTasksRepo(db), dates.at(-1)!, { programmeId, unitRole: 'any' });
  });
});
