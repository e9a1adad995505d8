import { and, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { roleAssignments, sessions, units, users } from '../../db/schema/index.js';
import type { Role } from '../../../shared/schemas/auth.js';
import type { Locale } from '../../../shared/schemas/common.js';
import type { ActorRole } from './actor.js';

export type UserRow = typeof users.$inferSelect;

export function createAuthRepo(db: Db) {
  return {
    findUserByEmail: async (email: string): Promise<UserRow | undefined> =>
      (await db.select().from(users).where(eq(users.email, email)).limit(1))[0],

    recordFailure: async (userId: number, lockAfter: number, lockUntil: Date) => {
      // One statement, so two concurrent wrong passwords both count.
      const [row] = await db
        .update(users)
        .set({
          failedLogins: sql`case when ${users.failedLogins} + 1 >= ${lockAfter} then 0 else ${users.failedLogins} + 1 end`,
          lockedUntil: sql`case when ${users.failedLogins} + 1 >= ${lockAfter} then ${lockUntil.toISOString()}::timestamptz else ${users.lockedUntil} end`,
        })
        .where(eq(users.id, userId))
        .returning({ lockedUntil: users.lockedUntil });
      return row?.lockedUntil ?? null;
    },

    recordSuccess: (userId: number) =>
      db.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, userId)),

    createSession: (s: {
      id: string;
      userId: number;
      expiresAt: Date;
      ip: string | null;
      userAgent: string | null;
    }) => db.insert(sessions).values(s),

    deleteSession: (id: string) => db.delete(sessions).where(eq(sessions.id, id)),

    /** The session's user and roles (with each scope unit's path) in one round trip. */
    loadSession: async (id: string, now: Date) => {
      const rows = await db
        .select({
          userId: users.id,
          email: users.email,
          displayName: users.displayName,
          unitId: users.unitId,
          locale: users.locale,
          active: users.active,
          role: roleAssignments.role,
          roleUnitId: roleAssignments.unitId,
          roleProgrammeId: roleAssignments.programmeId,
          roleUnitPath: units.path,
        })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .leftJoin(roleAssignments, eq(roleAssignments.userId, users.id))
        .leftJoin(units, eq(units.id, roleAssignments.unitId))
        .where(and(eq(sessions.id, id), gt(sessions.expiresAt, now)));
      const first = rows[0];
      if (!first || !first.active) return undefined;
      const roles: ActorRole[] = rows
        .filter((r) => r.role !== null)
        .map((r) => ({
          role: r.role as Role,
          unitId: r.roleUnitId,
          programmeId: r.roleProgrammeId,
          unitPath: r.roleUnitPath,
        }));
      return {
        userId: first.userId,
        email: first.email,
        displayName: first.displayName,
        unitId: first.unitId,
        locale: first.locale as Locale,
        roles,
      };
    },

    setLocale: (userId: number, locale: Locale) =>
      db.update(users).set({ locale }).where(eq(users.id, userId)),

    deleteExpiredSessions: (now: Date) =>
      db.delete(sessions).where(sql`${sessions.expiresAt} <= ${now.toISOString()}`),
  };
}
export type AuthRepo = ReturnType<typeof createAuthRepo>;
