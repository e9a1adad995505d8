import { and, asc, eq, gt, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { transactionWith } from '../../db/transaction.js';
import {
  accountTokens,
  mailOutbox,
  programmes,
  roleAssignments,
  sessions,
  units,
  users,
} from '../../db/schema/index.js';
import { foldText } from '../../../shared/text-fold.js';

export type UserRow = typeof users.$inferSelect;
export type TokenPurpose = 'invite' | 'reset';

/** Precomposed Vietnamese letters and what they fold to, for translate() in SQL (as foldText). */
const FOLD = (() => {
  let from = '';
  let to = '';
  for (let c = 0xc0; c <= 0x1ef9; c++) {
    const ch = String.fromCodePoint(c);
    const f = foldText(ch);
    if (f.length === 1 && /[a-z]/.test(f) && f !== ch) {
      from += ch;
      to += f;
    }
  }
  return { from, to };
})();
const folded = (col: SQL) => sql`lower(translate(${col}, ${FOLD.from}, ${FOLD.to}))`;

export type PeopleFilter = {
  /** Only people of the programme: a role in it, a unit role inside its tree, or a unit in its tree. */
  programme?: { id: number; rootUnitPath: string | null };
  q?: string;
  status?: 'active' | 'invited' | 'disabled';
};

export function createUsersRepo(db: Db) {
  return {
    list: () => db.select().from(users).orderBy(asc(users.email)),

    /** People matching the filter, with their own unit's path and name and their last invitation. */
    people: async (f: PeopleFilter, limit: number) => {
      const where: SQL[] = [];
      if (f.programme) {
        const p = f.programme;
        const inTree = (path: SQL) =>
          p.rootUnitPath === null ? sql`false` : sql`${path} like ${p.rootUnitPath + '%'}`;
        where.push(sql`(exists (select 1 from role_assignments r left join units ru on ru.id = r.unit_id
            where r.user_id = ${users.id} and (r.programme_id = ${p.id}
              or (r.programme_id is null and ru.id is not null and ${inTree(sql`ru.path`)})))
          or ${inTree(sql`${units.path}`)})`);
      }
      if (f.q) {
        const like = `%${foldText(f.q)}%`;
        where.push(
          sql`(${folded(sql`${users.displayName}`)} like ${like} or lower(${users.email}) like ${like})`,
        );
      }
      if (f.status === 'disabled') where.push(sql`not ${users.active}`);
      if (f.status === 'invited') where.push(sql`${users.active} and ${users.passwordHash} is null`);
      if (f.status === 'active') where.push(sql`${users.active} and ${users.passwordHash} is not null`);
      const cond = where.length ? sql.join(where, sql` and `) : sql`true`;
      const [rows, [count]] = await Promise.all([
        db
          .select({
            user: users,
            unitPath: units.path,
            unitNameVi: units.nameVi,
            unitNameEn: units.nameEn,
            unitNameAr: units.nameAr,
            invitedAt: sql<
              Date | string | null
            >`(select max(t.created_at) from account_tokens t where t.user_id = ${users.id} and t.purpose = 'invite')`,
          })
          .from(users)
          .leftJoin(units, eq(units.id, users.unitId))
          .where(cond)
          .orderBy(asc(users.displayName), asc(users.id))
          .limit(limit),
        db
          .select({ n: sql<number>`count(*)::int` })
          .from(users)
          .leftJoin(units, eq(units.id, users.unitId))
          .where(cond),
      ]);
      return { rows, total: count?.n ?? 0 };
    },

    /** Role assignments of these users with their unit's path and their programme's root path. */
    rolesOf: (ids: number[]) =>
      ids.length
        ? db
            .select({
              id: roleAssignments.id,
              userId: roleAssignments.userId,
              role: roleAssignments.role,
              unitId: roleAssignments.unitId,
              programmeId: roleAssignments.programmeId,
              unitPath: units.path,
            })
            .from(roleAssignments)
            .leftJoin(units, eq(units.id, roleAssignments.unitId))
            .where(inArray(roleAssignments.userId, ids))
            .orderBy(asc(roleAssignments.id))
        : Promise.resolve([]),

    byId: async (id: number) => (await db.select().from(users).where(eq(users.id, id)))[0],
    byEmail: async (email: string) => (await db.select().from(users).where(eq(users.email, email)))[0],
    byEmails: (emails: string[]) =>
      emails.length
        ? db.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, emails))
        : Promise.resolve([]),
    /** Locks the row: two admins disabling at once still count the admins left correctly. */
    lock: async (id: number) => (await db.select().from(users).where(eq(users.id, id)).for('update'))[0],

    insert: async (v: typeof users.$inferInsert) => (await db.insert(users).values(v).returning())[0]!,
    insertMany: (v: (typeof users.$inferInsert)[]) =>
      db.insert(users).values(v).returning({ id: users.id, email: users.email }),
    update: async (id: number, v: Partial<typeof users.$inferInsert>) =>
      (await db.update(users).set(v).where(eq(users.id, id)).returning())[0]!,

    insertRoles: (v: (typeof roleAssignments.$inferInsert)[]) =>
      v.length ? db.insert(roleAssignments).values(v).returning() : Promise.resolve([]),
    deleteRole: (userId: number, roleId: number) =>
      db
        .delete(roleAssignments)
        .where(and(eq(roleAssignments.id, roleId), eq(roleAssignments.userId, userId)))
        .returning(),

    /** Active administrators other than this user (with an unscoped admin role). */
    otherActiveAdmins: async (userId: number) => {
      const [r] = await db
        .select({ n: sql<number>`count(distinct ${users.id})::int` })
        .from(users)
        .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
        .where(and(eq(roleAssignments.role, 'admin'), eq(users.active, true), sql`${users.id} <> ${userId}`));
      return r?.n ?? 0;
    },

    unitsByIds: (ids: number[]) =>
      ids.length
        ? db.select({ id: units.id, path: units.path }).from(units).where(inArray(units.id, ids))
        : Promise.resolve([]),
    unitsByCodes: (codes: string[]) =>
      codes.length
        ? db
            .select({ id: units.id, code: units.code, path: units.path })
            .from(units)
            .where(inArray(units.code, codes))
        : Promise.resolve([]),
    programmesWithRoot: () =>
      db
        .select({ id: programmes.id, code: programmes.code, rootUnitPath: units.path })
        .from(programmes)
        .leftJoin(units, eq(units.id, programmes.rootUnitId)),

    /** An e-mail into the outbox, in the caller's transaction: it leaves only if the change commits. */
    queueMail: (m: { to: string; subject: string; body: string }, at: Date) =>
      db.insert(mailOutbox).values({ toAddress: m.to, subject: m.subject, body: m.body, createdAt: at }),

    endSessions: (userId: number) => db.delete(sessions).where(eq(sessions.userId, userId)),

    // --- one-time links --------------------------------------------------------------------------
    insertToken: (v: typeof accountTokens.$inferInsert) => db.insert(accountTokens).values(v),
    /** Links of the user still usable are voided (a new one replaces them; a password was set). */
    voidTokens: (userId: number, at: Date, purpose?: TokenPurpose) =>
      db
        .update(accountTokens)
        .set({ usedAt: at })
        .where(
          and(
            eq(accountTokens.userId, userId),
            isNull(accountTokens.usedAt),
            purpose ? eq(accountTokens.purpose, purpose) : undefined,
          ),
        ),
    /** A link still usable: not used, not expired, its account active. */
    liveToken: async (hash: string, now: Date) =>
      (
        await db
          .select({ token: accountTokens, user: users })
          .from(accountTokens)
          .innerJoin(users, eq(users.id, accountTokens.userId))
          .where(
            and(
              eq(accountTokens.tokenHash, hash),
              isNull(accountTokens.usedAt),
              gt(accountTokens.expiresAt, now),
              eq(users.active, true),
            ),
          )
      )[0],
    /** Uses a link once: only one of two concurrent uses gets the row back. */
    consumeToken: async (hash: string, now: Date) =>
      (
        await db
          .update(accountTokens)
          .set({ usedAt: now })
          .where(
            and(
              eq(accountTokens.tokenHash, hash),
              isNull(accountTokens.usedAt),
              gt(accountTokens.expiresAt, now),
            ),
          )
          .returning()
      )[0],
    /** How many links of a purpose were made for the user since a moment (the reset's rate limit). */
    tokensSince: async (userId: number, purpose: TokenPurpose, since: Date) => {
      const [r] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(accountTokens)
        .where(
          and(
            eq(accountTokens.userId, userId),
            eq(accountTokens.purpose, purpose),
            sql`${accountTokens.createdAt} > ${since.toISOString()}`,
          ),
        );
      return r?.n ?? 0;
    },
  };
}
export type UsersRepo = ReturnType<typeof createUsersRepo>;

export const usersTransaction = <T>(db: Db, fn: (repo: UsersRepo, tx: Db) => Promise<T>): Promise<T> =>
  transactionWith(db, createUsersRepo, fn);
