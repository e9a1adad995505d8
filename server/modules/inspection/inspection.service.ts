import { daysBetween } from '../../../shared/dates.js';
import { dueDay, periodFromKey, periodOf, previousPeriod } from '../../../shared/periods.js';
import type { Inspection } from '../../../shared/schemas/inspection.js';
import type { Db } from '../../db/client.js';
import { AppError } from '../../lib/app-error.js';
import { pickName } from '../../lib/localize.js';
import type { Actor } from '../auth/actor.js';
import { hasProgrammeRole, isAdmin } from '../auth/policy.js';
import type { ProgrammesService } from '../programmes/programmes.service.js';
import type { DisciplineService } from '../reports/discipline.service.js';
import { createInspectionRepo } from './inspection.repo.js';

/** A task open this long with no progress ever recorded counts as "never moved". */
const STALLED_DAYS = 28;

/**
 * What the inspection committee checks: violations of reporting discipline, tasks whose progress
 * never moved, completions returned, deadlines changed — each with the audit trail behind it.
 * Programme-wide readers only (inspectors, the steering body, the standing agency, admins).
 */
export function createInspectionService(deps: {
  db: Db;
  programmes: ProgrammesService;
  discipline: DisciplineService;
}) {
  const repo = createInspectionRepo(deps.db);
  return {
    async get(
      actor: Actor,
      programmeId: number,
      q: { asOf?: string; from?: string; to?: string },
    ): Promise<Inspection> {
      const p = await deps.programmes.access(actor, programmeId);
      if (!isAdmin(actor) && !hasProgrammeRole(actor, programmeId)) throw new AppError('forbidden');
      const asOf = q.asOf ?? p.today;
      let last = q.to ? periodFromKey(q.to) : periodOf(asOf, p.dueRule.cadence);
      while (!q.to && dueDay(last, p.dueRule) > asOf) last = previousPeriod(last);
      let first = q.from ? periodFromKey(q.from) : last;
      for (let i = 0; !q.from && i < 11; i++) first = previousPeriod(first);
      const name = (r: {
        unit_code: string;
        unit_name_vi: string;
        unit_name_en: string | null;
        unit_name_ar: string | null;
      }) => ({
        code: r.unit_code,
        name: pickName(actor.locale, r.unit_name_vi, r.unit_name_en, r.unit_name_ar),
      });

      const [table, stalled, returned, changes] = await Promise.all([
        deps.discipline.table(actor, { programmeId, from: first.key, to: last.key }),
        repo.stalled(programmeId, asOf, STALLED_DAYS),
        repo.returnedCompletions(programmeId, asOf),
        repo.deadlineChanges(programmeId, asOf),
      ]);
      const trails = new Map<string, { at: string; action: string; actor: string | null }[]>();
      for (const e of await repo.trail([
        ...new Set([
          ...stalled.map((s) => s.id),
          ...returned.map((r) => r.task_id),
          ...changes.map((c) => c.task_id),
        ]),
      ]))
        trails.set(e.entity_id, [
          ...(trails.get(e.entity_id) ?? []),
          { at: new Date(e.at).toISOString(), action: e.action, actor: e.actor },
        ]);
      const trail = (id: number) => trails.get(String(id)) ?? [];

      return {
        programmeId,
        asOf,
        periods: { from: first.key, to: last.key },
        discipline: table.units
          .map((u) => {
            const bad = u.cells.flatMap((c, i) =>
              c === 'late' || c === 'missing' ? [table.periods[i]!.key] : [],
            );
            const late = u.cells.filter((c) => c === 'late').length;
            const missing = u.cells.filter((c) => c === 'missing').length;
            return {
              unit: { code: u.code, name: u.name },
              late,
              missing,
              repeated: late + missing > 1,
              periods: bad,
            };
          })
          .filter((u) => u.late + u.missing > 0)
          .sort((a, b) => b.missing + b.late - (a.missing + a.late) || b.missing - a.missing),
        stalled: stalled.map((s) => ({
          task: { id: s.id, code: s.code, title: s.title },
          unit: name(s),
          startDate: s.start_date,
          deadline: s.deadline,
          days: daysBetween(s.start_date, asOf),
          trail: trail(s.id),
        })),
        returnedCompletions: returned.map((r) => ({
          task: { id: r.task_id, code: r.task_code, title: r.task_title },
          unit: name(r),
          completedOn: r.completed_on,
          requestedAt: new Date(r.requested_at).toISOString(),
          decidedAt: new Date(r.decided_at).toISOString(),
          decidedBy: r.decided_by,
          note: r.note,
          trail: trail(r.task_id),
        })),
        deadlineChanges: changes.map((c) => ({
          task: { id: c.task_id, code: c.task_code, title: c.task_title },
          unit: name(c),
          original: c.original,
          deadline: c.deadline,
          effectiveFrom: c.effective_from,
          reason: c.reason,
          by: c.by,
          at: new Date(c.at).toISOString(),
          trail: trail(c.task_id),
        })),
      };
    },
  };
}
export type InspectionService = ReturnType<typeof createInspectionService>;
