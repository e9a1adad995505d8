import { z } from 'zod';
import { isoDate, longText, shortText } from './common.js';
import { taskStateSchema } from './tasks.js';

/** Delegation (issue 12.7, decision 43): a task split into sub-tasks led by other units. */
export const subtaskInput = z
  .object({
    leadUnitId: z.number().int().positive(),
    title: shortText(500),
    /** Defaults to the later of today and the parent's start. */
    startDate: isoDate.nullable().default(null),
    deadline: isoDate,
    deliverable: longText(2000).nullable().default(null),
    responsiblePerson: shortText(200).nullable().default(null),
    weight: z.number().int().min(1).max(100).default(1),
  })
  .strict();

export const delegateBody = z
  .object({
    subtasks: z.array(subtaskInput).min(1).max(50),
    /** Sets whether the parent's progress is derived from its sub-tasks (left as is when absent). */
    progressFromSubtasks: z.boolean().optional(),
  })
  .strict();
export type DelegateInput = z.infer<typeof delegateBody>;

export const subtaskSchema = z.object({
  id: z.number().int(),
  parentId: z.number().int(),
  depth: z.number().int(),
  code: z.string(),
  title: z.string(),
  leadUnit: z.object({ id: z.number().int(), code: z.string(), name: z.string() }),
  startDate: isoDate.nullable(),
  deadlineAsOf: isoDate,
  progress: z.number().int(),
  completedOn: isoDate.nullable(),
  weight: z.number().int(),
  state: taskStateSchema,
});
export type Subtask = z.infer<typeof subtaskSchema>;

export const subtaskTreeResponse = z.object({
  taskId: z.number().int(),
  asOf: isoDate,
  progress: z.number().int(),
  progressFromSubtasks: z.boolean(),
  /** Depth first by level, then by deadline: each item names its parent. */
  items: z.array(subtaskSchema),
  /** Units the actor may hand a sub-task to (empty when it may not delegate). */
  targets: z.array(z.object({ id: z.number().int(), code: z.string(), name: z.string(), kind: z.string() })),
});
export type SubtaskTree = z.infer<typeof subtaskTreeResponse>;
