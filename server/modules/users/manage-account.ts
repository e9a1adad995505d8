import { AppError } from '../../lib/app-error.js';
import type { Person, UpdateUserInput } from '../../../shared/schemas/users.js';
import type { Actor } from '../auth/actor.js';
import { canPlaceInUnit } from '../auth/policy.js';
import { auditLog } from '../audit/audit.service.js';
import {
  assertManageable,
  auditUser,
  loadAccount,
  present,
  programmeTrees,
  type Programmes,
  type UsersDeps,
} from './people.js';
import { createUsersRepo, usersTransaction, type UsersRepo } from './users.repo.js';

/** The unit exists and the actor may place people in it (inside a programme it stands for). */
export async function assertPlaceable(repo: UsersRepo, actor: Actor, unitId: number, programmes: Programmes) {
  const [unit] = await repo.unitsByIds([unitId]);
  if (!unit) throw new AppError('unit_not_found', { id: unitId }, 'unitId');
  if (![...programmes.values()].some((p) => canPlaceInUnit(actor, unit.path, p)))
    throw new AppError('unit_out_of_scope', {}, 'unitId');
  return unit;
}

export function manageAccount(deps: UsersDeps) {
  const { db, clock } = deps;
  const repo = createUsersRepo(db);

  /** Disables or re-enables; disabling ends every session of the account and voids its links at once. */
  async function setActive(actor: Actor, id: number, active: boolean): Promise<Person> {
    const programmes = await programmeTrees(repo);
    assertManageable(actor, await loadAccount(repo, id), programmes);
    if (!active && actor.userId === id) throw new AppError('cannot_disable_self');
    await usersTransaction(db, async (r, tx) => {
      const before = await r.lock(id);
      if (!before) throw new AppError('not_found');
      if (before.active === active) return;
      const roles = await r.rolesOf([id]);
      if (!active && roles.some((x) => x.role === 'admin') && (await r.otherActiveAdmins(id)) === 0)
        throw new AppError('last_admin');
      await r.update(id, { active });
      if (!active) {
        await r.endSessions(id);
        await r.voidTokens(id, clock.now());
      }
      await auditLog(tx, clock).record({
        actorId: actor.userId,
        action: active ? 'user.enable' : 'user.disable',
        entity: 'user',
        entityId: String(id),
        before: { active: before.active },
        after: { active },
      });
    });
    return present(actor, await loadAccount(repo, id), programmes);
  }

  return {
    /** Name, e-mail, own unit, language. */
    async update(actor: Actor, id: number, input: UpdateUserInput): Promise<Person> {
      const programmes = await programmeTrees(repo);
      assertManageable(actor, await loadAccount(repo, id), programmes);
      if (input.unitId !== undefined && input.unitId !== null)
        await assertPlaceable(repo, actor, input.unitId, programmes);
      await usersTransaction(db, async (r, tx) => {
        const before = await r.lock(id);
        if (!before) throw new AppError('not_found');
        if (input.email !== undefined && input.email !== before.email) {
          const other = await r.byEmail(input.email);
          if (other && other.id !== id) throw new AppError('email_taken', { email: input.email }, 'email');
        }
        const after = await r.update(id, {
          ...(input.email !== undefined ? { email: input.email } : {}),
          ...(input.displayName !== undefined ? { displayName: input.displayName } : {}),
          ...(input.unitId !== undefined ? { unitId: input.unitId } : {}),
          ...(input.locale !== undefined ? { locale: input.locale } : {}),
        });
        await auditLog(tx, clock).record({
          actorId: actor.userId,
          action: 'user.update',
          entity: 'user',
          entityId: String(id),
          before: auditUser(before),
          after: auditUser(after),
        });
      });
      return present(actor, await loadAccount(repo, id), programmes);
    },

    disable: (actor: Actor, id: number) => setActive(actor, id, false),
    enable: (actor: Actor, id: number) => setActive(actor, id, true),
  };
}
