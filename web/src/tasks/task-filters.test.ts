import { describe, expect, it } from 'vitest';
import { activeFilterCount, parseTaskFilters, taskFiltersToParams } from './task-filters';

describe('task filters in the URL', () => {
  it('reads every filter the API knows', () => {
    const f = parseTaskFilters(
      7,
      new URLSearchParams(
        'asOf=2025-11-12&state=overdue,in_progress&level=central&groupId=2,3&unitId=41&unitRole=lead&directiveId=5&kind=pilot&deadlineFrom=2025-01-01&deadlineTo=2025-12-31&q=ha%20noi&sort=-progress',
      ),
    );
    expect(f).toEqual({
      programmeId: 7,
      asOf: '2025-11-12',
      state: ['overdue', 'in_progress'],
      level: ['central'],
      groupId: [2, 3],
      unitId: 41,
      unitRole: 'lead',
      directiveId: 5,
      kind: 'pilot',
      deadlineFrom: '2025-01-01',
      deadlineTo: '2025-12-31',
      q: 'ha noi',
      sort: '-progress',
    });
    expect(activeFilterCount(f)).toBe(10);
  });

  it('drops what is malformed instead of sending it to the API', () => {
    const f = parseTaskFilters(
      1,
      new URLSearchParams(
        'asOf=12/11/2025&state=late,overdue,overdue&unitId=-4&groupId=x&sort=random&kind=all',
      ),
    );
    expect(f).toEqual({ programmeId: 1, state: ['overdue'] });
  });

  it('round-trips through the URL', () => {
    const f = parseTaskFilters(3, new URLSearchParams('state=done_late&unitId=9&q=xã'));
    expect(parseTaskFilters(3, taskFiltersToParams(f))).toEqual(f);
    expect(taskFiltersToParams(f).has('programmeId')).toBe(false);
  });
});
