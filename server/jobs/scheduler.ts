import type { Db } from '../db/client.js';
import type { Clock } from '../lib/clock.js';
import { dateInZone } from '../../shared/dates.js';
import { periodOf, previousPeriod, type Period } from '../../shared/periods.js';
import type { NotificationsService } from '../modules/notifications/notifications.service.js';
import type { ProgrammesService } from '../modules/programmes/programmes.service.js';
import type { WarningsService } from '../modules/warnings/warnings.service.js';
import { createJobRunsRepo } from './job-runs.repo.js';
import { makeOccurrences } from '../modules/tasks/recurrence.js';

/** How far back a server that was down catches up on warning lists it missed. */
const CATCH_UP_PERIODS = 8;
/** Reminders go out once a day, from this hour in the programme's time zone. */
const REMINDER_HOUR = 8;

export type DueRun = { job: string; key: string; run: () => Promise<unknown> };
export type TickResult = { job: string; key: string; status: 'done' | 'failed'; detail: unknown }[];

/**
 * Scheduled work: each tick lists the runs that are due (a period's warning list once its draw
 * moment has passed, a programme's reminders and recurring tasks' occurrences once a day), and runs each one that no server has
 * run yet. Every server may tick; the run record lets exactly one of them do each run.
 */
export function createScheduler(deps: {
  db: Db;
  clock: Clock;
  programmes: ProgrammesService;
  warnings: WarningsService;
  notifications: NotificationsService;
  log?: (msg: string, extra?: unknown) => void;
}) {
  const runs = createJobRunsRepo(deps.db);

  async function due(): Promise<DueRun[]> {
    const now = deps.clock.now();
    const out: DueRun[] = [];
    for (const { id } of await deps.programmes.all()) {
      const p = await deps.programmes.system(id);
      const today = dateInZone(now, p.timeZone);
      // The current period and the ones before it, oldest first, for the warning lists.
      const periods: Period[] = [periodOf(today, p.dueRule.cadence)];
      while (periods.length <= CATCH_UP_PERIODS) periods.unshift(previousPeriod(periods[0]!));
      for (const period of periods) {
        if (p.startsOn && period.end < p.startsOn) continue;
        const { drawAt } = await deps.warnings.drawMoment(p, period.key);
        if (drawAt > now) continue;
        out.push({
          job: 'warnings',
          key: `${id}:${period.key}`,
          run: () => deps.warnings.computeAsSystem(id, period.key),
        });
      }
      // Recurring tasks: the day's occurrences (the unique (series, period) makes each once).
      out.push({ job: 'recurrence', key: `${id}:${today}`, run: () => makeOccurrences(deps.db, id, today) });
      const hour = Number(
        now.toLocaleString('en-GB', { timeZone: p.timeZone, hour: '2-digit', hour12: false }),
      );
      if (hour >= REMINDER_HOUR)
        out.push({ job: 'reminders', key: `${id}:${today}`, run: () => deps.notifications.remind(id) });
    }
    return out;
  }

  async function tick(): Promise<TickResult> {
    const result: TickResult = [];
    const candidates = await due();
    const done = new Set<string>();
    for (const job of new Set(candidates.map((c) => c.job)))
      for (const k of await runs.doneKeys(
        job,
        candidates.filter((c) => c.job === job).map((c) => c.key),
      ))
        done.add(`${job}|${k}`);
    for (const c of candidates) {
      if (done.has(`${c.job}|${c.key}`)) continue;
      if (!(await runs.claim(c.job, c.key, deps.clock.now()))) continue;
      try {
        const detail = await c.run();
        await runs.finish(c.job, c.key, 'done', detail, deps.clock.now());
        result.push({ job: c.job, key: c.key, status: 'done', detail });
        deps.log?.(`job ${c.job} ${c.key} done`, detail);
      } catch (err) {
        const detail = { error: err instanceof Error ? err.message : String(err) };
        await runs.finish(c.job, c.key, 'failed', detail, deps.clock.now());
        result.push({ job: c.job, key: c.key, status: 'failed', detail });
        deps.log?.(`job ${c.job} ${c.key} failed`, detail);
      }
    }
    // Mail that could not go out earlier (SMTP down) is retried on every tick.
    await deps.notifications.flush().catch(() => undefined);
    return result;
  }

  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;
  return {
    tick,
    due,
    /** Ticks now (catching up after downtime), then every `everyMs`. */
    start(everyMs = 60_000) {
      const go = () => {
        if (running) return;
        running = tick()
          .catch((err) => deps.log?.('scheduler tick failed', err))
          .finally(() => (running = null));
      };
      go();
      timer = setInterval(go, everyMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
  };
}
export type Scheduler = ReturnType<typeof createScheduler>;
