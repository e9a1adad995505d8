import { AppError } from '../../lib/app-error.js';
import type { Clock } from '../../lib/clock.js';
import { todayIn } from '../../lib/clock.js';
import type { DueRule } from '../../../shared/periods.js';
import { nameOf } from '../../lib/localize.js';
import type { Programme } from '../../../shared/schemas/programmes.js';
import type { Actor } from '../auth/actor.js';
import { canSeeProgramme } from '../auth/policy.js';
import { canArchiveProgramme, canEditProgramme } from './policy.js';
import type { ProgrammesRepo } from './programmes.repo.js';

/** The default public address of a programme without a publication row yet (as the publication module). */
export const slugOf = (code: string) =>
  code
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60) || 'programme';

export type ProgrammeAccess = {
  id: number;
  timeZone: string;
  rootUnitPath: string | null;
  today: string;
  /** How its reporting periods fall due. */
  dueRule: DueRule;
  /** Hours after the due moment at which the warning list is drawn. */
  warningGraceHours: number;
  reminderDaysBefore: number;
  startsOn: string | null;
  archived: boolean;
};

export function createProgrammesService(deps: { repo: ProgrammesRepo; clock: Clock }) {
  const { repo, clock } = deps;

  async function visible(actor: Actor) {
    const rows = await repo.listWithRoot();
    return rows.filter((r) => canSeeProgramme(actor, { id: r.programme.id, rootUnitPath: r.rootUnitPath }));
  }

  async function present(actor: Actor, rows: Awaited<ReturnType<typeof visible>>): Promise<Programme[]> {
    const ids = rows.map((r) => r.programme.id);
    const [groups, steering] = await Promise.all([repo.groupsOf(ids), repo.steeringOf(ids)]);
    return rows.map(({ programme: p, slug, publicationEnabled }) => ({
      id: p.id,
      code: p.code,
      slug: slug ?? slugOf(p.code),
      name: nameOf(p),
      description: p.description,
      steeringBody: p.steeringBodyVi
        ? { vi: p.steeringBodyVi, en: p.steeringBodyEn, ar: p.steeringBodyAr }
        : null,
      standingUnitId: p.standingUnitId,
      rootUnitId: p.rootUnitId,
      cadence: p.cadence as Programme['cadence'],
      reportDueWeekday: p.reportDueWeekday,
      reportDueTime: p.reportDueTime,
      warningGraceHours: p.warningGraceHours,
      reminderDaysBefore: p.reminderDaysBefore,
      timeZone: p.timeZone,
      startsOn: p.startsOn,
      endsOn: p.endsOn,
      publicationEnabled: publicationEnabled ?? false,
      archivedAt: p.archivedAt?.toISOString() ?? null,
      version: p.version,
      updatedAt: p.updatedAt.toISOString(),
      may: {
        edit: canEditProgramme(actor, p.id) && !p.archivedAt,
        archive: canArchiveProgramme(actor),
      },
      groups: groups
        .filter((g) => g.programmeId === p.id)
        .map((g) => ({ id: g.id, code: g.code, name: nameOf(g), sort: g.sort })),
      steering: steering
        .filter((s) => s.programmeId === p.id)
        .map((s) => ({
          id: s.id,
          position: s.position as Programme['steering'][number]['position'],
          personName: s.personName,
          title: s.title,
          unitId: s.unitId,
        })),
    }));
  }

  function accessOf(row: Awaited<ReturnType<ProgrammesRepo['listWithRoot']>>[number]): ProgrammeAccess {
    const id = row.programme.id;
    return {
      id,
      timeZone: row.programme.timeZone,
      rootUnitPath: row.rootUnitPath,
      today: todayIn(clock, row.programme.timeZone),
      dueRule: {
        cadence: row.programme.cadence as DueRule['cadence'],
        reportDueWeekday: row.programme.reportDueWeekday,
        reportDueTime: row.programme.reportDueTime,
        timeZone: row.programme.timeZone,
      },
      warningGraceHours: row.programme.warningGraceHours,
      reminderDaysBefore: row.programme.reminderDaysBefore,
      startsOn: row.programme.startsOn,
      archived: row.programme.archivedAt !== null,
    };
  }

  return {
    /** Every programme the actor may open, archived ones too (marked so: pickers leave them out). */
    list: async (actor: Actor) => present(actor, await visible(actor)),

    async get(actor: Actor, id: number): Promise<Programme> {
      const row = (await visible(actor)).find((r) => r.programme.id === id);
      if (!row) throw new AppError('programme_not_found');
      return (await present(actor, [row]))[0]!;
    },

    /** Resolves a programme the actor may open, with "today" in its time zone; 404 otherwise. */
    async access(actor: Actor, id: number): Promise<ProgrammeAccess> {
      const row = (await visible(actor)).find((r) => r.programme.id === id);
      if (!row) throw new AppError('programme_not_found');
      return accessOf(row);
    },

    /** The same for scheduled jobs and commands, which act for no one. */
    async system(id: number): Promise<ProgrammeAccess> {
      const row = (await repo.listWithRoot()).find((r) => r.programme.id === id);
      if (!row) throw new AppError('programme_not_found');
      return accessOf(row);
    },

    /** Every live programme's id and code, for scheduled jobs (archived ones are left alone). */
    all: async () =>
      (await repo.listWithRoot())
        .filter((r) => !r.programme.archivedAt)
        .map((r) => ({ id: r.programme.id, code: r.programme.code })),
  };
}
export type ProgrammesService = ReturnType<typeof createProgrammesService>;
