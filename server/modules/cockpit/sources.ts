import { SERVICE_INDICATOR_CODES, type ServiceIndicator } from '../../../shared/service-indicators.js';
import type { CockpitServices, KpiTile } from '../../../shared/schemas/cockpit.js';
import type { PublicIndicator } from '../../../shared/schemas/publication.js';
import { AppError } from '../../lib/app-error.js';
import { batchPerTick } from '../../lib/batch.js';
import { systemActor, type Actor } from '../auth/actor.js';
import type { ComputedSource } from '../indicators/indicators.service.js';
import type { ObjectivesService } from '../objectives/objectives.service.js';
import type { RecordsService } from '../records/records.service.js';
import type { PublicIndicatorsSource, PublicServicesSource } from '../publication/publication.service.js';
import type { CatalogueService } from '../catalogue/catalogue.service.js';
import type { CriteriaService } from '../criteria/criteria.service.js';
import type { MoneyService } from '../money/money.service.js';
import type { ObstaclesService } from '../obstacles/obstacles.service.js';
import type { PilotsService } from '../pilots/pilots.service.js';
import type { RecommendationsService } from '../recommendations/recommendations.service.js';
import type { KpiTilesSource, RegistersSource, ServicesSource } from './cockpit.service.js';

/**
 * The adapters between modules, in one place: which module answers which tile. Each is a thin
 * mapping; the figures are computed by their owners.
 */

const value = (i: ServiceIndicator) => ({
  code: i.code,
  numerator: i.numerator,
  denominator: i.denominator,
  value: i.value,
});

/**
 * Computed indicators (`records.*`) from the service records, for a unit subtree and days. The
 * OKR read asks every computed key result for several periods at once: those asks (of one tick)
 * become one statement, and the seven indicators share each (unit, days) sum.
 */
export function recordSources(records: RecordsService): Record<string, ComputedSource> {
  type Ask = { unitId: number; from: string; to: string };
  const key = (q: Ask) => `${q.unitId}|${q.from}|${q.to}`;
  const sums = batchPerTick(key, (qs: Ask[]) => records.computeMany(qs));
  const lastDay = batchPerTick(
    (q: { unitId: number; asOf: string }) => `${q.unitId}|${q.asOf}`,
    (qs) => Promise.all(qs.map((q) => records.lastDay(q.unitId, q.asOf))),
  );
  return Object.fromEntries(
    SERVICE_INDICATOR_CODES.map((code) => {
      const source: ComputedSource = async (q) => {
        const i = (await sums(q)).find((x) => x.code === code);
        return i ? value(i) : { numerator: null, denominator: null, value: null };
      };
      source.lastDay = lastDay;
      return [code, source];
    }),
  );
}

/** Not a tile when the reader may not read the unit's records (a unit user above their unit). */
const unlessHidden = <T>(p: Promise<T>): Promise<T | null> =>
  p.catch((e: unknown) => {
    if (e instanceof AppError && ['not_found', 'forbidden', 'unit_not_found'].includes(e.code)) return null;
    throw e;
  });

/**
 * The service indicators of a unit subtree over the last twelve months that have records up to
 * "as of" (the demo's records are the article's: 1 July – 12 November 2025), by month and by child.
 */
async function servicesOf(records: RecordsService, actor: Actor, unitId: number, asOf: string) {
  const all = await records.indicators(actor, { unitId, from: '2000-01-01', to: asOf, groupBy: 'month' });
  const months = all.groups.filter((g) => g.records > 0).slice(-12);
  if (!months.length) return null;
  const from = `${months[0]!.key}-01`;
  const byUnit = await records.indicators(actor, { unitId, from, to: asOf, groupBy: 'unit' });
  return {
    from,
    to: asOf,
    totals: byUnit.indicators.map(value),
    months: months.map((m) => ({ month: m.key, indicators: m.indicators.map(value) })),
    ranking: byUnit.groups
      .filter((g) => g.key !== String(unitId) && g.records > 0)
      .map((g) => {
        const [code, ...name] = g.label.split(' ');
        return {
          unitId: Number(g.key),
          code: code ?? '',
          name: name.join(' '),
          indicators: g.indicators.map(value),
        };
      }),
  } satisfies CockpitServices;
}

export const cockpitServices =
  (records: RecordsService): ServicesSource =>
  (actor, q) =>
    unlessHidden(servicesOf(records, actor, q.unitId, q.asOf));

export const publicServices =
  (records: RecordsService): PublicServicesSource =>
  async (q) => {
    const s = await unlessHidden(servicesOf(records, systemActor, q.rootUnitId, q.asOf));
    return s ? { from: s.from, to: s.to, totals: s.totals, months: s.months } : null;
  };

