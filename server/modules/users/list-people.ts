import { AppError } from '../../lib/app-error.js';
import { pickName } from '../../lib/localize.js';
import type { Role } from '../../../shared/schemas/auth.js';
import type { PeopleQuery, PeopleResponse, Person } from '../../../shared/schemas/users.js';
import type { Actor } from '../auth/actor.js';
import { canManagePeople, grantableRoles, isAdmin } from '../auth/policy.js';
import { present, programmeTrees, type UsersDeps } from './people.js';
import { createUsersRepo } from './users.repo.js';

/** The most rows one answer carries (the screen's table is virtualised; search narrows it). */
export const PEOPLE_LIMIT = 5_000;

export function listPeople(deps: UsersDeps) {
  const repo = createUsersRepo(deps.db);
  return {
    /**
     * Admins: everyone, or the people of one programme. A standing agency: the people of its
     * programme only (a role in it, a unit role inside its tree, or a unit inside its tree).
     */
    async list(actor: Actor, q: PeopleQuery): Promise<PeopleResponse> {
      const programmes = await programmeTrees(repo);
      const programme = q.programmeId === undefined ? undefined : programmes.get(q.programmeId);
      if (q.programmeId !== undefined && !programme) throw new AppError('programme_not_found');
      if (programme ? !canManagePeople(actor, programme.id) : !isAdmin(actor))
        throw new AppError('forbidden');
      const { rows, total } = await repo.people({ programme, q: q.q, status: q.status }, PEOPLE_LIMIT);
      const roles = await repo.rolesOf(rows.map((r) => r.user.id));
      const byUser = new Map<number, typeof roles>();
      for (const r of roles) byUser.set(r.userId, [...(byUser.get(r.userId) ?? []), r]);
      const items: Person[] = rows.map((r) =>
        present(
          actor,
          {
            user: r.user,
            unitPath: r.unitPath,
            unitName: r.unitNameVi ? pickName(actor.locale, r.unitNameVi, r.unitNameEn, r.unitNameAr) : null,
            invitedAt: r.invitedAt,
            roles: (byUser.get(r.user.id) ?? []).map((x) => ({ ...x, role: x.role as Role })),
          },
          programmes,
        ),
      );
      return { items, total, grantable: grantableRoles(actor, programme?.id ?? null) };
    },
  };
}
