import type { Db } from '../../db/client.js';
import type { WarningReason } from '../../db/schema/index.js';
import { AppError } from '../../lib/app-error.js';
import type { Clock } from '../../lib/clock.js';
import { accountName, pickName } from '../../lib/localize.js';
import { dateInZone } from '../../../shared/dates.js';
import { dueMoment, periodFromKey, previousPeriod } from '../../../shared/periods.js';
import type { WarningList } from '../../../shared/schemas/warnings.js';
import { compareSeverity, severityOf } from '../../../shared/warning-severity.js';
import type { Actor } from '../auth/actor.js';
import { canReadWarningDrafts, canReviewWarnings } from '../auth/policy.js';
import { auditLog } from '../audit/audit.service.js';
import type { ProgrammeAccess, ProgrammesService } from '../programmes/programmes.service.js';
import { createRecommendationsRepo } from '../recommendations/recommendations.repo.js';
import { createDisciplineRepo } from '../reports/discipline.repo.js';
import { judge } from '../reports/discipline.service.js';
import { instant } from '../reports/reports.repo.js';
import { unitsBelowThreshold, type BelowThreshold } from '../money/money.warnings.js';
import {
  createWarningsRepo,
  warningsTransaction,
  type ListRow,
  type NewListUnit,
  type OverdueRow,
  type WarningsRepo,
} from './warnings.repo.js';

type OverdueRecommendation = Awaited<
  ReturnType<ReturnType<typeof createRecommendationsRepo>['overdue']>
>[number];

const HOUR = 3_600_000;
/** Items shown per reason (the count is always the full one). */
const ITEMS_SHOWN = 10;

/** When a period's warning list is drawn: the report due moment plus the programme's grace. */
export async function drawMoment(db: Db, p: ProgrammeAccess, periodKey: string) {
  const period = periodFromKey(periodKey);
  if (period.cadence !== p.dueRule.cadence) throw new AppError('validation_failed', {}, 'period');
  const daysOff = await createDisciplineRepo(db).daysOff(period.start, period.end);
  const dueAt = dueMoment(period, p.dueRule, daysOff);
  return { period, dueAt, drawAt: new Date(dueAt.getTime() + p.warningGraceHours * HOUR) };
}

/**
 * The rules of domain.md, as pure code over the facts: a unit is listed for overdue tasks it
 * leads, and for a report that came after the due moment or had not come when the list was drawn.
 * A new reason is one more source of facts here; the list, review and publication do not change.
 */
