import { AppError } from '../../lib/app-error.js';
import type { Clock } from '../../lib/clock.js';
import type { Db } from '../../db/client.js';
import { hashPassword } from '../../lib/password.js';
import type { CreateUserInput, User } from '../../../shared/schemas/auth.js';
import type { Locale } from '../../../shared/schemas/common.js';
import type { Actor } from '../auth/actor.js';
import { canManageUsers } from '../auth/policy.js';
import { auditLog } from '../audit/audit.service.js';
import { createUsersRepo, usersTransaction } from './users.repo.js';
import { createTasksRepo } from '../tasks/tasks.repo.js';

export function createUsersService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;
  const repo = createUsersRepo(db);
  return {
    async list(actor: Actor): Promise<User[]> {
      if (!canManageUsers(actor)) throw new AppError('forbidden');
      const list = await repo.list();
      const roles = await repo.rolesOf(list.map((u) => u.id));
      return list.map((u) => ({
        id: u.id,
        email: u.email,
        displayName: u.displayName,
        unitId: u.unitId,
        locale: u.locale as Locale,
        active: u.active,
        roles: roles
          .filter((r) => r.userId === u.id)
          .map((r) => ({
            role: r.role as User['roles'][number]['role'],
            unitId: r.unitId,
            programmeId: r.programmeId,
          })),
      }));
    },

    async create(actor: Actor, input: CreateUserInput): Promise<User> {
      if (!canManageUsers(actor)) throw new AppError('forbidden');
      const unitIds = [
        ...new Set(
          [input.unitId, ...input.roles.map((r) => r.unitId)].filter((x): x is number => x !== null),
        ),
      ];
      const found = new Set(await createTasksRepo(db).existingUnitIds(unitIds));
      const missing = unitIds.find((id) => !found.has(id));
      if (missing !== undefined) throw new AppError('unit_not_found', { id: missing });
      const passwordHash = await hashPassword(input.password);
      return usersTransaction(db, async (r, tx) => {
        if (await r.byEmail(input.email))
          throw new AppError('duplicate_code', { code: input.email }, 'email');
        const u = await r.insert({
          email: input.email,
          displayName: input.displayName,
          unitId: input.unitId,
          locale: input.locale,
          passwordHash,
        });
        await r.insertRoles(input.roles.map((x) => ({ userId: u.id, ...x })));
        await auditLog(tx, clock).record({
          actorId: actor.userId,
          action: 'user.create',
          entity: 'user',
          entityId: String(u.id),
          after: { ...input, password: undefined },
        });
        return {
          id: u.id,
          email: u.email,
          displayName: u.displayName,
          unitId: u.unitId,
          locale: input.locale,
          active: true,
          roles: input.roles,
        };
      });
    },
  };
}
export type UsersService = ReturnType<typeof createUsersService>;
