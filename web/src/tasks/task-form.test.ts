import { describe, expect, it } from 'vitest';
import { changedFields, conflictOf, createBody, emptyTask, patchBody } from './task-form';

const base = {
  ...emptyTask(),
  code: 'T-1',
  title: 'Số hóa hồ sơ',
  leadUnitId: 5,
  deadline: '2026-03-31',
  coordinatingUnitIds: [9, 7],
};

describe('task form values', () => {
  it('sends only what the user changed, empty texts as null, at the version read', () => {
    const mine = { ...base, title: 'Số hóa toàn bộ hồ sơ', deliverable: '  ', coordinatingUnitIds: [7, 9] };
    expect(patchBody(base, mine, 4)).toEqual({ version: 4, title: 'Số hóa toàn bộ hồ sơ' });
    expect(patchBody(base, { ...mine, deliverable: 'Kho dữ liệu' }, 4)).toMatchObject({
      deliverable: 'Kho dữ liệu',
    });
  });
  it('leaves a derived progress to the sub-tasks', () => {
    const mine = { ...base, progressFromSubtasks: true, progress: 40 };
    expect(patchBody(base, mine, 2)).toEqual({ version: 2, progressFromSubtasks: true });
  });
  it('a conflict names what the other changed, and where both changed the same field', () => {
    const theirs = { ...base, deadline: '2026-04-30', priority: 'high' as const };
    const mine = { ...base, deadline: '2026-05-31', title: 'Mới' };
    expect(conflictOf(base, theirs, mine)).toEqual([
      { field: 'deadline', clash: true },
      { field: 'priority', clash: false },
    ]);
    // Saving again over theirs sends only the user's own changes.
    expect(Object.keys(patchBody(base, mine, 3)).sort()).toEqual(['deadline', 'title', 'version']);
    expect(changedFields(base, base)).toEqual([]);
  });
  it('creates with every field, the code included', () => {
    expect(createBody(1, base)).toMatchObject({ programmeId: 1, code: 'T-1', milestones: [], progress: 0 });
    expect(createBody(1, base)).not.toHaveProperty('completedOn');
  });
});
