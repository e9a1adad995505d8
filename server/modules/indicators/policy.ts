import type { Actor } from '../auth/actor.js';
import { hasProgrammeRole, isAdmin, unitScopePaths } from '../auth/policy.js';

/**
 * Who may do what with indicators, key results and their values. Plain functions; the figures of a
 * unit reach only the programme-wide roles and the users of that unit or of a unit above it.
 */

/** Define indicators, targets, objectives and key results: the standing agency and admins. */
export const canManageIndicators = (a: Actor, programmeId: number) =>
  isAdmin(a) || hasProgrammeRole(a, programmeId, ['standing']);

/**
 * Enter a unit's values: the standing agency (any unit) and the leaders and officers of that very
 * unit (their own unit only: a ward does not type in its neighbour's figures).
 */
export function canEnterValues(a: Actor, programmeId: number, unitPath: string): boolean {
  if (canManageIndicators(a, programmeId)) return true;
  return a.roles.some(
    (r) =>
      (r.role === 'unit_leader' || r.role === 'unit_officer') &&
      r.unitPath === unitPath &&
      (r.programmeId === null || r.programmeId === programmeId),
  );
}

/** Read a unit's figures (its own and rolled up below it): programme-wide roles, or a unit user at or above it. */
export function canReadUnitValues(a: Actor, programmeId: number, unitPath: string): boolean {
  if (isAdmin(a) || hasProgrammeRole(a, programmeId)) return true;
  return unitScopePaths(a, programmeId).some((p) => unitPath.startsWith(p));
}
