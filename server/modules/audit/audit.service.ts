import type { Db } from '../../db/client.js';
import type { Clock } from '../../lib/clock.js';
import { createAuditRepo, type AuditEntry } from './audit.repo.js';

export type AuditLog = { record: (e: AuditEntry) => Promise<void> };

/** An audit log bound to a connection or a transaction. */
export function auditLog(db: Db, clock: Clock): AuditLog {
  const repo = createAuditRepo(db);
  return { record: (e) => repo.append(e, clock.now()) };
}
