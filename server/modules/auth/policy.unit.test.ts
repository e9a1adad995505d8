import { describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/schemas/auth.js';
import type { Actor } from './actor.js';
import {
  canManageTasks,
  canManageUnits,
  canReadAudit,
  canSeeProgramme,
  taskReadScope,
  taskWriteLevel,
} from './policy.js';

const actor = (...roles: { role: Role; unitPath?: string; programmeId?: number }[]): Actor => ({
  userId: 1,
  unitId: null,
  displayName: 'x',
  locale: 'vi',
  roles: roles.map((r) => ({
    role: r.role,
    unitId: r.unitPath ? 9 : null,
    programmeId: r.programmeId ?? null,
    unitPath: r.unitPath ?? null,
  })),
});

const HN = { id: 1, rootUnitPath: '/1/' };
const NA = { id: 2, rootUnitPath: '/50/' };

describe('policy', () => {
  it('read scope: whole programme for admin, steering, standing and inspector of that programme', () => {
    expect(taskReadScope(actor({ role: 'admin' }), 1).kind).toBe('programme');
    for (const role of ['steering', 'standing', 'inspector'] as const) {
      expect(taskReadScope(actor({ role, programmeId: 1 }), 1).kind).toBe('programme');
      expect(taskReadScope(actor({ role, programmeId: 1 }), 2).kind).toBe('none');
    }
  });

  it('read scope: unit roles see through their unit subtrees', () => {
    const s = taskReadScope(
      actor({ role: 'unit_officer', unitPath: '/1/7/' }, { role: 'unit_leader', unitPath: '/1/8/' }),
      1,
    );
    expect(s).toEqual({ kind: 'units', unitPaths: ['/1/7/', '/1/8/'] });
    expect(taskReadScope(actor({ role: 'unit_officer', unitPath: '/1/7/', programmeId: 2 }), 1).kind).toBe(
      'none',
    );
    expect(taskReadScope(actor({ role: 'public' }), 1).kind).toBe('none');
  });

  it('write level: full for standing and admin, progress for the lead unit subtree, else none', () => {
    const task = { programmeId: 1, leadUnitPath: '/1/7/70/' };
    expect(taskWriteLevel(actor({ role: 'standing', programmeId: 1 }), task)).toBe('full');
    expect(taskWriteLevel(actor({ role: 'admin' }), task)).toBe('full');
    expect(taskWriteLevel(actor({ role: 'unit_officer', unitPath: '/1/7/' }), task)).toBe('progress');
    expect(taskWriteLevel(actor({ role: 'unit_officer', unitPath: '/1/70/' }), task)).toBe('none'); // a prefix of digits is not a parent
    expect(taskWriteLevel(actor({ role: 'steering', programmeId: 1 }), task)).toBe('none');
    expect(taskWriteLevel(actor({ role: 'inspector', programmeId: 1 }), task)).toBe('none');
    expect(taskWriteLevel(actor({ role: 'standing', programmeId: 2 }), task)).toBe('none');
  });

  it('programme visibility', () => {
    expect(canSeeProgramme(actor({ role: 'unit_officer', unitPath: '/1/7/' }), HN)).toBe(true);
    expect(canSeeProgramme(actor({ role: 'unit_officer', unitPath: '/1/7/' }), NA)).toBe(false);
    expect(canSeeProgramme(actor({ role: 'steering', programmeId: 2 }), HN)).toBe(false);
    expect(canSeeProgramme(actor({ role: 'public' }), HN)).toBe(false);
  });

  it('management rights', () => {
    expect(canManageTasks(actor({ role: 'steering', programmeId: 1 }), 1)).toBe(false);
    expect(canManageTasks(actor({ role: 'standing', programmeId: 1 }), 1)).toBe(true);
    expect(canManageUnits(actor({ role: 'standing', programmeId: 1 }))).toBe(false);
    expect(canReadAudit(actor({ role: 'inspector', programmeId: 1 }))).toBe(true);
    expect(canReadAudit(actor({ role: 'unit_leader', unitPath: '/1/' }))).toBe(false);
  });
});
