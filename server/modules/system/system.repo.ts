import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';

export function createSystemRepo(db: Db) {
  return {
    ping: () => db.execute(sql`select 1`),
    isEmpty: async () => {
      const r = await db.execute(sql`select not exists (select 1 from programmes) as empty`);
      return Boolean((r.rows[0] as { empty: boolean } | undefined)?.empty);
    },
  };
}
