import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { CopyIn } from '../../db/transaction.js';
import { addDays } from '../../../shared/dates.js';
import { ZERO_SUMS, type RecordFacts, type RecordSums } from '../../../shared/service-indicators.js';
import type { RecordRow } from './row.js';

export type StoredRecord = RecordRow & { importId: number | null };
export type DayDelta = { unitId: number; day: string; sums: RecordSums };
export type UnitRef = {
  id: number;
  code: string;
  path: string;
  depth: number;
  name_vi: string;
  name_en: string | null;
  name_ar: string | null;
};

const p = (v: unknown) => sql.param(v);

/** Sums of the daily rollup, named like RecordSums. */
const SUMS = sql`coalesce(sum(d.received), 0)::bigint as "received",
  coalesce(sum(d.online), 0)::bigint as "online", coalesce(sum(d.synced), 0)::bigint as "synced",
  coalesce(sum(d.digitised), 0)::bigint as "digitised", coalesce(sum(d.with_fee), 0)::bigint as "withFee",
  coalesce(sum(d.paid_online), 0)::bigint as "paidOnline", coalesce(sum(d.completed), 0)::bigint as "completed",
  coalesce(sum(d.on_time), 0)::bigint as "onTime", coalesce(sum(d.result_electronic), 0)::bigint as "resultElectronic",
  coalesce(sum(d.processing_seconds), 0)::bigint as "processingSeconds"`;

const COLUMNS =
  'received, online, synced, digitised, with_fee, paid_online, completed, on_time, result_electronic, processing_seconds';
const COLS = sql.raw(COLUMNS);

/**
 * The rollup rows covering [from, to]: whole months from the monthly table, the days at either
 * end from the daily one (a year = 12 monthly rows per unit instead of 365).
 */
function rollupRows(from: string, to: string) {
  const fullFrom = from.endsWith('-01') ? from : addDays(`${from.slice(0, 7)}-01`, 32).slice(0, 7) + '-01';
  const fullTo = addDays(to, 1).endsWith('-01') ? to : addDays(`${to.slice(0, 7)}-01`, -1);
  return sql`(select unit_id, month as day, ${COLS} from service_record_months
                where month between ${fullFrom}::date and ${fullTo}::date
              union all
              select unit_id, day, ${COLS} from service_record_days
                where day between ${from}::date and ${to}::date and (day < ${fullFrom}::date or day > ${fullTo}::date))`;
}

type RecordDbRow = {
  source: string;
  record_id: string;
  procedure_code: string;
  unit_id: number;
  received_at: Date | string;
  channel: RecordRow['channel'];
  synced: boolean;
  documents_digitised: boolean;
  result_digitised: boolean;
  result_electronic: boolean;
  has_fee: boolean;
  paid_online: boolean;
  due_at: Date | string | null;
  completed_at: Date | string | null;
  supplement_requests: number;
  supplement_days: number;
  import_id: number | null;
};
/** Timestamps come back from the driver as text through drizzle's execute. */
const at = (v: Date | string | null) => (v === null ? null : v instanceof Date ? v : new Date(v));
const fromDb = (r: RecordDbRow): StoredRecord => ({
  source: r.source,
  recordId: r.record_id,
  procedureCode: r.procedure_code,
  unitId: r.unit_id,
  receivedAt: at(r.received_at)!,
  channel: r.channel,
  synced: r.synced,
  documentsDigitised: r.documents_digitised,
  resultDigitised: r.result_digitised,
  resultElectronic: r.result_electronic,
  hasFee: r.has_fee,
  paidOnline: r.paid_online,
  dueAt: at(r.due_at),
  completedAt: at(r.completed_at),
  supplementRequests: r.supplement_requests,
  supplementDays: Number(r.supplement_days),
  importId: r.import_id,
});

/**
 * Where (the SQL of) the on-time rule and the processing time live for the direct check: the
 * same rule as shared/service-indicators.ts, over the records themselves.
 */
const ON_TIME = sql`(r.completed_at is not null and r.supplement_requests <= 1
  and (r.due_at is null or r.completed_at - r.supplement_days * interval '1 day' <= r.due_at))`;
