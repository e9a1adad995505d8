import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { directives, programmeGroups, programmes, steeringMembers, units } from '../../db/schema/index.js';

export function createProgrammesRepo(db: Db) {
  return {
    /** Programmes with the path of their root unit (what access checks need). */
    listWithRoot: () =>
      db
        .select({ programme: programmes, rootUnitPath: units.path })
        .from(programmes)
        .leftJoin(units, eq(units.id, programmes.rootUnitId))
        .orderBy(asc(programmes.id)),

    groupsOf: (ids: number[]) =>
      ids.length
        ? db
            .select()
            .from(programmeGroups)
            .where(inArray(programmeGroups.programmeId, ids))
            .orderBy(asc(programmeGroups.sort), asc(programmeGroups.id))
        : Promise.resolve([]),

    steeringOf: (ids: number[]) =>
      ids.length
        ? db
            .select()
            .from(steeringMembers)
            .where(inArray(steeringMembers.programmeId, ids))
            .orderBy(asc(steeringMembers.sort), asc(steeringMembers.id))
        : Promise.resolve([]),

    directivesOf: (programmeId: number) =>
      db
        .select()
        .from(directives)
        .where(eq(directives.programmeId, programmeId))
        .orderBy(asc(directives.issuedOn), asc(directives.id)),
  };
}
export type ProgrammesRepo = ReturnType<typeof createProgrammesRepo>;
