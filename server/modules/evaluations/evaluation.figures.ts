import type { CriterionFigure } from '../../../shared/evaluation.js';
import type { Actor } from '../auth/actor.js';
import type { MoneyService } from '../money/money.service.js';
import type { ObstaclesService } from '../obstacles/obstacles.service.js';
import type { RecommendationsService } from '../recommendations/recommendations.service.js';

/** The registers and the money the year-end evaluation reads, through their own services. */
export type RecordSources = {
  money?: MoneyService;
  obstacles?: ObstaclesService;
  recommendations?: RecommendationsService;
};
type Ask = { programmeId: number; year: number; yearStart: string; asOf: string };
type Add = (unitId: number, f: CriterionFigure) => void;

/**
 * Disbursement rate of the year's capital plans per unit as of the day: disbursed ÷ allocated
 * (integer đồng; a unit with nothing allocated is not judged on it).
 */
export async function disbursementFigures(s: RecordSources, actor: Actor, q: Ask, add: Add) {
  if (!s.money) return;
  const r = await s.money.rates(actor, {
    programmeId: q.programmeId,
    year: q.year,
    asOf: q.asOf,
    by: 'unit',
  });
  for (const row of r.rows) {
    const allocated = Number(row.allocated);
    if (allocated <= 0) continue;
    add(Number(row.key), {
      code: 'disbursement_rate',
      numerator: Number(row.disbursed),
      denominator: allocated,
      evidence: [{ ref: `${row.disbursed}/${row.allocated} đồng (${row.rate ?? '—'}%)`, ok: true }],
    });
  }
}

/**
 * Obstacles handled in time per owner unit: of those whose due day fell in the year by the day
 * (resolved, or still open past it), how many were resolved on or before their due day.
 */
export async function obstacleFigures(s: RecordSources, actor: Actor, q: Ask, add: Add) {
  if (!s.obstacles) return;
  const list = await s.obstacles.list(actor, { programmeId: q.programmeId, asOf: q.asOf });
  const per = new Map<number, CriterionFigure>();
  // Evidence in the order of the due days.
  list.sort((a, b) =>
    (a.dueOn ?? '') < (b.dueOn ?? '') ? -1 : (a.dueOn ?? '') > (b.dueOn ?? '') ? 1 : a.id - b.id,
  );
  for (const o of list) {
    if (!o.dueOn || o.dueOn < q.yearStart || o.dueOn > q.asOf) continue;
    const resolved = o.status === 'resolved';
    if (!resolved && o.dueOn >= q.asOf) continue; // due today and still open: not late yet
    const ok = resolved && o.resolvedOn !== null && o.resolvedOn <= o.dueOn;
    const f = per.get(o.owner.id) ?? {
      code: 'obstacles_in_time',
      numerator: 0,
      denominator: 0,
      evidence: [],
    };
    f.denominator++;
    if (ok) f.numerator++;
    f.evidence!.push({ ref: `#${o.id} ${o.title} (${o.dueOn})`, ok });
    per.set(o.owner.id, f);
  }
  for (const [unitId, f] of per) add(unitId, f);
}

/**
 * Recommendations answered in time per handling agency: of those whose answer fell due in the year
 * by the day (answered, or unanswered past it), how many were answered by the due day.
 */
export async function recommendationFigures(s: RecordSources, actor: Actor, q: Ask, add: Add) {
  if (!s.recommendations) return;
  const list = await s.recommendations.list(actor, { programmeId: q.programmeId, asOf: q.asOf });
  const per = new Map<number, CriterionFigure>();
  list.sort((a, b) => (a.answerDueOn < b.answerDueOn ? -1 : a.answerDueOn > b.answerDueOn ? 1 : a.id - b.id));
  for (const r of list) {
    if (r.answerDueOn < q.yearStart || r.answerDueOn > q.asOf || r.state === 'pending') continue;
    const ok = r.state === 'answered_on_time';
    const f = per.get(r.to.id) ?? {
      code: 'recommendations_in_time',
      numerator: 0,
      denominator: 0,
      evidence: [],
    };
    f.denominator++;
    if (ok) f.numerator++;
    f.evidence!.push({ ref: `#${r.id} ${r.from.code} → ${r.to.code} (${r.answerDueOn})`, ok });
    per.set(r.to.id, f);
  }
  for (const [unitId, f] of per) add(unitId, f);
}
