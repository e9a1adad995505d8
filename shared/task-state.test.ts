import { describe, expect, it } from 'vitest';
import { deadlineAsOf, taskStateAsOf } from './task-state.js';

const base = { originalDeadline: '2025-11-30', completedOn: null, firstActivityOn: null };

describe('taskStateAsOf (domain.md rules)', () => {
  it('done on time when completed on or before the deadline', () => {
    expect(taskStateAsOf({ ...base, completedOn: '2025-11-30' }, '2025-12-10')).toBe('done_on_time');
    expect(taskStateAsOf({ ...base, completedOn: '2025-11-01' }, '2025-11-01')).toBe('done_on_time');
  });
  it('done late when completed after the deadline', () => {
    expect(taskStateAsOf({ ...base, completedOn: '2025-12-01' }, '2025-12-10')).toBe('done_late');
  });
  it('a completion after D is not seen as of D', () => {
    expect(
      taskStateAsOf({ ...base, completedOn: '2025-12-05', firstActivityOn: '2025-11-01' }, '2025-12-01'),
    ).toBe('overdue');
    expect(
      taskStateAsOf({ ...base, completedOn: '2025-11-20', firstActivityOn: '2025-11-01' }, '2025-11-10'),
    ).toBe('in_progress');
  });
  it('overdue the day after the deadline, not on it', () => {
    expect(taskStateAsOf({ ...base, firstActivityOn: '2025-11-01' }, '2025-11-30')).toBe('in_progress');
    expect(taskStateAsOf({ ...base, firstActivityOn: '2025-11-01' }, '2025-12-01')).toBe('overdue');
    expect(taskStateAsOf(base, '2025-12-01')).toBe('overdue');
  });
  it('not started until the first activity', () => {
    expect(taskStateAsOf({ ...base, firstActivityOn: '2025-11-15' }, '2025-11-14')).toBe('not_started');
    expect(taskStateAsOf({ ...base, firstActivityOn: '2025-11-15' }, '2025-11-15')).toBe('in_progress');
  });
  it('an approved extension applies from its approval on; the original deadline rules before it', () => {
    const t = {
      ...base,
      firstActivityOn: '2025-10-01',
      deadlineChanges: [{ deadline: '2025-12-31', effectiveFrom: '2025-12-05' }],
    };
    expect(taskStateAsOf(t, '2025-12-04')).toBe('overdue');
    expect(taskStateAsOf(t, '2025-12-05')).toBe('in_progress');
    expect(deadlineAsOf(t, '2025-12-04')).toBe('2025-11-30');
    expect(deadlineAsOf(t, '2026-01-10')).toBe('2025-12-31');
    // Completed between the original and the extended deadline, seen after the extension: on time.
    expect(taskStateAsOf({ ...t, completedOn: '2025-12-20' }, '2026-01-01')).toBe('done_on_time');
  });
  it('the latest change in force wins', () => {
    const t = {
      ...base,
      deadlineChanges: [
        { deadline: '2025-12-31', effectiveFrom: '2025-11-20' },
        { deadline: '2026-01-31', effectiveFrom: '2025-12-20' },
      ],
    };
    expect(deadlineAsOf(t, '2025-12-19')).toBe('2025-12-31');
    expect(deadlineAsOf(t, '2025-12-20')).toBe('2026-01-31');
  });
});
