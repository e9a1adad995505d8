import type { Db } from './client.js';

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
