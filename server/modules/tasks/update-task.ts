import { AppError } from '../../lib/app-error.js';
import type { Clock } from '../../lib/clock.js';
import type { Db } from '../../db/client.js';
import type { UpdateTaskInput } from '../../../shared/schemas/tasks.js';
import type { Actor } from '../auth/actor.js';
import { taskReadScope, taskWriteLevel } from '../auth/policy.js';
import { auditLog } from '../audit/audit.service.js';
import type { ProgrammesService } from '../programmes/programmes.service.js';
import { checkCompletionDate, completionValues, reopenValues } from './completion-rule.js';
import { checkRecurrence } from './recurrence.js';
import { createSubtasksRepo } from './subtasks.repo.js';
import { validateRefs } from './task-refs.js';
import { searchTextOf } from './search-text.js';
import { createTasksRepo, tasksTransaction } from './tasks.repo.js';

/** Fields whose change is written to the task's history (and audit) with from → to. */
const TRACKED = [
  'title',
  'description',
  'groupId',
  'directiveId',
  'assignedLevel',
  'leadUnitId',
  'responsiblePerson',
  'startDate',
  'deadline',
  'deliverable',
  'targetText',
  'targetValue',
  'targetUnit',
  'priority',
  'parentId',
  'kind',
  'progress',
  'completedOn',
  'progressFromSubtasks',
  'subtaskWeight',
  'recurrence',
  'recurrenceDay',
] as const;

/** What a leader or officer of the lead unit may change (the rest is the standing agency's). */
const PROGRESS_FIELDS = new Set(['progress', 'milestones', 'progressFromSubtasks']);

/**
 * PATCH /tasks/:id: a partial edit at the version the editor read (409 stale_version otherwise).
 * A completion date goes through the same rule as the completion route (completion-rule.ts).
 */
export async function updateTask(
  deps: { db: Db; clock: Clock; programmes: ProgrammesService },
  actor: Actor,
  id: number,
  input: UpdateTaskInput,
): Promise<void> {
  const { db, clock, programmes } = deps;
  const repo = createTasksRepo(db);
  const current = await repo.findRaw(id);
  if (!current) throw new AppError('not_found');
  const p = await programmes.access(actor, current.programmeId).catch(() => {
    throw new AppError('not_found');
  });
  const visible = await repo.findOne(id, p.today, taskReadScope(actor, current.programmeId));
  if (!visible) throw new AppError('not_found');
  const level = taskWriteLevel(actor, {
    programmeId: current.programmeId,
    leadUnitPath: visible.lead_unit_path,
  });
  if (level === 'none') throw new AppError('forbidden');
  const { version, coordinatingUnitIds, milestones, ...fields } = input;
  if (level === 'progress') {
    const extra = Object.keys(input).find((k) => k !== 'version' && !PROGRESS_FIELDS.has(k));
    if (extra) throw new AppError('forbidden', {}, extra);
  }
  const start = fields.startDate !== undefined ? fields.startDate : current.startDate;
  const deadline = fields.deadline ?? current.deadline;
  if (start && deadline < start) throw new AppError('deadline_before_start', {}, 'deadline');
  checkRecurrence({ ...current, ...fields });
  const derived = fields.progressFromSubtasks ?? current.progressFromSubtasks;
  const reopening = fields.completedOn === null && current.completedOn !== null;
  if (derived && fields.progress !== undefined && fields.progress !== current.progress && !reopening)
    throw new AppError('progress_derived', {}, 'progress');

  await tasksTransaction(db, async (r, tx) => {
    const sub = createSubtasksRepo(tx);
    await validateRefs(r, sub, current.programmeId, { ...fields, coordinatingUnitIds }, id);
    const values: Record<string, unknown> = { ...fields };
    if ('targetValue' in fields)
      values.targetValue = fields.targetValue === null ? null : String(fields.targetValue);
    if (fields.completedOn) {
      const facts = {
        startDate: start,
        cancelledOn: current.cancelledOn,
        firstActivityOn: current.firstActivityOn,
      };
      checkCompletionDate(facts, fields.completedOn, p.today);
      if (fields.completedOn !== current.completedOn)
        Object.assign(values, completionValues(facts, fields.completedOn, clock.now()));
    } else if (reopening) {
      Object.assign(values, reopenValues(fields.progress, await sub.lastProgressBelowFull(id)));
    } else if (fields.completedOn === null) delete values.completedOn;
    if (values.progress !== undefined && (values.progress as number) > 0 && !current.firstActivityOn)
      values.firstActivityOn ??= p.today;

    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const k of TRACKED) {
      const to = k === 'targetValue' ? fields.targetValue : values[k];
      const from =
        k === 'targetValue'
          ? current.targetValue === null
            ? null
            : Number(current.targetValue)
          : current[k as keyof typeof current];
      if (to !== undefined && to !== from) changes[k] = { from, to };
    }
    if (changes.deadline) {
      // A new deadline applies from today on; the original and every earlier one stay on record.
      values.deadlineEffectiveFrom = p.today;
      await r.addDeadlineChange({
        taskId: id,
        deadline,
        effectiveFrom: p.today,
        createdBy: actor.userId,
        reason: null,
      });
    }
    if (changes.title || changes.deliverable)
      values.searchText = searchTextOf({
        code: current.code,
        title: fields.title ?? current.title,
        deliverable: fields.deliverable !== undefined ? fields.deliverable : current.deliverable,
      });
    const updated = await r.updateIfVersion(id, version, values);
    if (!updated) throw new AppError('stale_version');
    if (coordinatingUnitIds) await r.replaceCoordinators(id, coordinatingUnitIds);
    if (milestones) await r.replaceMilestones(id, milestones);
    if (coordinatingUnitIds) changes.coordinatingUnitIds = { from: null, to: coordinatingUnitIds };
    if (milestones) changes.milestones = { from: null, to: milestones.length };
    const action = changes.completedOn ? (values.completedOn ? 'completed' : 'reopened') : 'updated';
    await r.addHistory({ taskId: id, actorId: actor.userId, action, changes });
    await auditLog(tx, clock).record({
      actorId: actor.userId,
      action: 'task.update',
      entity: 'task',
      entityId: String(id),
      before: Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, v.from])),
      after: Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, v.to])),
    });
  });
}
