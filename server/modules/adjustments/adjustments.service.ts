import type { Db } from '../../db/client.js';
import type { AdjustmentProposal } from '../../db/schema/index.js';
import { AppError } from '../../lib/app-error.js';
import type { Clock } from '../../lib/clock.js';
import { pickName } from '../../lib/localize.js';
import type { Adjustment, AdjustmentInput } from '../../../shared/schemas/adjustments.js';
import type { Actor } from '../auth/actor.js';
import {
  canConfirmCompletion,
  canDecideAdjustment,
  canRequestAdjustment,
  hasProgrammeRole,
  isAdmin,
  reportRights,
  unitScopePaths,
} from '../auth/policy.js';
import { auditLog } from '../audit/audit.service.js';
import type { ProgrammesService } from '../programmes/programmes.service.js';
import { instant } from '../reports/reports.repo.js';
import { createTasksRepo } from '../tasks/tasks.repo.js';
import { checkCompletionDate, completionValues } from '../tasks/completion-rule.js';
import { searchTextOf } from '../tasks/search-text.js';
import {
  adjustmentsTransaction,
  createAdjustmentsRepo,
  type AdjustmentRow,
  type CompletionRow,
} from './adjustments.repo.js';

export type AdjustmentEvents = {
  requested?: (e: {
    programmeId: number;
    unitId: number;
    taskCode: string;
    requestId: number;
    reason: string;
  }) => Promise<unknown>;
  decided?: (e: {
    programmeId: number;
    unitId: number;
    requestedBy: number;
    taskId: number;
    taskCode: string;
    requestId: number;
    decision: 'approved' | 'rejected';
  }) => Promise<unknown>;
  completionRequested?: (e: {
    programmeId: number;
    unitId: number;
    taskCode: string;
    requestId: number;
  }) => Promise<unknown>;
  completionDecided?: (e: {
    programmeId: number;
    unitId: number;
    taskId: number;
    taskCode: string;
    requestId: number;
    decision: 'confirmed' | 'returned';
  }) => Promise<unknown>;
};

const factsOf = (t: {
  start_date: string | null;
  cancelled_on: string | null;
  first_activity_on: string | null;
}) => ({
  startDate: t.start_date,
  cancelledOn: t.cancelled_on,
  firstActivityOn: t.first_activity_on,
});

const iso = (v: Date | string | null) => instant(v)?.toISOString() ?? null;

/**
 * Adjustment requests (extend, change, replace, cancel: asked by the lead unit's leader or the
 * standing agency, decided by the steering body) and completion declarations (declared by the
 * lead unit, confirmed or returned by the standing agency). Every step is on record.
 */
