import type { TaskState } from '../../shared/task-state.js';

/** A unit to create; `parent` is the parent's code (parents come first in a list). */
export type UnitSpec = {
  code: string;
  nameVi: string;
  nameEn: string;
  nameAr?: string;
  kind: string;
  parent: string | null;
  leaderName: string;
  contactEmail?: string;
};

export type GroupSpec = { code: string; nameVi: string; nameEn: string; nameAr: string };

export type DirectiveSpec = { number: string; issuedOn: string; issuer: string; title: string };

export type SteeringSpec = {
  position: 'chair' | 'deputy' | 'standing_deputy' | 'member';
  personName: string;
  title: string;
  unit: string | null;
};

/**
 * How a deadline was extended (always approved, dated in the past):
 * - before_due: approved before the original deadline passed (the task was never overdue);
 * - after_due: approved once the task was already overdue (it was overdue four weeks ago);
 * - rescued: a task finished late against the original deadline but on time against the new one.
 */
export type Extension = 'before_due' | 'after_due' | 'rescued';

/** The state a task must have today, with the details that shape its dates. */
export type Plan = {
  state: TaskState;
  /** Completed (done) or fell overdue (overdue) within the last four weeks. */
  recent?: boolean;
  extension?: Extension;
  start?: string;
  deadline?: string;
  firstActivityOn?: string | null;
  progress?: number;
};

export type TaskSpec = {
  code: string;
  title: string;
  description?: string;
  deliverable: string;
  target?: { text: string; value?: number; unit?: string };
  group: string;
  directive: string;
  level: string;
  lead: string;
  coordinators?: string[];
  kind?: 'task' | 'pilot';
  priority?: 'low' | 'normal' | 'high' | 'urgent';
  /** A fixed state (and dates); the others get theirs from the programme's quotas. */
  plan?: Partial<Plan> & { state: TaskState };
};

export type ProgrammeSpec = {
  code: string;
  nameVi: string;
  nameEn: string;
  nameAr: string;
  description: string;
  root: string;
  standing: string;
  startsOn: string;
  endsOn: string;
  warningThresholds: Record<string, number>;
  groups: GroupSpec[];
  steering: SteeringSpec[];
  directives: DirectiveSpec[];
};
