import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { AppError } from '../../lib/app-error.js';
import type { Clock } from '../../lib/clock.js';
import {
  dateText,
  rowErrors,
  sheetImport,
  text,
  type Checked,
  type SheetRow,
  type SheetSpec,
} from '../../lib/sheet-import.js';
import { FUNDING_SOURCES, firstOverdrawn, formatMoney, type FundingSource } from '../../../shared/money.js';
import { isoDate, shortText } from '../../../shared/schemas/common.js';
import { fundingSource, moneyInput, positiveMoneyInput } from '../../../shared/schemas/money.js';
import type { Actor } from '../auth/actor.js';
import { auditLog } from '../audit/audit.service.js';
import { canManageMoney } from './money.policy.js';
import { createMoneyRepo, type MoneyRepo } from './money.repo.js';
import type { MoneyService } from './money.service.js';

/** The payments template, as the State Treasury's statement lists them. */
export const PAYMENTS_SHEET: SheetSpec<'planCode' | 'paidOn' | 'amount' | 'reference'> = {
  sheet: 'Payments',
  keys: ['planCode', 'paidOn', 'amount', 'reference'],
  headers: {
    vi: ['Mã kế hoạch vốn', 'Ngày giải ngân', 'Số tiền (đồng)', 'Số chứng từ KBNN'],
    en: ['Capital plan code', 'Payment date', 'Amount (VND)', 'Treasury voucher no.'],
    ar: ['رمز خطة رأس المال', 'تاريخ الدفع', 'المبلغ (دونغ)', 'رقم قسيمة الخزانة'],
  },
  widths: [22, 16, 22, 24],
};
/** Kept for callers of the first version (tests, e2e fixtures). */
export const PAYMENT_HEADERS = PAYMENTS_SHEET.headers;

export const PLANS_SHEET: SheetSpec<
  'code' | 'unitCode' | 'taskCode' | 'project' | 'source' | 'year' | 'amount'
> = {
  sheet: 'Capital plans',
  keys: ['code', 'unitCode', 'taskCode', 'project', 'source', 'year', 'amount'],
  headers: {
    vi: ['Mã kế hoạch', 'Mã đơn vị', 'Mã nhiệm vụ', 'Dự án', 'Nguồn vốn', 'Năm', 'Số vốn giao (đồng)'],
    en: ['Plan code', 'Unit code', 'Task code', 'Project', 'Funding source', 'Year', 'Allocated (VND)'],
    ar: ['رمز الخطة', 'رمز الوحدة', 'رمز المهمة', 'المشروع', 'مصدر التمويل', 'السنة', 'المبلغ المخصص (دونغ)'],
  },
  widths: [18, 14, 14, 30, 18, 8, 22],
};

const paymentRow = z.object({
  planCode: shortText(40),
  paidOn: isoDate,
  amount: positiveMoneyInput,
  reference: shortText(60).nullable(),
});
const planRow = z.object({
  code: shortText(40),
  unitCode: shortText(40),
  taskCode: shortText(40).nullable(),
  project: shortText(300).nullable(),
  source: shortText(40),
  year: z.coerce.number().int().min(2000).max(2100),
  amount: moneyInput,
});

type Ctx = { p: { id: number; today: string; rootUnitPath: string | null } };
type Payment = { planId: number; paidOn: string; amount: bigint; reference: string | null };
type Plan = {
  code: string;
  unitId: number;
  taskId: number | null;
  project: string | null;
  source: FundingSource;
  year: number;
  amount: bigint;
};

const asObject = <K extends string>(keys: readonly K[], r: SheetRow) =>
  Object.fromEntries(keys.map((k, i) => [k, r.values[i] ?? null])) as Record<K, string | number | null>;

/**
 * Every payment row checked: its shape, then the rules (the plan exists, the date is in its year
 * and not after today, the voucher is new, the plan is not overdrawn counting the rows above it).
 */
