import { pickName } from '../../lib/localize.js';
import type { SubtaskTree } from '../../../shared/schemas/subtasks.js';
import type { Actor } from '../auth/actor.js';
import { subtaskTreeScope } from '../auth/policy.js';
import { delegationContext } from './delegate-task.js';
import { createSubtasksRepo } from './subtasks.repo.js';
import type { Clock } from '../../lib/clock.js';
import type { Db } from '../../db/client.js';
import type { ProgrammesService } from '../programmes/programmes.service.js';

/**
 * GET /tasks/:id/subtasks: the tree below a task as of a date, each with its state; and, for
 * whoever may delegate it, the units a sub-task may go to.
 */
export async function listSubtasks(
  deps: { db: Db; clock: Clock; programmes: ProgrammesService },
  actor: Actor,
  taskId: number,
  asOfParam?: string,
): Promise<SubtaskTree> {
  const { task, p, leadUnitPath, rights } = await delegationContext(deps, actor, taskId);
  const asOf = asOfParam ?? p.today;
  const s = createSubtasksRepo(deps.db);
  const scope = subtaskTreeScope(actor, { programmeId: task.programmeId, leadUnitPath });
  const open = !task.completedOn && !task.cancelledOn;
  const [items, targets] = await Promise.all([
    s.tree(taskId, asOf, scope),
    rights && open
      ? s.delegationTargets(rights.anywhere ? p.rootUnitPath : rights.below, await s.coordinatorIds(taskId))
      : Promise.resolve([]),
  ]);
  const name = (r: { name_vi: string; name_en: string | null; name_ar: string | null }) =>
    pickName(actor.locale, r.name_vi, r.name_en, r.name_ar);
  return {
    taskId,
    asOf,
    progress: task.progress,
    progressFromSubtasks: task.progressFromSubtasks,
    items: items.map((r) => ({
      id: r.id,
      parentId: r.parent_id,
      depth: r.depth,
      code: r.code,
      title: r.title,
      leadUnit: {
        id: r.lead_unit_id,
        code: r.lead_code,
        name: pickName(actor.locale, r.lead_name_vi, r.lead_name_en, r.lead_name_ar),
      },
      startDate: r.start_date,
      deadlineAsOf: r.deadline_asof,
      progress: r.progress,
      completedOn: r.completed_on,
      weight: r.subtask_weight,
      state: r.state,
    })),
    targets: targets
      .filter((u) => u.path !== leadUnitPath)
      .map((u) => ({ id: u.id, code: u.code, name: name(u), kind: u.kind })),
  };
}