export function createAdjustmentsService(deps: {
  db: Db;
  clock: Clock;
  programmes: ProgrammesService;
  events?: AdjustmentEvents;
}) {
  const { db, clock, programmes } = deps;
  const repo = createAdjustmentsRepo(db);

  async function taskFor(actor: Actor, taskId: number) {
    const t = await repo.taskFacts(taskId);
    if (!t) throw new AppError('not_found');
    const p = await programmes.access(actor, t.programme_id).catch(() => {
      throw new AppError('not_found');
    });
    const wide = isAdmin(actor) || hasProgrammeRole(actor, t.programme_id);
    const mine = unitScopePaths(actor, t.programme_id).some((x) => t.lead_unit_path.startsWith(x));
    if (!wide && !mine) throw new AppError('not_found');
    return { t, p };
  }
  const scopeOf = (actor: Actor, programmeId: number) =>
    isAdmin(actor) || hasProgrammeRole(actor, programmeId) ? null : unitScopePaths(actor, programmeId);

  const name = (
    actor: Actor,
    r: { unit_name_vi: string; unit_name_en: string | null; unit_name_ar: string | null },
  ) => pickName(actor.locale, r.unit_name_vi, r.unit_name_en, r.unit_name_ar);

  const presentAdjustment = (actor: Actor, r: AdjustmentRow): Adjustment => ({
    id: r.id,
    programmeId: r.programme_id,
    task: { id: r.task_id, code: r.task_code, title: r.task_title },
    unit: { id: r.unit_id, code: r.unit_code, name: name(actor, r) },
    kind: r.kind,
    reason: r.reason,
    proposal: r.proposal,
    before: r.before,
    status: r.status,
    requestedBy: r.requested_by_name,
    requestedAt: iso(r.requested_at)!,
    decidedBy: r.decided_by_name,
    decidedAt: iso(r.decided_at),
    decisionNote: r.decision_note,
    replacementTaskId: r.replacement_task_id,
    can: { decide: r.status === 'pending' && canDecideAdjustment(actor, r.programme_id) },
  });

  const presentCompletion = (actor: Actor, r: CompletionRow) => ({
    id: r.id,
    programmeId: r.programme_id,
    task: { id: r.task_id, code: r.task_code, title: r.task_title, deadline: r.task_deadline },
    unit: { id: r.unit_id, code: r.unit_code, name: name(actor, r) },
    completedOn: r.completed_on,
    product: r.product,
    status: r.status,
    requestedBy: r.requested_by_name,
    requestedAt: iso(r.requested_at)!,
    decidedBy: r.decided_by_name,
    decidedAt: iso(r.decided_at),
    decisionNote: r.decision_note,
    can: { decide: r.status === 'pending' && canConfirmCompletion(actor, r.programme_id) },
  });

  return {
    async request(actor: Actor, input: AdjustmentInput): Promise<Adjustment> {
      const { t, p } = await taskFor(actor, input.taskId);
      if (!canRequestAdjustment(actor, t.programme_id, t.lead_unit_path)) throw new AppError('forbidden');
      if (t.completed_on || t.cancelled_on) throw new AppError('task_closed');
      let proposal: AdjustmentProposal;
      let before: Record<string, unknown>;
      if (input.kind === 'extend') {
        if (input.deadline <= t.deadline || input.deadline < p.today)
          throw new AppError('validation_failed', {}, 'deadline');
        proposal = { deadline: input.deadline };
        before = { deadline: t.deadline };
      } else if (input.kind === 'change') {
        const { kind: _k, taskId: _t, reason: _r, ...fields } = input;
        const set = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
        if (!Object.keys(set).length) throw new AppError('validation_failed', {}, 'deliverable');
        proposal = {
          ...set,
          ...('targetValue' in set
            ? { targetValue: set.targetValue === null ? null : String(set.targetValue) }
            : {}),
        } as AdjustmentProposal;
        before = {
          deliverable: t.deliverable,
          targetText: t.target_text,
          targetValue: t.target_value,
          targetUnit: t.target_unit,
        };
      } else if (input.kind === 'replace') {
        if (input.replacement.deadline < p.today)
          throw new AppError('validation_failed', {}, 'replacement.deadline');
        proposal = {
          replacement: { ...input.replacement, deliverable: input.replacement.deliverable ?? null },
        };
        before = { deadline: t.deadline, deliverable: t.deliverable };
      } else {
        proposal = {};
        before = { deadline: t.deadline };
      }
      const id = await adjustmentsTransaction(db, async (r, tx) => {
        await r.lockTask(t.id);
        if (await r.pendingAdjustment(t.id)) throw new AppError('adjustment_pending');
        const row = (await r.insertAdjustment({
          programmeId: t.programme_id,
          taskId: t.id,
          unitId: t.lead_unit_id,
          kind: input.kind,
          reason: input.reason,
          proposal,
          before,
          by: actor.userId!,
          at: clock.now(),
        }))!;
        await auditLog(tx, clock).record({
          actorId: actor.userId,
          action: 'adjustment.request',
          entity: 'task',
          entityId: String(t.id),
          after: { kind: input.kind, reason: input.reason, proposal },
        });
        return row.id;
      });
      await deps.events?.requested?.({
        programmeId: t.programme_id,
        unitId: t.lead_unit_id,
        taskCode: t.code,
        requestId: id,
        reason: input.reason,
      });
      return presentAdjustment(actor, (await repo.adjustment(id))!);
    },

    async decide(
      actor: Actor,
      id: number,
      input: { decision: 'approved' | 'rejected'; note?: string | null },
    ): Promise<Adjustment> {
      const a = await repo.adjustment(id);
      if (!a) throw new AppError('not_found');
      const p = await programmes.access(actor, a.programme_id).catch(() => {
        throw new AppError('not_found');
      });
      if (!canDecideAdjustment(actor, a.programme_id)) throw new AppError('forbidden');
      if (input.decision === 'rejected' && !input.note?.trim())
        throw new AppError('reason_required', {}, 'note');
      const day = p.today;
      await adjustmentsTransaction(db, async (r, tx) => {
        const locked = await r.lockAdjustment(id);
        if (locked?.status !== 'pending')
          throw new AppError('adjustment_wrong_state', { status: locked?.status });
        await r.lockTask(a.task_id);
        const t = (await r.taskFacts(a.task_id))!;
        let replacementTaskId: number | undefined;
        if (input.decision === 'approved') {
          if (t.completed_on || t.cancelled_on) throw new AppError('task_closed');
          const tasks = createTasksRepo(tx);
          const changes: Record<string, { from: unknown; to: unknown }> = {};
          const prop = a.proposal;
          if (a.kind === 'extend') {
            await r.extendTask(t.id, prop.deadline!, day);
            await tasks.addDeadlineChange({
              taskId: t.id,
              deadline: prop.deadline!,
              effectiveFrom: day,
              reason: a.reason,
              createdBy: actor.userId,
            });
            changes.deadline = { from: t.deadline, to: prop.deadline };
          } else if (a.kind === 'change') {
            await r.changeTask(t.id, prop);
            for (const [k, v] of Object.entries(prop)) changes[k] = { from: a.before[k] ?? null, to: v };
          } else if (a.kind === 'replace') {
            const rep = prop.replacement!;
            const code = await r.replacementCode(t.programme_id, t.code);
            const created = (await r.copyTask(t.id, {
              code,
              title: rep.title,
              deadline: rep.deadline,
              deliverable: rep.deliverable ?? null,
              searchText: searchTextOf({
                code,
                title: rep.title,
                deliverable: rep.deliverable ?? t.deliverable,
              }),
            }))!;
            await r.copyCoordinators(t.id, created.id);
            await r.cancelTask(t.id, day, created.id);
            replacementTaskId = created.id;
            changes.replacedBy = { from: null, to: code };
            await tasks.addHistory({
              taskId: created.id,
              actorId: actor.userId,
              action: 'created',
              changes: { replaces: { from: null, to: t.code } },
            });
          } else {
            await r.cancelTask(t.id, day, null);
            changes.cancelledOn = { from: null, to: day };
          }
          await tasks.addHistory({ taskId: t.id, actorId: actor.userId, action: 'adjusted', changes });
        }
        await r.decideAdjustment(id, {
          status: input.decision,
          by: actor.userId!,
          at: clock.now(),
          note: input.note ?? null,
          replacementTaskId,
        });
        await auditLog(tx, clock).record({
          actorId: actor.userId,
          action: `adjustment.${input.decision}`,
          entity: 'task',
          entityId: String(a.task_id),
          before: a.before,
          after: { kind: a.kind, proposal: a.proposal, note: input.note ?? null },
        });
      });
      await deps.events?.decided?.({
        programmeId: a.programme_id,
        unitId: a.unit_id,
        requestedBy: a.requested_by,
        taskId: a.task_id,
        taskCode: a.task_code,
        requestId: id,
        decision: input.decision,
      });
      return presentAdjustment(actor, (await repo.adjustment(id))!);
    },

    async list(actor: Actor, q: { programmeId: number; status?: string; taskId?: number }) {
      await programmes.access(actor, q.programmeId);
      return (await repo.adjustments({ ...q, unitPaths: scopeOf(actor, q.programmeId) })).map((r) =>
        presentAdjustment(actor, r),
      );
    },

    async declareDone(actor: Actor, input: { taskId: number; completedOn: string; product: string }) {
      const { t, p } = await taskFor(actor, input.taskId);
      const rights = reportRights(actor, t.programme_id, t.lead_unit_path);
      if (!rights.edit && !canRequestAdjustment(actor, t.programme_id, t.lead_unit_path))
        throw new AppError('forbidden');
      if (t.completed_on || t.cancelled_on) throw new AppError('task_closed');
      checkCompletionDate(factsOf(t), input.completedOn, p.today);
      const id = await adjustmentsTransaction(db, async (r, tx) => {
        await r.lockTask(t.id);
        if (await r.pendingCompletion(t.id))
          throw new AppError('completion_wrong_state', { status: 'pending' });
        const row = (await r.insertCompletion({
          programmeId: t.programme_id,
          taskId: t.id,
          unitId: t.lead_unit_id,
          completedOn: input.completedOn,
          product: input.product,
          by: actor.userId!,
          at: clock.now(),
        }))!;
        await auditLog(tx, clock).record({
          actorId: actor.userId,
          action: 'completion.declare',
          entity: 'task',
          entityId: String(t.id),
          after: input,
        });
        return row.id;
      });
      await deps.events?.completionRequested?.({
        programmeId: t.programme_id,
        unitId: t.lead_unit_id,
        taskCode: t.code,
        requestId: id,
      });
      return presentCompletion(actor, (await repo.completion(id))!);
    },

    async decideCompletion(
      actor: Actor,
      id: number,
      input: { decision: 'confirmed' | 'returned'; note?: string | null },
    ) {
      const c = await repo.completion(id);
      if (!c) throw new AppError('not_found');
      const p = await programmes.access(actor, c.programme_id).catch(() => {
        throw new AppError('not_found');
      });
      if (!canConfirmCompletion(actor, c.programme_id)) throw new AppError('forbidden');
      if (input.decision === 'returned' && !input.note?.trim())
        throw new AppError('reason_required', {}, 'note');
      await adjustmentsTransaction(db, async (r, tx) => {
        const locked = await r.lockCompletion(id);
        if (locked?.status !== 'pending')
          throw new AppError('completion_wrong_state', { status: locked?.status });
        await r.lockTask(c.task_id);
        const t = (await r.taskFacts(c.task_id))!;
        if (input.decision === 'confirmed') {
          if (t.completed_on || t.cancelled_on) throw new AppError('task_closed');
          // The same rule as PATCH /tasks/:id: the start date may have moved since the declaration.
          checkCompletionDate(factsOf(t), c.completed_on, p.today);
          const values = completionValues(factsOf(t), c.completed_on, clock.now());
          await r.completeTask(c.task_id, values);
          await createTasksRepo(tx).addHistory({
            taskId: c.task_id,
            actorId: actor.userId,
            action: 'completed',
            changes: {
              completedOn: { from: null, to: c.completed_on },
              progress: { from: t.progress, to: values.progress },
              product: { from: null, to: c.product },
            },
          });
        }
        await r.decideCompletion(id, {
          status: input.decision,
          by: actor.userId!,
          at: clock.now(),
          note: input.note ?? null,
        });
        await auditLog(tx, clock).record({
          actorId: actor.userId,
          action: `completion.${input.decision}`,
          entity: 'task',
          entityId: String(c.task_id),
          after: { completedOn: c.completed_on, note: input.note ?? null },
        });
      });
      await deps.events?.completionDecided?.({
        programmeId: c.programme_id,
        unitId: c.unit_id,
        taskId: c.task_id,
        taskCode: c.task_code,
        requestId: id,
        decision: input.decision,
      });
      return presentCompletion(actor, (await repo.completion(id))!);
    },

    async completions(actor: Actor, q: { programmeId: number; status?: string; taskId?: number }) {
      await programmes.access(actor, q.programmeId);
      return (await repo.completions({ ...q, unitPaths: scopeOf(actor, q.programmeId) })).map((r) =>
        presentCompletion(actor, r),
      );
    },
  };
}
export type AdjustmentsService = ReturnType<typeof createAdjustmentsService>;
