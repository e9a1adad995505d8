import type { Locale } from '../../../shared/schemas/common.js';
import type { ImportMode, RowError } from '../../../shared/schemas/records.js';
import type { Db } from '../../db/client.js';
import { transactionWithCopy, type CopyIn } from '../../db/transaction.js';
import { createRecordsRepo, type StoredRecord, type UnitRef } from './records.repo.js';
import { RollupDeltas } from './rollup-deltas.js';
import type { RawRow } from './readers.js';
import { localDay } from '../../../shared/service-indicators.js';
import { parseRow, type RecordRow, type RowIssue } from './row.js';
import { rowMessage } from './row-messages.js';
import { inRecordScope, type RecordScope } from './policy.js';

export const BATCH_ROWS = 50_000;
/** Rollup keys (unit × day) held before they are written. */
const FLUSH_KEYS = 200_000;
const MAX_REPORTED = 1000;

export type ImportProgress = { rows: number; imported: number; failed: number };

/** Thrown inside the transaction to roll an all-or-nothing import back. */
class Refused extends Error {}

/**
 * Writes rows in batches inside one transaction: each batch removes the stored versions of its
 * records (any month), inserts the new ones and adds the difference to the daily rollup, so a
 * re-import updates and the rollup stays exact. Mode "all": any row error and nothing is kept
 * (rows after the first error are still checked, not written). Mode "good": bad rows are skipped.
 */
export async function runImport(
  db: Db,
  opts: {
    importId: number;
    rows: AsyncIterable<RawRow>;
    mode: ImportMode;
    source: string;
    units: UnitRef[];
    scope: RecordScope;
    locale: Locale;
    onProgress?: (p: ImportProgress) => void;
    /** Rows per batch (tests use small batches to cross many boundaries). */
    batchRows?: number;
  },
) {
  const batchRows = opts.batchRows ?? BATCH_ROWS;
  const byCode = new Map(opts.units.map((u) => [u.code, u]));
  const ctx = {
    defaultSource: opts.source,
    unitByCode: (c: string) => byCode.get(c),
    inScope: (path: string) => inRecordScope(opts.scope, path),
  };
  const errors: RowError[] = [];
  let failed = 0;
  let issues = 0;
  let rows = 0;
  let imported = 0;
  const fail = (row: number, list: RowIssue[]) => {
    failed++;
    issues += list.length;
    for (const i of list)
      if (errors.length < MAX_REPORTED)
        errors.push({
          row,
          column: i.column,
          code: i.code,
          message: rowMessage(i.code, opts.locale, i.params),
        });
  };
  const knownMonths = new Set<string>();

  // The rollup's changes are summed in memory over batches and written when many keys are
  // waiting and at the end, still inside the transaction: rewriting the same month rows after
  // every batch grew chains of row versions that each later upsert had to walk.
  const deltas = new RollupDeltas();
  async function flushRollup(repo: ReturnType<typeof createRecordsRepo>) {
    await repo.addToRollup(deltas.take());
  }

  async function writeBatch(
    repo: ReturnType<typeof createRecordsRepo>,
    batch: { row: number; rec: RecordRow }[],
  ) {
    const days = new Set(batch.map((b) => localDay(b.rec.receivedAt)));
    const months = [...new Set([...days].map((d) => d.slice(0, 7)))].filter((m) => !knownMonths.has(m));
    await repo.ensureMonths(months);
    for (const m of months) knownMonths.add(m);
    const recs = batch.map((b) => b.rec);
    await repo.stage(recs);
    const known = await repo.stagedKnown();
    let skip: number[] = [];
    let old: StoredRecord[] = [];
    if (known.length) {
      // A record this import already wrote is a duplicate id in the file: the first row stands.
      skip = known.filter((k) => k.importId === opts.importId).map((k) => k.n);
      for (const n of skip) {
        const b = batch[n]!;
        fail(b.row, [{ column: 'record_id', code: 'duplicate_id', params: { value: b.rec.recordId } }]);
      }
      const earlier = known.filter((k) => k.importId !== opts.importId);
      if (earlier.length) {
        old = await repo.takeOld(earlier.map((k) => ({ ...recs[k.n]!, receivedAt: k.receivedAt })));
        await repo.moveKeys(
          earlier.map((k) => recs[k.n]!),
          opts.importId,
        );
      }
    }
    await repo.writeStaged(
      opts.importId,
      known.map((k) => k.n),
      skip,
    );
    const skipped = new Set(skip);
    const keep = skipped.size ? batch.filter((_, n) => !skipped.has(n)) : batch;
    for (const b of keep) deltas.count(b.rec, 1);
    for (const r of old) deltas.count(r, -1);
    if (deltas.size >= FLUSH_KEYS) await flushRollup(repo);
    imported += keep.length;
  }

  const run = async (tx: Db, copyIn: CopyIn | null) => {
    const repo = createRecordsRepo(tx, copyIn);
    await repo.lockImports();
    await repo.openStage();
    let batch: { row: number; rec: RecordRow }[] = [];
    let seen = new Set<string>();
    // The database writes batch n while the next batch is read and checked.
    let pending: Promise<void> = Promise.resolve();
    let failure: unknown = null;
    const flush = async () => {
      await pending;
      if (failure) throw failure;
      const b = batch;
      if (b.length && (opts.mode === 'good' || failed === 0))
        pending = writeBatch(repo, b).then(
          () => opts.onProgress?.({ rows, imported, failed }),
          (e: unknown) => {
            failure = e;
          },
        );
      else opts.onProgress?.({ rows, imported, failed });
      batch = [];
      seen = new Set();
    };
    for await (const raw of opts.rows) {
      rows++;
      if ('issue' in raw) {
        fail(raw.row, [raw.issue]);
        continue;
      }
      const parsed = parseRow(raw.cells, ctx);
      if (!parsed.ok) {
        fail(raw.row, parsed.issues);
        continue;
      }
      const k = key(parsed.row);
      if (seen.has(k)) {
        fail(raw.row, [
          { column: 'record_id', code: 'duplicate_id', params: { value: parsed.row.recordId } },
        ]);
        continue;
      }
      seen.add(k);
      batch.push({ row: raw.row, rec: parsed.row });
      if (batch.length >= batchRows) await flush();
    }
    await flush();
    await pending;
    if (failure) throw failure;
    await flushRollup(repo);
    errors.sort((a, b) => a.row - b.row);
    if (opts.mode === 'all' && failed > 0) throw new Refused();
  };

  let status: 'done' | 'refused' = 'done';
  try {
    await transactionWithCopy(db, run);
  } catch (e) {
    if (!(e instanceof Refused)) throw e;
    status = 'refused';
    imported = 0;
  }
  return { status, rows, imported, failed, errors, errorsTruncated: issues > errors.length };
}

const key = (r: { source: string; recordId: string }) => `${r.source}\u0000${r.recordId}`;
