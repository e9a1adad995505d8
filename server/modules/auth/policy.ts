import type { Role } from '../../../shared/schemas/auth.js';
import type { Actor } from './actor.js';

/**
 * Plain functions answering "may this actor…". The scope that reaches SQL is a TaskScope, a
 * branded type only this file makes, so a task query cannot be written without going through here.
 */
declare const scopeBrand: unique symbol;
type ScopeShape = { kind: 'programme' } | { kind: 'units'; unitPaths: string[] } | { kind: 'none' };
export type TaskScope = ScopeShape & { readonly [scopeBrand]: true };
const brand = (s: ScopeShape) => s as TaskScope;

const PROGRAMME_WIDE: Role[] = ['steering', 'standing', 'inspector'];
const UNIT_ROLES: Role[] = ['unit_leader', 'unit_officer'];

export const isAdmin = (a: Actor) => a.roles.some((r) => r.role === 'admin');

/** Holds one of `roles` on this programme (a null programme scope means every programme). */
export function hasProgrammeRole(a: Actor, programmeId: number, roles: Role[] = PROGRAMME_WIDE): boolean {
  return a.roles.some(
    (r) => roles.includes(r.role) && (r.programmeId === null || r.programmeId === programmeId),
  );
}

/** Tree paths of the unit subtrees through which a unit-level actor works in a programme. */
export function unitScopePaths(a: Actor, programmeId: number): string[] {
  return a.roles
    .filter((r) => UNIT_ROLES.includes(r.role) && r.unitPath !== null)
    .filter((r) => r.programmeId === null || r.programmeId === programmeId)
    .map((r) => r.unitPath as string);
}

/**
 * Which tasks of a programme the actor may read: admins and programme-wide roles the whole
 * programme; unit roles the tasks that a unit of their subtree leads or coordinates; others none.
 */
export function taskReadScope(a: Actor, programmeId: number): TaskScope {
  if (isAdmin(a) || hasProgrammeRole(a, programmeId)) return brand({ kind: 'programme' });
  const paths = unitScopePaths(a, programmeId);
  return paths.length ? brand({ kind: 'units', unitPaths: paths }) : brand({ kind: 'none' });
}

/** Create tasks and edit every field: the programme's standing agency and admins. */
export function canManageTasks(a: Actor, programmeId: number): boolean {
  return isAdmin(a) || hasProgrammeRole(a, programmeId, ['standing']);
}

/**
 * What the actor may change on one task: everything (standing agency, admin), its progress and
 * the roadmap's done dates (a leader or officer of the lead unit's subtree), or nothing.
 */
export function taskWriteLevel(
  a: Actor,
  task: { programmeId: number; leadUnitPath: string },
): 'full' | 'progress' | 'none' {
  if (canManageTasks(a, task.programmeId)) return 'full';
  const leads = unitScopePaths(a, task.programmeId).some((p) => task.leadUnitPath.startsWith(p));
  return leads ? 'progress' : 'none';
}

/**
 * Who may split a task into sub-tasks (delegation, decision 43): the standing agency and admins,
 * into any unit; a leader of the very unit that leads it, into the units below that unit (`below`)
 * or the task's coordinating units. Null: nobody else.
 */
export function delegationRights(
  a: Actor,
  task: { programmeId: number; leadUnitPath: string },
): { anywhere: boolean; below: string } | null {
  if (canManageTasks(a, task.programmeId)) return { anywhere: true, below: task.leadUnitPath };
  const leads = a.roles.some(
    (r) =>
      r.role === 'unit_leader' &&
      r.unitPath === task.leadUnitPath &&
      (r.programmeId === null || r.programmeId === task.programmeId),
  );
  return leads ? { anywhere: false, below: task.leadUnitPath } : null;
}

/**
 * Which sub-tasks of a task the actor reads in its tree: all of them when the actor's subtree
 * leads the task (it handed them out, some maybe to coordinators outside its subtree), otherwise
 * those its ordinary read scope holds (a commune never sees another commune's sub-task).
 */
