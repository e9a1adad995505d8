import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { AppError } from '../../lib/app-error.js';
import { message } from '../../lib/messages.js';
import { firstOverdrawn, formatMoney } from '../../../shared/money.js';
import type { Locale } from '../../../shared/schemas/common.js';
import { isoDate, shortText } from '../../../shared/schemas/common.js';
import { positiveMoneyInput, type ImportResult } from '../../../shared/schemas/money.js';
import type { Actor } from '../auth/actor.js';
import { auditLog } from '../audit/audit.service.js';
import type { Clock } from '../../lib/clock.js';
import { canManageMoney } from './money.policy.js';
import { createMoneyRepo, moneyTransaction, type MoneyRepo } from './money.repo.js';
import type { MoneyService } from './money.service.js';

/** The payments template, as the State Treasury's statement lists them: its header row is checked. */
export const PAYMENT_HEADERS: Record<Locale, string[]> = {
  vi: ['Mã kế hoạch vốn', 'Ngày giải ngân', 'Số tiền (đồng)', 'Số chứng từ KBNN'],
  en: ['Capital plan code', 'Payment date', 'Amount (VND)', 'Treasury voucher no.'],
  ar: ['رمز خطة رأس المال', 'تاريخ الدفع', 'المبلغ (دونغ)', 'رقم قسيمة الخزانة'],
};
const COLUMNS = ['planCode', 'paidOn', 'amount', 'reference'] as const;
const MAX_ROWS = 20_000;

const rowSchema = z.object({
  planCode: shortText(40),
  paidOn: isoDate,
  amount: positiveMoneyInput,
  reference: shortText(60).nullable(),
});

type Cell = ExcelJS.CellValue;
function cellText(v: Cell): string | number | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'number' || typeof v === 'string') return typeof v === 'string' ? v.trim() : v;
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'object' && 'result' in v) return cellText(v.result as Cell);
  if (typeof v === 'object' && 'richText' in v)
    return v.richText
      .map((t) => t.text)
      .join('')
      .trim();
  if (typeof v === 'object' && 'text' in v) return String(v.text).trim();
  return null;
}
/** Dates written as text by hand: 2026-03-15 or 15/03/2026. */
function dateText(v: string | number | null): string | null {
  if (v === null) return null;
  const s = String(v);
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  return m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : s;
}

/** Reads the sheet with the streaming reader; refuses a header row renamed or reordered. */
export async function readPayments(buffer: Buffer, locale: Locale) {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(buffer), {
    sharedStrings: 'cache',
    styles: 'cache',
    worksheets: 'emit',
    hyperlinks: 'ignore',
  });
  const rows: { row: number; values: (string | number | null)[] }[] = [];
  try {
    for await (const sheet of reader) {
      let header = true;
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        const values = COLUMNS.map((_, i) => cellText(row.getCell(i + 1).value));
        if (header) {
          header = false;
          const found = [1, 2, 3, 4].map((i) => String(cellText(row.getCell(i).value) ?? ''));
          const norm = (s: string) => s.trim().toLowerCase();
          const match = Object.values(PAYMENT_HEADERS).find((h) =>
            h.every((x, i) => norm(x) === norm(found[i]!)),
          );
          if (!match) {
            const expected = PAYMENT_HEADERS[locale];
            const i = Math.max(
              0,
              expected.findIndex((x, j) => norm(x) !== norm(found[j]!)),
            );
            throw new AppError('import_header_mismatch', {
              column: i + 1,
              expected: expected[i],
              found: found[i],
            });
          }
          continue;
        }
        if (values.every((v) => v === null || v === '')) continue;
        if (rows.length >= MAX_ROWS) throw new AppError('payload_too_large');
        rows.push({ row: row.number, values });
      }
      break; // the first sheet only
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('import_file_invalid');
  }
  return rows;
}

