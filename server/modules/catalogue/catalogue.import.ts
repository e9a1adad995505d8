import ExcelJS from 'exceljs';
import type { Db } from '../../db/client.js';
import { AppError } from '../../lib/app-error.js';
import type { Clock } from '../../lib/clock.js';
import { message } from '../../lib/messages.js';
import { DATASET_MARKS, PLATFORMS, type DatasetMark, type Platform } from '../../../shared/criteria.js';
import { LOCALES, type Locale } from '../../../shared/schemas/common.js';
import type { AssessmentImport } from '../../../shared/schemas/criteria.js';
import { isValidIsoDate } from '../../../shared/dates.js';
import type { Actor } from '../auth/actor.js';
import { auditLog } from '../audit/audit.service.js';
import { canEditDataset, programmeWide } from '../criteria/policy.js';
import type { ProgrammesService } from '../programmes/programmes.service.js';
import { createCatalogueRepo } from './catalogue.repo.js';

/**
 * The catalogue's template (one row per dataset: code, name, description, owner unit code,
 * publication day, platforms, the six marks as 1/0) and its import: preview with row errors, then
 * all rows or none (or only the valid ones); a row whose code exists updates that dataset.
 */
const HEADERS: Record<Locale, string[]> = {
  vi: [
    'Mã',
    'Cơ sở dữ liệu',
    'Mô tả',
    'Mã đơn vị chủ quản',
    'Ngày công bố',
    'Nền tảng kết nối',
    'Đúng',
    'Đủ',
    'Sạch',
    'Sống',
    'Thống nhất',
    'Dùng chung',
  ],
  en: [
    'Code',
    'Dataset',
    'Description',
    'Owner unit code',
    'Published on',
    'Connected platforms',
    'Correct',
    'Sufficient',
    'Clean',
    'Live',
    'Unified',
    'Shared',
  ],
  ar: [
    'الرمز',
    'قاعدة البيانات',
    'الوصف',
    'رمز الوحدة المالكة',
    'تاريخ النشر',
    'المنصات المتصلة',
    'صحيحة',
    'كافية',
    'نظيفة',
    'حيّة',
    'موحّدة',
    'مشتركة',
  ],
};
const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,59}$/;

type Cell = ExcelJS.CellValue;
function text(v: Cell): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object' && 'result' in v) return text(v.result as Cell);
  if (typeof v === 'object' && 'richText' in v)
    return v.richText
      .map((t) => t.text)
      .join('')
      .trim();
  if (typeof v === 'object' && 'text' in v) return String(v.text).trim();
  return String(v).trim();
}

type Write = {
  id: number | null;
  version: number;
  code: string;
  name: string;
  description: string;
  ownerUnitId: number;
  publishedOn: string | null;
  platforms: Platform[];
  marks: DatasetMark[];
};

