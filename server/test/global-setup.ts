import { rm } from 'node:fs/promises';
import { openDatabase } from '../db/client.js';
import { runMigrations } from '../db/migrate.js';
import { TEMPLATE_FILE } from './template.js';

/** Builds one migrated PGlite data directory that every test file starts from (saves seconds a file). */
export async function setup() {
  if (process.env.TEST_DATABASE_URL) return;
  const db = await openDatabase({ engine: 'pglite' });
  await runMigrations(db);
  await db.dumpTo!(TEMPLATE_FILE);
  await db.close();
}

export async function teardown() {
  await rm(TEMPLATE_FILE, { force: true });
}
