import { AppError } from '../../lib/app-error.js';
import type { Clock } from '../../lib/clock.js';
import { todayIn } from '../../lib/clock.js';
import type { DueRule } from '../../../shared/periods.js';
import { nameOf } from '../../lib/localize.js';
import type { Directive, Programme } from '../../../shared/schemas/programmes.js';
import type { Actor } from '../auth/actor.js';
import { canSeeProgramme } from '../auth/policy.js';
import type { ProgrammesRepo } from './programmes.repo.js';

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
};

export function createProgrammesService(deps: { repo: ProgrammesRepo; clock: Clock }) {
  const { repo, clock } = deps;

  async function visible(actor: Actor) {
    const rows = await repo.listWithRoot();
    return rows.filter((r) => canSeeProgramme(actor, { id: r.programme.id, rootUnitPath: r.rootUnitPath }));
  }

  async function present(rows: Awaited<ReturnType<typeof visible>>): Promise<Programme[]> {
    const ids = rows.map((r) => r.programme.id);
    const [groups, steering] = await Promise.all([repo.groupsOf(ids), repo.steeringOf(ids)]);
    return rows.map(({ programme: p }) => ({
      id: p.id,
      code: p.code,
      name: nameOf(p),
      description: p.description,
      standingUnitId: p.standingUnitId,
      rootUnitId: p.rootUnitId,
      cadence: p.cadence as Programme['cadence'],
      reportDueWeekday: p.reportDueWeekday,
      reportDueTime: p.reportDueTime,
      timeZone: p.timeZone,
      startsOn: p.startsOn,
      endsOn: p.endsOn,
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
    };
  }

  return {
    list: async (actor: Actor) => present(await visible(actor)),

    async get(actor: Actor, id: number): Promise<Programme> {
      const row = (await visible(actor)).find((r) => r.programme.id === id);
      if (!row) throw new AppError('programme_not_found');
      return (await present([row]))[0]!;
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

    /** Every programme's id and code, for scheduled jobs. */
    all: async () => (await repo.listWithRoot()).map((r) => ({ id: r.programme.id, code: r.programme.code })),

    async directives(actor: Actor, id: number): Promise<Directive[]> {
      await this.access(actor, id);
      return (await repo.directivesOf(id)).map((d) => ({
        id: d.id,
        programmeId: d.programmeId,
        number: d.number,
        issuedOn: d.issuedOn,
        issuer: d.issuer,
        title: d.title,
        url: d.url,
      }));
    },
  };
}
export type ProgrammesService = ReturnType<typeof createProgrammesService>;
