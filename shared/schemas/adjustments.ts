import { z } from 'zod';
import { isoDate } from './common.js';

export const ADJUSTMENT_KINDS = ['extend', 'change', 'replace', 'cancel'] as const;
const reason = z.string().trim().min(1).max(4000);

export const adjustmentBody = z.discriminatedUnion('kind', [
  z
    .object({ kind: z.literal('extend'), taskId: z.number().int().positive(), reason, deadline: isoDate })
    .strict(),
  z
    .object({
      kind: z.literal('change'),
      taskId: z.number().int().positive(),
      reason,
      deliverable: z.string().trim().max(2000).nullable().optional(),
      targetText: z.string().trim().max(2000).nullable().optional(),
      targetValue: z.number().finite().nullable().optional(),
      targetUnit: z.string().trim().max(50).nullable().optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('replace'),
      taskId: z.number().int().positive(),
      reason,
      replacement: z
        .object({
          title: z.string().trim().min(1).max(500),
          deadline: isoDate,
          deliverable: z.string().trim().max(2000).nullable().optional(),
        })
        .strict(),
    })
    .strict(),
  z.object({ kind: z.literal('cancel'), taskId: z.number().int().positive(), reason }).strict(),
]);
export type AdjustmentInput = z.infer<typeof adjustmentBody>;

export const decideAdjustmentBody = z
  .object({
    decision: z.enum(['approved', 'rejected']),
    note: z.string().trim().max(4000).nullable().optional(),
  })
  .strict();

const ref = z.object({ id: z.number().int(), code: z.string(), name: z.string() });
export const adjustmentSchema = z.object({
  id: z.number().int(),
  programmeId: z.number().int(),
  task: z.object({ id: z.number().int(), code: z.string(), title: z.string() }),
  unit: ref,
  kind: z.enum(ADJUSTMENT_KINDS),
  reason: z.string(),
  proposal: z.record(z.string(), z.unknown()),
  before: z.record(z.string(), z.unknown()),
  status: z.enum(['pending', 'approved', 'rejected', 'withdrawn']),
  requestedBy: z.string(),
  requestedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  replacementTaskId: z.number().int().nullable(),
  can: z.object({ decide: z.boolean() }),
});
export type Adjustment = z.infer<typeof adjustmentSchema>;

export const adjustmentListQuery = z
  .object({
    programmeId: z.coerce.number().int().positive(),
    status: z.enum(['pending', 'approved', 'rejected', 'withdrawn']).optional(),
    taskId: z.coerce.number().int().positive().optional(),
  })
  .strict();

export const completionBody = z
  .object({
    taskId: z.number().int().positive(),
    completedOn: isoDate,
    product: z.string().trim().min(1).max(4000),
  })
  .strict();
export const decideCompletionBody = z
  .object({
    decision: z.enum(['confirmed', 'returned']),
    note: z.string().trim().max(4000).nullable().optional(),
  })
  .strict();
export const completionSchema = z.object({
  id: z.number().int(),
  programmeId: z.number().int(),
  task: z.object({ id: z.number().int(), code: z.string(), title: z.string(), deadline: z.string() }),
  unit: ref,
  completedOn: z.string(),
  product: z.string(),
  status: z.enum(['pending', 'confirmed', 'returned']),
  requestedBy: z.string(),
  requestedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  can: z.object({ decide: z.boolean() }),
});
export const completionListQuery = z
  .object({
    programmeId: z.coerce.number().int().positive(),
    status: z.enum(['pending', 'confirmed', 'returned']).optional(),
    taskId: z.coerce.number().int().positive().optional(),
  })
  .strict();
