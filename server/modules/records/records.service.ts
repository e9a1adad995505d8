import type { Readable } from 'node:stream';
import type { Locale } from '../../../shared/schemas/common.js';
import type {
  ImportEncoding,
  ImportFormat,
  ImportMode,
  ImportResult,
  IndicatorsQuery,
  IndicatorsResponse,
} from '../../../shared/schemas/records.js';
import {
  serviceIndicators,
  ZERO_SUMS,
  type RecordSums,
  type ServiceIndicator,
} from '../../../shared/service-indicators.js';
import { addDays } from '../../../shared/dates.js';
import type { Db } from '../../db/client.js';
import { AppError } from '../../lib/app-error.js';
import type { Clock } from '../../lib/clock.js';
import type { Actor } from '../auth/actor.js';
import { auditLog } from '../audit/audit.service.js';
import { runImport, type ImportProgress } from './importer.js';
import { inRecordScope, mayImport, recordReadScope, recordWriteScope } from './policy.js';
import { formatOf, readRows, type ByteCounter, type RawRow } from './readers.js';
import { createRecordsRepo, type UnitRef } from './records.repo.js';
import { refreshStatistics } from '../../db/statistics.js';

export type FileImport = {
  body: Readable;
  fileName: string | null;
  format?: ImportFormat;
  mode: ImportMode;
  source: string;
  encoding: ImportEncoding;
  onProgress?: (p: ImportProgress & { bytes: number }) => void;
};

const unitName = (u: UnitRef, locale: Locale) =>
  (locale === 'en' ? u.name_en : locale === 'ar' ? u.name_ar : null) ?? u.name_vi;

/** The first and last day of a period key: 2025, 2025-Q3, 2025-07. */
export function periodDays(period: string): { from: string; to: string } {
  const [y, rest] = period.split('-') as [string, string | undefined];
  if (!rest) return { from: `${y}-01-01`, to: `${y}-12-31` };
  const firstMonth = rest.startsWith('Q') ? (Number(rest.slice(1)) - 1) * 3 + 1 : Number(rest);
  const months = rest.startsWith('Q') ? 3 : 1;
  const from = `${y}-${String(firstMonth).padStart(2, '0')}-01`;
  const next =
    firstMonth + months > 12
      ? `${Number(y) + 1}-01-01`
      : `${y}-${String(firstMonth + months).padStart(2, '0')}-01`;
  return { from, to: addDays(next, -1) };
}

/**
 * Service records: bulk import (files and an API for integrations) and the service indicators
 * computed from them over any unit subtree and period.
 */
