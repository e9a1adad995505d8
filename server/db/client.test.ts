import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './client.js';
import { units } from './schema/index.js';
import { testDatabase } from '../test/harness.js';

describe('database client (the same on PGlite and PostgreSQL)', () => {
  let database: Database;
  beforeAll(async () => {
    database = await testDatabase();
  });
  afterAll(() => database.close());

  it('a failed query does not break the next one', async () => {
    await expect(database.db.execute(sql`select 1 / ${0}::int`)).rejects.toThrow();
    const r = await database.db.execute(sql`select 41 + 1 as n`);
    expect(r.rows).toEqual([{ n: 42 }]);
  });

  it('a transaction that fails half way leaves nothing behind', async () => {
    await expect(
      database.db.transaction(async (tx) => {
        await tx.insert(units).values({ code: 'HALF', nameVi: 'Nửa', kind: 'commune', path: '/x/' });
        await tx.execute(sql`select 1 / 0`);
      }),
    ).rejects.toThrow();
    const r = await database.db.execute(sql`select count(*)::int as n from units where code = 'HALF'`);
    expect(r.rows).toEqual([{ n: 0 }]);
  });

  it('a slow query does not stall the event loop (PGlite runs on its own thread)', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    await database.db.execute(sql`select count(*) from generate_series(1, 1500000)`);
    clearInterval(timer);
    // The timer fired while the query ran. Had the query run on this thread, no timer could fire
    // before the query's result is handled (and the timer is cleared right then). Not a timing
    // assertion: on a busy machine the query only takes longer, which gives the timer more chances.
    expect(ticks).toBeGreaterThan(0);
  });
});