export function subtaskTreeScope(a: Actor, task: { programmeId: number; leadUnitPath: string }): TaskScope {
  if (unitScopePaths(a, task.programmeId).some((p) => task.leadUnitPath.startsWith(p)))
    return brand({ kind: 'programme' });
  return taskReadScope(a, task.programmeId);
}

export const canManageUsers = (a: Actor) => isAdmin(a);
export const canManageUnits = (a: Actor) => isAdmin(a);
export const canReadAudit = (a: Actor) => isAdmin(a) || a.roles.some((r) => r.role === 'inspector');

/** Programmes the actor may open: every one for admins; by programme scope, or by unit inside its tree. */
export function canSeeProgramme(a: Actor, programme: { id: number; rootUnitPath: string | null }): boolean {
  if (isAdmin(a) || hasProgrammeRole(a, programme.id)) return true;
  return a.roles.some(
    (r) =>
      UNIT_ROLES.includes(r.role) &&
      r.unitPath !== null &&
      (r.programmeId === programme.id ||
        (r.programmeId === null &&
          programme.rootUnitPath !== null &&
          r.unitPath.startsWith(programme.rootUnitPath))),
  );
}

/**
 * What the actor may do with a unit's progress report. Officers and leaders of that very unit
 * draft and submit; its leaders approve or return; units above it read it; programme-wide roles
 * read it once submitted (a draft stays the unit's own).
 */
export function reportRights(a: Actor, programmeId: number, unitPath: string) {
  const mine = a.roles.filter(
    (r) =>
      UNIT_ROLES.includes(r.role) &&
      r.unitPath === unitPath &&
      (r.programmeId === null || r.programmeId === programmeId),
  );
  const above = unitScopePaths(a, programmeId).some((p) => unitPath.startsWith(p));
  const wide = isAdmin(a) || hasProgrammeRole(a, programmeId);
  return {
    read: above || wide,
    readDraft: above,
    edit: mine.length > 0,
    approve: mine.some((r) => r.role === 'unit_leader'),
  };
}

/** Where the actor may read reporting discipline: the whole programme, some unit subtrees, or nothing. */
export function disciplineScope(
  a: Actor,
  programmeId: number,
): { kind: 'programme' } | { kind: 'units'; unitPaths: string[] } {
  if (isAdmin(a) || hasProgrammeRole(a, programmeId)) return { kind: 'programme' };
  return { kind: 'units', unitPaths: unitScopePaths(a, programmeId) };
}

/** Draw, review and publish the warning list: the standing agency and steering members (and admins). */
export function canReviewWarnings(a: Actor, programmeId: number): boolean {
  return isAdmin(a) || hasProgrammeRole(a, programmeId, ['standing', 'steering']);
}

/** Drafts are read by reviewers and inspectors; published lists by everyone in the programme. */
export function canReadWarningDrafts(a: Actor, programmeId: number): boolean {
  return isAdmin(a) || hasProgrammeRole(a, programmeId);
}

/** Who may ask to adjust a task: the leader of its lead unit (or above it), or the standing agency. */
export function canRequestAdjustment(a: Actor, programmeId: number, leadUnitPath: string): boolean {
  return (
    canManageTasks(a, programmeId) ||
    a.roles.some(
      (r) =>
        r.role === 'unit_leader' &&
        r.unitPath !== null &&
        leadUnitPath.startsWith(r.unitPath) &&
        (r.programmeId === null || r.programmeId === programmeId),
    )
  );
}
/** Adjustments are decided by the steering body. */
export const canDecideAdjustment = (a: Actor, programmeId: number) =>
  isAdmin(a) || hasProgrammeRole(a, programmeId, ['steering']);
/** Completions are confirmed by the standing agency. */
export const canConfirmCompletion = (a: Actor, programmeId: number) =>
  isAdmin(a) || hasProgrammeRole(a, programmeId, ['standing']);

