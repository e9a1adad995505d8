import { z } from 'zod';
import type { Locale } from '../../../../shared/schemas/common.js';
import type { UnitKind } from '../../../../shared/vocabulary.js';
import type { Cell } from '../../../lib/sheet-import.js';
import { message } from '../../../lib/messages.js';
import { kindOf } from './unit-kinds.js';
import { UNIT_HEADERS, UNIT_KEYS, type UnitKey, type UnitSheetRow } from './unit-sheet.js';

/** A unit as the import sees it: by code, with its parent's code. */
export type ExistingUnit = {
  id: number;
  code: string;
  parentCode: string | null;
  nameVi: string;
  nameEn: string | null;
  nameAr: string | null;
  kind: string;
  leaderName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  mergedOn: string | null;
};

export type UnitWrite = {
  code: string;
  parentCode: string | null;
  nameVi: string;
  nameEn: string | null;
  nameAr: string | null;
  kind: UnitKind;
  leaderName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  action: 'create' | 'update' | 'move' | 'none';
};

export type CheckedUnitRow = {
  row: number;
  values: Cell[];
  errors: { column: string; message: string }[];
  ok?: UnitWrite;
};

const LIMITS: Partial<Record<UnitKey, number>> = {
  code: 50,
  parentCode: 50,
  nameVi: 300,
  nameEn: 300,
  nameAr: 300,
  leaderName: 200,
  contactEmail: 200,
  contactPhone: 50,
};
const email = z.string().email();
/** Codes that differ only in case or spaces are the same code to a person reading them. */
const looseCode = (c: string) => c.replace(/\s+/g, '').toUpperCase();
const str = (v: Cell) => (v === null ? null : String(v).trim() || null);

/**
 * Every row of a unit file with what is wrong with it, and what to write for the good ones.
 * Rows may come in any order (a child before its parent). A row whose parent is another row of
 * the file that is not good cannot be written either, so it is refused too, saying why.
 */
