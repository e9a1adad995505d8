/**
 * The state of a task as of a date D, exactly as domain.md defines it. The SQL twin lives in
 * server/modules/tasks/task-state.sql.ts; a property test proves the two agree.
 * Dates are 'YYYY-MM-DD' strings (they compare correctly as strings).
 */
export const TASK_STATES = ['done_on_time', 'done_late', 'overdue', 'in_progress', 'not_started'] as const;
export type TaskState = (typeof TASK_STATES)[number];

export type DeadlineChange = { deadline: string; effectiveFrom: string };

export type TaskStateInput = {
  originalDeadline: string;
  /** Approved deadline changes; each applies from its effectiveFrom date on. */
  deadlineChanges?: readonly DeadlineChange[];
  completedOn: string | null;
  firstActivityOn: string | null;
};

/** The deadline in force on day D: the latest change that took effect on or before D. */
export function deadlineAsOf(
  task: Pick<TaskStateInput, 'originalDeadline' | 'deadlineChanges'>,
  asOf: string,
): string {
  let best: DeadlineChange | undefined;
  for (const c of task.deadlineChanges ?? []) {
    if (c.effectiveFrom <= asOf && (!best || c.effectiveFrom >= best.effectiveFrom)) best = c;
  }
  return best ? best.deadline : task.originalDeadline;
}

export function taskStateAsOf(task: TaskStateInput, asOf: string): TaskState {
  const deadline = deadlineAsOf(task, asOf);
  if (task.completedOn !== null && task.completedOn <= asOf) {
    return task.completedOn <= deadline ? 'done_on_time' : 'done_late';
  }
  if (deadline < asOf) return 'overdue';
  if (task.firstActivityOn === null || task.firstActivityOn > asOf) return 'not_started';
  return 'in_progress';
}

export function isDone(state: TaskState): boolean {
  return state === 'done_on_time' || state === 'done_late';
}
