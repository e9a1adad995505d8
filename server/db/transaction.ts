import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { takesCopy, type Db } from './client.js';
import * as schema from './schema/index.js';

/**
 * Runs `fn` in one transaction with a module's repository bound to it, and the transaction
 * itself (for the audit log and other modules' repositories).
 */
export function transactionWith<R, T>(
  db: Db,
  makeRepo: (db: Db) => R,
  fn: (repo: R, tx: Db) => Promise<T>,
): Promise<T> {
  return db.transaction((tx) => fn(makeRepo(tx as unknown as Db), tx as unknown as Db));
}

/** Streams text in PostgreSQL's COPY text format into `statement` (`copy … from stdin`). */
export type CopyIn = (statement: string, chunks: Iterable<string>) => Promise<void>;

/**
 * Runs `fn` in one transaction on one connection of `db`'s pool, with a COPY FROM STDIN writer
 * when the server takes it (PostgreSQL; null on PGlite, whose socket does not). Bulk imports use
 * it: COPY parses rows several times faster than INSERTs of parameter arrays.
 */
export async function transactionWithCopy<T>(
  db: Db,
  fn: (tx: Db, copyIn: CopyIn | null) => Promise<T>,
): Promise<T> {
  const pool = (db as unknown as { $client?: unknown }).$client;
  if (!takesCopy(pool)) return db.transaction((tx) => fn(tx as unknown as Db, null));
  const client: pg.PoolClient = await (pool as pg.Pool).connect();
  const copyIn: CopyIn = (statement, chunks) =>
    pipeline(Readable.from(chunks, { objectMode: false }), client.query(copyFrom(statement)));
  let broken = false;
  try {
    await client.query('begin');
    const result = await fn(drizzle(client, { schema }) as unknown as Db, copyIn);
    await client.query('commit');
    return result;
  } catch (e) {
    await client.query('rollback').catch(() => {
      broken = true;
    });
    throw e;
  } finally {
    // A connection that could not even roll back is not given back to the pool.
    client.release(broken);
  }
}
