import { accountLinks } from './account-links.js';
import { createUser } from './create-user.js';
import { listPeople } from './list-people.js';
import { manageAccount } from './manage-account.js';
import { manageRoles } from './manage-roles.js';
import type { UsersDeps } from './people.js';

/**
 * People: accounts, roles per programme, invitations and password links (decision 52). One
 * operation a file; the rules of who may do what are in auth/policy.ts.
 */
export function createUsersService(deps: Omit<UsersDeps, 'publicUrl'> & { publicUrl?: string }) {
  const d: UsersDeps = { ...deps, publicUrl: deps.publicUrl ?? 'http://localhost:3000' };
  return {
    ...listPeople(d),
    ...createUser(d),
    ...manageAccount(d),
    ...manageRoles(d),
    ...accountLinks(d),
  };
}
export type UsersService = ReturnType<typeof createUsersService>;
