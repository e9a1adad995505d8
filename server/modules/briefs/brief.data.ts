import { dateInZone, daysBetween } from '../../../shared/dates.js';
import { belowThreshold } from '../../../shared/money.js';
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
import type { MoneyService } from '../money/money.service.js';
import type { ObstaclesService } from '../obstacles/obstacles.service.js';
import type { RecommendationsService } from '../recommendations/recommendations.service.js';
import type { ProgrammesService } from '../programmes/programmes.service.js';
import type { DisciplineService } from '../reports/discipline.service.js';
import type { TasksService } from '../tasks/tasks.service.js';
import type { WarningsService } from '../warnings/warnings.service.js';

export type BriefObstacle = {
  title: string;
  category: string;
  status: string;
  owner: string;
  raisedOn: string;
  dueOn: string | null;
  resolvedOn: string | null;
  /** Days past the due day as of the brief (overdue ones), else null. */
  daysOverdue: number | null;
};

export type BriefMoney = {
  year: number;
  asOf: string;
  /** Integer đồng, as strings (exact). */
  allocated: string;
  disbursed: string;
  /** Percent, four decimals ("42.1250"); null with nothing allocated. */
  rate: string | null;
  previousRate: string | null;
  /** The point of the programme's curve in force on the day, and the whole curve (MM-DD). */
  threshold: { byDay: string; minRatePct: string } | null;
  curve: { byDay: string; minRatePct: string }[];
  belowThreshold: boolean;
  units: {
    rank: number;
    unit: string;
    allocated: string;
    disbursed: string;
    rate: string | null;
    change: string | null;
    belowThreshold: boolean;
  }[];
};

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
  /** Null when the programme has no capital plan for the year. */
  money: BriefMoney | null;
  obstacles: { new: BriefObstacle[]; overdue: BriefObstacle[]; resolved: BriefObstacle[] };
  recommendationsPastDue: {
    from: string;
    to: string;
    content: string;
    submittedOn: string;
    answerDueOn: string;
    workingDaysLate: number;
  }[];
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
  money: MoneyService;
  obstacles: ObstaclesService;
  recommendations: RecommendationsService;
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

  const [cockpit, discipline, list, overdue, adjustments, weekly, curve, obstacles, pastDue] =
    await Promise.all([
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
      deps.money.weekly(actor, { programmeId, asOf }),
      deps.money.thresholds(actor, programmeId),
      deps.obstacles.list(actor, { programmeId, asOf }),
      deps.recommendations.list(actor, { programmeId, asOf, state: 'overdue' }),
    ]);
  const obstacle = (o: (typeof obstacles)[number]): BriefObstacle => ({
    title: o.title,
    category: o.category,
    status: o.status,
    owner: o.owner.name,
    raisedOn: o.raisedOn,
    dueOn: o.dueOn,
    resolvedOn: o.resolvedOn,
    daysOverdue: o.overdue && o.dueOn ? daysBetween(o.dueOn, asOf) : null,
  });
  const inPeriod = (day: string | null) => day !== null && day >= period.start && day <= asOf;
  const byDay = (k: 'raisedOn' | 'dueOn' | 'resolvedOn') => (a: BriefObstacle, b: BriefObstacle) =>
    (a[k] ?? '') < (b[k] ?? '') ? -1 : (a[k] ?? '') > (b[k] ?? '') ? 1 : a.title < b.title ? -1 : 1;
  const all = obstacles.map(obstacle);

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
    money:
      weekly.rows.length === 0
        ? null
        : {
            year: weekly.year,
            asOf: weekly.asOf,
            allocated: weekly.totals.allocated,
            disbursed: weekly.totals.disbursed,
            rate: weekly.totals.rate,
            previousRate: weekly.totals.previousRate,
            threshold: weekly.threshold,
            curve: curve.points,
            belowThreshold:
              weekly.threshold !== null &&
              belowThreshold(
                BigInt(weekly.totals.disbursed),
                BigInt(weekly.totals.allocated),
                Math.round(Number(weekly.threshold.minRatePct) * 100),
              ),
            units: weekly.rows.map((r) => ({
              rank: r.rank,
              unit: r.unit.name,
              allocated: r.allocated,
              disbursed: r.disbursed,
              rate: r.rate,
              change: r.change,
              belowThreshold: r.belowThreshold,
            })),
          },
    obstacles: {
      new: all.filter((o) => inPeriod(o.raisedOn)).sort(byDay('raisedOn')),
      overdue: all
        .filter((o) => o.daysOverdue !== null)
        .sort((a, b) => b.daysOverdue! - a.daysOverdue! || (a.title < b.title ? -1 : 1)),
      resolved: all
        .filter((o) => o.status === 'resolved' && inPeriod(o.resolvedOn))
        .sort(byDay('resolvedOn')),
    },
    recommendationsPastDue: pastDue
      .map((r) => ({
        from: r.from.name,
        to: r.to.name,
        content: r.content,
        submittedOn: r.submittedOn,
        answerDueOn: r.answerDueOn,
        workingDaysLate: -(r.workingDaysLeft ?? 0),
      }))
      .sort((a, b) => b.workingDaysLate - a.workingDaysLate || (a.answerDueOn < b.answerDueOn ? -1 : 1)),
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
