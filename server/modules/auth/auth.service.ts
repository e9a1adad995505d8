import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '../../lib/app-error.js';
import { todayIn, type Clock } from '../../lib/clock.js';
import { hashPassword, verifyPassword } from '../../lib/password.js';
import type { Me } from '../../../shared/schemas/auth.js';
import type { Locale } from '../../../shared/schemas/common.js';
import type { Actor } from './actor.js';
import type { AuthRepo } from './auth.repo.js';
import { canManageUnits, canManageUsers, canReadAudit, isAdmin } from './policy.js';
import type { AuditLog } from '../audit/audit.service.js';

export const LOCK_AFTER_FAILURES = 5;
export const LOCK_MINUTES = 15;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

// Verifying against a real hash when the e-mail is unknown keeps the answer's timing the same.
let dummyHash: Promise<string> | undefined;

export function createAuthService(deps: {
  repo: AuthRepo;
  clock: Clock;
  audit: AuditLog;
  sessionDays: number;
}) {
  const { repo, clock, audit } = deps;
  return {
    now: () => clock.now(),
    today: () => todayIn(clock),

    async login(input: { email: string; password: string; ip: string | null; userAgent: string | null }) {
      const user = await repo.findUserByEmail(input.email);
      if (!user || !user.active || user.passwordHash === null) {
        dummyHash ??= hashPassword('not-a-real-password');
        await verifyPassword(await dummyHash, input.password);
        throw new AppError('invalid_credentials');
      }
      const now = clock.now();
      if (user.lockedUntil && user.lockedUntil > now) {
        throw new AppError('account_locked', {
          minutes: Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 60_000),
        });
      }
      if (!(await verifyPassword(user.passwordHash, input.password))) {
        const lockedUntil = await repo.recordFailure(
          user.id,
          LOCK_AFTER_FAILURES,
          new Date(now.getTime() + LOCK_MINUTES * 60_000),
        );
        await audit.record({
          actorId: user.id,
          action: 'login_failed',
          entity: 'user',
          entityId: String(user.id),
        });
        if (lockedUntil && lockedUntil > now) throw new AppError('account_locked', { minutes: LOCK_MINUTES });
        throw new AppError('invalid_credentials');
      }
      await repo.recordSuccess(user.id);
      const token = randomBytes(32).toString('base64url');
      const expiresAt = new Date(now.getTime() + deps.sessionDays * 86_400_000);
      await repo.createSession({
        id: hashToken(token),
        userId: user.id,
        expiresAt,
        ip: input.ip,
        userAgent: input.userAgent,
      });
      await audit.record({ actorId: user.id, action: 'login', entity: 'user', entityId: String(user.id) });
      // The cookie's lifetime is relative: the product's clock may be set to another day
      // (STEERBOARD_TODAY replays a past week) while the browser keeps the real one.
      return { token, expiresAt, maxAgeSeconds: deps.sessionDays * 86_400 };
    },

    async logout(token: string) {
      await repo.deleteSession(hashToken(token));
    },

    async actorForToken(token: string): Promise<(Actor & { email: string }) | undefined> {
      const s = await repo.loadSession(hashToken(token), clock.now());
      if (!s) return undefined;
      return {
        userId: s.userId,
        unitId: s.unitId,
        displayName: s.displayName,
        locale: s.locale,
        roles: s.roles,
        email: s.email,
      };
    },

    async setLocale(actor: Actor, locale: Locale) {
      if (actor.userId === null) throw new AppError('unauthenticated');
      await repo.setLocale(actor.userId, locale);
    },

    me(actor: Actor & { email: string }): Me {
      return {
        id: actor.userId ?? 0,
        email: actor.email,
        displayName: actor.displayName,
        locale: actor.locale,
        unitId: actor.unitId,
        roles: actor.roles.map(({ role, unitId, programmeId }) => ({ role, unitId, programmeId })),
        can: {
          manageUsers: canManageUsers(actor),
          manageUnits: canManageUnits(actor),
          manageTasks: isAdmin(actor) || actor.roles.some((r) => r.role === 'standing'),
          readAudit: canReadAudit(actor),
        },
      };
    },
  };
}
export type AuthService = ReturnType<typeof createAuthService>;
