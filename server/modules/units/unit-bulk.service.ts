import type { MergeUnitsInput, MoveUnitInput, UnitImportQuery } from '../../../shared/schemas/unit-bulk.js';
import type { Db } from '../../db/client.js';
import type { Clock } from '../../lib/clock.js';
import type { Actor } from '../auth/actor.js';
import { commitUnitImport, previewUnitImport, unitImportTemplate } from './import/import-units.js';
import { mergeUnits } from './merge-units.js';
import { moveUnit } from './move-unit.js';

/** The unit tree in bulk, one operation a file; this only binds them to their dependencies. */
export function createUnitBulkService(deps: { db: Db; clock: Clock }) {
  return {
    template: (actor: Actor) => unitImportTemplate(actor),
    preview: (actor: Actor, file: Buffer, q: UnitImportQuery) => previewUnitImport(deps, actor, file, q),
    commit: (actor: Actor, file: Buffer, q: UnitImportQuery) => commitUnitImport(deps, actor, file, q),
    move: (actor: Actor, id: number, input: MoveUnitInput) => moveUnit(deps, actor, id, input),
    merge: (actor: Actor, input: MergeUnitsInput) => mergeUnits(deps, actor, input),
  };
}
export type UnitBulkService = ReturnType<typeof createUnitBulkService>;
