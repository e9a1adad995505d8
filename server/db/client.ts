import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from './schema/index.js';

export type Db = NodePgDatabase<typeof schema>;
export type Engine = 'pglite' | 'postgres';

export type Database = {
  db: Db;
  pool: pg.Pool;
  engine: Engine;
  /** PGlite only: writes the whole data directory to a tarball (test templates, backups). */
  dumpTo?: (file: string) => Promise<void>;
  close: () => Promise<void>;
};

// Dates stay 'YYYY-MM-DD' strings and bigint counts come back as numbers (they fit).
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

/**
 * Pools whose server takes COPY … FROM STDIN: PostgreSQL's. PGlite's socket server does not (the
 * wire protocol's copy sub-protocol loses synchronisation there; measured), so bulk writers
 * fall back to multi-row INSERTs from arrays.
 */
const copyCapable = new WeakSet<pg.Pool>();
export const takesCopy = (pool: unknown) => pool instanceof pg.Pool && copyCapable.has(pool);

export type OpenOptions =
  | { engine: 'postgres'; url: string; poolSize?: number }
  /** dataDir undefined = in memory; loadDataDirFile = start from a dumped tarball. */
  | { engine: 'pglite'; dataDir?: string; loadDataDirFile?: string; onSlowStart?: () => void };

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.engine === 'postgres') {
    // JIT off: compiling took 150-550 ms per task query in bench/ (national scale), more than the
    // queries themselves; short dashboard queries never win it back.
    const pool = new pg.Pool({ connectionString: opts.url, max: opts.poolSize ?? 10, options: '-c jit=off' });
    pool.on('error', () => {});
    copyCapable.add(pool);
    return { db: drizzle(pool, { schema }), pool, engine: 'postgres', close: () => pool.end() };
  }
  return openPglite(opts);
}

async function openPglite(opts: { dataDir?: string; loadDataDirFile?: string; onSlowStart?: () => void }) {
  const sockDir = opts.dataDir
    ? path.join(opts.dataDir, 'run')
    : path.join('/tmp', `steerboard-${process.pid}-${Math.random().toString(36).slice(2, 8)}`);
  await mkdir(sockDir, { recursive: true });
  const port = 5432;
  const socketPath = path.join(sockDir, `.s.PGSQL.${port}`);
  await rm(socketPath, { force: true });
  const pgDataDir = opts.dataDir ? path.join(opts.dataDir, 'pgdata') : undefined;
  if (pgDataDir) await mkdir(pgDataDir, { recursive: true });

  const worker = new Worker(new URL('./pglite-worker.mjs', import.meta.url), {
    workerData: { dataDir: pgDataDir, socketPath, loadDataDirFile: opts.loadDataDirFile },
  });
  const slow = setTimeout(() => opts.onSlowStart?.(), 1500);
  await new Promise<void>((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', (m: { type: string }) => (m.type === 'ready' ? resolve() : undefined));
  });
  clearTimeout(slow);

  // PGlite is one session: a single connection keeps transactions from interleaving.
  const pool = new pg.Pool({ host: sockDir, port, user: 'postgres', database: 'postgres', max: 1 });
  pool.on('error', () => {});
  const request = (msg: object, reply: string) =>
    new Promise<void>((resolve) => {
      const on = (m: { type: string }) => {
        if (m.type === reply) {
          worker.off('message', on);
          resolve();
        }
      };
      worker.on('message', on);
      worker.postMessage(msg);
    });
  return {
    db: drizzle(pool, { schema }),
    pool,
    engine: 'pglite' as const,
    dumpTo: (file: string) => request({ type: 'dump', file }, 'dumped'),
    close: async () => {
      await pool.end();
      await request({ type: 'stop' }, 'stopped');
      await worker.terminate();
      if (!opts.dataDir) await rm(sockDir, { recursive: true, force: true });
    },
  };
}
