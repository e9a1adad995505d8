import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../server/db/client.js';

/**
 * A database to fill and throw away: PGlite in memory, or `<prefix>_<random>` created on the
 * PostgreSQL server named by BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres)
 * and dropped by `drop`.
 */
export async function openScratchDatabase(
  engine: 'pglite' | 'postgres',
  prefix: string,
): Promise<{ database: Database; drop: () => Promise<void>; version: string }> {
  if (engine === 'pglite') {
    const database = await openDatabase({ engine: 'pglite' });
    return { database, drop: async () => database.close(), version: 'PGlite' };
  }
  const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const v = (await admin.query<{ v: string }>(`select current_setting('server_version') as v`)).rows[0]!.v;
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const database = await openDatabase({ engine: 'postgres', url: u.toString(), poolSize: 5 });
  return {
    database,
    version: `PostgreSQL ${v}`,
    drop: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
