import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';

/** Public holidays and other working days off (weekends are always off). */
export function createCalendarRepo(db: Db) {
  return {
    ofYear: async (year: number) =>
      (
        await db.execute(sql`select day::text as day, name from days_off
          where day between ${`${year}-01-01`}::date and ${`${year}-12-31`}::date order by day`)
      ).rows as { day: string; name: string }[],
    replaceYear: (year: number, days: { day: string; name: string }[]) =>
      db.transaction(async (tx) => {
        await tx.execute(
          sql`delete from days_off where day between ${`${year}-01-01`}::date and ${`${year}-12-31`}::date`,
        );
        for (const d of days)
          await tx.execute(sql`insert into days_off (day, name) values (${d.day}, ${d.name})`);
      }),
  };
}
