import type { Db } from '../../db/client.js';
import { AppError } from '../../lib/app-error.js';
import type { Clock } from '../../lib/clock.js';
import { pickName } from '../../lib/localize.js';
import { addDays } from '../../../shared/dates.js';
import {
  belowThreshold,
  firstOverdrawn,
  forecastByPace,
  forecastBySeason,
  formatMoney,
  ratePercent,
  sameDayLastYear,
  thresholdOn,
  type FundingSource,
  type ThresholdPoint,
} from '../../../shared/money.js';
import type {
  CapitalPlan,
  MoneyTotals,
  PaymentInput,
  PlanInput,
  WeeklyTable,
} from '../../../shared/schemas/money.js';
import type { Actor } from '../auth/actor.js';
import { auditLog } from '../audit/audit.service.js';
import type { ProgrammeAccess, ProgrammesService } from '../programmes/programmes.service.js';
import { canManageMoney, moneyReadScope } from './money.policy.js';
import {
  createMoneyRepo,
  moneyTransaction,
  type MoneyRepo,
  type MoneyScope,
  type PlanRow,
} from './money.repo.js';

type Names = { name_vi: string; name_en: string | null; name_ar: string | null };
const pct = (bp: number) => (bp / 100).toFixed(2);
const thresholdView = (t: ThresholdPoint | null) =>
  t ? { byDay: t.byDay, minRatePct: pct(t.minRateBp) } : null;

/** Percentage points between two rates, four decimals, exact ("3.2500"). */
function rateChange(now: string | null, prev: string | null): string | null {
  if (now === null || prev === null) return null;
  const micro = (s: string) => BigInt(s.replace('.', ''));
  const d = micro(now) - micro(prev);
  const neg = d < 0n;
  const a = neg ? -d : d;
  return `${neg ? '-' : ''}${a / 10_000n}.${(a % 10_000n).toString().padStart(4, '0')}`;
}

/**
 * Capital plans (per task or project, unit, funding source and year; revisions kept), payments
 * against them, and the rates, the weekly table and the year-end forecast drawn from them — all as
 * of a date: payments after it are not counted, the revision in force on it is the amount.
 */
