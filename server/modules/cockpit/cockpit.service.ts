import { addDays, daysBetween } from '../../../shared/dates.js';
import { dueMoment, periodOf, previousPeriod, zonedInstant, type Period } from '../../../shared/periods.js';
import type {
  Cockpit,
  CockpitQuery,
  CockpitRegisters,
  CockpitServices,
  KpiTile,
} from '../../../shared/schemas/cockpit.js';
import { TASK_STATES } from '../../../shared/task-state.js';
import { AppError } from '../../lib/app-error.js';
import type { Clock } from '../../lib/clock.js';
import { pickName } from '../../lib/localize.js';
import type { Actor } from '../auth/actor.js';
import { taskReadScope } from '../auth/policy.js';
import type { ProgrammeAccess, ProgrammesService } from '../programmes/programmes.service.js';
import type { DisciplineService } from '../reports/discipline.service.js';
import type { TasksRepo } from '../tasks/tasks.repo.js';
import type { TasksService } from '../tasks/tasks.service.js';
import type { UnitsRepo, UnitRow } from '../units/units.repo.js';
import type { WarningsService } from '../warnings/warnings.service.js';

/** Where the OKR/KPI tiles and the service-indicator section come from (their own modules). */
export type KpiTilesSource = (
  actor: Actor,
  q: { programmeId: number; asOf: string; groupId?: number; unitId?: number },
) => Promise<KpiTile[]>;
export type ServicesSource = (
  actor: Actor,
  q: { programmeId: number; asOf: string; unitId: number; childUnitIds: number[] },
) => Promise<CockpitServices | null>;

export type RegistersSource = (
  actor: Actor,
  q: { programmeId: number; asOf: string; unitPath: string | null; groupId?: number },
) => Promise<CockpitRegisters>;
const NO_REGISTERS: CockpitRegisters = {
  money: null,
  obstacles: null,
  recommendations: null,
  pilots: null,
  criteria: [],
  catalogue: null,
};

const REPORTING_PERIODS = 8;

/**
 * The programme cockpit: everything a chair reads in one glance, as of a date, for the programme,
 * one of its groups or one unit's subtree — in one request. Each part comes from the module that
 * owns it (tasks, discipline, warning lists, indicators, service records), so the figures are the
 * same as on their own screens.
 */
