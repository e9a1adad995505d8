import { sql } from 'drizzle-orm';
import type { Db } from './client.js';

/** How often the embedded database's planner statistics are refreshed while the server runs. */
export const STATISTICS_EVERY_MS = 60 * 60 * 1000;

/**
 * Refreshes the planner's statistics of every table (`ANALYZE` samples at most 30,000 rows per
 * table, so it is bounded by the number of tables, not their size). PostgreSQL's autovacuum does
 * this by itself; PGlite has no autovacuum, and a database whose tables were never analysed is
 * planned as if they were empty: nested loops over thousands of rows (decision 22).
 */
export async function refreshStatistics(db: Db, tables?: string[]) {
  if (tables?.length) await db.execute(sql.raw(`analyze ${tables.map((t) => `"${t}"`).join(', ')}`));
  else await db.execute(sql`analyze`);
}

/** On PGlite: statistics refreshed now (not awaited) and every hour; `stop` ends the timer. */
export function keepStatistics(db: Db, onError: (e: unknown) => void) {
  const run = () => void refreshStatistics(db).catch(onError);
  run();
  const timer = setInterval(run, STATISTICS_EVERY_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
