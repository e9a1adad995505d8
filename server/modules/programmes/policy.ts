import type { Actor } from '../auth/actor.js';
import { hasProgrammeRole, isAdmin } from '../auth/policy.js';

/** A new programme is set up by an administrator. */
export const canCreateProgramme = (a: Actor) => isAdmin(a);

/** Its settings, groups and steering body: administrators, then the programme's own standing agency. */
export const canEditProgramme = (a: Actor, programmeId: number) =>
  isAdmin(a) || hasProgrammeRole(a, programmeId, ['standing']);

/** Archiving takes a programme out of the pickers and the scheduler: administrators only. */
export const canArchiveProgramme = (a: Actor) => isAdmin(a);
