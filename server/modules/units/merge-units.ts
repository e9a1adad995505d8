import type { MergeUnitsInput, MergeUnitsResult } from '../../../shared/schemas/unit-bulk.js';
import { foldText } from '../../../shared/text-fold.js';
import type { Db } from '../../db/client.js';
import { transactionWith } from '../../db/transaction.js';
import { AppError } from '../../lib/app-error.js';
import type { Clock } from '../../lib/clock.js';
import type { Actor } from '../auth/actor.js';
import { canManageUnits } from '../auth/policy.js';
import { auditLog } from '../audit/audit.service.js';
import { createUnitBulkRepo, type BulkUnitRow } from './unit-bulk.repo.js';
import { createUnitsRepo } from './units.repo.js';
import { presentUnit } from './units.service.js';

/**
 * Merges units into a successor (existing, or created here) from a day (decision 0050). The
 * merged units' rows — tasks they lead or coordinate, reports, registers — stay theirs, so every
 * replay before the day is what it was; the merged units move under the successor (whose people
 * therefore reach all of it), are marked merged on the day, and from the day their periods to
 * report are the successor's. Their users and roles, and programmes naming them, pass to it.
 */
export async function mergeUnits(
  deps: { db: Db; clock: Clock },
  actor: Actor,
  input: MergeUnitsInput,
): Promise<MergeUnitsResult> {
  if (!canManageUnits(actor)) throw new AppError('forbidden');
  const ids = [...new Set(input.unitIds)];
  return transactionWith(deps.db, createUnitBulkRepo, async (repo, tx) => {
    await repo.lockTree();
    const units = createUnitsRepo(tx);
    const old = await repo.byIds(ids);
    for (const id of ids)
      if (!old.some((u) => u.id === id)) throw new AppError('unit_not_found', { id }, 'unitIds');
    for (const u of old)
      if (u.merged_on) throw new AppError('unit_merged', { code: u.code, on: u.merged_on }, 'unitIds');
    const inside = (path: string) => old.some((u) => path.startsWith(u.path));

    let successor: BulkUnitRow;
    if ('id' in input.successor) {
      const [s] = await repo.byIds([input.successor.id]);
      if (!s) throw new AppError('unit_not_found', { id: input.successor.id }, 'successor');
      if (s.merged_on) throw new AppError('unit_merged', { code: s.code, on: s.merged_on }, 'successor');
      if (inside(s.path)) throw new AppError('merge_successor_invalid', {}, 'successor');
      successor = s;
    } else {
      const n = input.successor;
      if (await units.byCode(n.code)) throw new AppError('duplicate_code', { code: n.code }, 'successor');
      const [parent] = n.parentId ? await repo.byIds([n.parentId]) : [];
      if (n.parentId && !parent) throw new AppError('unit_not_found', { id: n.parentId }, 'successor');
      if (parent?.merged_on)
        throw new AppError('unit_merged', { code: parent.code, on: parent.merged_on }, 'successor');
      if (parent && inside(parent.path)) throw new AppError('merge_successor_invalid', {}, 'successor');
      const created = await units.insert({
        code: n.code,
        nameVi: n.name.vi,
        nameEn: n.name.en,
        nameAr: n.name.ar,
        kind: n.kind,
        parentId: parent?.id ?? null,
        path: '/',
        depth: parent ? parent.depth + 1 : 0,
        searchText: foldText(`${n.code} ${n.name.vi} ${n.name.en ?? ''}`),
      });
      await units.update(created.id, { path: `${parent?.path ?? '/'}${created.id}/` });
      await repo.existsFrom(created.id, input.mergedOn);
      successor = (await repo.byIds([created.id]))[0]!;
    }

    for (const u of old) {
      // The path read again: an earlier move of this merge may have changed it (a unit below another).
      const [now] = await repo.byIds([u.id]);
      if (now!.parent_id !== successor.id) await repo.move(now!, successor);
    }
    await repo.markMerged(
      old.map((u) => ({ id: u.id, parentId: u.parent_id })),
      successor.id,
      input.mergedOn,
    );
    const usersMoved = await repo.moveUsers(ids, successor.id);
    await repo.moveProgrammes(ids, successor.id);
    await repo.invalidateUnitCaches();
    await auditLog(tx, deps.clock).record({
      actorId: actor.userId,
      action: 'unit.merge',
      entity: 'unit',
      entityId: String(successor.id),
      before: { units: old.map((u) => ({ id: u.id, code: u.code, parentId: u.parent_id, path: u.path })) },
      after: {
        successorId: successor.id,
        mergedOn: input.mergedOn,
        usersMoved,
        created: !('id' in input.successor),
      },
    });
    const rows = await units.byIds([successor.id, ...ids]);
    return {
      successor: presentUnit(rows.find((r) => r.id === successor.id)!),
      merged: rows.filter((r) => r.id !== successor.id).map(presentUnit),
      mergedOn: input.mergedOn,
      usersMoved,
    };
  });
}