async function checkPayments(repo: MoneyRepo, ctx: Ctx, actor: Actor, raw: SheetRow[]) {
  const e = rowErrors(PAYMENTS_SHEET, actor.locale);
  const codes = [...new Set(raw.map((r) => String(r.values[0] ?? '').trim()).filter(Boolean))];
  const plans = new Map((await repo.plansByCode(ctx.p.id, codes)).map((x) => [x.code, x]));
  const facts = new Map<number, NonNullable<Awaited<ReturnType<MoneyRepo['planFacts']>>>>();
  for (const plan of plans.values()) facts.set(plan.id, (await repo.planFacts(plan.id))!);
  const added = new Map<number, { paidOn: string; amount: bigint }[]>();
  const refs = new Set<string>();
  for (const [id, f] of facts) for (const x of f.payments) if (x.reference) refs.add(`${id}:${x.reference}`);

  const out: Checked<Payment>[] = [];
  for (const r of raw) {
    const cells = asObject(PAYMENTS_SHEET.keys, r);
    const row: Checked<Payment> = { row: r.row, values: r.values, errors: [] };
    out.push(row);
    const input = {
      planCode: text(cells.planCode) ?? '',
      paidOn: dateText(cells.paidOn),
      amount: typeof cells.amount === 'number' ? cells.amount : (text(cells.amount) ?? ''),
      reference: text(cells.reference),
    };
    const parsed = paymentRow.safeParse(input);
    if (!parsed.success) {
      row.errors.push(...e.zod(parsed.error, cells));
      continue;
    }
    const v = parsed.data;
    const plan = plans.get(v.planCode);
    if (!plan) {
      row.errors.push(e.say('planCode', 'import_plan_unknown', { code: v.planCode }));
      continue;
    }
    if (v.paidOn > ctx.p.today)
      row.errors.push(e.say('paidOn', 'payment_in_future', { date: v.paidOn, today: ctx.p.today }));
    else if (Number(v.paidOn.slice(0, 4)) !== plan.year)
      row.errors.push(e.say('paidOn', 'payment_outside_year', { date: v.paidOn, year: plan.year }));
    if (v.reference && refs.has(`${plan.id}:${v.reference}`))
      row.errors.push(e.say('reference', 'duplicate_payment', { reference: v.reference }));
    if (row.errors.length) continue;
    const f = facts.get(plan.id)!;
    const mine = [...(added.get(plan.id) ?? []), { paidOn: v.paidOn, amount: v.amount }];
    const bad = firstOverdrawn(
      f.revisions.map((x) => ({ effectiveFrom: x.effectiveFrom, amount: BigInt(x.amount) })),
      [...f.payments.map((x) => ({ paidOn: x.paidOn, amount: BigInt(x.amount) })), ...mine],
    );
    if (bad) {
      row.errors.push(
        e.say('amount', 'payment_above_plan', {
          date: bad.date,
          paid: formatMoney(bad.paid, actor.locale),
          allowed: formatMoney(bad.allowed, actor.locale),
        }),
      );
      continue;
    }
    added.set(plan.id, mine);
    if (v.reference) refs.add(`${plan.id}:${v.reference}`);
    row.ok = { planId: plan.id, paidOn: v.paidOn, amount: v.amount, reference: v.reference };
  }
  return out;
}

/** Every capital-plan row checked: shape, a known unit inside the programme, a task of it or a project. */
async function checkPlans(repo: MoneyRepo, ctx: Ctx, actor: Actor, raw: SheetRow[]) {
  const e = rowErrors(PLANS_SHEET, actor.locale);
  const col = (k: (typeof PLANS_SHEET.keys)[number]) => PLANS_SHEET.keys.indexOf(k);
  const all = (k: (typeof PLANS_SHEET.keys)[number]) => [
    ...new Set(raw.map((r) => text(r.values[col(k)] ?? null)).filter((x): x is string => !!x)),
  ];
  const [units, tasks, existing] = await Promise.all([
    repo.unitsByCode(all('unitCode')),
    repo.tasksByCode(ctx.p.id, all('taskCode')),
    repo.plansByCode(ctx.p.id, all('code')),
  ]);
  const unit = new Map(units.map((u) => [u.code, u]));
  const task = new Map(tasks.map((t) => [t.code, t]));
  const taken = new Set(existing.map((x) => x.code));
  const seen = new Map<string, number>();
  const out: Checked<Plan>[] = [];
  for (const r of raw) {
    const cells = asObject(PLANS_SHEET.keys, r);
    const row: Checked<Plan> = { row: r.row, values: r.values, errors: [] };
    out.push(row);
    const parsed = planRow.safeParse({
      code: text(cells.code) ?? '',
      unitCode: text(cells.unitCode) ?? '',
      taskCode: text(cells.taskCode),
      project: text(cells.project),
      source: text(cells.source) ?? '',
      year: cells.year ?? '',
      amount: typeof cells.amount === 'number' ? cells.amount : (text(cells.amount) ?? ''),
    });
    // The source is named even when other cells are wrong: one reading shows every mistake.
    const src = fundingSource.safeParse(text(cells.source));
    if (!src.success && cells.source !== null)
      row.errors.push(
        e.say('source', 'import_choice', { value: cells.source, allowed: FUNDING_SOURCES.join(', ') }),
      );
    if (!parsed.success) {
      row.errors.push(...e.zod(parsed.error, cells));
      continue;
    }
    const v = parsed.data;
    const u = unit.get(v.unitCode);
    if (!u || (ctx.p.rootUnitPath && !u.path.startsWith(ctx.p.rootUnitPath)))
      row.errors.push(e.say('unitCode', 'import_unit_unknown', { code: v.unitCode }));
    const t = v.taskCode ? task.get(v.taskCode) : null;
    if (v.taskCode && !t) row.errors.push(e.say('taskCode', 'import_task_unknown', { code: v.taskCode }));
    if (!v.taskCode && !v.project) row.errors.push(e.say('project', 'plan_needs_task_or_project'));
    if (taken.has(v.code)) row.errors.push(e.say('code', 'duplicate_code', { code: v.code }));
    else if (seen.has(v.code))
      row.errors.push(e.say('code', 'import_duplicate_in_file', { code: v.code, row: seen.get(v.code) }));
    seen.set(v.code, seen.get(v.code) ?? r.row);
    if (row.errors.length || !u || !src.success) continue;
    row.ok = {
      code: v.code,
      unitId: u.id,
      taskId: t?.id ?? null,
      project: v.project,
      source: src.data,
      year: v.year,
      amount: v.amount,
    };
  }
  return out;
}

