import type { MoveUnitInput } from '../../../shared/schemas/unit-bulk.js';
import type { Unit } from '../../../shared/schemas/units.js';
import type { Db } from '../../db/client.js';
import { transactionWith } from '../../db/transaction.js';
import { AppError } from '../../lib/app-error.js';
import type { Clock } from '../../lib/clock.js';
import type { Actor } from '../auth/actor.js';
import { canManageUnits } from '../auth/policy.js';
import { auditLog } from '../audit/audit.service.js';
import { createUnitBulkRepo } from './unit-bulk.repo.js';
import { createUnitsRepo } from './units.repo.js';
import { presentUnit } from './units.service.js';

/**
 * Moves a unit and its whole subtree under another parent (or to the top) in one transaction:
 * every path and depth below follows (decision 3), and every programme's kept tables that carry
 * unit paths are invalidated. Under itself or a descendant is refused; so is a merged unit,
 * either side (history does not move, and nothing is placed under it).
 */
export async function moveUnit(
  deps: { db: Db; clock: Clock },
  actor: Actor,
  id: number,
  input: MoveUnitInput,
): Promise<Unit> {
  if (!canManageUnits(actor)) throw new AppError('forbidden');
  return transactionWith(deps.db, createUnitBulkRepo, async (repo, tx) => {
    await repo.lockTree();
    const [unit] = await repo.byIds([id]);
    if (!unit) throw new AppError('not_found');
    if (unit.merged_on) throw new AppError('unit_merged', { code: unit.code, on: unit.merged_on });
    const parent = input.parentId ? (await repo.byIds([input.parentId]))[0] : null;
    if (input.parentId && !parent) throw new AppError('unit_not_found', { id: input.parentId }, 'parentId');
    if (parent?.merged_on)
      throw new AppError('unit_merged', { code: parent.code, on: parent.merged_on }, 'parentId');
    if (parent && parent.path.startsWith(unit.path)) throw new AppError('unit_cycle', {}, 'parentId');
    if ((parent?.id ?? null) !== unit.parent_id) {
      await repo.move(unit, parent ?? null);
      await repo.invalidateUnitCaches();
    }
    await auditLog(tx, deps.clock).record({
      actorId: actor.userId,
      action: 'unit.move',
      entity: 'unit',
      entityId: String(id),
      before: { parentId: unit.parent_id, path: unit.path },
      after: { parentId: parent?.id ?? null },
    });
    return presentUnit((await createUnitsRepo(tx).byId(id))!);
  });
}
