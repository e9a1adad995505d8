import { AppError } from '../../lib/app-error.js';
import type { CreateTaskInput } from '../../../shared/schemas/tasks.js';
import type { TasksRepo } from './tasks.repo.js';
import type { SubtasksRepo } from './subtasks.repo.js';

/**
 * The references a task write names exist and belong to its programme; a parent is in the same
 * programme and, for an existing task (`selfId`), not the task itself nor one of its sub-tasks.
 */
export async function validateRefs(
  r: TasksRepo,
  s: SubtasksRepo,
  programmeId: number,
  v: Partial<CreateTaskInput>,
  selfId?: number,
) {
  const unitIds = [...new Set([...(v.leadUnitId ? [v.leadUnitId] : []), ...(v.coordinatingUnitIds ?? [])])];
  const found = new Set(await r.existingUnitIds(unitIds));
  const missing = unitIds.find((id) => !found.has(id));
  if (missing !== undefined)
    throw new AppError(
      'unit_not_found',
      { id: missing },
      missing === v.leadUnitId ? 'leadUnitId' : 'coordinatingUnitIds',
    );
  if (v.groupId && (await r.groupProgramme(v.groupId)) !== programmeId)
    throw new AppError('group_not_in_programme', {}, 'groupId');
  if (v.directiveId && (await r.directiveProgramme(v.directiveId)) !== programmeId)
    throw new AppError('directive_not_in_programme', {}, 'directiveId');
  if (v.parentId) {
    const parent = await r.findRaw(v.parentId);
    if (!parent || parent.programmeId !== programmeId)
      throw new AppError('parent_task_other_programme', {}, 'parentId');
    if (selfId !== undefined && (v.parentId === selfId || (await s.ancestorIds(v.parentId)).includes(selfId)))
      throw new AppError('parent_task_cycle', {}, 'parentId');
  }
}
