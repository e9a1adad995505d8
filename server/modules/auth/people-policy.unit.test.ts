import { describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/schemas/auth.js';
import type { Actor } from './actor.js';
import { canGrantRole, canManageAccount, canManagePeople, canPlaceInUnit, grantableRoles } from './policy.js';

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
const programmes = new Map([
  [1, HN],
  [2, NA],
]);
const admin = actor({ role: 'admin' });
const standingHN = actor({ role: 'standing', programmeId: 1, unitPath: '/1/3/' });
const leaderHN = actor({ role: 'unit_leader', programmeId: 1, unitPath: '/1/4/' });
const officer = (programmeId: number | null, unitPath: string) => ({
  role: 'unit_officer' as Role,
  programmeId,
  unitPath,
});

describe('people policy', () => {
  it("people of a programme are managed by admins and that programme's standing agency only", () => {
    expect(canManagePeople(admin, 2)).toBe(true);
    expect(canManagePeople(standingHN, 1)).toBe(true);
    expect(canManagePeople(standingHN, 2)).toBe(false);
    expect(canManagePeople(leaderHN, 1)).toBe(false);
    expect(canManagePeople(actor({ role: 'steering', programmeId: 1 }), 1)).toBe(false);
  });

  it('a standing agency grants unit roles of its own programme on units of its tree, never admin or steering', () => {
    expect(grantableRoles(standingHN, 1)).toEqual(['unit_leader', 'unit_officer']);
    expect(grantableRoles(standingHN, 2)).toEqual([]);
    expect(grantableRoles(admin, null)).toContain('admin');
    expect(canGrantRole(standingHN, officer(1, '/1/7/'), HN)).toBe(true);
    expect(canGrantRole(standingHN, { role: 'unit_leader', programmeId: 1, unitPath: '/1/7/8/' }, HN)).toBe(
      true,
    );
    for (const role of ['admin', 'steering', 'standing', 'inspector'] as Role[])
      expect(canGrantRole(standingHN, { role, programmeId: 1, unitPath: '/1/7/' }, HN)).toBe(false);
    // Unscoped (every programme), another programme, a unit outside the tree, no unit.
    expect(canGrantRole(standingHN, officer(null, '/1/7/'), undefined)).toBe(false);
    expect(canGrantRole(standingHN, officer(2, '/50/51/'), NA)).toBe(false);
    expect(canGrantRole(standingHN, officer(1, '/50/51/'), HN)).toBe(false);
    expect(canGrantRole(standingHN, { role: 'unit_officer', programmeId: 1, unitPath: null }, HN)).toBe(
      false,
    );
    // The programme given must be the grant's own.
    expect(canGrantRole(standingHN, officer(2, '/1/7/'), HN)).toBe(false);
    expect(canGrantRole(leaderHN, officer(1, '/1/4/5/'), HN)).toBe(false);
    expect(canGrantRole(admin, { role: 'admin', programmeId: null, unitPath: null }, undefined)).toBe(true);
  });

  it('a standing agency edits or disables an account only when every role of it is one it could grant', () => {
    const mine = { unitPath: '/1/7/', roles: [officer(1, '/1/7/')] };
    expect(canManageAccount(standingHN, mine, programmes)).toBe(true);
    expect(canManageAccount(admin, mine, programmes)).toBe(true);
    // Also an officer in Nghe An: disabling would reach that programme too.
    const both = { unitPath: '/1/7/', roles: [officer(1, '/1/7/'), officer(2, '/50/51/')] };
    expect(canManageAccount(standingHN, both, programmes)).toBe(false);
    // A steering member, an admin, an unscoped officer, someone without roles, a unit elsewhere.
    expect(
      canManageAccount(
        standingHN,
        { unitPath: null, roles: [{ role: 'steering', programmeId: 1, unitPath: null }] },
        programmes,
      ),
    ).toBe(false);
    expect(
      canManageAccount(
        standingHN,
        { unitPath: null, roles: [{ role: 'admin', programmeId: null, unitPath: null }] },
        programmes,
      ),
    ).toBe(false);
    expect(
      canManageAccount(standingHN, { unitPath: '/1/7/', roles: [officer(null, '/1/7/')] }, programmes),
    ).toBe(false);
    expect(canManageAccount(standingHN, { unitPath: '/1/7/', roles: [] }, programmes)).toBe(false);
    expect(
      canManageAccount(standingHN, { unitPath: '/50/51/', roles: [officer(1, '/1/7/')] }, programmes),
    ).toBe(false);
    expect(canManageAccount(leaderHN, mine, programmes)).toBe(false);
  });

  it('people are placed in a unit inside a programme the actor stands for', () => {
    expect(canPlaceInUnit(standingHN, '/1/7/', HN)).toBe(true);
    expect(canPlaceInUnit(standingHN, '/50/51/', NA)).toBe(false);
    expect(canPlaceInUnit(standingHN, '/50/51/', HN)).toBe(false);
    expect(canPlaceInUnit(admin, '/50/51/', undefined)).toBe(true);
  });
});
