import type { Locale } from '../../../shared/schemas/common.js';
import type { RoleAssignment } from '../../../shared/schemas/auth.js';

/** Who is acting: the signed-in user with their roles, or the public. Services take it explicitly. */
export type Actor = {
  userId: number | null;
  unitId: number | null;
  displayName: string;
  locale: Locale;
  /** Each role with the tree path of its unit scope, so policies can test subtrees without a query. */
  roles: ActorRole[];
};

export type ActorRole = RoleAssignment & { unitPath: string | null };

export const publicActor = (locale: Locale = 'vi'): Actor => ({
  userId: null,
  unitId: null,
  displayName: 'public',
  locale,
  roles: [{ role: 'public', unitId: null, programmeId: null, unitPath: null }],
});

/** The command line and jobs act as the system. */
export const systemActor: Actor = {
  userId: null,
  unitId: null,
  displayName: 'system',
  locale: 'en',
  roles: [{ role: 'admin', unitId: null, programmeId: null, unitPath: null }],
};
