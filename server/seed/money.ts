import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import {
  capitalPlanRevisions,
  capitalPlans,
  disbursements,
  disbursementThresholds,
  tasks,
} from '../db/schema/index.js';
import { createRng } from './random.js';

/**
 * Hanoi's special working group on disbursement: capital plans for last year (the seasonal curve)
 * and this year on the lead units of the demo's tasks, paid month by month on a back-loaded curve
 * (most of the money goes out in the last quarter), with a rate like the S&T spending of
 * 2021–2024 (below 42% of plan, article 002) and some units below the threshold curve.
 */
const SEASON = [2, 5, 9, 14, 20, 27, 33, 40, 48, 60, 74, 100]; // cumulative % of the year's payments by month end
const SOURCES = ['local_budget', 'central_budget', 'local_budget', 'oda'] as const;
const BILLION = 1_000_000_000n;

export async function seedMoney(db: Db, opts: { programmeId: number; today: string }) {
  const rng = createRng(57_2026);
  const year = Number(opts.today.slice(0, 4));
  const leads = await db
    .selectDistinct({ unitId: tasks.leadUnitId })
    .from(tasks)
    .where(sql`${tasks.programmeId} = ${opts.programmeId}`)
    .orderBy(tasks.leadUnitId)
    .limit(16);
  const someTask = async (unitId: number) =>
    (
      await db
        .select({ id: tasks.id })
        .from(tasks)
        .where(sql`${tasks.programmeId} = ${opts.programmeId} and ${tasks.leadUnitId} = ${unitId}`)
        .limit(1)
    )[0]?.id ?? null;
  await db.insert(disbursementThresholds).values([
    { programmeId: opts.programmeId, byDay: '06-30', minRateBp: 3000 },
    { programmeId: opts.programmeId, byDay: '09-30', minRateBp: 6000 },
    { programmeId: opts.programmeId, byDay: '12-31', minRateBp: 9500 },
  ]);
  const payments: (typeof disbursements.$inferInsert)[] = [];
  let n = 0;
  for (const { unitId } of leads) {
    const taskId = await someTask(unitId);
    // Each unit's own pace: most near the programme's 35–45%, a few well behind, a few ahead.
    const finalRate = [0.25, 0.4, 0.42, 0.38, 0.6, 0.85][rng.int(0, 5)]!;
    for (const y of [year - 1, year]) {
      n++;
      const amount = BigInt(rng.int(5, 120)) * BILLION + BigInt(rng.int(0, 999)) * 1_000_000n;
      const [plan] = await db
        .insert(capitalPlans)
        .values({
          programmeId: opts.programmeId,
          code: `KHV-${y}-${String(n).padStart(3, '0')}`,
          unitId,
          taskId,
          project: taskId ? null : 'Hạ tầng số',
          source: SOURCES[n % SOURCES.length]!,
          year: y,
        })
        .returning();
      await db.insert(capitalPlanRevisions).values({ planId: plan!.id, amount, effectiveFrom: `${y}-01-01` });
      const total = (amount * BigInt(Math.round(finalRate * 10_000))) / 10_000n;
      let paid = 0n;
      for (let m = 0; m < 12; m++) {
        const day = `${y}-${String(m + 1).padStart(2, '0')}-${String(rng.int(10, 28)).padStart(2, '0')}`;
        if (day > opts.today) break;
        const target = (total * BigInt(SEASON[m]!)) / 100n;
        if (target > paid) {
          payments.push({
            planId: plan!.id,
            paidOn: day,
            amount: target - paid,
            reference: `KBNN-${plan!.id}-${m + 1}`,
            via: 'import',
          });
          paid = target;
        }
      }
    }
  }
  for (let i = 0; i < payments.length; i += 500)
    await db.insert(disbursements).values(payments.slice(i, i + 500));
}