export function createCockpitService(deps: {
  clock: Clock;
  programmes: ProgrammesService;
  tasks: TasksService;
  tasksRepo: TasksRepo;
  unitsRepo: UnitsRepo;
  discipline: DisciplineService;
  warnings: WarningsService;
  kpis?: KpiTilesSource;
  services?: ServicesSource;
  registers?: RegistersSource;
}) {
  const { programmes, tasks, tasksRepo, unitsRepo, discipline, warnings } = deps;

  const ref = (u: UnitRow, actor: Actor) => ({
    id: u.id,
    code: u.code,
    name: pickName(actor.locale, u.nameVi, u.nameEn, u.nameAr),
    kind: u.kind,
  });

  /** The last periods up to the one `asOf` falls in (still open, most often), the latest last. */
  function reportingPeriods(p: ProgrammeAccess, asOf: string): Period[] {
    const list = [periodOf(asOf, p.dueRule.cadence)];
    while (list.length < REPORTING_PERIODS) list.unshift(previousPeriod(list[0]!));
    return list;
  }

  return {
    async get(actor: Actor, programmeId: number, q: CockpitQuery): Promise<Cockpit> {
      const p = await programmes.access(actor, programmeId);
      const programme = await programmes.get(actor, programmeId);
      const asOf = q.asOf ?? p.today;
      if (q.groupId && !programme.groups.some((g) => g.id === q.groupId))
        throw new AppError('group_not_in_programme', {}, 'groupId');

      // The scope's unit: the one asked (inside the programme's tree), else the programme's root.
      const rootId = programme.rootUnitId;
      const unit = q.unitId
        ? await unitsRepo.byId(q.unitId)
        : rootId
          ? await unitsRepo.byId(rootId)
          : undefined;
      if (q.unitId && (!unit || (p.rootUnitPath && !unit.path.startsWith(p.rootUnitPath))))
        throw new AppError('unit_not_found', { id: q.unitId }, 'unitId');
      const root = rootId ? await unitsRepo.byId(rootId) : undefined;
      const ancestorIds = (unit?.path ?? '').split('/').filter(Boolean).map(Number);
      const ancestors = (await unitsRepo.byIds(ancestorIds))
        .filter((a) => !root || a.path.startsWith(root.path))
        .sort((a, b) => a.depth - b.depth);

      const scope = taskReadScope(actor, programmeId);
      const filters = {
        programmeId,
        groupId: q.groupId ? [q.groupId] : undefined,
        unitId: q.unitId,
        unitRole: 'any' as const,
      };
      const dates = Array.from({ length: q.weeks }, (_, i) => addDays(asOf, -7 * (q.weeks - 1 - i)));
      const children = unit ? await unitsRepo.children(unit.id, asOf) : [];
      const periods = reportingPeriods(p, asOf);
      // Judged at the end of the "as of" day, or now when that is still to come (as the discipline table).
      const endOfAsOf = zonedInstant(addDays(asOf, 1), '00:00', p.timeZone);
      const judgedAt = new Date(Math.min(endOfAsOf.getTime(), deps.clock.now().getTime()));

      const [
        summary,
        trendRows,
        childCounts,
        grandChildren,
        overdue,
        reporting,
        warningList,
        kpis,
        registers,
      ] = await Promise.all([
        tasks.summary(actor, { programmeId, asOf, groupId: q.groupId, unitId: q.unitId }),
        tasksRepo.stateCountsAt(dates, scope, filters),
        tasksRepo.countsForUnits(
          asOf,
          scope,
          { ...filters, unitId: undefined },
          children.map((c) => c.id),
        ),
        unitsRepo.childCounts(children.map((c) => c.id)),
        q.unitId || q.groupId
          ? tasks.list(actor, {
              programmeId,
              asOf,
              groupId: filters.groupId,
              unitId: q.unitId,
              unitRole: 'any',
              state: ['overdue'],
              sort: 'deadline',
              limit: 20,
            })
          : Promise.resolve(null),
        discipline
          .table(actor, {
            programmeId,
            from: periods[0]!.key,
            to: periods.at(-1)!.key,
            unitId: q.unitId,
            asOf,
          })
          .catch((e: unknown) => {
            // A unit outside the reader's reach has no discipline to show, not an error page.
            if (e instanceof AppError && e.code === 'forbidden') return null;
            throw e;
          }),
        latestPublishedList(actor, p, asOf, unit && q.unitId ? unit.path : null),
        deps.kpis ? deps.kpis(actor, { programmeId, asOf, groupId: q.groupId, unitId: q.unitId }) : [],
        deps.registers
          ? deps.registers(actor, {
              programmeId,
              asOf,
              unitPath: unit && q.unitId ? unit.path : null,
              groupId: q.groupId,
            })
          : NO_REGISTERS,
      ]);

      const trend = dates.map((date) => {
        const byState = Object.fromEntries(
          TASK_STATES.map((s) => [s, 0]),
        ) as Cockpit['trend'][number]['byState'];
        for (const r of trendRows) if (r.d === date) byState[r.state] += r.n;
        return { date, total: Object.values(byState).reduce((a, b) => a + b, 0), byState };
      });
      const counts = new Map(childCounts.map((c) => [c.unit_id, c]));
      const units = children
        .map((c) => {
          const n = counts.get(c.id) ?? { total: 0, done: 0, overdue: 0 };
          return {
            unit: ref(c, actor),
            childCount: grandChildren.get(c.id) ?? 0,
            total: n.total,
            done: n.done,
            overdue: n.overdue,
            doneRate: n.total ? Math.round((n.done / n.total) * 10_000) / 100 : null,
          };
        })
        .filter((u) => u.total > 0 || u.childCount > 0);

      // A period stays open until its warning list is drawn (reports after the due moment still come
      // in, late): its rate is not a figure yet, only what is in so far out of what is expected.
      const reportingRows = periods.map((period, i) => {
        const dueAt = reporting?.periods[i]?.dueAt
          ? new Date(reporting.periods[i]!.dueAt)
          : dueMoment(period, p.dueRule);
        const drawAt = new Date(dueAt.getTime() + p.warningGraceHours * 3_600_000);
        const open = judgedAt < drawAt;
        let expected = 0;
        let received = 0;
        let onTime = 0;
        for (const u of reporting?.units ?? []) {
          const cell = u.cells[i];
          if (!cell || cell === 'not_expected' || (cell === 'pending' && !open)) continue;
          expected++;
          if (cell !== 'missing' && cell !== 'pending') received++;
          if (cell === 'on_time') onTime++;
        }
        const rate = (n: number) => (expected && !open ? Math.round((n / expected) * 10_000) / 100 : null);
        return {
          period: period.key,
          dueAt: dueAt.toISOString(),
          drawAt: drawAt.toISOString(),
          open,
          expected,
          received,
          onTime,
          reportingRate: rate(received),
          onTimeRate: rate(onTime),
        };
      });

      const services =
        deps.services && unit
          ? await deps.services(actor, {
              programmeId,
              asOf,
              unitId: unit.id,
              childUnitIds: children.map((c) => c.id),
            })
          : null;

      return {
        programmeId,
        asOf,
        scope: {
          groupId: q.groupId ?? null,
          unit: unit && q.unitId ? ref(unit, actor) : null,
          path: ancestors.map((a) => ref(a, actor)),
        },
        summary,
        trend,
        units,
        overdueTasks: (overdue?.items ?? []).map((t) => ({
          id: t.id,
          code: t.code,
          title: t.title,
          deadline: t.deadlineAsOf,
          daysOverdue: t.daysOverdue ?? daysBetween(t.deadlineAsOf, asOf),
          leadUnit: t.leadUnit.name,
        })),
        warningList,
        reporting: reportingRows,
        kpis,
        services,
        registers,
      };
    },
  };

  /** The list in force on `asOf`: the latest one published by the end of that day. */
  async function latestPublishedList(
    actor: Actor,
    p: ProgrammeAccess,
    asOf: string,
    underPath: string | null,
  ) {
    const lists = await warnings.summaries(actor, p.id);
    const endOfDay = zonedInstant(addDays(asOf, 1), '00:00', p.timeZone).toISOString();
    const current = lists
      .filter((l) => l.status === 'published' && l.publishedAt && l.publishedAt < endOfDay)
      .sort((a, b) => (a.publishedAt! < b.publishedAt! ? 1 : -1))[0];
    if (!current) return null;
    const list = await warnings.get(actor, current.id);
    let listed = list.units.filter((u) => !u.removed);
    if (underPath) {
      const inside = new Set((await unitsRepo.subtree(underPath, 10_000)).map((u) => u.id));
      listed = listed.filter((u) => inside.has(u.unit.id));
    }
    return {
      id: list.id,
      period: list.period,
      publishedAt: list.publishedAt!,
      unitCount: listed.length,
      units: listed.slice(0, 30).map((u) => ({ unit: u.unit, reasons: u.reasons, streak: u.streak })),
    };
  }
}
export type CockpitService = ReturnType<typeof createCockpitService>;
