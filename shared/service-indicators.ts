/**
 * Service indicators from service records (Decision 766/QĐ-TTg), as pure functions: how one
 * record counts, and the indicators from summed counts. The import keeps the daily rollup with
 * `recordCounts`; SQL never re-derives these rules except in the direct check the tests compare.
 */

export const RECORD_CHANNELS = ['online', 'in_person', 'post'] as const;
export type RecordChannel = (typeof RECORD_CHANNELS)[number];

/** The fields of a record the indicators read. */
export type RecordFacts = {
  receivedAt: Date;
  channel: RecordChannel;
  synced: boolean;
  documentsDigitised: boolean;
  resultDigitised: boolean;
  resultElectronic: boolean;
  hasFee: boolean;
  paidOnline: boolean;
  dueAt: Date | null;
  completedAt: Date | null;
  supplementRequests: number;
  supplementDays: number;
};

/** Summed counts: intake-based ones by the day received, completion-based ones by the day completed. */
export type RecordSums = {
  received: number;
  online: number;
  synced: number;
  digitised: number;
  withFee: number;
  paidOnline: number;
  completed: number;
  onTime: number;
  resultElectronic: number;
  processingSeconds: number;
};

export const ZERO_SUMS: RecordSums = {
  received: 0,
  online: 0,
  synced: 0,
  digitised: 0,
  withFee: 0,
  paidOnline: 0,
  completed: 0,
  onTime: 0,
  resultElectronic: 0,
  processingSeconds: 0,
};

const DAY_MS = 86_400_000;
/** Asia/Ho_Chi_Minh is UTC+7 all year (no daylight saving since 1975). */
const ZONE_OFFSET_MS = 7 * 3_600_000;

/** The calendar day (YYYY-MM-DD) of an instant in Asia/Ho_Chi_Minh. */
export function localDay(at: Date): string {
  const n = Math.floor((at.getTime() + ZONE_OFFSET_MS) / DAY_MS);
  let d = dayNames.get(n);
  if (d === undefined) dayNames.set(n, (d = new Date(n * DAY_MS).toISOString().slice(0, 10)));
  return d;
}
/** Day numbers to their names (a few thousand at most): the import names two days per record. */
const dayNames = new Map<number, string>();

/**
 * On time: completed by the promised date, the days spent waiting for the citizen's supplements
 * not counted; a record asked for supplements more than once is late whatever the dates.
 */
export function isOnTime(
  r: Pick<RecordFacts, 'dueAt' | 'completedAt' | 'supplementRequests' | 'supplementDays'>,
) {
  if (!r.completedAt) return false;
  if (r.supplementRequests > 1) return false;
  if (!r.dueAt) return true;
  return r.completedAt.getTime() - r.supplementDays * DAY_MS <= r.dueAt.getTime();
}

/** Processing time in seconds: received to completed, minus the waiting for supplements (never below 0). */
export function processingSeconds(r: Pick<RecordFacts, 'receivedAt' | 'completedAt' | 'supplementDays'>) {
  if (!r.completedAt) return 0;
  const ms = r.completedAt.getTime() - r.receivedAt.getTime() - r.supplementDays * DAY_MS;
  return Math.max(0, Math.round(ms / 1000));
}

/**
 * What one record adds to the daily rollup: its intake counts on the day received, and its
 * completion counts on the day completed (the same day or another).
 */
