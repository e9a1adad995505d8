import type { Db } from '../../db/client.js';
import { AppError } from '../../lib/app-error.js';
import { pickName } from '../../lib/localize.js';
import { belowThreshold, ratePercent, thresholdOn } from '../../../shared/money.js';
import type { UnitRegisters } from '../../../shared/schemas/unit-registers.js';
import type { Actor } from '../auth/actor.js';
import { hasProgrammeRole, isAdmin, unitScopePaths } from '../auth/policy.js';
import type { MoneyService } from '../money/money.service.js';
import type { ProgrammesService } from '../programmes/programmes.service.js';
import { createUnitRegistersRepo } from './unit-registers.repo.js';

type Names = { name_vi: string; name_en: string | null; name_ar: string | null };

/**
 * The registers on a unit's page. Programme-wide roles open any unit of the programme; a unit's
 * people their own unit and those below it (everything counted then lies in their own scope).
 */
export function createUnitRegistersService(deps: {
  db: Db;
  programmes: ProgrammesService;
  money: MoneyService;
}) {
  const repo = createUnitRegistersRepo(deps.db);
  return {
    async summary(
      actor: Actor,
      unitId: number,
      q: { programmeId: number; asOf?: string },
    ): Promise<UnitRegisters> {
      const p = await deps.programmes.access(actor, q.programmeId);
      const unit = await repo.unit(unitId);
      if (!unit || (p.rootUnitPath && !unit.path.startsWith(p.rootUnitPath))) throw new AppError('not_found');
      const wide = isAdmin(actor) || hasProgrammeRole(actor, p.id);
      if (!wide && !unitScopePaths(actor, p.id).some((s) => unit.path.startsWith(s)))
        throw new AppError('not_found');
      const asOf = q.asOf && q.asOf < p.today ? q.asOf : p.today;
      const year = Number(asOf.slice(0, 4));
      const [row, curve] = await Promise.all([
        repo.summary({ programmeId: p.id, path: unit.path, asOf, year }),
        deps.money.repo.thresholds(p.id),
      ]);
      const name = (u: Names) => pickName(actor.locale, u.name_vi, u.name_en, u.name_ar);
      const a = BigInt(row.money.allocated);
      const d = BigInt(row.money.disbursed);
      const threshold = thresholdOn(curve, asOf);
      const obs = row.obstacle_status ?? {};
      return {
        unit: { id: unit.id, code: unit.code, name: name(unit) },
        asOf,
        money: {
          year,
          plans: row.money.plans,
          allocated: row.money.allocated,
          disbursed: row.money.disbursed,
          rate: ratePercent(d, a),
          threshold: threshold
            ? { byDay: threshold.byDay, minRatePct: (threshold.minRateBp / 100).toFixed(2) }
            : null,
          belowThreshold: threshold ? belowThreshold(d, a, threshold.minRateBp) : false,
          top: row.plans.map((x) => ({
            ...x,
            rate: ratePercent(BigInt(x.disbursed), BigInt(x.allocated)),
          })),
        },
        obstacles: {
          byStatus: obs,
          open: (obs.open ?? 0) + (obs.in_progress ?? 0) + (obs.escalated ?? 0),
          overdue: row.obstacle_overdue,
          list: row.obstacles.map((o) => ({
            id: o.id,
            title: o.title,
            category: o.category as UnitRegisters['obstacles']['list'][number]['category'],
            status: o.status as UnitRegisters['obstacles']['list'][number]['status'],
            dueOn: o.due_on,
            overdue: o.due_on !== null && o.due_on < asOf,
            owner: {
              id: o.owner_id as number,
              code: o.owner_code as string,
              name: name(o as unknown as Names),
            },
          })),
        },
        recommendations: {
          sent: row.sent ?? {},
          toAnswer: row.to_answer ?? {},
          list: row.recommendations.map((r) => ({
            id: r.id as number,
            direction: r.sent ? ('sent' as const) : ('toAnswer' as const),
            content: r.content as string,
            other: {
              id: r.other_id as number,
              code: r.other_code as string,
              name: name(r as unknown as Names),
            },
            answerDueOn: r.due as string,
            state: r.state as UnitRegisters['recommendations']['list'][number]['state'],
          })),
        },
        pilots: {
          total: Object.values(row.pilots ?? {}).reduce((s, n) => s + n, 0),
          byState: row.pilots ?? {},
        },
      };
    },
  };
}
export type UnitRegistersService = ReturnType<typeof createUnitRegistersService>;
