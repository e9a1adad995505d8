import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { addDays } from '../../../shared/dates.js';
import { taskStateAsOf, type DeadlineChange } from '../../../shared/task-state.js';
import { systemActor } from '../auth/actor.js';
import { taskReadScope } from '../auth/policy.js';
import { makeProgramme, makeTask, makeUnit } from '../../test/factories.js';
import { testDatabase } from '../../test/harness.js';
import { createTasksRepo } from './tasks.repo.js';

const START = '2025-10-01';
const day = fc.integer({ min: 0, max: 60 }).map((n) => addDays(START, n));

const taskArb = fc
  .record({
    originalDeadline: day,
    completedOn: fc.option(day, { nil: null }),
    firstActivityOn: fc.option(day, { nil: null }),
    changes: fc.array(fc.record({ deadline: day, effectiveFrom: day }), { maxLength: 3 }),
  })
  .map((t) => ({
    ...t,
    changes: [...t.changes].sort((a, b) =>
      a.effectiveFrom.localeCompare(b.effectiveFrom),
    ) as DeadlineChange[],
  }));

describe('task state: SQL agrees with the pure function on generated cases', () => {
  let database: Database;
  let programmeId: number;
  let unitId: number;
  beforeAll(async () => {
    database = await testDatabase();
    const u = await makeUnit(database.db, { code: 'PROP' });
    unitId = u.id;
    programmeId = (await makeProgramme(database.db, { code: 'PROP', rootUnitId: u.id })).id;
  });
  afterAll(() => database.close());

  it('for every task and every "as of" date', async () => {
    const repo = createTasksRepo(database.db);
    const scope = taskReadScope(systemActor, programmeId);
    await fc.assert(
      fc.asyncProperty(
        fc.array(taskArb, { minLength: 1, maxLength: 25 }),
        fc.array(day, { minLength: 1, maxLength: 4 }),
        async (specs, dates) => {
          await database.db.execute(sql`delete from tasks where programme_id = ${programmeId}`);
          const byId = new Map<number, (typeof specs)[number]>();
          for (const [i, s] of specs.entries()) {
            const last = s.changes[s.changes.length - 1];
            const t = await makeTask(database.db, {
              programmeId,
              leadUnitId: unitId,
              code: `P${i}`,
              originalDeadline: s.originalDeadline,
              deadline: last?.deadline ?? s.originalDeadline,
              deadlineEffectiveFrom: last?.effectiveFrom ?? null,
              completedOn: s.completedOn,
              firstActivityOn: s.firstActivityOn,
              deadlineChanges: s.changes,
            });
            byId.set(t.id, s);
          }
          for (const asOf of dates) {
            const rows = await repo.list(
              asOf,
              scope,
              { programmeId, unitRole: 'any' },
              undefined,
              'code',
              1000,
            );
            expect(rows).toHaveLength(specs.length);
            for (const r of rows) {
              const s = byId.get(r.id)!;
              const expected = taskStateAsOf(
                {
                  originalDeadline: s.originalDeadline,
                  deadlineChanges: s.changes,
                  completedOn: s.completedOn,
                  firstActivityOn: s.firstActivityOn,
                },
                asOf,
              );
              expect({ id: r.id, asOf, state: r.state }).toEqual({ id: r.id, asOf, state: expected });
            }
            // The counts of the summary come from the same expression: they must add up the same way.
            const counts = await repo.stateCounts(asOf, scope, { programmeId, unitRole: 'any' });
            const total = counts.reduce((a, c) => a + c.n, 0);
            expect(total).toBe(specs.length);
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
