import { AppError } from '../../lib/app-error.js';
import type { Clock } from '../../lib/clock.js';
import type { Db } from '../../db/client.js';
import type { DelegateInput } from '../../../shared/schemas/subtasks.js';
import type { Actor } from '../auth/actor.js';
import { delegationRights, taskReadScope } from '../auth/policy.js';
import { auditLog } from '../audit/audit.service.js';
import type { ProgrammesService } from '../programmes/programmes.service.js';
import { searchTextOf } from './search-text.js';
import { createSubtasksRepo } from './subtasks.repo.js';
import { createTasksRepo, tasksTransaction } from './tasks.repo.js';

type Deps = { db: Db; clock: Clock; programmes: ProgrammesService };

/** The task, the programme's today and what the actor may hand out of it (404 when it cannot read it). */
export async function delegationContext(deps: Deps, actor: Actor, taskId: number) {
  const repo = createTasksRepo(deps.db);
  const task = await repo.findRaw(taskId);
  if (!task) throw new AppError('not_found');
  const p = await deps.programmes.access(actor, task.programmeId).catch(() => {
    throw new AppError('not_found');
  });
  const row = await repo.findOne(taskId, p.today, taskReadScope(actor, task.programmeId));
  if (!row) throw new AppError('not_found');
  const rights = delegationRights(actor, { programmeId: task.programmeId, leadUnitPath: row.lead_unit_path });
  return { task, p, leadUnitPath: row.lead_unit_path, rights };
}

/**
 * Splits a task into sub-tasks (issue 12.7, decision 43), all in one transaction: each led by a
 * unit below the lead unit or by one of the task's coordinators (anywhere for the standing
 * agency), with a deadline no later than the parent's and a start no earlier than its start.
 * Codes follow the parent's (`CODE.1`, `CODE.2`…); group, directive, level, priority and kind
 * are the parent's.
 */
export async function delegateTask(deps: Deps, actor: Actor, taskId: number, input: DelegateInput) {
  const { task, p, rights } = await delegationContext(deps, actor, taskId);
  if (!rights) throw new AppError('forbidden');
  if (task.completedOn || task.cancelledOn) throw new AppError('task_closed');

  return tasksTransaction(deps.db, async (r, tx) => {
    const s = createSubtasksRepo(tx);
    const parent = await s.lockTask(taskId);
    if (!parent || parent.completed_on || parent.cancelled_on) throw new AppError('task_closed');
    const coordinators = new Set(await s.coordinatorIds(taskId));
    const paths = new Map(
      (await s.unitPaths([...new Set(input.subtasks.map((x) => x.leadUnitId))])).map((u) => [u.id, u.path]),
    );
    const used = new Set(await s.childCodes(task.programmeId, task.code));
    let n = 0;
    const nextCode = () => {
      do n++;
      while (used.has(`${task.code}.${n}`));
      return `${task.code}.${n}`;
    };
    const created: { id: number; code: string }[] = [];
    for (const [i, x] of input.subtasks.entries()) {
      const at = (f: string) => `subtasks.${i}.${f}`;
      const path = paths.get(x.leadUnitId);
      if (!path) throw new AppError('unit_not_found', { id: x.leadUnitId }, at('leadUnitId'));
      const below = path.startsWith(rights.below) && path !== rights.below;
      if (!rights.anywhere && !below && !coordinators.has(x.leadUnitId))
        throw new AppError('delegate_unit_outside', {}, at('leadUnitId'));
      if (x.deadline > parent.deadline)
        throw new AppError('subtask_deadline_after_parent', { deadline: parent.deadline }, at('deadline'));
      const floor = parent.start_date && parent.start_date > p.today ? parent.start_date : p.today;
      const start = x.startDate ?? (floor <= x.deadline ? floor : parent.start_date);
      if (start && parent.start_date && start < parent.start_date)
        throw new AppError('subtask_start_before_parent', { start: parent.start_date }, at('startDate'));
      if (start && x.deadline < start) throw new AppError('deadline_before_start', {}, at('deadline'));
      const code = nextCode();
      const row = await r.insert({
        programmeId: task.programmeId,
        code,
        title: x.title,
        groupId: task.groupId,
        directiveId: task.directiveId,
        assignedLevel: task.assignedLevel,
        leadUnitId: x.leadUnitId,
        responsiblePerson: x.responsiblePerson,
        startDate: start,
        deadline: x.deadline,
        originalDeadline: x.deadline,
        deliverable: x.deliverable,
        priority: task.priority,
        parentId: taskId,
        kind: task.kind,
        subtaskWeight: x.weight,
        searchText: searchTextOf({ code, title: x.title, deliverable: x.deliverable }),
      });
      await r.addHistory({
        taskId: row.id,
        actorId: actor.userId,
        action: 'delegated',
        changes: { parent: { from: null, to: task.code } },
      });
      created.push({ id: row.id, code });
    }
    if (input.progressFromSubtasks !== undefined && input.progressFromSubtasks !== task.progressFromSubtasks)
      await s.setProgressFromSubtasks(taskId, input.progressFromSubtasks);
    await r.addHistory({
      taskId,
      actorId: actor.userId,
      action: 'delegated',
      changes: {
        subtasks: { from: null, to: created.map((c) => c.code) },
        ...(input.progressFromSubtasks !== undefined &&
        input.progressFromSubtasks !== task.progressFromSubtasks
          ? { progressFromSubtasks: { from: task.progressFromSubtasks, to: input.progressFromSubtasks } }
          : {}),
      },
    });
    await auditLog(tx, deps.clock).record({
      actorId: actor.userId,
      action: 'task.delegate',
      entity: 'task',
      entityId: String(taskId),
      after: { subtasks: input.subtasks.map((x, i) => ({ ...x, code: created[i]!.code })) },
    });
    return created;
  });
}
