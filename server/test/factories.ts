import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import {
  directives,
  programmeGroups,
  programmes,
  roleAssignments,
  taskCoordinators,
  taskDeadlineChanges,
  tasks,
  units,
  users,
} from '../db/schema/index.js';
import { hashPassword } from '../lib/password.js';
import { foldText } from '../../shared/text-fold.js';
import type { Role } from '../../shared/schemas/auth.js';
import { TEST_PASSWORD } from './harness.js';

/** Test data written straight to the database: factories, not the code under test. */
let seq = 0;
const next = () => ++seq;

export async function makeUnit(
  db: Db,
  v: { code?: string; nameVi?: string; nameEn?: string; kind?: string; parentId?: number | null } = {},
) {
  const parent = v.parentId ? (await db.select().from(units).where(eq(units.id, v.parentId)))[0] : undefined;
  const code = v.code ?? `U${next()}`;
  const nameVi = v.nameVi ?? `Đơn vị ${code}`;
  const [u] = await db
    .insert(units)
    .values({
      code,
      nameVi,
      nameEn: v.nameEn ?? null,
      kind: v.kind ?? 'department',
      parentId: v.parentId ?? null,
      path: '/',
      depth: parent ? parent.depth + 1 : 0,
      searchText: foldText(`${code} ${nameVi} ${v.nameEn ?? ''}`),
    })
    .returning();
  const [withPath] = await db
    .update(units)
    .set({ path: `${parent?.path ?? '/'}${u!.id}/` })
    .where(eq(units.id, u!.id))
    .returning();
  return withPath!;
}

export async function makeProgramme(
  db: Db,
  v: { code?: string; rootUnitId?: number; standingUnitId?: number; groups?: string[] } = {},
) {
  const code = v.code ?? `P${next()}`;
  const [p] = await db
    .insert(programmes)
    .values({
      code,
      nameVi: `Chương trình ${code}`,
      nameEn: `Programme ${code}`,
      rootUnitId: v.rootUnitId ?? null,
      standingUnitId: v.standingUnitId ?? null,
    })
    .returning();
  const groups = await Promise.all(
    (v.groups ?? ['G1', 'G2']).map(
      async (g, i) =>
        (
          await db
            .insert(programmeGroups)
            .values({ programmeId: p!.id, code: g, nameVi: `Tổ ${g}`, sort: i })
            .returning()
        )[0]!,
    ),
  );
  const [directive] = await db
    .insert(directives)
    .values({
      programmeId: p!.id,
      number: `57-NQ/TW-${code}`,
      title: 'Nghị quyết 57',
      issuedOn: '2024-12-22',
    })
    .returning();
  return { ...p!, groups, directive: directive! };
}

let passwordHash: Promise<string> | undefined;
export async function makeUser(
  db: Db,
  v: {
    email: string;
    roles: { role: Role; unitId?: number | null; programmeId?: number | null }[];
    unitId?: number | null;
    locale?: string;
  },
) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const [u] = await db
    .insert(users)
    .values({
      email: v.email,
      displayName: v.email.split('@')[0]!,
      unitId: v.unitId ?? null,
      locale: v.locale ?? 'vi',
      passwordHash: await passwordHash,
    })
    .returning();
  if (v.roles.length)
    await db.insert(roleAssignments).values(
      v.roles.map((r) => ({
        userId: u!.id,
        role: r.role,
        unitId: r.unitId ?? null,
        programmeId: r.programmeId ?? null,
      })),
    );
  return u!;
}

export type TaskSpec = {
  programmeId: number;
  leadUnitId: number;
  code?: string;
  title?: string;
  deadline?: string;
  originalDeadline?: string;
  deadlineEffectiveFrom?: string | null;
  assignedLevel?: string;
  kind?: string;
  groupId?: number | null;
  directiveId?: number | null;
  progress?: number;
  firstActivityOn?: string | null;
  completedOn?: string | null;
  startDate?: string | null;
  coordinators?: number[];
  deadlineChanges?: { deadline: string; effectiveFrom: string }[];
};

export async function makeTask(db: Db, v: TaskSpec) {
  const code = v.code ?? `T${next()}`;
  const title = v.title ?? `Nhiệm vụ ${code}`;
  const deadline = v.deadline ?? '2025-12-31';
  const [t] = await db
    .insert(tasks)
    .values({
      programmeId: v.programmeId,
      code,
      title,
      assignedLevel: v.assignedLevel ?? 'city',
      kind: v.kind ?? 'task',
      leadUnitId: v.leadUnitId,
      deadline,
      originalDeadline: v.originalDeadline ?? deadline,
      deadlineEffectiveFrom: v.deadlineEffectiveFrom ?? null,
      groupId: v.groupId ?? null,
      directiveId: v.directiveId ?? null,
      progress: v.progress ?? 0,
      firstActivityOn: v.firstActivityOn ?? null,
      completedOn: v.completedOn ?? null,
      completedAt: v.completedOn ? new Date(`${v.completedOn}T03:00:00Z`) : null,
      startDate: v.startDate ?? null,
      searchText: foldText(`${code} ${title}`),
    })
    .returning();
  if (v.coordinators?.length)
    await db.insert(taskCoordinators).values(v.coordinators.map((unitId) => ({ taskId: t!.id, unitId })));
  if (v.deadlineChanges?.length)
    await db.insert(taskDeadlineChanges).values(v.deadlineChanges.map((c) => ({ taskId: t!.id, ...c })));
  return t!;
}