export function listUnits(
  facts: {
    overdue: OverdueRow[];
    reports: { unitId: number; expected: boolean; firstSubmittedAt: Date | null }[];
    previousStreaks: Map<number, number>;
    /** Units whose disbursement rate is below the programme's threshold in force (none without a curve). */
    disbursement?: BelowThreshold[];
    /** Recommendations the unit had to answer, unanswered past their due day. */
    recommendationsOverdue?: OverdueRecommendation[];
  },
  dueAt: Date,
  drawAt: Date,
): NewListUnit[] {
  const reasons = new Map<number, WarningReason[]>();
  const add = (unitId: number, r: WarningReason) => {
    const list = reasons.get(unitId) ?? [];
    list.push(r);
    reasons.set(unitId, list);
  };
  const overdueBy = new Map<number, OverdueRow[]>();
  for (const o of facts.overdue) overdueBy.set(o.unit_id, [...(overdueBy.get(o.unit_id) ?? []), o]);
  for (const [unitId, items] of overdueBy)
    add(unitId, {
      code: 'overdue_tasks',
      count: items.length,
      items: items.map((o) => ({
        taskId: o.task_id,
        code: o.code,
        title: o.title,
        deadline: o.deadline,
        daysOverdue: o.days_overdue,
      })),
    });
  for (const r of facts.reports) {
    // A report sent after the list was drawn does not change it: it was missing then.
    const sent = r.firstSubmittedAt && r.firstSubmittedAt <= drawAt ? r.firstSubmittedAt : null;
    const cell = judge(r.expected, sent, dueAt, drawAt);
    if (cell === 'missing') add(r.unitId, { code: 'report_missing', count: 1, items: [] });
    if (cell === 'late')
      add(r.unitId, { code: 'report_late', count: 1, items: [{ submittedAt: sent!.toISOString() }] });
  }
  for (const d of facts.disbursement ?? [])
    add(d.unitId, {
      code: 'disbursement_below_threshold',
      count: 1,
      items: [
        {
          year: d.year,
          allocated: d.allocated,
          disbursed: d.disbursed,
          rate: d.rate,
          minRatePct: d.minRatePct,
          byDay: d.byDay,
        },
      ],
    });
  const answersBy = new Map<number, OverdueRecommendation[]>();
  for (const o of facts.recommendationsOverdue ?? [])
    answersBy.set(o.to_unit_id, [...(answersBy.get(o.to_unit_id) ?? []), o]);
  for (const [unitId, items] of answersBy)
    add(unitId, {
      code: 'recommendations_overdue',
      count: items.length,
      items: items.map((o) => ({
        recommendationId: o.id,
        fromCode: o.from_code,
        content: o.content.length > 200 ? `${o.content.slice(0, 199)}…` : o.content,
        dueOn: o.answer_due_on,
        daysOverdue: o.days_overdue,
      })),
    });
  return [...reasons.entries()]
    .map(([unitId, rs]) => ({
      unitId,
      reasons: rs,
      streak: (facts.previousStreaks.get(unitId) ?? 0) + 1,
    }))
    .sort((a, b) => a.unitId - b.unitId);
}

export type WarningEvents = {
  /** After a list is published (notifications hang here). */
  published?: (list: {
    listId: number;
    programmeId: number;
    period: string;
    unitIds: number[];
  }) => Promise<unknown>;
};

