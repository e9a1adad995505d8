import { AppError } from '../../lib/app-error.js';
import type { RoleAssignment } from '../../../shared/schemas/auth.js';
import type { Person } from '../../../shared/schemas/users.js';
import type { Actor } from '../auth/actor.js';
import { canGrantRole, canManagePeople } from '../auth/policy.js';
import { auditLog } from '../audit/audit.service.js';
import { loadAccount, present, programmeTrees, type Programmes, type UsersDeps } from './people.js';
import { createUsersRepo, usersTransaction, type UsersRepo } from './users.repo.js';

const UNIT_ROLES = new Set(['unit_leader', 'unit_officer']);

/**
 * Checks one role to grant: its shape (an admin role is unscoped; a unit role names its unit),
 * that its unit and programme exist, and that the actor may grant it (policy.canGrantRole).
 */
export async function checkGrant(repo: UsersRepo, actor: Actor, g: RoleAssignment, programmes: Programmes) {
  if (g.role === 'public') throw new AppError('role_not_grantable', { role: g.role }, 'role');
  if (g.role === 'admin' && (g.unitId !== null || g.programmeId !== null))
    throw new AppError('validation_failed', {}, 'programmeId');
  if (UNIT_ROLES.has(g.role) && g.unitId === null) throw new AppError('validation_failed', {}, 'unitId');
  const programme = g.programmeId === null ? undefined : programmes.get(g.programmeId);
  if (g.programmeId !== null && !programme) throw new AppError('programme_not_found', {}, 'programmeId');
  let unitPath: string | null = null;
  if (g.unitId !== null) {
    const [unit] = await repo.unitsByIds([g.unitId]);
    if (!unit) throw new AppError('unit_not_found', { id: g.unitId }, 'unitId');
    unitPath = unit.path;
  }
  if (!canGrantRole(actor, { role: g.role, programmeId: g.programmeId, unitPath }, programme))
    throw new AppError('role_not_grantable', { role: g.role }, 'role');
  return unitPath;
}

export function manageRoles(deps: UsersDeps) {
  const { db, clock } = deps;
  const repo = createUsersRepo(db);

  /** Someone who could add or take away a role on this account must at least manage people somewhere. */
  const assertAnyReach = (actor: Actor, programmes: Programmes) => {
    if (![...programmes.keys()].some((id) => canManagePeople(actor, id))) throw new AppError('forbidden');
  };

  return {
    async addRole(actor: Actor, id: number, g: RoleAssignment): Promise<Person> {
      const programmes = await programmeTrees(repo);
      assertAnyReach(actor, programmes);
      await checkGrant(repo, actor, g, programmes);
      const account = await loadAccount(repo, id);
      if (
        account.roles.some(
          (r) => r.role === g.role && r.unitId === g.unitId && r.programmeId === g.programmeId,
        )
      )
        throw new AppError('role_exists');
      await usersTransaction(db, async (r, tx) => {
        const [row] = await r.insertRoles([{ userId: id, ...g }]);
        await auditLog(tx, clock).record({
          actorId: actor.userId,
          action: 'user.role_add',
          entity: 'user',
          entityId: String(id),
          after: { roleId: row!.id, ...g },
        });
      });
      return present(actor, await loadAccount(repo, id), programmes);
    },

    async removeRole(actor: Actor, id: number, roleId: number): Promise<Person> {
      const programmes = await programmeTrees(repo);
      assertAnyReach(actor, programmes);
      const account = await loadAccount(repo, id);
      const held = account.roles.find((r) => r.id === roleId);
      if (!held) throw new AppError('not_found');
      const programme = held.programmeId === null ? undefined : programmes.get(held.programmeId);
      if (!canGrantRole(actor, held, programme))
        throw new AppError('role_not_grantable', { role: held.role });
      await usersTransaction(db, async (r, tx) => {
        const locked = await r.lock(id);
        if (
          held.role === 'admin' &&
          locked?.active &&
          !account.roles.some((x) => x.role === 'admin' && x.id !== roleId) &&
          (await r.otherActiveAdmins(id)) === 0
        )
          throw new AppError('last_admin');
        const [gone] = await r.deleteRole(id, roleId);
        if (!gone) throw new AppError('not_found');
        await auditLog(tx, clock).record({
          actorId: actor.userId,
          action: 'user.role_remove',
          entity: 'user',
          entityId: String(id),
          before: { roleId, role: held.role, unitId: held.unitId, programmeId: held.programmeId },
        });
      });
      return present(actor, await loadAccount(repo, id), programmes);
    },
  };
}