export function recordCounts(r: RecordFacts): {
  intake: { day: string; sums: RecordSums };
  completion: { day: string; sums: RecordSums } | null;
} {
  const intake: RecordSums = {
    received: 1,
    online: r.channel === 'online' ? 1 : 0,
    synced: r.synced ? 1 : 0,
    digitised: r.documentsDigitised && r.resultDigitised ? 1 : 0,
    withFee: r.hasFee ? 1 : 0,
    paidOnline: r.hasFee && r.paidOnline ? 1 : 0,
    completed: 0,
    onTime: 0,
    resultElectronic: 0,
    processingSeconds: 0,
  };
  const completion = r.completedAt
    ? {
        day: localDay(r.completedAt),
        sums: {
          received: 0,
          online: 0,
          synced: 0,
          digitised: 0,
          withFee: 0,
          paidOnline: 0,
          completed: 1,
          onTime: isOnTime(r) ? 1 : 0,
          resultElectronic: r.resultElectronic ? 1 : 0,
          processingSeconds: processingSeconds(r),
        },
      }
    : null;
  return { intake: { day: localDay(r.receivedAt), sums: intake }, completion };
}

export function addSums(a: RecordSums, b: RecordSums, sign = 1): RecordSums {
  return {
    received: a.received + sign * b.received,
    online: a.online + sign * b.online,
    synced: a.synced + sign * b.synced,
    digitised: a.digitised + sign * b.digitised,
    withFee: a.withFee + sign * b.withFee,
    paidOnline: a.paidOnline + sign * b.paidOnline,
    completed: a.completed + sign * b.completed,
    onTime: a.onTime + sign * b.onTime,
    resultElectronic: a.resultElectronic + sign * b.resultElectronic,
    processingSeconds: a.processingSeconds + sign * b.processingSeconds,
  };
}

/** Adds `b` (times sign) into `a`, in place (the import sums millions of records). */
export function addInto(a: RecordSums, b: RecordSums, sign = 1): void {
  a.received += sign * b.received;
  a.online += sign * b.online;
  a.synced += sign * b.synced;
  a.digitised += sign * b.digitised;
  a.withFee += sign * b.withFee;
  a.paidOnline += sign * b.paidOnline;
  a.completed += sign * b.completed;
  a.onTime += sign * b.onTime;
  a.resultElectronic += sign * b.resultElectronic;
  a.processingSeconds += sign * b.processingSeconds;
}

export const SERVICE_INDICATOR_CODES = [
  'records.sync_rate',
  'records.online_application_rate',
  'records.digitisation_rate',
  'records.electronic_result_rate',
  'records.online_payment_rate',
  'records.on_time_rate',
  'records.average_processing_days',
] as const;
export type ServiceIndicatorCode = (typeof SERVICE_INDICATOR_CODES)[number];

export type ServiceIndicator = {
  code: ServiceIndicatorCode;
  /** '%' for rates (value = 100 × numerator ÷ denominator), 'days' for the average. */
  unit: '%' | 'days';
  numerator: number;
  denominator: number;
  /** Two decimals; null = not applicable (denominator 0). */
  value: number | null;
};

const round2 = (x: number) => Math.round((x + Number.EPSILON) * 100) / 100;
const rate = (n: number, d: number) => (d === 0 ? null : round2((100 * n) / d));

/**
 * The indicators from summed counts: ratios of sums (a parent's value is never an average of its
 * children's values). The average processing time's numerator is in days (two decimals).
 */
export function serviceIndicators(s: RecordSums): ServiceIndicator[] {
  const pct = (code: ServiceIndicatorCode, numerator: number, denominator: number): ServiceIndicator => ({
    code,
    unit: '%',
    numerator,
    denominator,
    value: rate(numerator, denominator),
  });
  const days = s.processingSeconds / 86_400;
  return [
    pct('records.sync_rate', s.synced, s.received),
    pct('records.online_application_rate', s.online, s.received),
    pct('records.digitisation_rate', s.digitised, s.received),
    pct('records.electronic_result_rate', s.resultElectronic, s.completed),
    pct('records.online_payment_rate', s.paidOnline, s.withFee),
    pct('records.on_time_rate', s.onTime, s.completed),
    {
      code: 'records.average_processing_days',
      unit: 'days',
      numerator: round2(days),
      denominator: s.completed,
      value: s.completed === 0 ? null : round2(days / s.completed),
    },
  ];
}