/** Chooses what a programme shows the public: its steering body, standing agency, admins. */
export const canManagePublication = (a: Actor, programmeId: number) =>
  isAdmin(a) || hasProgrammeRole(a, programmeId, ['steering', 'standing']);

/**
 * The whole programme, for the aggregated task counts a programme has chosen to publish (the
 * public page): only counts are read with it, never a task or a unit's unpublished data.
 */
export function publishedCountsScope(publication: { enabled: boolean; taskCounts: boolean }): TaskScope {
  return brand(publication.enabled && publication.taskCounts ? { kind: 'programme' } : { kind: 'none' });
}

// --- people (decision 52) ------------------------------------------------------------------------

/** A role as held or asked for, with the path of its unit scope. */
export type RoleGrant = { role: Role; programmeId: number | null; unitPath: string | null };
/** A programme as the people rules need it: the root of the unit tree it covers. */
export type ProgrammeTree = { id: number; rootUnitPath: string | null };

const GRANTABLE_BY_ADMIN: Role[] = [
  'admin',
  'steering',
  'standing',
  'inspector',
  'unit_leader',
  'unit_officer',
];

/** Reads and manages the people of a programme: admins, and that programme's standing agency. */
export const canManagePeople = (a: Actor, programmeId: number) =>
  isAdmin(a) || hasProgrammeRole(a, programmeId, ['standing']);

/** The roles the actor may grant in a programme: every one (admin), unit roles (its standing agency). */
export function grantableRoles(a: Actor, programmeId: number | null): Role[] {
  if (isAdmin(a)) return GRANTABLE_BY_ADMIN;
  if (programmeId !== null && hasProgrammeRole(a, programmeId, ['standing'])) return [...UNIT_ROLES];
  return [];
}

const insideTree = (unitPath: string | null, p: ProgrammeTree | undefined) =>
  unitPath !== null && p !== undefined && p.rootUnitPath !== null && unitPath.startsWith(p.rootUnitPath);

/**
 * May the actor grant (or take away) this role? Admins: any. A programme's standing agency: a
 * unit leader or officer role scoped to that very programme (never unscoped, which would reach
 * every programme) on a unit inside the programme's tree. Nobody else; never admin or steering
 * roles by a standing agency.
 */
export function canGrantRole(a: Actor, grant: RoleGrant, programme: ProgrammeTree | undefined): boolean {
  if (isAdmin(a)) return true;
  if (!UNIT_ROLES.includes(grant.role) || grant.programmeId === null) return false;
  if (!programme || programme.id !== grant.programmeId) return false;
  return hasProgrammeRole(a, programme.id, ['standing']) && insideTree(grant.unitPath, programme);
}

/**
 * May the actor edit an account's profile, disable or re-enable it, or resend its invitation?
 * Admins: any. A standing agency: only an account whose every role it could grant itself, and
 * whose own unit lies inside one of those programmes: disabling someone reaches every programme
 * they work in, so it may not touch a person who also works elsewhere.
 */
export function canManageAccount(
  a: Actor,
  target: { unitPath: string | null; roles: RoleGrant[] },
  programmes: ReadonlyMap<number, ProgrammeTree>,
): boolean {
  if (isAdmin(a)) return true;
  if (!target.roles.length) return false;
  if (!target.roles.every((r) => r.programmeId !== null && canGrantRole(a, r, programmes.get(r.programmeId))))
    return false;
  return (
    target.unitPath === null ||
    target.roles.some((r) => insideTree(target.unitPath, programmes.get(r.programmeId!)))
  );
}

/** May the actor place an account in this unit: admins anywhere, a standing agency inside its programme. */
export function canPlaceInUnit(a: Actor, unitPath: string, programme: ProgrammeTree | undefined): boolean {
  if (isAdmin(a)) return true;
  return (
    programme !== undefined &&
    hasProgrammeRole(a, programme.id, ['standing']) &&
    insideTree(unitPath, programme)
  );
}
