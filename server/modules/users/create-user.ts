import { AppError } from '../../lib/app-error.js';
import { hashPassword } from '../../lib/password.js';
import type { CreateUserInput } from '../../../shared/schemas/auth.js';
import type { Person } from '../../../shared/schemas/users.js';
import type { Actor } from '../auth/actor.js';
import { auditLog } from '../audit/audit.service.js';
import { issueLink } from './account-links.js';
import { assertPlaceable } from './manage-account.js';
import { checkGrant } from './manage-roles.js';
import { assertPasswordAcceptable } from './password-rule.js';
import { loadAccount, present, programmeTrees, type UsersDeps } from './people.js';
import { createUsersRepo, usersTransaction } from './users.repo.js';

/**
 * One account with its roles. With a password (the command line, an admin) it must meet the
 * policy; without one, the person is sent an invitation to set it (in their language).
 */
export function createUser(deps: UsersDeps) {
  const { db, clock } = deps;
  const repo = createUsersRepo(db);
  return {
    async create(actor: Actor, input: CreateUserInput): Promise<Person> {
      const programmes = await programmeTrees(repo);
      for (const g of input.roles) await checkGrant(repo, actor, g, programmes);
      if (input.unitId !== null) await assertPlaceable(repo, actor, input.unitId, programmes);
      if (input.password !== undefined) assertPasswordAcceptable(input.password, input.email, actor.locale);
      const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
      const id = await usersTransaction(db, async (r, tx) => {
        if (await r.byEmail(input.email)) throw new AppError('email_taken', { email: input.email }, 'email');
        const u = await r.insert({
          email: input.email,
          displayName: input.displayName,
          unitId: input.unitId,
          locale: input.locale,
          passwordHash,
        });
        await r.insertRoles(input.roles.map((x) => ({ userId: u.id, ...x })));
        if (passwordHash === null) await issueLink(deps, tx, u, 'invite', actor);
        await auditLog(tx, clock).record({
          actorId: actor.userId,
          action: 'user.create',
          entity: 'user',
          entityId: String(u.id),
          after: { ...input, password: undefined, invited: passwordHash === null },
        });
        return u.id;
      });
      if (passwordHash === null) void deps.flushMail?.().catch(() => undefined);
      return present(actor, await loadAccount(repo, id), programmes);
    },
  };
}
