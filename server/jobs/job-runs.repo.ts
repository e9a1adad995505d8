import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';

/** A run that has been "running" this long is taken to have died with its server. */
const STALE_MINUTES = 15;

/** The run record of scheduled jobs: each (job, key) is claimed by exactly one server. */
export function createJobRunsRepo(db: Db) {
  return {
    /**
     * Claims a run under a transaction-scoped advisory lock, so servers starting together do not
     * race; the primary key makes the claim exclusive even without it. A failed or stale run can
     * be claimed again. Returns false when the run is done or someone else holds it.
     */
    claim: (job: string, key: string, now: Date) =>
      db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${'steerboard:' + job}))`);
        const res = await tx.execute(sql`
          insert into job_runs (job, key, status, started_at) values (${job}, ${key}, 'running', ${now.toISOString()})
          on conflict (job, key) do update set status = 'running', started_at = excluded.started_at, finished_at = null
           where job_runs.status = 'failed'
              or (job_runs.status = 'running' and job_runs.started_at < excluded.started_at - make_interval(mins => ${STALE_MINUTES}))
          returning job`);
        return res.rows.length > 0;
      }),

    finish: (job: string, key: string, status: 'done' | 'failed', detail: unknown, now: Date) =>
      db.execute(sql`update job_runs set status = ${status}, finished_at = ${now.toISOString()},
        detail = ${JSON.stringify(detail ?? null)}::jsonb where job = ${job} and key = ${key}`),

    doneKeys: async (job: string, keys: string[]) =>
      keys.length
        ? new Set(
            (
              await db.execute(sql`select key from job_runs where job = ${job} and status = 'done'
                and key in (${sql.join(
                  keys.map((k) => sql`${k}`),
                  sql`, `,
                )})`)
            ).rows.map((r) => (r as { key: string }).key),
          )
        : new Set<string>(),

    recent: (limit = 50) =>
      db.execute(sql`select job, key, status, started_at, finished_at, detail from job_runs
        order by started_at desc limit ${limit}`),
  };
}
export type JobRunsRepo = ReturnType<typeof createJobRunsRepo>;