export function createWarningsService(deps: {
  db: Db;
  clock: Clock;
  programmes: ProgrammesService;
  events?: WarningEvents;
}) {
  const { db, clock, programmes } = deps;
  const repo = createWarningsRepo(db);
  const audit = (d: Db) => auditLog(d, clock);

  /** Draws (or redraws, while a draft) a period's list in one transaction; 0 when already published. */
  async function draw(p: ProgrammeAccess, periodKey: string, actorId: number | null) {
    const { period, dueAt, drawAt } = await drawMoment(db, p, periodKey);
    const now = clock.now();
    if (now < drawAt)
      throw new AppError('period_not_due', {
        period: period.key,
        dueAt: `${drawAt.toLocaleString('sv-SE', { timeZone: p.timeZone }).slice(0, 16)} (${p.timeZone})`,
      });
    const asOf = dateInZone(drawAt, p.timeZone);
    const disciplineRepo = createDisciplineRepo(db);
    // The facts, read side by side (on PostgreSQL, on separate connections); then one write.
    const [cells, overdue, previousStreaks, disbursement, recommendationsOverdue] = await Promise.all([
      disciplineRepo.rows(p.id, [period], null),
      repo.overdue(p.id, asOf),
      repo.listedIn(p.id, previousPeriod(period).key),
      unitsBelowThreshold(db, p.id, asOf),
      createRecommendationsRepo(db).overdue(p.id, asOf),
    ]);
    return warningsTransaction(db, async (r, tx) => {
      const listed = listUnits(
        {
          overdue,
          reports: cells.map((c) => ({
            unitId: c.unit_id,
            expected: c.expected,
            firstSubmittedAt: instant(c.first_submitted_at),
          })),
          previousStreaks,
          disbursement,
          recommendationsOverdue,
        },
        dueAt,
        drawAt,
      );
      const id = await r.upsert(p.id, period.key, { dueAt, computedAt: now, asOf }, listed);
      if (id)
        await audit(tx).record({
          actorId,
          action: 'warning_list.computed',
          entity: 'warning_list',
          entityId: String(id),
          after: { period: period.key, units: listed.length },
        });
      return { id, units: listed.length };
    });
  }

  function readable(actor: Actor, list: ListRow) {
    if (list.status === 'draft' && !canReadWarningDrafts(actor, list.programme_id))
      throw new AppError('not_found');
  }

  async function present(actor: Actor, list: ListRow): Promise<WarningList> {
    // Worst first by this period's facts; removed units after the listed ones (decision 41).
    const units = (await repo.units(list.id)).sort(
      (a, b) => Number(!!a.removed_at) - Number(!!b.removed_at) || compareSeverity(a, b),
    );
    const name = (u: { name_vi: string; name_en: string | null; name_ar: string | null }) =>
      pickName(actor.locale, u.name_vi, u.name_en, u.name_ar);
    const dueAt = instant(list.due_at)!;
    const prev = await repo.previousPublished(list.programme_id, dueAt);
    let compare: WarningList['compare'] = null;
    if (prev) {
      const before = await repo.listedIn(list.programme_id, prev.period);
      const now = units.filter((u) => !u.removed_at && u.reasons.length > 0);
      const nowIds = new Set(now.map((u) => u.unit_id));
      const left = await repo.unitRefs([...before.keys()].filter((id) => !nowIds.has(id)));
      compare = {
        previousPeriod: prev.period,
        joined: now
          .filter((u) => !before.has(u.unit_id))
          .map((u) => ({ id: u.unit_id, code: u.code, name: name(u) })),
        left: left.map((u) => ({ id: u.id, code: u.code, name: name(u) })),
        stayed: now.filter((u) => before.has(u.unit_id)).length,
      };
    }
    const review = canReviewWarnings(actor, list.programme_id) && list.status === 'draft';
    return {
      id: list.id,
      programmeId: list.programme_id,
      period: list.period,
      status: list.status,
      dueAt: dueAt.toISOString(),
      computedAt: instant(list.computed_at)!.toISOString(),
      asOf: list.as_of,
      note: list.note,
      publishedAt: instant(list.published_at)?.toISOString() ?? null,
      publishedBy: accountName(
        actor.locale,
        list.published_by_name,
        list.published_by_unit_vi
          ? { vi: list.published_by_unit_vi, en: list.published_by_unit_en, ar: list.published_by_unit_ar }
          : null,
      ),
      units: units.map((u) => ({
        unit: { id: u.unit_id, code: u.code, name: name(u) },
        // The frozen list keeps every item; the screen gets the first ones of each reason and the count.
        reasons: u.reasons.map((r) =>
          r.items.length > ITEMS_SHOWN ? { ...r, items: r.items.slice(0, ITEMS_SHOWN) } : r,
        ) as WarningReason[],
        streak: u.streak,
        daysOverdue: severityOf(u.reasons).daysOverdue,
        note: u.note,
        removed: u.removed_at
          ? {
              at: instant(u.removed_at)!.toISOString(),
              by: accountName(actor.locale, u.removed_by_name, null),
              reason: u.removed_reason ?? '',
            }
          : null,
      })),
      compare,
      can: { review, publish: review },
    };
  }

  /** Runs a review step on a draft list, locked; refuses a published one. */
  async function review<T>(
    actor: Actor,
    id: number,
    fn: (r: WarningsRepo, list: ListRow, tx: Db) => Promise<T>,
  ) {
    const list = await repo.byId(id);
    if (!list) throw new AppError('not_found');
    await programmes.access(actor, list.programme_id);
    readable(actor, list);
    if (!canReviewWarnings(actor, list.programme_id)) throw new AppError('forbidden');
    await warningsTransaction(db, async (r, tx) => {
      const locked = (await r.lock(id))!;
      if (locked.status === 'published') throw new AppError('warning_list_frozen', { period: locked.period });
      await fn(r, locked, tx);
    });
    return present(actor, (await repo.byId(id))!);
  }

  return {
    drawMoment: (p: ProgrammeAccess, periodKey: string) => drawMoment(db, p, periodKey),

    /** For the scheduler and `steerboard warnings compute`: no actor, the programme's own rules. */
    async computeAsSystem(programmeId: number, periodKey: string) {
      return draw(await programmes.system(programmeId), periodKey, null);
    },

    /** Draws the list and says what came out; the list itself is read with `byPeriod` / `get`. */
    async compute(actor: Actor, input: { programmeId: number; period: string }) {
      const p = await programmes.access(actor, input.programmeId);
      if (!canReviewWarnings(actor, p.id)) throw new AppError('forbidden');
      const { id, units } = await draw(p, input.period, actor.userId);
      if (!id) throw new AppError('warning_list_frozen', { period: input.period });
      return { id, programmeId: p.id, period: input.period, status: 'draft' as const, units };
    },

    async summaries(actor: Actor, programmeId: number) {
      await programmes.access(actor, programmeId);
      const drafts = canReadWarningDrafts(actor, programmeId);
      return (await repo.summaries(programmeId))
        .filter((l) => drafts || l.status === 'published')
        .map((l) => ({
          id: l.id,
          period: l.period,
          status: l.status,
          dueAt: instant(l.due_at)!.toISOString(),
          publishedAt: instant(l.published_at)?.toISOString() ?? null,
          unitCount: l.unit_count,
        }));
    },

    async byPeriod(actor: Actor, programmeId: number, period: string) {
      await programmes.access(actor, programmeId);
      const list = await repo.byPeriod(programmeId, period);
      if (!list) throw new AppError('not_found');
      readable(actor, list);
      return present(actor, list);
    },

    async get(actor: Actor, id: number) {
      const list = await repo.byId(id);
      if (!list) throw new AppError('not_found');
      await programmes.access(actor, list.programme_id);
      readable(actor, list);
      return present(actor, list);
    },

    setNote: (actor: Actor, id: number, note: string | null) => review(actor, id, (r) => r.setNote(id, note)),

    setUnitNote: (actor: Actor, id: number, unitId: number, note: string | null) =>
      review(actor, id, async (r) => {
        if (!(await r.setUnitNote(id, unitId, note))) throw new AppError('not_found');
      }),

    /** Takes a unit off the list: never silently, the reason and who did it stay on record. */
    removeUnit: (actor: Actor, id: number, unitId: number, reason: string) =>
      review(actor, id, async (r, _list, tx) => {
        if (!reason.trim()) throw new AppError('reason_required', {}, 'reason');
        if (!(await r.removeUnit(id, unitId, actor.userId!, reason, clock.now())))
          throw new AppError('not_found');
        await audit(tx).record({
          actorId: actor.userId,
          action: 'warning_list.unit_removed',
          entity: 'warning_list',
          entityId: String(id),
          after: { unitId, reason },
        });
      }),

    restoreUnit: (actor: Actor, id: number, unitId: number) =>
      review(actor, id, async (r) => {
        if (!(await r.restoreUnit(id, unitId))) throw new AppError('not_found');
      }),

    async publish(actor: Actor, id: number) {
      let period = '';
      let programmeId = 0;
      const out = await review(actor, id, async (r, list, tx) => {
        period = list.period;
        programmeId = list.programme_id;
        await r.publish(id, actor.userId!, clock.now());
        await audit(tx).record({
          actorId: actor.userId,
          action: 'warning_list.published',
          entity: 'warning_list',
          entityId: String(id),
          after: { period: list.period },
        });
      });
      await deps.events?.published?.({
        listId: id,
        programmeId,
        period,
        unitIds: out.units.filter((u) => !u.removed && u.reasons.length).map((u) => u.unit.id),
      });
      return out;
    },
  };
}
export type WarningsService = ReturnType<typeof createWarningsService>;
