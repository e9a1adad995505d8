import { addDays } from './dates.js';
import { isWorkingDay, type DaysOff } from './periods.js';

/**
 * The closed lists and the "as of" rules of the obstacle and recommendation registers, free of
 * zod so that the web client can import them. The server's SQL (obstacles.repo, recommendations.repo)
 * is the twin of these functions; an integration test asserts they agree.
 */
export const OBSTACLE_CATEGORIES = [
  'institutions',
  'data_infrastructure',
  'resources',
  'service_quality',
  'legal',
  'other',
] as const;
export type ObstacleCategory = (typeof OBSTACLE_CATEGORIES)[number];
export const OBSTACLE_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type ObstacleSeverity = (typeof OBSTACLE_SEVERITIES)[number];
export const OBSTACLE_STATUSES = ['open', 'in_progress', 'resolved', 'escalated'] as const;
export type ObstacleStatus = (typeof OBSTACLE_STATUSES)[number];
/** Statuses in which an obstacle still blocks its tasks. */
export const OBSTACLE_OPEN: readonly ObstacleStatus[] = ['open', 'in_progress', 'escalated'];

export const RECOMMENDATION_STATES = ['pending', 'overdue', 'answered_on_time', 'answered_late'] as const;
export type RecommendationState = (typeof RECOMMENDATION_STATES)[number];
/** Working days a handling agency has to answer, unless the programme sets another figure. */
export const DEFAULT_ANSWER_WORKING_DAYS = 15;

/** The n-th working day after `start` (n ≥ 0; n = 0 is `start` itself). */
export function addWorkingDays(start: string, n: number, daysOff: DaysOff = new Set()): string {
  let d = start;
  for (let left = n; left > 0;) {
    d = addDays(d, 1);
    if (isWorkingDay(d, daysOff)) left--;
  }
  return d;
}

/**
 * An obstacle's status on day D from its history (each change with the day it took effect): the
 * latest change on or before D; null when it had not been raised yet. Ties keep the later entry.
 */
export function obstacleStatusAsOf(
  history: readonly { status: ObstacleStatus; on: string }[],
  asOf: string,
): ObstacleStatus | null {
  let current: ObstacleStatus | null = null;
  let day = '';
  for (const h of history)
    if (h.on <= asOf && h.on >= day) {
      current = h.status;
      day = h.on;
    }
  return current;
}

/** Overdue on D: still open (not resolved) on D and its due date is before D. */
export function obstacleOverdue(status: ObstacleStatus | null, dueOn: string | null, asOf: string): boolean {
  return status !== null && status !== 'resolved' && dueOn !== null && dueOn < asOf;
}

/**
 * A recommendation on day D: not yet sent (null), answered on time or late (by the day of the
 * answer against the due day), overdue (no answer by D and its due day is before D), or pending.
 */
export function recommendationStateAsOf(
  r: { submittedOn: string; answerDueOn: string; answeredOn: string | null },
  asOf: string,
): RecommendationState | null {
  if (r.submittedOn > asOf) return null;
  if (r.answeredOn !== null && r.answeredOn <= asOf)
    return r.answeredOn <= r.answerDueOn ? 'answered_on_time' : 'answered_late';
  return r.answerDueOn < asOf ? 'overdue' : 'pending';
}

/** Counted late for the agency: answered after the due day, or still unanswered past it. */
export const countsLate = (s: RecommendationState | null) => s === 'overdue' || s === 'answered_late';

/** Working days left to answer on D (negative once overdue); null once answered. */
export function answerClock(
  r: { answerDueOn: string; answeredOn: string | null },
  asOf: string,
  daysOff: DaysOff = new Set(),
): number | null {
  if (r.answeredOn !== null && r.answeredOn <= asOf) return null;
  const forward = asOf <= r.answerDueOn;
  const [from, to] = forward ? [asOf, r.answerDueOn] : [r.answerDueOn, asOf];
  let n = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkingDay(d, daysOff)) n++;
  return forward ? n : -n;
}
