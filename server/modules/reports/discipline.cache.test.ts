import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { addDays } from '../../../shared/dates.js';
import { fixedClock } from '../../lib/clock.js';
import { systemActor } from '../auth/actor.js';
import { createProgrammesRepo } from '../programmes/programmes.repo.js';
import { createProgrammesService } from '../programmes/programmes.service.js';
import { makeProgramme, makeTask, makeUnit } from '../../test/factories.js';
import { testDatabase } from '../../test/harness.js';
import { createDisciplineService } from './discipline.service.js';

const START = '2025-09-29'; // Monday of 2025-W40
const day = fc.integer({ min: -20, max: 80 }).map((n) => addDays(START, n));
const RANGES = [
  { from: '2025-W40', to: '2025-W49' },
  { from: '2025-W44', to: '2025-W45' },
];

const taskArb = fc.record({
  start: fc.option(day, { nil: null }),
  completed: fc.option(day, { nil: null }),
  cancelled: fc.option(day, { nil: null }),
  lead: fc.integer({ min: 0, max: 4 }),
  coordinators: fc.uniqueArray(fc.integer({ min: 0, max: 4 }), { maxLength: 2 }),
});

/** The writes that change who is expected (and one that does not), as the services make them. */
const changeArb = fc.oneof(
  fc.record({ kind: fc.constant('start' as const), on: fc.option(day, { nil: null }) }),
  fc.record({ kind: fc.constant('complete' as const), on: fc.option(day, { nil: null }) }),
  fc.record({ kind: fc.constant('cancel' as const), on: fc.option(day, { nil: null }) }),
  fc.record({ kind: fc.constant('lead' as const), unit: fc.integer({ min: 0, max: 4 }) }),
  fc.record({ kind: fc.constant('coordinate' as const), unit: fc.integer({ min: 0, max: 4 }) }),
  fc.record({ kind: fc.constant('uncoordinate' as const) }),
  fc.record({ kind: fc.constant('progress' as const) }),
  fc.record({ kind: fc.constant('delete' as const) }),
);