/** One tile per key result the reader may see, from the one OKR read. */
export const kpiTiles =
  (objectives: ObjectivesService): KpiTilesSource =>
  async (actor, q) => {
    const okrs = await objectives.okrs(actor, q.programmeId, { asOf: q.asOf, periods: 8 });
    return okrs.objectives
      .filter((o) => !q.groupId || o.group?.id === q.groupId)
      .flatMap((o) =>
        o.keyResults
          .filter((k) => k.visible)
          .map((k): KpiTile => ({
            objectiveId: o.id,
            objective: o.title,
            groupId: o.group?.id ?? null,
            keyResultId: k.id,
            indicatorCode: k.indicator.code,
            name: k.indicator.name,
            measure: k.indicator.measure,
            direction: k.indicator.direction,
            baseline: k.baseline,
            target: k.target,
            deadline: k.deadline,
            value: k.current.value,
            period: k.current.period,
            attainment: k.attainment === null ? null : Math.round(k.attainment * 10_000) / 100,
            status: k.status,
            series: k.series,
          })),
      );
  };

/** The published indicators' current figures for the programme, read as the system. */
export const publicIndicators =
  (objectives: ObjectivesService): PublicIndicatorsSource =>
  async (q) => {
    const okrs = await objectives.okrs({ ...systemActor, locale: q.locale }, q.programmeId, {
      asOf: q.asOf,
      periods: 1,
    });
    const seen = new Set<string>();
    return okrs.objectives.flatMap((o) =>
      o.keyResults.flatMap((k): PublicIndicator[] => {
        if (!q.codes.includes(k.indicator.code) || seen.has(k.indicator.code)) return [];
        seen.add(k.indicator.code);
        return [
          {
            code: k.indicator.code,
            name: k.indicator.name,
            measure: k.indicator.measure,
            period: k.current.period,
            value: k.current.value,
            baseline: k.baseline,
            target: k.target,
          },
        ];
      }),
    );
  };

/** The registers' tiles: each from its own module's summary, as the reader may see it. */
export const cockpitRegisters =
  (deps: {
    money: MoneyService;
    obstacles: ObstaclesService;
    recommendations: RecommendationsService;
    pilots: PilotsService;
    criteria: CriteriaService;
    catalogue: CatalogueService;
  }): RegistersSource =>
  async (actor, q) => {
    // Drilled down to a unit or a group, only money follows the scope; the other registers are
    // programme-wide and would mislead there.
    const wide = !q.unitPath && !q.groupId;
    const [money, obstacles, recommendations, pilots, criteria, catalogue] = await Promise.all([
      unlessHidden(
        deps.money.totalsFor(actor, { programmeId: q.programmeId, asOf: q.asOf, unitPath: q.unitPath }),
      ),
      wide ? unlessHidden(deps.obstacles.summary(actor, { programmeId: q.programmeId, asOf: q.asOf })) : null,
      wide
        ? unlessHidden(deps.recommendations.summary(actor, { programmeId: q.programmeId, asOf: q.asOf }))
        : null,
      wide ? unlessHidden(deps.pilots.overview(actor, { programmeId: q.programmeId, asOf: q.asOf })) : null,
      // Criteria follow the scope (the matrix filters by parent unit); the catalogue is programme-wide.
      unlessHidden(deps.criteria.glance(actor, q.programmeId, { asOf: q.asOf, parentPath: q.unitPath })),
      wide ? unlessHidden(deps.catalogue.summary(actor, { programmeId: q.programmeId, asOf: q.asOf })) : null,
    ]);
    return {
      money,
      obstacles: obstacles && {
        total: obstacles.total,
        byStatus: obstacles.byStatus,
        byCategory: obstacles.byCategory,
        overdueCount: obstacles.overdue.length,
        overdue: obstacles.overdue
          .slice(0, 5)
          .map((o) => ({ id: o.id, title: o.title, owner: o.owner, daysOverdue: o.daysOverdue })),
      },
      recommendations: recommendations && {
        total: recommendations.total,
        byState: recommendations.byState,
        agencies: recommendations.byAgency
          .filter((a) => a.late > 0)
          .sort((a, b) => b.late - a.late || a.agency.code.localeCompare(b.agency.code))
          .slice(0, 5)
          .map((a) => ({ agency: a.agency, total: a.total, overdue: a.overdue, late: a.late })),
      },
      pilots: pilots && {
        total: pilots.summary.total,
        byState: pilots.summary.byState,
        accelerate: pilots.accelerate.length,
      },
      criteria: (criteria ?? []).filter((c) => c.period !== null),
      catalogue: catalogue && {
        total: catalogue.total,
        published: catalogue.published,
        notPublished: catalogue.notPublished.length,
        deadline: catalogue.deadline && {
          deadline: catalogue.deadline.deadline,
          overdue: catalogue.deadline.overdue,
          completedOn: catalogue.deadline.completedOn,
        },
      },
    };
  };