export function createMoneyService(deps: { db: Db; clock: Clock; programmes: ProgrammesService }) {
  const { db, clock, programmes } = deps;
  const repo = createMoneyRepo(db);
  const audit = (d: Db) => auditLog(d, clock);

  async function open(actor: Actor, programmeId: number, asOf?: string) {
    const p = await programmes.access(actor, programmeId);
    const day = asOf ?? p.today;
    return { p, asOf: day > p.today ? p.today : day, scope: moneyReadScope(actor, p.id) };
  }
  const name = (actor: Actor, r: Names) => pickName(actor.locale, r.name_vi, r.name_en, r.name_ar);
  const visible = (scope: MoneyScope, unitPath: string) =>
    scope === null || scope.some((s) => unitPath.startsWith(s));

  const presentPlan = (actor: Actor, r: PlanRow, asOf: string): CapitalPlan => ({
    id: r.id,
    programmeId: r.programme_id,
    code: r.code,
    unit: { id: r.unit_id, code: r.unit_code, name: name(actor, r) },
    task: r.task_id ? { id: r.task_id, code: r.task_code!, title: r.task_title! } : null,
    project: r.project,
    source: r.source as FundingSource,
    year: r.year,
    asOf,
    allocated: r.allocated,
    disbursed: r.disbursed,
    rate: ratePercent(BigInt(r.disbursed), BigInt(r.allocated)),
    can: { edit: canManageMoney(actor, r.programme_id) },
  });

  async function planFor(actor: Actor, id: number, asOf?: string) {
    const base = await repo.plan(id, asOf ?? '9999-12-31');
    if (!base) throw new AppError('not_found');
    const o = await open(actor, base.programme_id, asOf).catch(() => {
      throw new AppError('not_found');
    });
    if (!visible(o.scope, base.unit_path)) throw new AppError('not_found');
    return { ...o, row: (await repo.plan(id, o.asOf))! };
  }

  async function detail(actor: Actor, id: number, asOf?: string) {
    const { row, asOf: day } = await planFor(actor, id, asOf);
    const [revisions, payments] = await Promise.all([repo.revisions(id), repo.payments(id)]);
    return {
      ...presentPlan(actor, row, day),
      revisions: revisions.map((r) => ({
        id: r.id,
        amount: String(r.amount),
        effectiveFrom: r.effectiveFrom,
        reason: r.reason,
        createdAt: r.createdAt.toISOString(),
      })),
      payments: payments.map((d) => ({
        id: d.id,
        planId: d.planId,
        paidOn: d.paidOn,
        amount: String(d.amount),
        reference: d.reference,
        via: d.via,
      })),
    };
  }

  /** Refuses what would overdraw the plan; to run inside the transaction holding the plan's lock. */
  async function checkPlan(
    actor: Actor,
    r: MoneyRepo,
    planId: number,
    add: {
      payments?: { paidOn: string; amount: bigint }[];
      revision?: { effectiveFrom: string; amount: bigint };
    },
  ) {
    await r.lockPlan(planId);
    const f = (await r.planFacts(planId))!;
    const revisions = [
      ...f.revisions.map((x) => ({ effectiveFrom: x.effectiveFrom, amount: BigInt(x.amount) })),
    ];
    if (add.revision) revisions.push(add.revision);
    const payments = [
      ...f.payments.map((x) => ({ paidOn: x.paidOn, amount: BigInt(x.amount) })),
      ...(add.payments ?? []),
    ];
    const bad = firstOverdrawn(revisions, payments);
    if (!bad) return;
    const params = {
      date: bad.date,
      paid: formatMoney(bad.paid, 'vi'),
      allowed: formatMoney(bad.allowed, 'vi'),
    };
    if (add.revision) throw new AppError('plan_below_disbursed', params, 'amount');
    throw new AppError('payment_above_plan', params, 'amount');
  }

  function checkPaymentDate(p: ProgrammeAccess, year: number, paidOn: string) {
    if (paidOn > p.today) throw new AppError('payment_in_future', { date: paidOn, today: p.today }, 'paidOn');
    if (Number(paidOn.slice(0, 4)) !== year)
      throw new AppError('payment_outside_year', { date: paidOn, year }, 'paidOn');
  }

  async function totals(
    programmeId: number,
    year: number,
    asOf: string,
    scope: MoneyScope,
  ): Promise<MoneyTotals> {
    const [t, curve] = await Promise.all([
      repo.totals({ programmeId, year, asOf, scope }),
      repo.thresholds(programmeId),
    ]);
    return {
      year,
      asOf,
      allocated: t!.allocated,
      disbursed: t!.disbursed,
      rate: ratePercent(BigInt(t!.disbursed), BigInt(t!.allocated)),
      threshold: thresholdView(thresholdOn(curve, asOf)),
    };
  }

  /** The year-end backlog forecast by both methods, each with its inputs shown. */
  async function forecast(
    programmeId: number,
    year: number,
    asOf: string,
    scope: MoneyScope,
    now: MoneyTotals,
  ) {
    // Within the plan's own year; a past year is forecast at its 31 December (it is what happened).
    const at = asOf.slice(0, 4) === String(year) ? asOf : `${year}-12-31`;
    const lastDay = sameDayLastYear(at);
    const [lyToDate, lyTotal] = await Promise.all([
      repo.totals({ programmeId, year: year - 1, asOf: lastDay, scope }),
      repo.totals({ programmeId, year: year - 1, asOf: `${year - 1}-12-31`, scope }),
    ]);
    const disbursed = BigInt(now.disbursed);
    const allocated = BigInt(now.allocated);
    return [
      forecastByPace({ asOf: at, disbursed, allocated }),
      forecastBySeason({
        disbursed,
        allocated,
        lastYearToDate: BigInt(lyToDate!.disbursed),
        lastYearTotal: BigInt(lyTotal!.disbursed),
      }),
    ];
  }

  const yearOf = (asOf: string, year?: number) => year ?? Number(asOf.slice(0, 4));

  return {
    async list(actor: Actor, q: { programmeId: number; year?: number; unitId?: number; asOf?: string }) {
      const { p, asOf, scope } = await open(actor, q.programmeId, q.asOf);
      const rows = await repo.plans({ programmeId: p.id, year: q.year, unitId: q.unitId, asOf, scope });
      return rows.map((r) => presentPlan(actor, r, asOf));
    },

    get: (actor: Actor, id: number, asOf?: string) => detail(actor, id, asOf),

    async create(actor: Actor, input: PlanInput) {
      const p = await programmes.access(actor, input.programmeId);
      if (!canManageMoney(actor, p.id)) throw new AppError('forbidden');
      const unit = await repo.unitRef(input.unitId);
      if (!unit || (p.rootUnitPath && !unit.path.startsWith(p.rootUnitPath)))
        throw new AppError('unit_not_found', { id: input.unitId }, 'unitId');
      if (input.taskId !== null) {
        const t = await repo.taskRef(input.taskId);
        if (!t || t.programme_id !== p.id) throw new AppError('plan_task_other_programme', {}, 'taskId');
      } else if (!input.project) throw new AppError('plan_needs_task_or_project', {}, 'project');
      const id = await moneyTransaction(db, async (r, tx) => {
        const plan = await r.insertPlan({
          programmeId: p.id,
          code: input.code,
          unitId: input.unitId,
          taskId: input.taskId,
          project: input.project,
          source: input.source,
          year: input.year,
          createdBy: actor.userId,
        });
        if (!plan) throw new AppError('duplicate_code', { code: input.code }, 'code');
        await r.insertRevision({
          planId: plan.id,
          amount: input.amount,
          effectiveFrom: input.effectiveFrom ?? `${input.year}-01-01`,
          reason: null,
          createdBy: actor.userId,
        });
        await audit(tx).record({
          actorId: actor.userId,
          action: 'capital_plan.created',
          entity: 'capital_plan',
          entityId: String(plan.id),
          after: { code: input.code, amount: String(input.amount), year: input.year, source: input.source },
        });
        return plan.id;
      });
      return detail(actor, id);
    },

    /** A new amount from a date on; the old ones stay, so any past day still shows what was in force. */
    async revise(actor: Actor, id: number, input: { amount: bigint; effectiveFrom: string; reason: string }) {
      const { row } = await planFor(actor, id);
      if (!canManageMoney(actor, row.programme_id)) throw new AppError('forbidden');
      if (Number(input.effectiveFrom.slice(0, 4)) !== row.year)
        throw new AppError(
          'payment_outside_year',
          { date: input.effectiveFrom, year: row.year },
          'effectiveFrom',
        );
      await moneyTransaction(db, async (r, tx) => {
        await checkPlan(actor, r, id, {
          revision: { effectiveFrom: input.effectiveFrom, amount: input.amount },
        });
        await r.insertRevision({ planId: id, ...input, createdBy: actor.userId });
        await audit(tx).record({
          actorId: actor.userId,
          action: 'capital_plan.revised',
          entity: 'capital_plan',
          entityId: String(id),
          after: { amount: String(input.amount), effectiveFrom: input.effectiveFrom, reason: input.reason },
        });
      });
      return detail(actor, id);
    },

    /** One payment, entered by hand or sent by the Treasury's system (`via: 'api'`). */
    async pay(actor: Actor, input: PaymentInput, via: 'manual' | 'api' = 'manual') {
      const { row, p } = await planFor(actor, input.planId);
      if (!canManageMoney(actor, row.programme_id)) throw new AppError('forbidden');
      checkPaymentDate(p, row.year, input.paidOn);
      const id = await moneyTransaction(db, async (r, tx) => {
        await checkPlan(actor, r, input.planId, {
          payments: [{ paidOn: input.paidOn, amount: input.amount }],
        });
        const [ins] = await r.insertPayments([{ ...input, via, createdBy: actor.userId }]);
        if (!ins) throw new AppError('duplicate_payment', { reference: input.reference ?? '' }, 'reference');
        await audit(tx).record({
          actorId: actor.userId,
          action: 'disbursement.recorded',
          entity: 'capital_plan',
          entityId: String(input.planId),
          after: { paidOn: input.paidOn, amount: String(input.amount), reference: input.reference, via },
        });
        return ins.id;
      });
      return {
        id,
        planId: input.planId,
        paidOn: input.paidOn,
        amount: String(input.amount),
        reference: input.reference,
        via,
      };
    },

    /** Disbursement rate by unit, task, group or source, the totals, and the year-end forecast. */
    async rates(
      actor: Actor,
      q: { programmeId: number; year?: number; asOf?: string; by: 'unit' | 'task' | 'group' | 'source' },
    ) {
      const { p, asOf, scope } = await open(actor, q.programmeId, q.asOf);
      const year = yearOf(asOf, q.year);
      const [t, rows] = await Promise.all([
        totals(p.id, year, asOf, scope),
        repo.aggregate({ programmeId: p.id, year, asOf, by: q.by, scope }),
      ]);
      return {
        totals: t,
        can: { manage: canManageMoney(actor, p.id) },
        forecast: await forecast(p.id, year, asOf, scope, t),
        rows: rows.map((r) => ({
          key: r.key,
          name: name(actor, r),
          allocated: r.allocated,
          disbursed: r.disbursed,
          rate: ratePercent(BigInt(r.disbursed), BigInt(r.allocated)),
        })),
      };
    },

    /** The weekly table as the Ministry of Finance publishes it: rate per unit, ranked, change in a week. */
    async weekly(
      actor: Actor,
      q: { programmeId: number; year?: number; asOf?: string; source?: FundingSource },
    ): Promise<WeeklyTable> {
      const { p, asOf, scope } = await open(actor, q.programmeId, q.asOf);
      const year = yearOf(asOf, q.year);
      const prevAsOf = addDays(asOf, -7);
      const [rows, curve] = await Promise.all([
        repo.weekly({ programmeId: p.id, year, asOf, prevAsOf, source: q.source, scope }),
        repo.thresholds(p.id),
      ]);
      const threshold = asOf.slice(0, 4) === String(year) ? thresholdOn(curve, asOf) : null;
      const sum = (k: 'allocated' | 'disbursed' | 'allocated_prev' | 'disbursed_prev') =>
        rows.reduce((s, r) => s + BigInt(r[k]), 0n);
      const ranked = rows
        .map((r) => ({ r, a: BigInt(r.allocated), d: BigInt(r.disbursed) }))
        // Highest rate first, exactly (cross-multiplied); ties by code.
        .sort((x, y) => {
          const lhs = y.d * (x.a || 1n);
          const rhs = x.d * (y.a || 1n);
          const c =
            x.a === 0n || y.a === 0n
              ? Number(y.a !== 0n) - Number(x.a !== 0n)
              : lhs > rhs
                ? 1
                : lhs < rhs
                  ? -1
                  : 0;
          return c || (x.r.code < y.r.code ? -1 : 1);
        });
      return {
        year,
        asOf,
        previousAsOf: prevAsOf,
        threshold: thresholdView(threshold),
        totals: {
          allocated: String(sum('allocated')),
          disbursed: String(sum('disbursed')),
          rate: ratePercent(sum('disbursed'), sum('allocated')),
          previousRate: ratePercent(sum('disbursed_prev'), sum('allocated_prev')),
        },
        rows: ranked.map(({ r, a, d }, i) => {
          const rate = ratePercent(d, a);
          const previousRate = ratePercent(BigInt(r.disbursed_prev), BigInt(r.allocated_prev));
          return {
            rank: i + 1,
            unit: { id: r.unit_id, code: r.code, name: name(actor, r) },
            allocated: r.allocated,
            disbursed: r.disbursed,
            rate,
            previousRate,
            change: rateChange(rate, previousRate),
            belowThreshold: threshold ? belowThreshold(d, a, threshold.minRateBp) : false,
          };
        }),
      };
    },

    async thresholds(actor: Actor, programmeId: number) {
      await programmes.access(actor, programmeId);
      return {
        points: (await repo.thresholds(programmeId)).map((t) => ({
          byDay: t.byDay,
          minRatePct: pct(t.minRateBp),
        })),
      };
    },

    async setThresholds(actor: Actor, programmeId: number, points: { byDay: string; minRatePct: number }[]) {
      const p = await programmes.access(actor, programmeId);
      if (!canManageMoney(actor, p.id)) throw new AppError('forbidden');
      const days = new Set(points.map((x) => x.byDay));
      if (days.size !== points.length) throw new AppError('validation_failed', {}, 'points');
      await moneyTransaction(db, async (r, tx) => {
        await r.setThresholds(
          p.id,
          points.map((x) => ({ byDay: x.byDay, minRateBp: Math.round(x.minRatePct * 100) })),
        );
        await audit(tx).record({
          actorId: actor.userId,
          action: 'programme.disbursement_thresholds',
          entity: 'programme',
          entityId: String(p.id),
          after: { points },
        });
      });
      return this.thresholds(actor, programmeId);
    },

    /**
     * For the cockpit: allocated, disbursed and rate of the programme, or of a unit's subtree,
     * as of a date, limited to what the actor may read.
     */
    async totalsFor(actor: Actor, q: { programmeId: number; asOf?: string; unitPath?: string | null }) {
      const { p, asOf, scope } = await open(actor, q.programmeId, q.asOf);
      const sub: MoneyScope = q.unitPath
        ? scope === null
          ? [q.unitPath]
          : scope
              .filter((s) => s.startsWith(q.unitPath!))
              .concat(q.unitPath && scope.some((s) => q.unitPath!.startsWith(s)) ? [q.unitPath] : [])
        : scope;
      return totals(p.id, yearOf(asOf), asOf, sub);
    },

    repo,
    checkPaymentDate,
    checkPlan,
    open,
  };
}
export type MoneyService = ReturnType<typeof createMoneyService>;
