import type { Config } from '../config.js';
import { openDatabase, type Database } from './client.js';
import { runMigrations } from './migrate.js';

/** The database the configuration names: PostgreSQL with DATABASE_URL, embedded PGlite otherwise. */
export async function openConfiguredDatabase(
  config: Config,
  log: (msg: string) => void,
  opts: { migrate?: boolean } = {},
): Promise<Database> {
  const database = config.databaseUrl
    ? await openDatabase({ engine: 'postgres', url: config.databaseUrl })
    : await openDatabase({
        engine: 'pglite',
        dataDir: config.dataDir,
        onSlowStart: () =>
          log(`Starting the embedded database in ${config.dataDir} (the first start takes a few seconds)…`),
      });
  log(
    config.databaseUrl
      ? `Database: PostgreSQL (${redact(config.databaseUrl)})`
      : `Database: embedded PGlite in ${config.dataDir}`,
  );
  if (opts.migrate !== false) await runMigrations(database);
  return database;
}

const redact = (url: string) => url.replace(/\/\/([^:@/]+):[^@/]+@/, '//$1:***@');