/**
 * A small world for permission tests: a city with two communes (one with a hamlet), two
 * departments, a second programme in another province, and one account for every role.
 */
export async function makeWorld(db: Db) {
  const city = await makeUnit(db, { code: 'CITY', nameVi: 'Thành phố Hà Nội', kind: 'city' });
  const finance = await makeUnit(db, { code: 'FIN', nameVi: 'Sở Tài chính', parentId: city.id });
  const science = await makeUnit(db, { code: 'SCI', nameVi: 'Sở Khoa học và Công nghệ', parentId: city.id });
  const communeA = await makeUnit(db, {
    code: 'CA',
    nameVi: 'Phường Hoàn Kiếm',
    nameEn: 'Hoan Kiem Ward',
    kind: 'ward',
    parentId: city.id,
  });
  const hamletA = await makeUnit(db, {
    code: 'CA1',
    nameVi: 'Tổ dân phố 1',
    kind: 'other',
    parentId: communeA.id,
  });
  const communeB = await makeUnit(db, {
    code: 'CB',
    nameVi: 'Xã Sóc Sơn',
    kind: 'commune',
    parentId: city.id,
  });
  const province = await makeUnit(db, { code: 'PROV', nameVi: 'Tỉnh Nghệ An', kind: 'province' });
  const police = await makeUnit(db, {
    code: 'POL',
    nameVi: 'Công an tỉnh',
    kind: 'police',
    parentId: province.id,
  });

  const p1 = await makeProgramme(db, { code: 'HN', rootUnitId: city.id, standingUnitId: finance.id });
  const p2 = await makeProgramme(db, { code: 'NA', rootUnitId: province.id, standingUnitId: police.id });

  const t = {
    aOverdue: await makeTask(db, {
      programmeId: p1.id,
      leadUnitId: communeA.id,
      code: 'A-OVERDUE',
      title: 'Số hóa hồ sơ Hoàn Kiếm',
      deadline: '2025-10-31',
      progress: 30,
      firstActivityOn: '2025-09-01',
      groupId: p1.groups[0]!.id,
      directiveId: p1.directive.id,
    }),
    bCoordA: await makeTask(db, {
      programmeId: p1.id,
      leadUnitId: communeB.id,
      code: 'B-COORD-A',
      coordinators: [communeA.id],
      deadline: '2025-12-31',
      progress: 10,
      firstActivityOn: '2025-10-01',
    }),
    bOnly: await makeTask(db, {
      programmeId: p1.id,
      leadUnitId: communeB.id,
      code: 'B-ONLY',
      title: '<script>alert(1)</script> Hạ tầng mạng',
      deadline: '2025-12-31',
    }),
    sciDone: await makeTask(db, {
      programmeId: p1.id,
      leadUnitId: science.id,
      code: 'SCI-DONE',
      assignedLevel: 'central',
      deadline: '2025-10-01',
      completedOn: '2025-09-20',
      progress: 100,
      firstActivityOn: '2025-06-01',
      groupId: p1.groups[1]!.id,
    }),
    hamlet: await makeTask(db, {
      programmeId: p1.id,
      leadUnitId: hamletA.id,
      code: 'A1-TASK',
      deadline: '2026-01-31',
    }),
    naTask: await makeTask(db, {
      programmeId: p2.id,
      leadUnitId: police.id,
      code: 'NA-1',
      deadline: '2025-12-31',
    }),
  };

  const u = {
    admin: await makeUser(db, { email: 'admin@t.vn', roles: [{ role: 'admin' }] }),
    steering: await makeUser(db, {
      email: 'steering@t.vn',
      roles: [{ role: 'steering', programmeId: p1.id }],
    }),
    standing: await makeUser(db, {
      email: 'standing@t.vn',
      unitId: finance.id,
      roles: [{ role: 'standing', programmeId: p1.id, unitId: finance.id }],
    }),
    inspector: await makeUser(db, {
      email: 'inspector@t.vn',
      roles: [{ role: 'inspector', programmeId: p1.id }],
    }),
    leaderA: await makeUser(db, {
      email: 'leader.a@t.vn',
      unitId: communeA.id,
      roles: [{ role: 'unit_leader', unitId: communeA.id }],
    }),
    officerA: await makeUser(db, {
      email: 'officer.a@t.vn',
      unitId: communeA.id,
      roles: [{ role: 'unit_officer', unitId: communeA.id }],
    }),
    officerB: await makeUser(db, {
      email: 'officer.b@t.vn',
      unitId: communeB.id,
      roles: [{ role: 'unit_officer', unitId: communeB.id }],
    }),
    steeringNA: await makeUser(db, {
      email: 'steering.na@t.vn',
      roles: [{ role: 'steering', programmeId: p2.id }],
    }),
  };
  return { units: { city, finance, science, communeA, hamletA, communeB, province, police }, p1, p2, t, u };
}
export type World = Awaited<ReturnType<typeof makeWorld>>;
