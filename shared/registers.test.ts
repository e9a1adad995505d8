import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  answerClock,
  countsLate,
  obstacleOverdue,
  obstacleStatusAsOf,
  recommendationStateAsOf,
} from './registers.js';

describe('working days', () => {
  it('skips weekends and days off', () => {
    // Monday 2025-11-03 + 15 working days = Monday 2025-11-24.
    expect(addWorkingDays('2025-11-03', 15)).toBe('2025-11-24');
    // From a Friday, one working day is the Monday.
    expect(addWorkingDays('2025-11-07', 1)).toBe('2025-11-10');
    // A day off in between pushes the end by one.
    expect(addWorkingDays('2025-11-03', 15, new Set(['2025-11-12']))).toBe('2025-11-25');
    expect(addWorkingDays('2025-11-08', 0)).toBe('2025-11-08');
  });

  it('the answer clock counts working days left, negative once late, none once answered', () => {
    const r = { answerDueOn: '2025-11-24', answeredOn: null };
    expect(answerClock(r, '2025-11-21')).toBe(1);
    expect(answerClock(r, '2025-11-24')).toBe(0);
    expect(answerClock(r, '2025-11-26')).toBe(-2);
    expect(answerClock(r, '2025-11-17')).toBe(5);
    expect(answerClock({ ...r, answeredOn: '2025-11-20' }, '2025-11-26')).toBeNull();
    expect(answerClock({ ...r, answeredOn: '2025-11-30' }, '2025-11-26')).toBe(-2);
  });
});

describe('obstacle status as of a date', () => {
  const history = [
    { status: 'open' as const, on: '2025-10-01' },
    { status: 'in_progress' as const, on: '2025-10-10' },
    { status: 'escalated' as const, on: '2025-11-01' },
    { status: 'resolved' as const, on: '2025-11-20' },
  ];
  it('reads the latest change on or before the day', () => {
    expect(obstacleStatusAsOf(history, '2025-09-30')).toBeNull();
    expect(obstacleStatusAsOf(history, '2025-10-01')).toBe('open');
    expect(obstacleStatusAsOf(history, '2025-10-15')).toBe('in_progress');
    expect(obstacleStatusAsOf(history, '2025-11-19')).toBe('escalated');
    expect(obstacleStatusAsOf(history, '2025-12-01')).toBe('resolved');
    // Two changes on one day: the later entry wins.
    expect(
      obstacleStatusAsOf([...history, { status: 'open' as const, on: '2025-11-20' }], '2025-11-20'),
    ).toBe('open');
  });
  it('is overdue while unresolved after its due day', () => {
    expect(obstacleOverdue('open', '2025-11-10', '2025-11-10')).toBe(false);
    expect(obstacleOverdue('open', '2025-11-10', '2025-11-11')).toBe(true);
    expect(obstacleOverdue('escalated', '2025-11-10', '2025-11-11')).toBe(true);
    expect(obstacleOverdue('resolved', '2025-11-10', '2025-11-11')).toBe(false);
    expect(obstacleOverdue('open', null, '2025-11-11')).toBe(false);
    expect(obstacleOverdue(null, '2025-11-10', '2025-11-11')).toBe(false);
  });
});

describe('recommendation state as of a date', () => {
  const r = { submittedOn: '2025-11-03', answerDueOn: '2025-11-24', answeredOn: null as string | null };
  it('pending, then overdue the day after the due day', () => {
    expect(recommendationStateAsOf(r, '2025-11-02')).toBeNull();
    expect(recommendationStateAsOf(r, '2025-11-24')).toBe('pending');
    expect(recommendationStateAsOf(r, '2025-11-25')).toBe('overdue');
    expect(countsLate(recommendationStateAsOf(r, '2025-11-25'))).toBe(true);
  });
  it('answered on time or late by the answer day; before the answer it was what it was', () => {
    const late = { ...r, answeredOn: '2025-11-27' };
    expect(recommendationStateAsOf(late, '2025-11-26')).toBe('overdue');
    expect(recommendationStateAsOf(late, '2025-11-27')).toBe('answered_late');
    expect(countsLate('answered_late')).toBe(true);
    const onTime = { ...r, answeredOn: '2025-11-24' };
    expect(recommendationStateAsOf(onTime, '2025-12-31')).toBe('answered_on_time');
    expect(countsLate('answered_on_time')).toBe(false);
  });
});
