import type { Db } from '../../db/client.js';
import { AppError } from '../../lib/app-error.js';
import type { Clock } from '../../lib/clock.js';
import type { Role } from '../../../shared/schemas/auth.js';
import type { Locale } from '../../../shared/schemas/common.js';
import type { AccountStatus, Person } from '../../../shared/schemas/users.js';
import type { Actor } from '../auth/actor.js';
import { canManageAccount, type ProgrammeTree, type RoleGrant } from '../auth/policy.js';
import type { UserRow, UsersRepo } from './users.repo.js';

export type UsersDeps = {
  db: Db;
  clock: Clock;
  /** Where people open the product, for the links in e-mails. */
  publicUrl: string;
  /** Sends what waits in the outbox now (the notifications' flush); without it the scheduler does. */
  flushMail?: () => Promise<unknown>;
};

export type Programmes = Map<number, ProgrammeTree & { code: string }>;

export async function programmeTrees(repo: UsersRepo): Promise<Programmes> {
  return new Map((await repo.programmesWithRoot()).map((p) => [p.id, p]));
}

export type HeldRole = RoleGrant & { id: number; unitId: number | null };
export type Account = { user: UserRow; unitPath: string | null; roles: HeldRole[] };

export const statusOf = (u: Pick<UserRow, 'active' | 'passwordHash'>): AccountStatus =>
  !u.active ? 'disabled' : u.passwordHash === null ? 'invited' : 'active';

/** One account with its roles, or not_found. */
export async function loadAccount(repo: UsersRepo, id: number): Promise<Account> {
  const user = await repo.byId(id);
  if (!user) throw new AppError('not_found');
  const [unit] = user.unitId ? await repo.unitsByIds([user.unitId]) : [];
  const roles = (await repo.rolesOf([id])).map((r) => ({
    id: r.id,
    role: r.role as Role,
    unitId: r.unitId,
    programmeId: r.programmeId,
    unitPath: r.unitPath,
  }));
  return { user, unitPath: unit?.path ?? null, roles };
}

/** Refuses unless the actor may edit, disable or enable this account (policy.canManageAccount). */
export function assertManageable(actor: Actor, a: Account, programmes: Programmes) {
  if (!canManageAccount(actor, { unitPath: a.unitPath, roles: a.roles }, programmes))
    throw new AppError(actor.roles.some((r) => r.role === 'standing') ? 'account_out_of_reach' : 'forbidden');
}

export function present(
  actor: Actor,
  a: Account & { unitName?: string | null; invitedAt?: Date | string | null },
  programmes: Programmes,
): Person {
  const invitedAt = a.invitedAt ? new Date(a.invitedAt).toISOString() : null;
  return {
    id: a.user.id,
    email: a.user.email,
    displayName: a.user.displayName,
    unitId: a.user.unitId,
    unitName: a.unitName ?? null,
    locale: a.user.locale as Locale,
    status: statusOf(a.user),
    roles: a.roles.map(({ id, role, unitId, programmeId }) => ({ id, role, unitId, programmeId })),
    invitedAt,
    manageable: canManageAccount(actor, { unitPath: a.unitPath, roles: a.roles }, programmes),
  };
}

export const auditUser = (u: Pick<UserRow, 'email' | 'displayName' | 'unitId' | 'locale' | 'active'>) => ({
  email: u.email,
  displayName: u.displayName,
  unitId: u.unitId,
  locale: u.locale,
  active: u.active,
});
