import { loadConfig } from '../config.js';
import type { Database } from '../db/client.js';
import { openConfiguredDatabase } from '../db/open.js';
import { configuredClock, type Clock } from '../lib/clock.js';

/** Opens what a command needs, runs it, and always closes the database. */
export async function withDatabase<T>(
  fn: (ctx: { database: Database; clock: Clock; config: ReturnType<typeof loadConfig> }) => Promise<T>,
) {
  const config = loadConfig();
  const database = await openConfiguredDatabase(config, (m) => console.error(m));
  const clock = configuredClock(config);
  try {
    return await fn({ database, clock, config });
  } finally {
    await database.close();
  }
}

/** A one-line progress bar on stderr (plain lines when not a terminal). */
export function progress(step: string, done: number, total: number) {
  const pct = total ? Math.round((done / total) * 100) : 100;
  const bar = '#'.repeat(Math.round(pct / 5)).padEnd(20, '.');
  if (process.stderr.isTTY)
    process.stderr.write(`\r${step.padEnd(28)} [${bar}] ${pct}%${done === total ? '\n' : ''}`);
  else if (done === total) process.stderr.write(`${step}: done (${total})\n`);
}
