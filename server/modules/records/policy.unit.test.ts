import { describe, expect, it } from 'vitest';
import type { Actor, ActorRole } from '../auth/actor.js';
import { inRecordScope, mayImport, recordReadScope, recordWriteScope } from './policy.js';

const actor = (...roles: Partial<ActorRole>[]): Actor => ({
  userId: 1,
  unitId: null,
  displayName: 'x',
  locale: 'vi',
  roles: roles.map((r) => ({ role: 'unit_officer', unitId: null, programmeId: null, unitPath: null, ...r })),
});
const roots = new Map<number, string | null>([
  [1, '/1/'],
  [2, '/9/'],
]);

describe('who may import and read service records', () => {
  it('admins everything; the standing agency its programme tree; units their subtree', () => {
    expect(recordWriteScope(actor({ role: 'admin' }), roots)).toEqual({ kind: 'all' });
    const standing = recordWriteScope(actor({ role: 'standing', programmeId: 1 }), roots);
    expect(inRecordScope(standing, '/1/5/')).toBe(true);
    expect(inRecordScope(standing, '/9/3/')).toBe(false);
    const officer = recordWriteScope(actor({ role: 'unit_officer', unitPath: '/1/5/' }), roots);
    expect(inRecordScope(officer, '/1/5/7/')).toBe(true);
    expect(inRecordScope(officer, '/1/6/')).toBe(false);
  });
  it('steering members and inspectors read their programme but import nothing', () => {
    const a = actor({ role: 'steering', programmeId: 2 }, { role: 'inspector', programmeId: 2 });
    expect(mayImport(recordWriteScope(a, roots))).toBe(false);
    expect(inRecordScope(recordReadScope(a, roots), '/9/3/')).toBe(true);
    expect(inRecordScope(recordReadScope(a, roots), '/1/')).toBe(false);
  });
});
