import type { Actor } from '../auth/actor.js';
import { hasProgrammeRole, isAdmin, unitScopePaths } from '../auth/policy.js';
import type { MoneyScope } from './money.repo.js';

/**
 * Capital plans and payments are kept by the standing agency (the Department of Finance in Hanoi's
 * working group) and admins; payments also arrive from the Treasury through the same door.
 */
export const canManageMoney = (a: Actor, programmeId: number) =>
  isAdmin(a) || hasProgrammeRole(a, programmeId, ['standing']);

/** Programme-wide roles read every plan; a unit's people the plans of their subtree only. */
export function moneyReadScope(a: Actor, programmeId: number): MoneyScope {
  if (isAdmin(a) || hasProgrammeRole(a, programmeId)) return null;
  return unitScopePaths(a, programmeId);
}
