import { dateInZone } from '../../../shared/dates.js';
import type { Cockpit } from '../../../shared/schemas/cockpit.js';
import type { Locale } from '../../../shared/schemas/common.js';
import type { WarningList } from '../../../shared/schemas/warnings.js';
import type { Period } from '../../../shared/periods.js';
import { AppError } from '../../lib/app-error.js';
import type { Clock } from '../../lib/clock.js';
import { pickName } from '../../lib/localize.js';
import type { AdjustmentsService } from '../adjustments/adjustments.service.js';
import type { Actor } from '../auth/actor.js';
import type { CockpitService } from '../cockpit/cockpit.service.js';
import type { ProgrammesService } from '../programmes/programmes.service.js';
import type { DisciplineService } from '../reports/discipline.service.js';
import type { TasksService } from '../tasks/tasks.service.js';
import type { WarningsService } from '../warnings/warnings.service.js';

export type BriefUnitTasks = {
  unit: { code: string; name: string };
  tasks: { code: string; title: string; deadline: string; daysLate: number }[];
};

/** Everything the weekly brief says, gathered once; the DOCX and the XLSX are two views of it. */
export type BriefData = {
  locale: Locale;
  programme: { id: number; code: string; name: string; timeZone: string };
  period: Period;
  /** The day the figures are computed as of (the warning list's draw day), and that moment. */
  asOf: string;
  moment: Date;
  cockpit: Cockpit;
  lastWeek: Cockpit['trend'][number];
  discipline: {
    expected: number;
    received: number;
    onTime: number;
    reportingRate: number | null;
    onTimeRate: number | null;
    late: { code: string; name: string }[];
    missing: { code: string; name: string }[];
  };
  warningList: WarningList | null;
  overdueByUnit: BriefUnitTasks[];
  adjustments: {
    task: string;
    unit: string;
    kind: string;
    status: string;
    decidedAt: string;
    note: string | null;
  }[];
};

export type BriefDeps = {
  clock: Clock;
  programmes: ProgrammesService;
  tasks: TasksService;
  cockpit: CockpitService;
  discipline: DisciplineService;
  warnings: WarningsService;
  adjustments: AdjustmentsService;
};

/**
 * Gathers a period's brief as of the moment its warning list is drawn (or now, when asked
 * earlier): the same services as the cockpit and the screens, so the figures are theirs.
 */
export async function collectBrief(deps: BriefDeps, actor: Actor, programmeId: number, periodKey: string) {
  const p = await deps.programmes.access(actor, programmeId);
  const programme = await deps.programmes.get(actor, programmeId);
  const { period, drawAt } = await deps.warnings.drawMoment(p, periodKey);
  const now = deps.clock.now();
  if (now < new Date(`${period.start}T00:00:00Z`))
    throw new AppError('period_not_open', { period: period.key });
  const moment = drawAt < now ? drawAt : now;
  const asOf = dateInZone(moment, p.timeZone);

  const [cockpit, discipline, list, overdue, adjustments] = await Promise.all([
    deps.cockpit.get(actor, programmeId, { asOf, weeks: 2 }),
    deps.discipline.table(actor, { programmeId, from: period.key, to: period.key }),
    deps.warnings.byPeriod(actor, programmeId, period.key).catch((e: unknown) => {
      if (e instanceof AppError && e.code === 'not_found') return null;
      throw e;
    }),
    deps.tasks.list(actor, {
      programmeId,
      asOf,
      state: ['overdue'],
      unitRole: 'any',
      sort: 'deadline',
      limit: 1000,
    }),
    deps.adjustments.list(actor, { programmeId }),
  ]);

  const byUnit = new Map<number, BriefUnitTasks>();
  for (const t of overdue.items) {
    const e = byUnit.get(t.leadUnit.id) ?? {
      unit: { code: t.leadUnit.code, name: t.leadUnit.name },
      tasks: [],
    };
    e.tasks.push({ code: t.code, title: t.title, deadline: t.deadlineAsOf, daysLate: t.daysOverdue ?? 0 });
    byUnit.set(t.leadUnit.id, e);
  }
  const cells = discipline.units.map((u) => ({ u, cell: u.cells[0] }));
  const pick = (c: string) =>
    cells.filter((x) => x.cell === c).map((x) => ({ code: x.u.code, name: x.u.name }));
  const decidedFrom = period.start;

  return {
    locale: actor.locale,
    programme: {
      id: programmeId,
      code: programme.code,
      name: pickName(actor.locale, programme.name.vi, programme.name.en, programme.name.ar),
      timeZone: p.timeZone,
    },
    period,
    asOf,
    moment,
    cockpit,
    lastWeek: cockpit.trend[0]!,
    discipline: { ...discipline.totals, late: pick('late'), missing: pick('missing') },
    // Only a published list goes to the steering body; a draft is still under review.
    warningList: list && list.status === 'published' ? list : null,
    overdueByUnit: [...byUnit.values()].sort(
      (a, b) => b.tasks.length - a.tasks.length || (a.unit.code < b.unit.code ? -1 : 1),
    ),
    adjustments: adjustments
      .filter(
        (a) =>
          a.decidedAt &&
          dateInZone(new Date(a.decidedAt), p.timeZone) >= decidedFrom &&
          new Date(a.decidedAt) <= moment,
      )
      .map((a) => ({
        task: `${a.task.code} · ${a.task.title}`,
        unit: a.unit.name,
        kind: a.kind,
        status: a.status,
        decidedAt: dateInZone(new Date(a.decidedAt!), p.timeZone),
        note: a.decisionNote,
      })),
  } satisfies BriefData;
}
