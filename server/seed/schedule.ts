import { taskStateAsOf, type TaskState } from '../../shared/task-state.js';
import type { Calendar } from './calendar.js';
import type { Rng } from './random.js';
import type { Plan, TaskSpec } from './types.js';

/** The shape of a programme's timeline, in days from today (negative = past). */
export type Window = {
  /** Earliest start of a task. */
  startMin: number;
  /** Oldest completion of a done task. */
  doneMaxAgo: number;
  /** Oldest deadline of an overdue task. */
  overdueMaxAgo: number;
  /** Furthest deadline of an open task. */
  openMaxAhead: number;
  /** A programme's own deadline habit (e.g. quarter ends); undefined = any day. */
  pickDeadline?: (state: TaskState, rng: Rng) => number | undefined;
};

export type Quota = {
  states: Partial<Record<TaskState, number>>;
  recentDone?: number;
  recentOverdue?: number;
};

/**
 * Gives every task its plan so that the group's counts are exactly the quota: tasks with a fixed
 * plan keep it, the others are dealt the remaining states in a seeded random order.
 */
export function dealPlans(specs: readonly TaskSpec[], quota: Quota, rng: Rng): Plan[] {
  const left = new Map<TaskState, number>(Object.entries(quota.states) as [TaskState, number][]);
  const take = (s: TaskState, code: string) => {
    const n = left.get(s) ?? 0;
    if (n <= 0) throw new Error(`Demo plan: too many tasks in state ${s} (at ${code})`);
    left.set(s, n - 1);
  };
  const plans: (Plan | undefined)[] = specs.map((t) => {
    if (!t.plan) return undefined;
    take(t.plan.state, t.code);
    return { ...t.plan };
  });
  const pool = [...left].flatMap(([s, n]) => Array.from({ length: n }, () => s));
  const free = plans.flatMap((p, i) => (p ? [] : [i]));
  if (pool.length !== free.length)
    throw new Error(`Demo plan: ${free.length} tasks for ${pool.length} states left in the quota`);
  const dealt = rng.shuffle(pool);
  free.forEach((i, k) => (plans[i] = { state: dealt[k]! }));
  const all = plans as Plan[];

  const markRecent = (want: number | undefined, states: TaskState[]) => {
    if (want === undefined) return;
    const eligible = all.filter((p) => states.includes(p.state) && !p.extension);
    const already = eligible.filter((p) => p.recent).length;
    const open = eligible.filter((p) => p.recent === undefined);
    if (already > want || open.length < want - already)
      throw new Error('Demo plan: recent quota does not fit');
    for (const p of rng.sample(open, want - already)) p.recent = true;
    for (const p of eligible) p.recent ??= false;
  };
  markRecent(quota.recentDone, ['done_on_time', 'done_late']);
  markRecent(quota.recentOverdue, ['overdue']);
  return all;
}

export type Scheduled = {
  startDate: string;
  deadline: string;
  originalDeadline: string;
  deadlineEffectiveFrom: string | null;
  change: { deadline: string; effectiveFrom: string; reason: string } | null;
  progress: number;
  firstActivityOn: string | null;
  completedOn: string | null;
  createdOn: string;
  /** Progress updates in order; the last one of a done task completes it. */
  steps: { on: string; from: number; to: number; completes: boolean }[];
  milestones: { title: string; dueOn: string; doneOn: string | null; sort: number }[];
};

const MILESTONES = {
  task: [
    'Xây dựng kế hoạch, phân công chi tiết',
    'Triển khai thực hiện, báo cáo sơ bộ',
    'Hoàn thành, nghiệm thu sản phẩm',
  ],
  pilot: ['Khảo sát, lựa chọn địa bàn thí điểm', 'Triển khai thí điểm', 'Đánh giá, nhân rộng mô hình'],
} as const;
const MILESTONE_SHARE = [0.3, 0.65, 1] as const;
const MILESTONE_PROGRESS = [30, 65, 100] as const;

