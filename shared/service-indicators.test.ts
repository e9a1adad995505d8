import { describe, expect, it } from 'vitest';
import {
  addSums,
  isOnTime,
  localDay,
  processingSeconds,
  recordCounts,
  serviceIndicators,
  ZERO_SUMS,
  type RecordFacts,
  type RecordSums,
} from './service-indicators.js';

const at = (s: string) => new Date(`${s}+07:00`);
const rec = (v: Partial<RecordFacts> = {}): RecordFacts => ({
  receivedAt: at('2025-07-01T08:00:00'),
  channel: 'in_person',
  synced: false,
  documentsDigitised: false,
  resultDigitised: false,
  resultElectronic: false,
  hasFee: false,
  paidOnline: false,
  dueAt: null,
  completedAt: null,
  supplementRequests: 0,
  supplementDays: 0,
  ...v,
});
const sum = (rs: RecordFacts[]) =>
  rs.reduce((s, r) => {
    const c = recordCounts(r);
    return addSums(addSums(s, c.intake.sums), c.completion?.sums ?? ZERO_SUMS);
  }, ZERO_SUMS);
const value = (s: RecordSums, code: string) =>
  serviceIndicators(s).find((i) => i.code === `records.${code}`)!;

describe('service indicators (Decision 766 formulas)', () => {
  it('each rate is a ratio with two decimals over its own denominator', () => {
    const s = sum([
      rec({
        channel: 'online',
        synced: true,
        documentsDigitised: true,
        resultDigitised: true,
        hasFee: true,
        paidOnline: true,
      }),
      rec({ channel: 'online', synced: true, documentsDigitised: true, hasFee: true }),
      rec({ channel: 'post', synced: true }),
    ]);
    expect(value(s, 'sync_rate')).toEqual({
      code: 'records.sync_rate',
      unit: '%',
      numerator: 3,
      denominator: 3,
      value: 100,
    });
    expect(value(s, 'online_application_rate')).toMatchObject({ numerator: 2, denominator: 3, value: 66.67 });
    // Digitised means documents AND result digitised.
    expect(value(s, 'digitisation_rate')).toMatchObject({ numerator: 1, denominator: 3, value: 33.33 });
    // Online payment over the records that have a fee only.
    expect(value(s, 'online_payment_rate')).toMatchObject({ numerator: 1, denominator: 2, value: 50 });
  });

  it('denominators of 0 give "not applicable" (null), not 0 or 100', () => {
    const none = serviceIndicators(ZERO_SUMS);
    expect(none.every((i) => i.value === null && i.denominator === 0)).toBe(true);
    // Records without fees and none completed: payment, results, on-time and time are not applicable.
    const s = sum([rec(), rec({ channel: 'online' })]);
    expect(value(s, 'online_application_rate').value).toBe(50);
    for (const c of [
      'online_payment_rate',
      'electronic_result_rate',
      'on_time_rate',
      'average_processing_days',
    ])
      expect(value(s, c).value).toBeNull();
  });

  it('on time: by the promised date, waiting for supplements excluded; two requests or more is late', () => {
    const due = at('2025-07-05T17:00:00');
    expect(
      isOnTime({
        dueAt: due,
        completedAt: at('2025-07-05T17:00:00'),
        supplementRequests: 0,
        supplementDays: 0,
      }),
    ).toBe(true);
    expect(
      isOnTime({
        dueAt: due,
        completedAt: at('2025-07-05T17:01:00'),
        supplementRequests: 0,
        supplementDays: 0,
      }),
    ).toBe(false);
    // Two days late by the calendar, three days of waiting for the citizen: on time.
    expect(
      isOnTime({
        dueAt: due,
        completedAt: at('2025-07-07T17:00:00'),
        supplementRequests: 1,
        supplementDays: 3,
      }),
    ).toBe(true);
    expect(
      isOnTime({
        dueAt: due,
        completedAt: at('2025-07-07T17:00:00'),
        supplementRequests: 1,
        supplementDays: 1,
      }),
    ).toBe(false);
    // More than one supplement request: late even if early.
    expect(
      isOnTime({
        dueAt: due,
        completedAt: at('2025-07-02T08:00:00'),
        supplementRequests: 2,
        supplementDays: 0,
      }),
    ).toBe(false);
    expect(isOnTime({ dueAt: due, completedAt: null, supplementRequests: 0, supplementDays: 0 })).toBe(false);
    const s = sum([
      rec({ dueAt: due, completedAt: at('2025-07-03T08:00:00') }),
      rec({ dueAt: due, completedAt: at('2025-07-07T17:00:00'), supplementRequests: 1, supplementDays: 3 }),
      rec({ dueAt: due, completedAt: at('2025-07-02T08:00:00'), supplementRequests: 2 }),
      rec({ dueAt: due, completedAt: at('2025-07-09T08:00:00') }),
      rec({ dueAt: due }),
    ]);
    expect(value(s, 'on_time_rate')).toMatchObject({ numerator: 2, denominator: 4, value: 50 });
  });

  it('average processing time in days, supplements excluded, over completed records', () => {
    const r1 = rec({ completedAt: at('2025-07-03T08:00:00') }); // 2 days
    const r2 = rec({ completedAt: at('2025-07-06T08:00:00'), supplementRequests: 1, supplementDays: 2 }); // 5 − 2 = 3
    const r3 = rec({ completedAt: at('2025-07-01T20:00:00') }); // 0.5
    expect(processingSeconds(r2)).toBe(3 * 86_400);
    const s = sum([r1, r2, r3, rec()]);
    expect(value(s, 'average_processing_days')).toMatchObject({
      unit: 'days',
      numerator: 5.5,
      denominator: 3,
      value: 1.83,
    });
  });

  it('a record counts on the day received, its completion on the day completed, in Hanoi time', () => {
    expect(localDay(new Date('2025-06-30T17:00:00Z'))).toBe('2025-07-01');
    expect(localDay(new Date('2025-06-30T16:59:59Z'))).toBe('2025-06-30');
    const c = recordCounts(
      rec({
        receivedAt: at('2025-07-31T23:30:00'),
        completedAt: at('2025-08-01T00:30:00'),
        resultElectronic: true,
      }),
    );
    expect(c.intake.day).toBe('2025-07-31');
    expect(c.completion).toMatchObject({
      day: '2025-08-01',
      sums: { completed: 1, resultElectronic: 1, onTime: 1 },
    });
  });

  it('a parent is the ratio of the sums of its children, never the average of their rates', () => {
    const a = sum([rec({ channel: 'online' })]); // 100 %
    const b = sum([rec(), rec(), rec(), rec({ channel: 'online' })]); // 25 %
    expect(value(addSums(a, b), 'online_application_rate')).toMatchObject({
      numerator: 2,
      denominator: 5,
      value: 40,
    });
  });
});
