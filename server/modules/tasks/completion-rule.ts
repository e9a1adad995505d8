import { AppError } from '../../lib/app-error.js';

/**
 * The one rule for completing and reopening a task (decision 42). PATCH /tasks/:id and the
 * completion route (declared by the lead unit, confirmed by the standing agency) both go through
 * it, so a completion date is refused or accepted the same way and leaves the same columns.
 */
export type CompletionFacts = {
  startDate: string | null;
  cancelledOn: string | null;
  firstActivityOn: string | null;
};

/** A completion date may not be after today (in the programme's zone) nor before the start. */
export function checkCompletionDate(task: CompletionFacts, completedOn: string, today: string): void {
  if (task.cancelledOn) throw new AppError('task_closed');
  if (completedOn > today) throw new AppError('completed_in_future', { today }, 'completedOn');
  if (task.startDate && completedOn < task.startDate)
    throw new AppError('completed_before_start', { start: task.startDate }, 'completedOn');
}

/** What a completion writes: the day, the instant, 100 %, and a first activity no later than the day. */
export function completionValues(task: CompletionFacts, completedOn: string, now: Date) {
  return {
    completedOn,
    completedAt: now,
    progress: 100,
    firstActivityOn:
      task.firstActivityOn && task.firstActivityOn <= completedOn ? task.firstActivityOn : completedOn,
  };
}

/**
 * What reopening writes: no completion, and a progress that says what is left — the one asked
 * for, else the last one recorded below 100 before the completion, else 0. Never 100.
 */
export function reopenValues(asked: number | undefined, lastBelowFull: number | null) {
  const progress = asked ?? lastBelowFull ?? 0;
  if (progress >= 100) throw new AppError('reopen_progress_full', {}, 'progress');
  return { completedOn: null, completedAt: null, progress };
}
