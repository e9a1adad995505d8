import { createHash } from 'node:crypto';
import { asc, desc, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { auditEvents } from '../../db/schema/index.js';

export type AuditEntry = {
  actorId: number | null;
  action: string;
  entity: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
};

const GENESIS = '0'.repeat(64);

/** JSON with object keys sorted: jsonb reorders keys, the hash must not depend on that. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object' && !(v instanceof Date)) {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v ?? null);
}

function hashOf(prev: string, e: AuditEntry, at: string): string {
  const body = canonical([
    prev,
    at,
    e.actorId,
    e.action,
    e.entity,
    e.entityId ?? null,
    e.before ?? null,
    e.after ?? null,
  ]);
  return createHash('sha256').update(body).digest('hex');
}

/** `db` may be a transaction: the audit row then commits or rolls back with the change it records. */
export function createAuditRepo(db: Db) {
  return {
    append: (e: AuditEntry, at: Date) =>
      // A transaction (a savepoint inside the caller's) holds the lock that serialises appends,
      // so the hash chain never forks under concurrent writers.
      db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(7355608)`);
        const [last] = await tx
          .select({ hash: auditEvents.hash })
          .from(auditEvents)
          .orderBy(desc(auditEvents.id))
          .limit(1);
        const prev = last?.hash ?? GENESIS;
        await tx.insert(auditEvents).values({
          at,
          actorId: e.actorId,
          action: e.action,
          entity: e.entity,
          entityId: e.entityId ?? null,
          before: e.before ?? null,
          after: e.after ?? null,
          prevHash: prev,
          hash: hashOf(prev, e, at.toISOString()),
        });
      }),

    /** Recomputes the chain; returns the id of the first row that does not match, or null. */
    async verifyChain(): Promise<number | null> {
      const rows = await db.select().from(auditEvents).orderBy(asc(auditEvents.id));
      let prev = GENESIS;
      for (const r of rows) {
        const expected = hashOf(prev, { ...r, entityId: r.entityId }, r.at.toISOString());
        if (r.prevHash !== prev || r.hash !== expected) return r.id;
        prev = r.hash;
      }
      return null;
    },
  };
}
