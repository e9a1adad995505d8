import type { Actor } from '../auth/actor.js';
import { hasProgrammeRole, isAdmin, unitScopePaths } from '../auth/policy.js';

/**
 * Who sees and changes the obstacle and recommendation registers. Programme-wide roles read the
 * whole programme; a unit's users read what their subtree raised, owns or is linked to (obstacles),
 * or sent or must answer (recommendations) — never another unit's. The scope that reaches SQL is a
 * RegisterScope, a branded type only this file makes.
 */
declare const registerBrand: unique symbol;
type Shape = { kind: 'programme' } | { kind: 'units'; unitPaths: string[] } | { kind: 'none' };
export type RegisterScope = Shape & { readonly [registerBrand]: true };
const brand = (s: Shape) => s as RegisterScope;

export function registerReadScope(a: Actor, programmeId: number): RegisterScope {
  if (isAdmin(a) || hasProgrammeRole(a, programmeId)) return brand({ kind: 'programme' });
  const paths = unitScopePaths(a, programmeId);
  return brand(paths.length ? { kind: 'units', unitPaths: paths } : { kind: 'none' });
}

/** The whole programme, for counts the cockpit shows to programme-wide roles and for jobs. */
export const programmeWideScope = (): RegisterScope => brand({ kind: 'programme' });

/** Manages every entry of the registers: the standing agency and admins. */
export const canManageRegisters = (a: Actor, programmeId: number) =>
  isAdmin(a) || hasProgrammeRole(a, programmeId, ['standing']);

const within = (a: Actor, programmeId: number, unitPath: string) =>
  unitScopePaths(a, programmeId).some((p) => unitPath.startsWith(p));

/** Raise an obstacle in a unit's name (or send a recommendation from it): its own users, or the standing agency. */
export const canActFor = (a: Actor, programmeId: number, unitPath: string) =>
  canManageRegisters(a, programmeId) || within(a, programmeId, unitPath);

export function obstacleRights(
  a: Actor,
  o: { programmeId: number; raisedByPath: string; ownerPath: string; status: string },
) {
  const manage = canManageRegisters(a, o.programmeId);
  const owner = within(a, o.programmeId, o.ownerPath);
  const raiser = within(a, o.programmeId, o.raisedByPath);
  const steering = hasProgrammeRole(a, o.programmeId, ['steering']);
  return {
    edit: o.status !== 'resolved' && (manage || raiser || owner),
    setStatus: manage || owner || steering,
  };
}

/** The handling agency's users answer (or the standing agency for it). */
export const canAnswerRecommendation = (a: Actor, r: { programmeId: number; toPath: string }) =>
  canManageRegisters(a, r.programmeId) || within(a, r.programmeId, r.toPath);