describe('discipline: who was expected, kept and brought up to date unit by unit', () => {
  let database: Database;
  let programmeId: number;
  let unitIds: number[];
  beforeAll(async () => {
    database = await testDatabase();
    const root = await makeUnit(database.db, { code: 'DSC' });
    unitIds = [root.id];
    for (const c of ['A', 'B', 'C', 'D'])
      unitIds.push((await makeUnit(database.db, { code: `DSC-${c}`, parentId: root.id })).id);
    programmeId = (await makeProgramme(database.db, { code: 'DSC', rootUnitId: root.id })).id;
  });
  afterAll(() => database.close());

  const service = () => {
    const clock = fixedClock('2025-12-15');
    const programmes = createProgrammesService({ repo: createProgrammesRepo(database.db), clock });
    return createDisciplineService({ db: database.db, clock, programmes });
  };

  it('equals a fresh computation after starts, completions, cancellations, leads, coordinators, new and deleted tasks', async () => {
    const db = database.db;
    await fc.assert(
      fc.asyncProperty(
        fc.array(taskArb, { minLength: 1, maxLength: 12 }),
        fc.array(fc.array(fc.tuple(fc.nat(), changeArb), { minLength: 1, maxLength: 4 }), { maxLength: 4 }),
        fc.array(taskArb, { maxLength: 2 }),
        async (specs, rounds, added) => {
          await db.execute(sql`delete from tasks where programme_id = ${programmeId}`);
          let n = 0;
          const make = (s: (typeof specs)[number]) =>
            makeTask(db, {
              programmeId,
              code: `D${n++}`,
              leadUnitId: unitIds[s.lead]!,
              startDate: s.start,
              completedOn: s.completed,
              coordinators: s.coordinators.filter((c) => c !== s.lead).map((c) => unitIds[c]!),
            }).then(async (t) => {
              if (s.cancelled)
                await db.execute(
                  sql`update tasks set cancelled_on = ${s.cancelled}::date where id = ${t.id}`,
                );
              return t.id;
            });
          const ids: number[] = [];
          for (const s of specs) ids.push(await make(s));
          const kept = service();
          for (const r of RANGES) await kept.table(systemActor, { programmeId, ...r });

          for (const [i, round] of rounds.entries()) {
            for (const [k, c] of round) {
              const id = ids[k % ids.length]!;
              if (c.kind === 'start')
                await db.execute(sql`update tasks set start_date = ${c.on}::date where id = ${id}`);
              else if (c.kind === 'complete')
                await db.execute(sql`update tasks set completed_on = ${c.on}::date where id = ${id}`);
              else if (c.kind === 'cancel')
                await db.execute(sql`update tasks set cancelled_on = ${c.on}::date where id = ${id}`);
              else if (c.kind === 'lead')
                await db.execute(sql`update tasks set lead_unit_id = ${unitIds[c.unit]!} where id = ${id}`);
              else if (c.kind === 'progress')
                await db.execute(sql`update tasks set progress = progress + 1 where id = ${id}`);
              else if (c.kind === 'coordinate')
                await db.execute(sql`insert into task_coordinators (task_id, unit_id)
                  select ${id}, ${unitIds[c.unit]!} where exists (select 1 from tasks where id = ${id})
                  on conflict do nothing`);
              else if (c.kind === 'uncoordinate')
                await db.execute(sql`delete from task_coordinators where task_id = ${id}
                  and unit_id = (select min(unit_id) from task_coordinators where task_id = ${id})`);
              else await db.execute(sql`delete from tasks where id = ${id}`);
            }
            if (i === rounds.length - 1) for (const s of added) ids.push(await make(s));
            for (const r of RANGES)
              expect({ round: i, ...r, table: await kept.table(systemActor, { programmeId, ...r }) }).toEqual(
                {
                  round: i,
                  ...r,
                  table: await service().table(systemActor, { programmeId, ...r }),
                },
              );
          }
        },
      ),
      { numRuns: 30 },
    );
  }, 300_000); // generous: a shared 2-core machine under load runs it several times slower

  it('records the units of each version, and "any unit" when a task is deleted', async () => {
    const db = database.db;
    await db.execute(sql`delete from tasks where programme_id = ${programmeId}`);
    const t = await makeTask(db, { programmeId, leadUnitId: unitIds[1]!, coordinators: [unitIds[2]!] });
    const version = async () =>
      Number(
        (
          (await db.execute(sql`select tasks_version as v from programmes where id = ${programmeId}`))
            .rows[0] as { v: number }
        ).v,
      );
    const v0 = await version();
    await db.execute(sql`update tasks set lead_unit_id = ${unitIds[3]!} where id = ${t.id}`);
    expect(await version()).toBe(v0 + 1);
    const units = (
      await db.execute(
        sql`select unit_id from task_unit_changes where programme_id = ${programmeId} and version = ${v0 + 1} order by unit_id`,
      )
    ).rows as { unit_id: number }[];
    expect(units.map((u) => u.unit_id)).toEqual(
      [unitIds[1]!, unitIds[2]!, unitIds[3]!].sort((a, b) => a - b),
    );
    await db.execute(sql`update tasks set progress = 50 where id = ${t.id}`);
    expect(await version()).toBe(v0 + 1); // progress decides nothing here
    await db.execute(sql`insert into tasks (programme_id, code, title, assigned_level, lead_unit_id, deadline, original_deadline)
      select ${programmeId}, 'BULK' || u.id, 'x', 'city', u.id, '2025-12-31', '2025-12-31'
        from units u cross join generate_series(1, 1) where u.code like 'DSC%'`);
    await db.execute(sql`delete from tasks where id = ${t.id}`);
    const last = (
      await db.execute(
        sql`select version, unit_id from task_unit_changes where programme_id = ${programmeId} and version > ${v0 + 1} order by version`,
      )
    ).rows as { version: number; unit_id: number | null }[];
    expect(last.filter((r) => Number(r.version) === v0 + 3)).toEqual([{ version: v0 + 3, unit_id: null }]);
  });
});
