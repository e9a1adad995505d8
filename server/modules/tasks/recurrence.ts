import type { Db } from '../../db/client.js';
import { AppError } from '../../lib/app-error.js';
import { occurrenceDeadline, occurrencePeriod, type Recurrence } from '../../../shared/recurrence.js';
import type { TaskDetail } from '../../../shared/schemas/tasks.js';
import type { tasks } from '../../db/schema/index.js';
import { createRecurrenceRepo, type NewOccurrence, type SeriesRow } from './recurrence.repo.js';
import type { RecurrenceFields } from './tasks.presenter.js';

/** The next period's occurrence is made this many days before the period starts. */
export const LEAD_DAYS = 7;

const addDays = (d: string, n: number) =>
  new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * The occurrences a series should have on `today`: the current period's and, within LEAD_DAYS
 * of its start, the next one's; none outside [start date, deadline] of the series. No back-fill
 * of periods before today: a series set up in March does not make January's, already overdue.
 */
export function dueOccurrences(s: SeriesRow, today: string): NewOccurrence[] {
  const out: NewOccurrence[] = [];
  for (const offset of [0, 1]) {
    const p = occurrencePeriod(s.recurrence, today, offset);
    if (offset === 1 && p.start > addDays(today, LEAD_DAYS)) continue;
    if (s.start_date && p.end < s.start_date) continue;
    if (p.start > s.deadline) continue;
    let deadline = occurrenceDeadline(p, s.recurrence_day);
    if (deadline > s.deadline) deadline = s.deadline;
    const start = s.start_date && s.start_date > p.start ? s.start_date : p.start;
    out.push({ seriesId: s.id, period: p.key, start, deadline: deadline < start ? start : deadline });
  }
  return out;
}

/** Makes the due occurrences of a programme's recurring tasks (the scheduler's daily run). */
export async function makeOccurrences(db: Db, programmeId: number, today: string) {
  return db.transaction(async (t) => {
    const repo = createRecurrenceRepo(t as unknown as Db);
    const series = await repo.openSeries(programmeId, today);
    const made = await repo.insertOccurrences(series.flatMap((s) => dueOccurrences(s, today)));
    return { series: series.length, created: made.length };
  });
}

/** The rules a recurrence must meet on create and patch (and on import). */
export function checkRecurrence(v: {
  recurrence?: string | null;
  recurrenceDay?: number | null;
  seriesId?: number | null;
}) {
  if (v.recurrence && v.seriesId) throw new AppError('validation_failed', {}, 'recurrence');
  if (v.recurrenceDay && !v.recurrence) throw new AppError('validation_failed', {}, 'recurrenceDay');
}

/** The detail page's recurrence fields: the series' occurrences with their states, or the series of an occurrence. */
export async function recurrenceDetail(
  db: Db,
  t: typeof tasks.$inferSelect,
  asOf: string,
): Promise<Pick<TaskDetail, RecurrenceFields>> {
  const repo = createRecurrenceRepo(db);
  const [occurrences, series] = await Promise.all([
    t.recurrence ? repo.occurrences(t.id, asOf) : Promise.resolve([]),
    t.seriesId ? repo.series(t.seriesId) : Promise.resolve(undefined),
  ]);
  return {
    recurrence: (t.recurrence as Recurrence | null) ?? null,
    recurrenceDay: t.recurrenceDay,
    series: series ?? null,
    occurrencePeriod: t.occurrencePeriod,
    occurrences,
  };
}
