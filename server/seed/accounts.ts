import { roleAssignments, users } from '../db/schema/index.js';
import type { Role } from '../../shared/schemas/auth.js';
import { HN } from './hanoi-units.js';
import { HANOI_PROGRAMME } from './hanoi-programme.js';
import { NA, NGHEAN_PROGRAMME } from './nghean.js';
import type { Tx } from './insert.js';

export const DEMO_PASSWORD = 'Demo@2025vn';

export type DemoAccount = {
  email: string;
  password: string;
  role: string;
  unit: string | null;
  programme: string | null;
};

type AccountSpec = {
  email: string;
  displayName: string;
  role: Role;
  /** Scope of the role and, for unit staff, the user's own unit. */
  unit: string | null;
  programme: string | null;
  memberOf?: string;
};

export const DEMO_ACCOUNTS: readonly AccountSpec[] = [
  {
    email: 'admin@steerboard.vn',
    displayName: 'Quản trị hệ thống',
    role: 'admin',
    unit: null,
    programme: null,
  },
  {
    email: 'chair@hanoi.steerboard.vn',
    displayName: 'Trương Việt Dũng',
    role: 'steering',
    unit: null,
    programme: HANOI_PROGRAMME,
    memberOf: HN.root,
  },
  {
    email: 'standing@hanoi.steerboard.vn',
    displayName: 'Chuyên viên Sở Tài chính (thường trực)',
    role: 'standing',
    unit: HN.finance,
    programme: HANOI_PROGRAMME,
    memberOf: HN.finance,
  },
  {
    email: 'inspector@hanoi.steerboard.vn',
    displayName: 'Kiểm tra viên Ủy ban Kiểm tra Thành ủy',
    role: 'inspector',
    unit: null,
    programme: HANOI_PROGRAMME,
    memberOf: HN.inspection,
  },
  {
    email: 'leader.hoankiem@hanoi.steerboard.vn',
    displayName: 'Lãnh đạo Phường Hoàn Kiếm',
    role: 'unit_leader',
    unit: HN.hoanKiem,
    programme: null,
    memberOf: HN.hoanKiem,
  },
  {
    email: 'officer.hoankiem@hanoi.steerboard.vn',
    displayName: 'Cán bộ Phường Hoàn Kiếm',
    role: 'unit_officer',
    unit: HN.hoanKiem,
    programme: null,
    memberOf: HN.hoanKiem,
  },
  {
    email: 'officer.socson@hanoi.steerboard.vn',
    displayName: 'Cán bộ Xã Sóc Sơn',
    role: 'unit_officer',
    unit: HN.socSon,
    programme: null,
    memberOf: HN.socSon,
  },
  {
    email: 'steering@nghean.steerboard.vn',
    displayName: 'Thành viên Tổ công tác Đề án 06 tỉnh',
    role: 'steering',
    unit: null,
    programme: NGHEAN_PROGRAMME,
    memberOf: NA.root,
  },
  {
    email: 'standing@nghean.steerboard.vn',
    displayName: 'Cán bộ Công an tỉnh (thường trực Đề án 06)',
    role: 'standing',
    unit: NA.police,
    programme: NGHEAN_PROGRAMME,
    memberOf: NA.police,
  },
];

/** Users and their role assignments; every account shares one password hash (hashed once). */
export async function insertAccounts(
  tx: Tx,
  passwordHash: string,
  unitId: (code: string) => number,
  programmeId: (code: string) => number,
): Promise<{ ids: Map<string, number>; accounts: DemoAccount[] }> {
  const rows = await tx
    .insert(users)
    .values(
      DEMO_ACCOUNTS.map((a) => ({
        email: a.email,
        displayName: a.displayName,
        unitId: a.memberOf ? unitId(a.memberOf) : null,
        locale: 'vi',
        passwordHash,
      })),
    )
    .returning({ id: users.id, email: users.email });
  const ids = new Map(rows.map((r) => [r.email, r.id]));
  await tx.insert(roleAssignments).values(
    DEMO_ACCOUNTS.map((a) => ({
      userId: ids.get(a.email)!,
      role: a.role,
      unitId: a.unit === null ? null : unitId(a.unit),
      programmeId: a.programme === null ? null : programmeId(a.programme),
    })),
  );
  return {
    ids,
    accounts: DEMO_ACCOUNTS.map((a) => ({
      email: a.email,
      password: DEMO_PASSWORD,
      role: a.role,
      unit: a.unit,
      programme: a.programme,
    })),
  };
}