const PROCESSING = sql`greatest(0, round(extract(epoch from (r.completed_at - r.received_at - r.supplement_days * interval '1 day'))))`;

/** The columns of a record as written, in the order of the staging table after `n`. */
const RECORD_COLS = sql.raw(`source, record_id, procedure_code, unit_id, received_at, channel, synced,
  documents_digitised, result_digitised, result_electronic, has_fee, paid_online, due_at, completed_at,
  supplement_requests, supplement_days, import_id`);

/** A text field in COPY's text format: backslash, tab, newline and carriage return escaped. */
const copyText = (v: string) => (/[\\\t\n\r]/.test(v) ? v.replace(/[\\\t\n\r]/g, copyEscape) : v);
const copyEscape = (c: string) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r');
const copyBool = (b: boolean) => (b ? 't' : 'f');
const copyMs = (d: Date | null) => (d ? String(d.getTime()) : '\\N');
/** An instant from epoch milliseconds (to_timestamp rounds to the microsecond: exact for ms). */
const AT = (col: string) => sql.raw(`to_timestamp(${col} / 1000.0)`);

/** A batch as COPY text lines (`n` = the row's place in the batch), joined in chunks of 1,000 rows. */
function* copyLines(recs: RecordRow[]) {
  let chunk = '';
  for (let n = 0; n < recs.length; n++) {
    const r = recs[n]!;
    chunk += `${n}\t${copyText(r.source)}\t${copyText(r.recordId)}\t${copyText(r.procedureCode)}\t${r.unitId}\t${r.receivedAt.getTime()}\t${r.channel}\t${copyBool(r.synced)}\t${copyBool(r.documentsDigitised)}\t${copyBool(r.resultDigitised)}\t${copyBool(r.resultElectronic)}\t${copyBool(r.hasFee)}\t${copyBool(r.paidOnline)}\t${copyMs(r.dueAt)}\t${copyMs(r.completedAt)}\t${r.supplementRequests}\t${r.supplementDays}\n`;
    if (n % 1000 === 999) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

/** Adds the staged deltas to a rollup table (`key` = its date column, `date` = what fills it). */
const addStaged = (db: Db, table: string, key: string, date: string) =>
  db.execute(sql`
    insert into ${sql.raw(table)} as t (unit_id, ${sql.raw(key)}, ${COLS})
    select unit_id, ${sql.raw(date)}, sum(received), sum(online), sum(synced), sum(digitised), sum(with_fee),
           sum(paid_online), sum(completed), sum(on_time), sum(result_electronic), sum(processing_seconds)
      from service_record_deltas group by 1, 2
    on conflict (unit_id, ${sql.raw(key)}) do update set
      received = t.received + excluded.received, online = t.online + excluded.online,
      synced = t.synced + excluded.synced, digitised = t.digitised + excluded.digitised,
      with_fee = t.with_fee + excluded.with_fee, paid_online = t.paid_online + excluded.paid_online,
      completed = t.completed + excluded.completed, on_time = t.on_time + excluded.on_time,
      result_electronic = t.result_electronic + excluded.result_electronic,
      processing_seconds = t.processing_seconds + excluded.processing_seconds`);

/** Rollup deltas as COPY text lines. */
function* deltaLines(deltas: DayDelta[]) {
  let chunk = '';
  for (let i = 0; i < deltas.length; i++) {
    const d = deltas[i]!;
    const s = d.sums;
    chunk += `${d.unitId}\t${d.day}\t${s.received}\t${s.online}\t${s.synced}\t${s.digitised}\t${s.withFee}\t${s.paidOnline}\t${s.completed}\t${s.onTime}\t${s.resultElectronic}\t${s.processingSeconds}\n`;
    if (i % 2000 === 1999) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

export function createRecordsRepo(db: Db, copyIn: CopyIn | null = null) {
  const rows = async <T>(q: SQL) => (await db.execute(q)).rows as T[];
  return {
    units: () => rows<UnitRef>(sql`select id, code, path, depth, name_vi, name_en, name_ar from units`),
    unit: async (id: number) =>
      (
        await rows<UnitRef>(
          sql`select id, code, path, depth, name_vi, name_en, name_ar from units where id = ${id}`,
        )
      )[0],
    unitsByIds: (ids: number[]) =>
      ids.length
        ? rows<UnitRef>(sql`select id, code, path, depth, name_vi, name_en, name_ar from units
            where id in (${sql.join(
              ids.map((i) => sql`${i}`),
              sql`, `,
            )})`)
        : Promise.resolve([]),
    children: (id: number) =>
      rows<UnitRef>(
        sql`select id, code, path, depth, name_vi, name_en, name_ar from units where parent_id = ${id} order by code`,
      ),
    programmeRoots: () =>
      rows<{ id: number; root_unit_id: number | null; path: string | null }>(sql`
        select p.id, p.root_unit_id, u.path from programmes p left join units u on u.id = p.root_unit_id`),

    /** Imports run one at a time per database (partitions are created and rollups summed without races). */
    lockImports: async () => {
      await db.execute(sql`select pg_advisory_xact_lock(570601)`);
      // The look-up of stored versions must probe each partition's key index: with small or
      // fresh partitions the planner prefers scanning them whole, which grows with the table.
      await db.execute(sql`set local enable_seqscan = off`);
      await db.execute(sql`set local enable_bitmapscan = off`);
      await db.execute(sql`set local enable_hashjoin = off`);
      await db.execute(sql`set local enable_mergejoin = off`);
    },
    ensureMonths: async (months: string[]) => {
      for (const m of months) await db.execute(sql`select steerboard_records_partition(${`${m}-01`}::date)`);
    },

    /**
     * The import's staging tables: each batch (and each set of rollup deltas) is loaded into one
     * (COPY on PostgreSQL, one INSERT from arrays on PGlite), then written by set-based
     * statements. Instants travel as epoch milliseconds (cheaper to write and to read than ISO
     * text). Dropped with the transaction.
     */
    openStage: async () => {
      await db.execute(sql`create temp table service_records_stage (n int not null, source text not null,
        record_id text not null, procedure_code text not null, unit_id int not null, received_ms bigint not null,
        channel text not null, synced bool not null, documents_digitised bool not null, result_digitised bool not null,
        result_electronic bool not null, has_fee bool not null, paid_online bool not null, due_ms bigint,
        completed_ms bigint, supplement_requests smallint not null, supplement_days numeric(8, 2) not null)
        on commit drop`);
      await db.execute(sql`create temp table service_record_deltas (unit_id int not null, day date not null, received int not null,
          online int not null, synced int not null, digitised int not null, with_fee int not null,
          paid_online int not null, completed int not null, on_time int not null, result_electronic int not null,
          processing_seconds bigint not null) on commit drop`);
    },
    /** Replaces the staging table's rows with the batch (`n` = place in the batch). */
    stage: async (recs: RecordRow[]) => {
      await db.execute(sql`truncate service_records_stage`);
      if (!recs.length) return;
      if (copyIn) return copyIn(`copy service_records_stage from stdin`, copyLines(recs));
      const col = <K extends keyof RecordRow>(k: K) => recs.map((r) => r[k]);
      const ms = (k: 'receivedAt' | 'dueAt' | 'completedAt') => p(recs.map((r) => r[k]?.getTime() ?? null));
      await db.execute(sql`
        insert into service_records_stage
        select * from unnest(${p(recs.map((_, i) => i))}::int[], ${p(col('source'))}::text[], ${p(col('recordId'))}::text[],
          ${p(col('procedureCode'))}::text[], ${p(col('unitId'))}::int[], ${ms('receivedAt')}::bigint[],
          ${p(col('channel'))}::text[], ${p(col('synced'))}::bool[], ${p(col('documentsDigitised'))}::bool[],
          ${p(col('resultDigitised'))}::bool[], ${p(col('resultElectronic'))}::bool[], ${p(col('hasFee'))}::bool[],
          ${p(col('paidOnline'))}::bool[], ${ms('dueAt')}::bigint[], ${ms('completedAt')}::bigint[],
          ${p(col('supplementRequests'))}::smallint[], ${p(col('supplementDays'))}::numeric[])`);
    },
    /**
     * The staged rows whose key is already known (one probe of the key index each): where the
     * stored version is and which import wrote it. Usually none (a first import). Measured: a
     * probe plus a plain INSERT of the fresh keys costs less than INSERT … ON CONFLICT DO NOTHING
     * (speculative insertion) over the same rows.
     */
    stagedKnown: async () =>
      (
        await rows<{ n: number; received_at: string; import_id: number | null }>(sql`
          select s.n, k.received_at, k.import_id
            from service_records_stage s join service_record_keys k on k.source = s.source and k.record_id = s.record_id`)
      ).map((k) => ({ n: k.n, receivedAt: new Date(k.received_at), importId: k.import_id })),
    /**
     * Writes the staged rows: keys for those not known yet (`known` = their places in the batch),
     * records for all but `skip` (duplicates in the file). One statement, two inserts.
     */
    writeStaged: (importId: number, known: number[], skip: number[]) =>
      db.execute(sql`
        with keys as (
          insert into service_record_keys (source, record_id, received_at, import_id)
          select source, record_id, ${AT('received_ms')}, ${importId}::int from service_records_stage
           where n <> all(${p(known)}::int[]))
        insert into service_records (${RECORD_COLS})
        select source, record_id, procedure_code, unit_id, ${AT('received_ms')}, channel, synced,
               documents_digitised, result_digitised, result_electronic, has_fee, paid_online,
               ${AT('due_ms')}, ${AT('completed_ms')}, supplement_requests, supplement_days, ${importId}::int
          from service_records_stage where n <> all(${p(skip)}::int[])`),
    /** Removes stored versions (their month is known, so each is one probe in one partition), returning them. */
    takeOld: async (old: { source: string; recordId: string; receivedAt: Date }[]) =>
      (
        await rows<RecordDbRow>(sql`
          delete from service_records r
           using unnest(${p(old.map((o) => o.source))}::text[], ${p(old.map((o) => o.recordId))}::text[],
                        ${p(old.map((o) => o.receivedAt.toISOString()))}::timestamptz[]) as o(source, record_id, received_at)
           where r.source = o.source and r.record_id = o.record_id and r.received_at = o.received_at
          returning r.*`)
      ).map(fromDb),
    moveKeys: (recs: { source: string; recordId: string; receivedAt: Date }[], importId: number) =>
      db.execute(sql`
        update service_record_keys k set received_at = q.received_at, import_id = ${importId}
          from unnest(${p(recs.map((r) => r.source))}::text[], ${p(recs.map((r) => r.recordId))}::text[],
                      ${p(recs.map((r) => r.receivedAt.toISOString()))}::timestamptz[]) as q(source, record_id, received_at)
         where k.source = q.source and k.record_id = q.record_id`),

    /** Adds signed counts to the daily and the monthly rollup (one statement each for the batch). */
    addToRollup: async (deltas: DayDelta[]) => {
      if (!deltas.length) return;
      await db.execute(sql`truncate service_record_deltas`);
      if (copyIn)
        await copyIn(`copy service_record_deltas (unit_id, day, ${COLUMNS}) from stdin`, deltaLines(deltas));
      else {
        const c = (k: keyof RecordSums) => p(deltas.map((d) => d.sums[k]));
        await db.execute(sql`
          insert into service_record_deltas (unit_id, day, ${COLS})
          select * from unnest(${p(deltas.map((d) => d.unitId))}::int[], ${p(deltas.map((d) => d.day))}::date[],
            ${c('received')}::int[], ${c('online')}::int[], ${c('synced')}::int[], ${c('digitised')}::int[],
            ${c('withFee')}::int[], ${c('paidOnline')}::int[], ${c('completed')}::int[], ${c('onTime')}::int[],
            ${c('resultElectronic')}::int[], ${c('processingSeconds')}::bigint[])`);
      }
      await addStaged(db, 'service_record_days', 'day', 'day');
      await addStaged(db, 'service_record_months', 'month', "date_trunc('month', day)::date");
    },

    createImport: async (v: {
      source: string;
      format: string;
      mode: string;
      fileName: string | null;
      by: number | null;
      at: Date;
    }) =>
      (
        await rows<{ id: number }>(sql`
          insert into record_imports (source, format, mode, file_name, status, created_by, started_at)
          values (${v.source}, ${v.format}, ${v.mode}, ${v.fileName}, 'running', ${v.by}, ${v.at.toISOString()}) returning id`)
      )[0]!.id,
    finishImport: (
      id: number,
      v: {
        status: string;
        rows: number;
        imported: number;
        failed: number;
        bytes: number;
        errors: unknown[];
        at: Date;
      },
    ) =>
      db.execute(sql`
        update record_imports set status = ${v.status}, rows_total = ${v.rows}, rows_imported = ${v.imported},
          rows_failed = ${v.failed}, bytes = ${v.bytes}, errors = ${JSON.stringify(v.errors)}::jsonb,
          finished_at = ${v.at.toISOString()} where id = ${id}`),
    importById: async (id: number) =>
      (
        await rows<{
          id: number;
          source: string;
          format: string;
          mode: string;
          file_name: string | null;
          status: string;
          rows_total: number;
          rows_imported: number;
          rows_failed: number;
          bytes: number;
          errors: { row: number; column: string | null; code: string; message: string }[];
          created_by: number | null;
          started_at: string;
          finished_at: string | null;
        }>(sql`select id, source, format, mode, file_name, status, rows_total, rows_imported, rows_failed, bytes,
                 errors, created_by, to_json(started_at)#>>'{}' as started_at, to_json(finished_at)#>>'{}' as finished_at
            from record_imports where id = ${id}`)
      )[0],

    /** Rollup sums over a unit subtree and days (both included). */
    sums: async (path: string, from: string, to: string) =>
      (
        await rows<RecordSums>(sql`select ${SUMS} from ${rollupRows(from, to)} d join units u on u.id = d.unit_id
          where u.path like ${`${path}%`}`)
      )[0]!,
    /** The same, per child of the unit (key = the child's id; the unit's own id for records filed on it). */
    sumsByChild: (unit: UnitRef, from: string, to: string) =>
      rows<RecordSums & { key: string }>(sql`
        select coalesce(nullif(split_part(u.path, '/', ${unit.depth + 3}), ''), ${String(unit.id)}) as key, ${SUMS}
          from ${rollupRows(from, to)} d join units u on u.id = d.unit_id
         where u.path like ${`${unit.path}%`}
         group by 1`),
    sumsByMonth: (path: string, from: string, to: string) =>
      rows<RecordSums & { key: string }>(sql`
        select to_char(d.day, 'YYYY-MM') as key, ${SUMS}
          from ${rollupRows(from, to)} d join units u on u.id = d.unit_id
         where u.path like ${`${path}%`}
         group by 1 order by 1`),

    /** Sums for many (subtree, days) asks in one statement: element i answers ask i. */
    sumsMany: async (asks: { path: string; from: string; to: string }[]): Promise<RecordSums[]> => {
      if (!asks.length) return [];
      const parts = asks.map(
        (a, i) => sql`(select ${i}::int as i, ${SUMS} from ${rollupRows(a.from, a.to)} d
          join units u on u.id = d.unit_id where u.path like ${`${a.path}%`})`,
      );
      const got = await rows<RecordSums & { i: number }>(sql.join(parts, sql` union all `));
      const byAsk = new Map(got.map(({ i, ...s }) => [Number(i), s as RecordSums]));
      return asks.map((_, i) => byAsk.get(i) ?? { ...ZERO_SUMS });
    },
    /** The last day up to `asOf` on which a subtree has records (received or completed), or null. */
    lastDay: async (path: string, asOf: string) =>
      (
        await rows<{ day: string | null }>(sql`
          with m as (select max(m.month) as month from service_record_months m join units u on u.id = m.unit_id
                      where u.path like ${`${path}%`} and m.month <= ${asOf}::date)
          select to_char(max(d.day), 'YYYY-MM-DD') as day
            from service_record_days d join units u on u.id = d.unit_id, m
           where u.path like ${`${path}%`} and d.day >= m.month and d.day <= ${asOf}::date`)
      )[0]?.day ?? null,
    /** The same sums straight from the records (the rollup's check; slow at scale). */
    directSums: async (path: string, from: string, to: string) =>
      (
        await rows<RecordSums>(sql`
          with r as (select r.* from service_records r join units u on u.id = r.unit_id where u.path like ${`${path}%`}),
          rd as (select r.*, (r.received_at at time zone 'Asia/Ho_Chi_Minh')::date as rday,
                        (r.completed_at at time zone 'Asia/Ho_Chi_Minh')::date as cday from r)
          select count(*) filter (where rday between ${from}::date and ${to}::date)::bigint as "received",
            count(*) filter (where rday between ${from}::date and ${to}::date and channel = 'online')::bigint as "online",
            count(*) filter (where rday between ${from}::date and ${to}::date and synced)::bigint as "synced",
            count(*) filter (where rday between ${from}::date and ${to}::date and documents_digitised and result_digitised)::bigint as "digitised",
            count(*) filter (where rday between ${from}::date and ${to}::date and has_fee)::bigint as "withFee",
            count(*) filter (where rday between ${from}::date and ${to}::date and has_fee and paid_online)::bigint as "paidOnline",
            count(*) filter (where cday between ${from}::date and ${to}::date)::bigint as "completed",
            count(*) filter (where cday between ${from}::date and ${to}::date and ${ON_TIME})::bigint as "onTime",
            count(*) filter (where cday between ${from}::date and ${to}::date and result_electronic)::bigint as "resultElectronic",
            coalesce(sum(${PROCESSING}) filter (where cday between ${from}::date and ${to}::date), 0)::bigint as "processingSeconds"
          from rd r`)
      )[0]!,

    /** Rebuilds the key index and the whole rollup from the records (after a bulk load written straight in SQL). */
    rebuildRollup: async () => {
      await db.execute(sql`delete from service_record_keys`);
      await db.execute(sql`insert into service_record_keys (source, record_id, received_at, import_id)
        select source, record_id, received_at, import_id from service_records`);
      await db.execute(sql`delete from service_record_days`);
      await db.execute(sql`
        insert into service_record_days (unit_id, day, received, online, synced, digitised, with_fee, paid_online,
          completed, on_time, result_electronic, processing_seconds)
        select unit_id, day, sum(received), sum(online), sum(synced), sum(digitised), sum(with_fee), sum(paid_online),
               sum(completed), sum(on_time), sum(result_electronic), sum(processing_seconds)
          from (
            select r.unit_id, (r.received_at at time zone 'Asia/Ho_Chi_Minh')::date as day, 1 as received,
                   (r.channel = 'online')::int as online, r.synced::int as synced,
                   (r.documents_digitised and r.result_digitised)::int as digitised, r.has_fee::int as with_fee,
                   (r.has_fee and r.paid_online)::int as paid_online, 0 as completed, 0 as on_time,
                   0 as result_electronic, 0::bigint as processing_seconds
              from service_records r
            union all
            select r.unit_id, (r.completed_at at time zone 'Asia/Ho_Chi_Minh')::date, 0, 0, 0, 0, 0, 0, 1,
                   (${ON_TIME})::int, r.result_electronic::int, ${PROCESSING}::bigint
              from service_records r where r.completed_at is not null) x
         group by unit_id, day`);
      await db.execute(sql`delete from service_record_months`);
      await db.execute(sql`
        insert into service_record_months (unit_id, month, ${COLS})
        select unit_id, date_trunc('month', day)::date, sum(received), sum(online), sum(synced), sum(digitised),
               sum(with_fee), sum(paid_online), sum(completed), sum(on_time), sum(result_electronic), sum(processing_seconds)
          from service_record_days group by 1, 2`);
    },
  };
}
export type RecordsRepo = ReturnType<typeof createRecordsRepo>;
export type { RecordFacts };