export function createRecordsService(deps: {
  db: Db;
  clock: Clock;
  /** Rows per import batch (default BATCH_ROWS; tests cross batch boundaries with small ones). */
  importBatchRows?: number;
}) {
  const repo = createRecordsRepo(deps.db);
  const roots = async () => new Map((await repo.programmeRoots()).map((r) => [r.id, r.path]));

  async function importRows(
    actor: Actor,
    v: {
      rows: (counter: ByteCounter) => AsyncIterable<RawRow>;
      format: string;
      fileName: string | null;
      mode: ImportMode;
      source: string;
      onProgress?: FileImport['onProgress'];
    },
  ): Promise<ImportResult> {
    const scope = recordWriteScope(actor, await roots());
    if (!mayImport(scope)) throw new AppError('forbidden');
    const started = Date.now();
    const importId = await repo.createImport({
      source: v.source,
      format: v.format,
      mode: v.mode,
      fileName: v.fileName,
      by: actor.userId,
      at: deps.clock.now(),
    });
    const counter: ByteCounter = { bytes: 0 };
    const finish = (
      status: string,
      r: { rows: number; imported: number; failed: number; errors: unknown[] },
    ) => repo.finishImport(importId, { status, ...r, bytes: counter.bytes, at: deps.clock.now() });
    try {
      const r = await runImport(deps.db, {
        importId,
        rows: v.rows(counter),
        mode: v.mode,
        source: v.source,
        units: await repo.units(),
        scope,
        locale: actor.locale,
        onProgress: (p) => v.onProgress?.({ ...p, bytes: counter.bytes }),
        batchRows: deps.importBatchRows,
      });
      await finish(r.status, r);
      // The rollups' statistics after a bulk write (PGlite has no autovacuum; decision 22).
      if (r.imported > 0) await refreshStatistics(deps.db, ['service_record_days', 'service_record_months']);
      await auditLog(deps.db, deps.clock).record({
        actorId: actor.userId,
        action: 'records.import',
        entity: 'record_import',
        entityId: String(importId),
        after: { status: r.status, rows: r.rows, imported: r.imported, failed: r.failed, source: v.source },
      });
      return { importId, mode: v.mode, bytes: counter.bytes, seconds: (Date.now() - started) / 1000, ...r };
    } catch (e) {
      await finish('refused', { rows: 0, imported: 0, failed: 0, errors: [] });
      throw e;
    }
  }

  async function unitFor(actor: Actor, q: { programmeId?: number; unitId?: number }) {
    const r = await roots();
    let unitId = q.unitId;
    if (unitId === undefined) {
      const root = (await repo.programmeRoots()).find((p) => p.id === q.programmeId);
      if (!root?.root_unit_id) throw new AppError('programme_not_found');
      unitId = root.root_unit_id;
    }
    const unit = await repo.unit(unitId);
    if (!unit || !inRecordScope(recordReadScope(actor, r), unit.path)) throw new AppError('not_found');
    return unit;
  }

  /** The stable entry point for other modules (KPIs): the indicators of a unit subtree over days. */
  async function compute(q: { unitId: number; from: string; to: string }): Promise<ServiceIndicator[]> {
    const unit = await repo.unit(q.unitId);
    if (!unit) throw new AppError('unit_not_found', { id: q.unitId });
    return serviceIndicators(await repo.sums(unit.path, q.from, q.to));
  }

  /** Many (unit, days) asks at once: one statement for their sums (the OKR read asks dozens). */
  async function computeMany(
    qs: { unitId: number; from: string; to: string }[],
  ): Promise<ServiceIndicator[][]> {
    const units = new Map(
      (await repo.unitsByIds([...new Set(qs.map((q) => q.unitId))])).map((u) => [u.id, u]),
    );
    const asks = qs.map((q) => {
      const unit = units.get(q.unitId);
      if (!unit) throw new AppError('unit_not_found', { id: q.unitId });
      return { path: unit.path, from: q.from, to: q.to };
    });
    return (await repo.sumsMany(asks)).map(serviceIndicators);
  }

  return {
    compute,
    computeMany,

    /** The last day up to `asOf` with records in the unit's subtree (null: none yet). */
    async lastDay(unitId: number, asOf: string) {
      const unit = await repo.unit(unitId);
      if (!unit) throw new AppError('unit_not_found', { id: unitId });
      return repo.lastDay(unit.path, asOf);
    },

    importFile(actor: Actor, f: FileImport) {
      const format = f.format ?? (f.fileName ? formatOf(f.fileName) : null);
      if (!format) throw new AppError('import_format');
      return importRows(actor, {
        format,
        fileName: f.fileName,
        mode: f.mode,
        source: f.source,
        onProgress: f.onProgress,
        rows: (counter) => readRows(f.body, { format, encoding: f.encoding, counter }),
      });
    },

    /** Records as JSON objects (integrations); the same checks and modes as a file. */
    importJson(actor: Actor, v: { records: Record<string, unknown>[]; mode: ImportMode; source: string }) {
      return importRows(actor, {
        format: 'json',
        fileName: null,
        mode: v.mode,
        source: v.source,
        rows: () =>
          (async function* () {
            let row = 0;
            for (const cells of v.records) yield { row: ++row, cells };
          })(),
      });
    },

    async importReport(actor: Actor, id: number) {
      const i = await repo.importById(id);
      if (!i) throw new AppError('not_found');
      if (i.created_by !== actor.userId && recordWriteScope(actor, await roots()).kind !== 'all')
        throw new AppError('not_found');
      return {
        id: i.id,
        source: i.source,
        format: i.format,
        mode: i.mode,
        fileName: i.file_name,
        status: i.status,
        rows: i.rows_total,
        imported: i.rows_imported,
        failed: i.rows_failed,
        bytes: i.bytes,
        errors: i.errors,
        startedAt: new Date(i.started_at).toISOString(),
        finishedAt: i.finished_at ? new Date(i.finished_at).toISOString() : null,
      };
    },

    async indicators(actor: Actor, q: IndicatorsQuery): Promise<IndicatorsResponse> {
      const unit = await unitFor(actor, q);
      const { from, to } = q.period ? periodDays(q.period) : { from: q.from!, to: q.to! };
      const total = await repo.sums(unit.path, from, to);
      const group = (key: string, label: string, s: RecordSums) => ({
        key,
        label,
        records: s.received,
        indicators: serviceIndicators(s),
      });
      let groups: IndicatorsResponse['groups'] = [];
      if (q.groupBy === 'unit') {
        const [children, sums] = await Promise.all([
          repo.children(unit.id),
          repo.sumsByChild(unit, from, to),
        ]);
        const byKey = new Map(sums.map((s) => [s.key, s]));
        groups = [unit, ...children]
          .filter((c) => c.id !== unit.id || byKey.has(String(unit.id)))
          .map((c) => {
            const s = byKey.get(String(c.id));
            return group(String(c.id), `${c.code} ${unitName(c, actor.locale)}`, s ?? ZERO_SUMS);
          });
      } else if (q.groupBy === 'month') {
        groups = (await repo.sumsByMonth(unit.path, from, to)).map((s) => group(s.key, s.key, s));
      }
      return {
        unit: { id: unit.id, code: unit.code, name: unitName(unit, actor.locale) },
        from,
        to,
        records: total.received,
        indicators: serviceIndicators(total),
        groups,
      };
    },

    /** For tests and checks: the same sums straight from the records. */
    directSums: async (unitId: number, from: string, to: string) => {
      const unit = await repo.unit(unitId);
      if (!unit) throw new AppError('unit_not_found', { id: unitId });
      return repo.directSums(unit.path, from, to);
    },
    rollupSums: async (unitId: number, from: string, to: string) => {
      const unit = await repo.unit(unitId);
      if (!unit) throw new AppError('unit_not_found', { id: unitId });
      return repo.sums(unit.path, from, to);
    },
  };
}
export type RecordsService = ReturnType<typeof createRecordsService>;