type Checked = ImportResult['rows'][number] & {
  ok?: { planId: number; paidOn: string; amount: bigint; reference: string | null };
};

/**
 * Validates every row (its shape with zod, then the rules: the plan exists, the date is in its
 * year and not in the future, the voucher is new, the plan is not overdrawn counting the rows
 * before it) and says, per row, what is wrong. Writes nothing.
 */
async function check(
  repo: MoneyRepo,
  p: { id: number; today: string },
  actor: Actor,
  raw: Awaited<ReturnType<typeof readPayments>>,
) {
  const locale = actor.locale;
  const codes = [...new Set(raw.map((r) => String(r.values[0] ?? '').trim()).filter(Boolean))];
  const plans = new Map((await repo.plansByCode(p.id, codes)).map((x) => [x.code, x]));
  const facts = new Map<number, NonNullable<Awaited<ReturnType<MoneyRepo['planFacts']>>>>();
  for (const plan of plans.values()) facts.set(plan.id, (await repo.planFacts(plan.id))!);
  const added = new Map<number, { paidOn: string; amount: bigint }[]>();
  const refs = new Set<string>();
  for (const f of facts) for (const x of f[1].payments) if (x.reference) refs.add(`${f[0]}:${x.reference}`);

  const out: Checked[] = [];
  for (const r of raw) {
    const [planCode, paidOn, amount, reference] = r.values;
    const input = {
      planCode: String(planCode ?? ''),
      paidOn: dateText(paidOn ?? null) ?? '',
      amount: typeof amount === 'number' ? amount : String(amount ?? ''),
      reference: reference === null || reference === undefined || reference === '' ? null : String(reference),
    };
    const row: Checked = {
      row: r.row,
      planCode: input.planCode,
      paidOn: input.paidOn,
      amount: String(input.amount),
      reference: input.reference,
      errors: [],
    };
    out.push(row);
    const parsed = rowSchema.safeParse(input);
    if (!parsed.success) {
      for (const i of parsed.error.issues) {
        const col = String(i.path[0]);
        const key =
          i.message === 'money_format' || i.message === 'date_format' ? i.message : 'validation_failed';
        row.errors.push({
          column: PAYMENT_HEADERS[locale][COLUMNS.indexOf(col as never)] ?? col,
          message: message(key, locale),
        });
      }
      continue;
    }
    const v = parsed.data;
    const col = (c: (typeof COLUMNS)[number]) => PAYMENT_HEADERS[locale][COLUMNS.indexOf(c)]!;
    const plan = plans.get(v.planCode);
    if (!plan) {
      row.errors.push({ column: col('planCode'), message: message('not_found', locale) });
      continue;
    }
    if (v.paidOn > p.today)
      row.errors.push({
        column: col('paidOn'),
        message: message('payment_in_future', locale, { date: v.paidOn, today: p.today }),
      });
    else if (Number(v.paidOn.slice(0, 4)) !== plan.year)
      row.errors.push({
        column: col('paidOn'),
        message: message('payment_outside_year', locale, { date: v.paidOn, year: plan.year }),
      });
    if (v.reference && refs.has(`${plan.id}:${v.reference}`))
      row.errors.push({
        column: col('reference'),
        message: message('duplicate_payment', locale, { reference: v.reference }),
      });
    if (row.errors.length) continue;
    const f = facts.get(plan.id)!;
    const mine = [...(added.get(plan.id) ?? []), { paidOn: v.paidOn, amount: v.amount }];
    const bad = firstOverdrawn(
      f.revisions.map((x) => ({ effectiveFrom: x.effectiveFrom, amount: BigInt(x.amount) })),
      [...f.payments.map((x) => ({ paidOn: x.paidOn, amount: BigInt(x.amount) })), ...mine],
    );
    if (bad) {
      row.errors.push({
        column: col('amount'),
        message: message('payment_above_plan', locale, {
          date: bad.date,
          paid: formatMoney(bad.paid, locale),
          allowed: formatMoney(bad.allowed, locale),
        }),
      });
      continue;
    }
    added.set(plan.id, mine);
    if (v.reference) refs.add(`${plan.id}:${v.reference}`);
    row.ok = { planId: plan.id, paidOn: v.paidOn, amount: v.amount, reference: v.reference };
  }
  return out;
}