export function checkUnitRows(
  rows: UnitSheetRow[],
  existing: ExistingUnit[],
  locale: Locale,
): CheckedUnitRow[] {
  const heading = (k: UnitKey) => UNIT_HEADERS[locale][UNIT_KEYS.indexOf(k)]!;
  const say = (k: UnitKey, key: Parameters<typeof message>[0], params: Record<string, unknown> = {}) => ({
    column: heading(k),
    message: message(key, locale, params),
  });
  const byCode = new Map(existing.map((u) => [u.code, u]));
  const byLoose = new Map(existing.map((u) => [looseCode(u.code), u]));

  const out: CheckedUnitRow[] = [];
  const firstRowOf = new Map<string, number>();
  // Pass 1: each row on its own.
  const drafts: (UnitWrite | undefined)[] = rows.map((r) => {
    const c = r.cells;
    const errors: CheckedUnitRow['errors'] = [];
    const values = UNIT_KEYS.map((k) => c[k]);
    out.push({ row: r.row, values, errors });
    for (const k of UNIT_KEYS) {
      const v = str(c[k]);
      const max = LIMITS[k];
      if (v !== null && max && v.length > max)
        errors.push(say(k, 'import_too_long', { length: v.length, max }));
    }
    const code = str(c.code);
    const nameVi = str(c.nameVi);
    const kindText = str(c.kind);
    if (!code) errors.push(say('code', 'import_required'));
    if (!nameVi) errors.push(say('nameVi', 'import_required'));
    if (!kindText) errors.push(say('kind', 'import_required'));
    const kind = kindText ? kindOf(kindText) : undefined;
    if (kindText && !kind)
      errors.push(
        say('kind', 'import_choice', { value: kindText, allowed: 'province, department, commune, ward…' }),
      );
    const mail = str(c.contactEmail);
    if (mail && !email.safeParse(mail).success) errors.push(say('contactEmail', 'validation_failed'));
    if (code) {
      const seen = firstRowOf.get(looseCode(code));
      if (seen !== undefined) errors.push(say('code', 'import_duplicate_in_file', { code, row: seen }));
      else firstRowOf.set(looseCode(code), r.row);
      const same = byCode.get(code);
      const near = byLoose.get(looseCode(code));
      if (!same && near) errors.push(say('code', 'import_code_taken', { code, existing: near.code }));
      if (same?.mergedOn) errors.push(say('code', 'unit_merged', { code, on: same.mergedOn }));
    }
    if (errors.length || !code || !nameVi || !kind) return undefined;
    const cur = byCode.get(code);
    const write: UnitWrite = {
      code,
      parentCode: str(c.parentCode),
      nameVi,
      nameEn: str(c.nameEn),
      nameAr: str(c.nameAr),
      kind,
      leaderName: str(c.leaderName),
      contactEmail: mail,
      contactPhone: str(c.contactPhone),
      action: 'create',
    };
    if (cur) {
      const moved = cur.parentCode !== write.parentCode;
      const changed =
        cur.nameVi !== write.nameVi ||
        (write.nameEn !== null && cur.nameEn !== write.nameEn) ||
        (write.nameAr !== null && cur.nameAr !== write.nameAr) ||
        cur.kind !== write.kind ||
        (write.leaderName !== null && cur.leaderName !== write.leaderName) ||
        (write.contactEmail !== null && cur.contactEmail !== write.contactEmail) ||
        (write.contactPhone !== null && cur.contactPhone !== write.contactPhone);
      write.action = moved ? 'move' : changed ? 'update' : 'none';
    }
    return write;
  });

  // Pass 2: parents, over the tree as it would be (the file's rows over the units already there).
  const fileRow = new Map<string, number>(); // code → index of its (first) row
  rows.forEach((r, i) => {
    const code = str(r.cells.code);
    if (code && !fileRow.has(code)) fileRow.set(code, i);
  });
  const parentOf = (code: string): string | null => {
    const i = fileRow.get(code);
    if (i !== undefined) return str(rows[i]!.cells.parentCode);
    return byCode.get(code)?.parentCode ?? null;
  };
  rows.forEach((r, i) => {
    const code = str(r.cells.code);
    const parent = str(r.cells.parentCode);
    if (!code || !parent) return;
    const errs = out[i]!.errors;
    const known = fileRow.has(parent) || byCode.has(parent);
    if (!known) {
      errs.push(say('parentCode', 'import_parent_unknown', { code: parent }));
      return;
    }
    const p = byCode.get(parent);
    if (p?.mergedOn && !fileRow.has(parent)) {
      errs.push(say('parentCode', 'import_parent_merged', { code: parent, on: p.mergedOn }));
      return;
    }
    // Walk up from the row: coming back to it is a cycle.
    const chain = [code];
    let at: string | null = parent;
    const seen = new Set<string>([code]);
    while (at !== null) {
      chain.push(at);
      if (at === code) {
        errs.push(say('parentCode', 'import_unit_cycle', { chain: chain.join(' → ') }));
        return;
      }
      if (seen.has(at)) return; // a cycle above, reported on its own rows
      seen.add(at);
      at = parentOf(at);
    }
  });

  // Pass 3: a row whose parent is a new unit of the file that will not be written cannot be either.
  let changed = true;
  const good = (i: number) => out[i]!.errors.length === 0 && drafts[i] !== undefined;
  while (changed) {
    changed = false;
    rows.forEach((r, i) => {
      if (!good(i)) return;
      const parent = drafts[i]!.parentCode;
      if (!parent || byCode.has(parent)) return;
      const j = fileRow.get(parent);
      if (j !== undefined && !good(j)) {
        out[i]!.errors.push(say('parentCode', 'import_parent_invalid', { code: parent, row: rows[j]!.row }));
        changed = true;
      }
    });
  }
  rows.forEach((_, i) => {
    if (good(i)) out[i]!.ok = drafts[i];
  });
  return out;
}