export function createMoneyImport(deps: { db: Db; clock: Clock; money: MoneyService }) {
  const { db, clock, money } = deps;
  const open = async (actor: Actor, programmeId: number): Promise<Ctx> => {
    const { p } = await money.open(actor, programmeId);
    if (!canManageMoney(actor, p.id)) throw new AppError('forbidden');
    return { p };
  };

  const payments = sheetImport<Ctx, Payment>(
    { db, clock },
    {
      spec: PAYMENTS_SHEET,
      fileName: 'disbursements',
      auditAction: 'disbursement.imported',
      open,
      check: (ctx, actor, rows) => checkPayments(createMoneyRepo(db), ctx, actor, rows),
      /** Locks the plans, then checks the plans again: what was previewed cannot have changed under it. */
      async write(ctx, actor, good, tx) {
        const repo = createMoneyRepo(tx);
        const ids = [...new Set(good.map((g) => g.planId))].sort((a, b) => a - b);
        for (const id of ids) {
          await repo.lockPlan(id);
          const f = (await repo.planFacts(id))!;
          const bad = firstOverdrawn(
            f.revisions.map((x) => ({ effectiveFrom: x.effectiveFrom, amount: BigInt(x.amount) })),
            [
              ...f.payments.map((x) => ({ paidOn: x.paidOn, amount: BigInt(x.amount) })),
              ...good.filter((g) => g.planId === id),
            ],
          );
          if (bad) throw new AppError('conflict');
        }
        const rows = await repo.insertPayments(
          good.map((g) => ({ ...g, via: 'import' as const, createdBy: actor.userId })),
        );
        if (rows.length !== good.length) throw new AppError('conflict');
        return rows.length;
      },
      async reference(ctx, actor, wb) {
        const ref = wb.addWorksheet('Plans');
        ref.addRow([...PLANS_SHEET.headers[actor.locale]]).font = { bold: true };
        for (const p of await money.list(actor, { programmeId: ctx.p.id }))
          ref.addRow([
            p.code,
            p.unit.code,
            p.task?.code ?? null,
            p.project,
            p.source,
            p.year,
            Number(p.allocated),
          ]);
        wb.getWorksheet(PAYMENTS_SHEET.sheet)!.getColumn(3).numFmt = '#,##0';
      },
    },
  );

  const plans = sheetImport<Ctx, Plan>(
    { db, clock },
    {
      spec: PLANS_SHEET,
      fileName: 'capital-plans',
      auditAction: 'capital_plan.imported',
      open,
      check: (ctx, actor, rows) => checkPlans(createMoneyRepo(db), ctx, actor, rows),
      async write(ctx, actor, good, tx) {
        const repo = createMoneyRepo(tx);
        for (const g of good) {
          const plan = await repo.insertPlan({
            programmeId: ctx.p.id,
            code: g.code,
            unitId: g.unitId,
            taskId: g.taskId,
            project: g.project,
            source: g.source,
            year: g.year,
            createdBy: actor.userId,
          });
          if (!plan) throw new AppError('duplicate_code', { code: g.code });
          await repo.insertRevision({
            planId: plan.id,
            amount: g.amount,
            effectiveFrom: `${g.year}-01-01`,
            reason: null,
            createdBy: actor.userId,
          });
        }
        await auditLog(tx, clock).record({
          actorId: actor.userId,
          action: 'capital_plan.created',
          entity: 'programme',
          entityId: String(ctx.p.id),
          after: { codes: good.map((g) => g.code) },
        });
        return good.length;
      },
      async reference(_ctx, _actor, wb) {
        const ref = wb.addWorksheet('Sources');
        for (const s of FUNDING_SOURCES) ref.addRow([s]);
      },
    },
  );
  return { payments, plans };
}
export type MoneyImport = ReturnType<typeof createMoneyImport>;