const view = (rows: Checked[]) => rows.map(({ ok: _ok, ...r }) => r);

export function createMoneyImport(deps: { db: Db; clock: Clock; money: MoneyService }) {
  const { db, clock, money } = deps;
  return {
    /** Step 1: every row with its errors; nothing is written. */
    async preview(actor: Actor, programmeId: number, buffer: Buffer): Promise<ImportResult> {
      const { p } = await money.open(actor, programmeId);
      if (!canManageMoney(actor, p.id)) throw new AppError('forbidden');
      const rows = await check(createMoneyRepo(db), p, actor, await readPayments(buffer, actor.locale));
      return {
        committed: false,
        total: rows.length,
        valid: rows.filter((r) => r.ok).length,
        written: 0,
        rows: view(rows),
      };
    },

    /**
     * Step 2: all rows or none (by default); or only the valid ones. Checked again inside the
     * transaction, with the plans locked, so that what was previewed cannot have changed under it.
     */
    async commit(
      actor: Actor,
      programmeId: number,
      buffer: Buffer,
      mode: 'all' | 'valid',
    ): Promise<ImportResult> {
      const { p } = await money.open(actor, programmeId);
      if (!canManageMoney(actor, p.id)) throw new AppError('forbidden');
      const raw = await readPayments(buffer, actor.locale);
      // Inside the transaction only its own connection is used (PGlite has one).
      return moneyTransaction(db, async (repo, tx) => {
        const codes = [...new Set(raw.map((r) => String(r.values[0] ?? '').trim()).filter(Boolean))];
        for (const plan of (await repo.plansByCode(programmeId, codes)).sort((a, b) => a.id - b.id))
          await repo.lockPlan(plan.id);
        const rows = await check(repo, p, actor, raw);
        const bad = rows.filter((r) => !r.ok);
        if (mode === 'all' && bad.length) throw new AppError('import_rows_invalid', { count: bad.length });
        const good = rows.flatMap((r) => (r.ok ? [r.ok] : []));
        const ids = await repo.insertPayments(
          good.map((g) => ({ ...g, via: 'import' as const, createdBy: actor.userId })),
        );
        if (ids.length !== good.length) throw new AppError('conflict');
        await auditLog(tx, clock).record({
          actorId: actor.userId,
          action: 'disbursement.imported',
          entity: 'programme',
          entityId: String(programmeId),
          after: { rows: rows.length, written: ids.length, mode },
        });
        return {
          committed: true,
          total: rows.length,
          valid: good.length,
          written: ids.length,
          rows: view(rows),
        };
      });
    },

    /** The template: the header row in the reader's language, and the programme's plan codes beside it. */
    async template(actor: Actor, programmeId: number) {
      const plans = await money.list(actor, { programmeId });
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Payments');
      ws.addRow(PAYMENT_HEADERS[actor.locale]);
      ws.getRow(1).font = { bold: true };
      ws.columns = [{ width: 22 }, { width: 16 }, { width: 22 }, { width: 24 }];
      ws.getColumn(2).numFmt = 'yyyy-mm-dd';
      ws.getColumn(3).numFmt = '#,##0';
      const ref = wb.addWorksheet('Plans');
      ref.addRow(['code', 'unit', 'year', 'source', 'allocated']);
      for (const p of plans) ref.addRow([p.code, p.unit.name, p.year, p.source, p.allocated]);
      return Buffer.from(await wb.xlsx.writeBuffer());
    },
  };
}
export type MoneyImport = ReturnType<typeof createMoneyImport>;
