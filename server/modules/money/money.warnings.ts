import type { Db } from '../../db/client.js';
import { belowThreshold, ratePercent, thresholdOn } from '../../../shared/money.js';
import { createMoneyRepo } from './money.repo.js';

export type BelowThreshold = {
  unitId: number;
  year: number;
  allocated: string;
  disbursed: string;
  rate: string;
  minRatePct: string;
  byDay: string;
};

/**
 * The facts of the warning list's `disbursement_below_threshold` reason: on the draw date, each
 * unit holding plans of that year whose rate (payments by then ÷ the amounts in force then) is
 * below the threshold the programme's curve sets for that date. No curve, or before its first
 * point: no unit.
 */
export async function unitsBelowThreshold(
  db: Db,
  programmeId: number,
  asOf: string,
): Promise<BelowThreshold[]> {
  const repo = createMoneyRepo(db);
  const threshold = thresholdOn(await repo.thresholds(programmeId), asOf);
  if (!threshold) return [];
  const year = Number(asOf.slice(0, 4));
  const rows = await repo.weekly({ programmeId, year, asOf, prevAsOf: asOf, scope: null });
  return rows
    .filter((r) => belowThreshold(BigInt(r.disbursed), BigInt(r.allocated), threshold.minRateBp))
    .map((r) => ({
      unitId: r.unit_id,
      year,
      allocated: r.allocated,
      disbursed: r.disbursed,
      rate: ratePercent(BigInt(r.disbursed), BigInt(r.allocated))!,
      minRatePct: (threshold.minRateBp / 100).toFixed(2),
      byDay: threshold.byDay,
    }));
}