export function createCatalogueImport(deps: { db: Db; clock: Clock; programmes: ProgrammesService }) {
  const { db, clock, programmes } = deps;

  async function check(actor: Actor, programmeId: number, buffer: Buffer) {
    const p = await programmes.access(actor, programmeId);
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(buffer as unknown as ArrayBuffer);
    } catch {
      throw new AppError('import_file_invalid');
    }
    const ws = wb.worksheets[0];
    if (!ws) throw new AppError('import_file_invalid');
    const found = HEADERS.vi.map((_, i) => text(ws.getRow(1).getCell(i + 1).value));
    const norm = (s: string) => s.toLowerCase();
    if (!LOCALES.some((l) => HEADERS[l].every((h, i) => norm(h) === norm(found[i]!)))) {
      const expected = HEADERS[actor.locale];
      const i = Math.max(
        0,
        expected.findIndex((h, j) => norm(h) !== norm(found[j]!)),
      );
      throw new AppError('import_header_mismatch', { column: i + 1, expected: expected[i], found: found[i] });
    }
    const repo = createCatalogueRepo(db);
    const existing = new Map((await repo.list(p.id, p.today, programmeWide(), {})).map((d) => [d.code, d]));
    const col = (i: number) => HEADERS[actor.locale][i]!;
    const seen = new Set<string>();
    const rows: (AssessmentImport['rows'][number] & { write?: Write })[] = [];
    for (let r = 2; r <= ws.rowCount; r++) {
      const v = HEADERS.vi.map((_, i) => text(ws.getRow(r).getCell(i + 1).value));
      if (v.every((x) => x === '')) continue;
      const errors: { column: string; message: string }[] = [];
      const err = (i: number, key: Parameters<typeof message>[0], params: Record<string, unknown> = {}) =>
        errors.push({ column: col(i), message: message(key, actor.locale, params) });
      const [code, name, description, ownerCode, publishedOn, platforms] = v as [
        string,
        string,
        string,
        string,
        string,
        string,
      ];
      if (!CODE.test(code)) err(0, 'validation_failed');
      else if (seen.has(code)) err(0, 'duplicate_code', { code });
      seen.add(code);
      if (!name || name.length > 300) err(1, 'validation_failed');
      const owner = ownerCode ? await repo.unitByCode(ownerCode) : undefined;
      if (!owner) err(3, 'unit_not_found', { id: ownerCode });
      else if (p.rootUnitPath && !owner.path.startsWith(p.rootUnitPath))
        err(3, 'unit_outside_programme', { unit: owner.code });
      else if (!canEditDataset(actor, p.id, owner.path)) err(3, 'unit_out_of_scope', { unit: owner.code });
      const before = existing.get(code);
      if (before && !canEditDataset(actor, p.id, before.owner_path))
        err(0, 'unit_out_of_scope', { unit: before.owner_code });
      if (publishedOn && (!isValidIsoDate(publishedOn) || publishedOn > p.today)) err(4, 'date_format');
      const plats = platforms
        .split(/[,;]/)
        .map((x) => x.trim())
        .filter(Boolean);
      if (plats.some((x) => !(PLATFORMS as readonly string[]).includes(x))) err(5, 'validation_failed');
      const marks = DATASET_MARKS.filter((_, i) => ['1', 'x', '✓', 'true'].includes(v[6 + i]!.toLowerCase()));
      DATASET_MARKS.forEach((_, i) => {
        if (!['', '0', '1', 'x', '✓', '✗', 'true', 'false'].includes(v[6 + i]!.toLowerCase()))
          err(6 + i, 'validation_failed');
      });
      rows.push({
        row: r,
        unitCode: ownerCode,
        values: 1,
        errors,
        write:
          errors.length || !owner
            ? undefined
            : {
                id: before?.id ?? null,
                version: before?.version ?? 1,
                code,
                name,
                description,
                ownerUnitId: owner.id,
                publishedOn: publishedOn || null,
                platforms: [...new Set(plats)] as Platform[],
                marks,
              },
      });
    }
    return { p, rows };
  }
  const view = (rows: Awaited<ReturnType<typeof check>>['rows']) =>
    rows.map(({ write: _w, ...r }) => ({ ...r, values: r.errors.length ? 0 : 1 }));

  return {
    async preview(actor: Actor, programmeId: number, buffer: Buffer): Promise<AssessmentImport> {
      const { rows } = await check(actor, programmeId, buffer);
      const valid = rows.filter((r) => r.write).length;
      return { committed: false, total: rows.length, valid, written: 0, rows: view(rows) };
    },
    async commit(
      actor: Actor,
      programmeId: number,
      buffer: Buffer,
      mode: 'all' | 'valid',
    ): Promise<AssessmentImport> {
      const { p, rows } = await check(actor, programmeId, buffer);
      const bad = rows.filter((r) => !r.write);
      if (mode === 'all' && bad.length) throw new AppError('import_rows_invalid', { count: bad.length });
      const good = rows.flatMap((r) => (r.write ? [r.write] : []));
      await db.transaction(async (tx) => {
        const r = createCatalogueRepo(tx as unknown as Db);
        const at = clock.now();
        for (const w of good) {
          const ok = w.id
            ? await r.update(w.id, w.version, { ...w, at })
            : await r.insert({ ...w, programmeId: p.id, by: actor.userId, at });
          if (!ok) throw new AppError('stale_version');
        }
        await auditLog(tx as unknown as Db, clock).record({
          actorId: actor.userId,
          action: 'dataset.imported',
          entity: 'programme',
          entityId: String(p.id),
          after: { rows: rows.length, written: good.length, mode },
        });
      });
      return {
        committed: true,
        total: rows.length,
        valid: good.length,
        written: good.length,
        rows: view(rows),
      };
    },
    async template(actor: Actor, programmeId: number) {
      const p = await programmes.access(actor, programmeId);
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Datasets', { views: [{ rightToLeft: actor.locale === 'ar' }] });
      ws.addRow(HEADERS[actor.locale]).font = { bold: true };
      ws.columns.forEach((c) => (c.width = 14));
      ws.getColumn(2).width = 40;
      const ref = wb.addWorksheet('Platforms');
      for (const x of PLATFORMS) ref.addRow([x]);
      void p;
      return Buffer.from(await wb.xlsx.writeBuffer());
    },
  };
}
export type CatalogueImport = ReturnType<typeof createCatalogueImport>;
