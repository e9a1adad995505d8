import { and, asc, eq, like } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { directives, tasks, units } from '../../db/schema/index.js';

export function createDraftTasksRepo(db: Db) {
  return {
    directive: async (id: number) =>
      (
        await db
          .select({
            id: directives.id,
            programmeId: directives.programmeId,
            number: directives.number,
            title: directives.title,
            issuedOn: directives.issuedOn,
          })
          .from(directives)
          .where(eq(directives.id, id))
      )[0],

    /** The units of the programme's subtree (all units when it has no root). */
    unitsUnder: (rootPath: string | null) =>
      db
        .select({
          id: units.id,
          code: units.code,
          nameVi: units.nameVi,
          nameEn: units.nameEn,
          nameAr: units.nameAr,
          kind: units.kind,
          depth: units.depth,
        })
        .from(units)
        .where(rootPath ? like(units.path, `${rootPath}%`) : undefined)
        .orderBy(asc(units.path)),

    /** Task codes of the programme that begin with `prefix` (to number new ones after them). */
    codesLike: async (programmeId: number, prefix: string) =>
      (
        await db
          .select({ code: tasks.code })
          .from(tasks)
          .where(
            and(
              eq(tasks.programmeId, programmeId),
              like(tasks.code, `${prefix.replace(/[%_\\]/g, '\\$&')}%`),
            ),
          )
      ).map((r) => r.code),
  };
}
export type DraftTasksRepo = ReturnType<typeof createDraftTasksRepo>;
