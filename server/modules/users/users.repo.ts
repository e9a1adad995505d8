import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { transactionWith } from '../../db/transaction.js';
import { roleAssignments, users } from '../../db/schema/index.js';

export function createUsersRepo(db: Db) {
  return {
    list: () => db.select().from(users).orderBy(asc(users.email)),
    rolesOf: (ids: number[]) =>
      ids.length
        ? db.select().from(roleAssignments).where(inArray(roleAssignments.userId, ids))
        : Promise.resolve([]),
    byEmail: async (email: string) => (await db.select().from(users).where(eq(users.email, email)))[0],
    insert: async (v: typeof users.$inferInsert) => (await db.insert(users).values(v).returning())[0]!,
    insertRoles: (v: (typeof roleAssignments.$inferInsert)[]) => db.insert(roleAssignments).values(v),
  };
}
export type UsersRepo = ReturnType<typeof createUsersRepo>;

export const usersTransaction = <T>(db: Db, fn: (repo: UsersRepo, tx: Db) => Promise<T>): Promise<T> =>
  transactionWith(db, createUsersRepo, fn);
