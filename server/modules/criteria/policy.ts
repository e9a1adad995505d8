import type { Actor } from '../auth/actor.js';
import { hasProgrammeRole, isAdmin, unitScopePaths } from '../auth/policy.js';
import type { EnteredAs } from '../../../shared/criteria.js';

/**
 * Who sees and writes criteria assessments and the data catalogue. Programme-wide roles (steering,
 * standing agency, inspector) and admins read the whole programme; a unit's officers and leaders
 * read their own subtree's assessments and datasets (and other units' datasets once published),
 * never another unit's unpublished data. The scope reaching SQL is a branded CriteriaScope only
 * this file makes.
 */
declare const criteriaBrand: unique symbol;
type Shape = { kind: 'programme' } | { kind: 'units'; unitPaths: string[] } | { kind: 'none' };
export type CriteriaScope = Shape & { readonly [criteriaBrand]: true };
const brand = (s: Shape) => s as CriteriaScope;

export function criteriaReadScope(a: Actor, programmeId: number): CriteriaScope {
  if (isAdmin(a) || hasProgrammeRole(a, programmeId)) return brand({ kind: 'programme' });
  const paths = unitScopePaths(a, programmeId);
  return brand(paths.length ? { kind: 'units', unitPaths: paths } : { kind: 'none' });
}

/** The whole programme, for checks that must see every entry (codes already taken by an import). */
export const programmeWide = (): CriteriaScope => brand({ kind: 'programme' });

/** Define sets and criteria, and enter any unit's values: the standing agency and admins. */
export const canManageCriteria = (a: Actor, programmeId: number) =>
  isAdmin(a) || hasProgrammeRole(a, programmeId, ['standing']);

/** In whose name the actor enters a unit's values: the standing agency's, the unit's own, or none. */
export function assessAs(a: Actor, programmeId: number, unitPath: string): EnteredAs | null {
  if (canManageCriteria(a, programmeId)) return 'standing';
  return unitScopePaths(a, programmeId).some((p) => unitPath.startsWith(p)) ? 'unit' : null;
}

/** A dataset is edited by its owner unit's users or the standing agency. */
export const canEditDataset = (a: Actor, programmeId: number, ownerPath: string) =>
  assessAs(a, programmeId, ownerPath) !== null;