/** Dates, progress and history of one task so that its state today is exactly the plan's. */
export function schedule(
  plan: Plan,
  task: Pick<TaskSpec, 'code' | 'kind'>,
  win: Window,
  cal: Calendar,
  rng: Rng,
): Scheduled {
  const off = (d: string | undefined) => (d === undefined ? undefined : cal.offset(d));
  const pinnedStart = off(plan.start);
  const pinnedDeadline = off(plan.deadline) ?? win.pickDeadline?.(plan.state, rng);
  let deadline: number;
  let original: number;
  let effective: number | null = null;
  let start: number;
  let firstActivity: number | null;
  let completed: number | null = null;
  let progress: number;

  const startBefore = (limit: number, min: number, max: number) =>
    pinnedStart ?? Math.min(limit - 7, Math.max(win.startMin, limit - rng.int(min, max)));

  switch (plan.state) {
    case 'done_on_time':
    case 'done_late': {
      const c = plan.recent ? -rng.int(1, 27) : -rng.int(28, win.doneMaxAgo);
      completed = c;
      if (plan.extension === 'rescued') {
        original = c - rng.int(5, 20);
        effective = original - rng.int(5, 15);
        deadline = c + rng.int(0, 20);
      } else {
        deadline =
          plan.state === 'done_on_time'
            ? c + rng.int(0, 60)
            : Math.max(c - rng.int(3, 40), Math.min(c - 3, win.startMin + 10));
        original = deadline;
      }
      start = startBefore(Math.min(original, c, effective ?? 0), 30, 150);
      firstActivity = start + rng.int(1, Math.max(1, Math.min(20, c - start)));
      progress = 100;
      break;
    }
    case 'overdue': {
      deadline = pinnedDeadline ?? (plan.recent ? -rng.int(1, 27) : -rng.int(28, win.overdueMaxAgo));
      original = deadline;
      start = startBefore(deadline, 45, 150);
      firstActivity = start + rng.int(1, Math.max(1, Math.min(30, -1 - start)));
      progress = plan.progress ?? rng.int(10, 90);
      break;
    }
    case 'in_progress': {
      if (plan.extension === 'before_due') {
        original = -rng.int(3, 20);
        effective = original - rng.int(3, 12);
        deadline = rng.int(20, 90);
      } else if (plan.extension === 'after_due') {
        original = -rng.int(35, 60);
        effective = -rng.int(10, 27);
        deadline = rng.int(20, 90);
      } else {
        deadline = pinnedDeadline ?? rng.int(0, win.openMaxAhead);
        original = deadline;
      }
      start = pinnedStart ?? Math.min(original - 30, Math.max(win.startMin, -rng.int(14, -win.startMin)));
      firstActivity =
        off(plan.firstActivityOn ?? undefined) ??
        (start >= 0 ? 0 : start + rng.int(1, Math.max(1, Math.min(45, -1 - start))));
      progress = plan.progress ?? rng.int(5, 95);
      break;
    }
    case 'not_started': {
      deadline = pinnedDeadline ?? rng.int(30, win.openMaxAhead);
      original = deadline;
      start = pinnedStart ?? Math.max(win.startMin, -rng.int(0, 90));
      firstActivity = null;
      progress = 0;
      break;
    }
  }

  const steps: Scheduled['steps'] = [];
  if (firstActivity !== null) {
    const end = completed ?? Math.max(firstActivity, -1);
    const final = completed !== null ? 100 : progress;
    const days = new Set<number>([firstActivity]);
    const extra = rng.int(0, 2);
    for (let k = 0; k < extra && end > firstActivity; k++) days.add(rng.int(firstActivity + 1, end));
    if (completed !== null) days.add(completed);
    const sorted = [...days].sort((a, b) => a - b);
    const values = sorted.map((_, k) =>
      k === sorted.length - 1
        ? final
        : Math.max(1, Math.round((final * (k + 1)) / sorted.length) - rng.int(0, 5)),
    );
    let prev = 0;
    sorted.forEach((d, k) => {
      const to = Math.max(values[k]!, prev + 1);
      steps.push({
        on: cal.day(d),
        from: prev,
        to: Math.min(to, 100),
        completes: completed !== null && d === completed,
      });
      prev = Math.min(to, 100);
    });
  }

  const milestones: Scheduled['milestones'] = [];
  if ((task.kind === 'pilot' || rng.chance(0.45)) && deadline - start >= 6) {
    const titles = MILESTONES[task.kind ?? 'task'];
    titles.forEach((title, i) => {
      const due = start + Math.round((deadline - start) * MILESTONE_SHARE[i]!);
      const reached = completed !== null || (firstActivity !== null && progress >= MILESTONE_PROGRESS[i]!);
      const doneOn =
        reached && firstActivity !== null
          ? Math.min(Math.max(due + rng.int(-5, 3), firstActivity), completed ?? Math.max(firstActivity, -1))
          : null;
      milestones.push({
        title,
        dueOn: cal.day(due),
        doneOn: doneOn === null ? null : cal.day(doneOn),
        sort: i,
      });
    });
  }

  const s: Scheduled = {
    startDate: cal.day(start),
    deadline: cal.day(deadline),
    originalDeadline: cal.day(original),
    deadlineEffectiveFrom: effective === null ? null : cal.day(effective),
    change:
      effective === null
        ? null
        : {
            deadline: cal.day(deadline),
            effectiveFrom: cal.day(effective),
            reason:
              plan.extension === 'after_due'
                ? 'Ban Chỉ đạo chấp thuận gia hạn sau khi đơn vị giải trình vướng mắc về vốn'
                : 'Ban Chỉ đạo chấp thuận gia hạn do điều chỉnh phạm vi, bổ sung hạng mục',
          },
    progress,
    firstActivityOn: firstActivity === null ? null : cal.day(firstActivity),
    completedOn: completed === null ? null : cal.day(completed),
    createdOn: cal.day(start),
    steps,
    milestones,
  };

  // The plan is the contract: check it with the very rule the product uses.
  const state = taskStateAsOf(
    {
      originalDeadline: s.originalDeadline,
      deadlineChanges: s.change ? [s.change] : [],
      completedOn: s.completedOn,
      firstActivityOn: s.firstActivityOn,
    },
    cal.today,
  );
  if (state !== plan.state)
    throw new Error(`Demo plan: ${task.code} came out ${state}, planned ${plan.state}`);
  if (s.startDate > s.originalDeadline) throw new Error(`Demo plan: ${task.code} starts after its deadline`);
  return s;
}
