import { sql } from 'drizzle-orm';
import type { PgInsertValue, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client.js';
import {
  directives,
  programmeGroups,
  programmes,
  steeringMembers,
  taskCoordinators,
  taskDeadlineChanges,
  taskHistory,
  taskMilestones,
  tasks,
  units,
} from '../db/schema/index.js';
import { foldText } from '../../shared/text-fold.js';
import { at } from './calendar.js';
import type { Rng } from './random.js';
import type { Scheduled } from './schedule.js';
import type { ProgrammeSpec, TaskSpec, UnitSpec } from './types.js';

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type Progress = (done: number, total: number) => void;

const CHUNK = 500;

/** Multi-row inserts, CHUNK rows a statement. */
export async function insertMany<T extends PgTable>(
  tx: Tx,
  table: T,
  rows: PgInsertValue<T>[],
  onChunk?: Progress,
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await tx.insert(table).values(rows.slice(i, i + CHUNK));
    onChunk?.(Math.min(i + CHUNK, rows.length), rows.length);
  }
}

/**
 * Units with their materialised paths: the ids are drawn from the sequence first, so every row is
 * written once with its final path ('/1/5/23/'). Parents must come before their children.
 */
export async function insertUnits(tx: Tx, specs: readonly UnitSpec[]): Promise<Map<string, number>> {
  const res = await tx.execute<{ id: number }>(
    sql`select nextval(pg_get_serial_sequence('units', 'id'))::int as id from generate_series(1, ${specs.length}::int)`,
  );
  const ids = res.rows.map((r) => Number(r.id)).sort((a, b) => a - b);
  const placed = new Map<string, { id: number; path: string; depth: number }>();
  const rows = specs.map((u, i) => {
    const id = ids[i]!;
    const parent = u.parent === null ? undefined : placed.get(u.parent);
    if (u.parent !== null && !parent)
      throw new Error(`Demo units: ${u.code} comes before its parent ${u.parent}`);
    const path = `${parent?.path ?? '/'}${id}/`;
    const depth = parent ? parent.depth + 1 : 0;
    placed.set(u.code, { id, path, depth });
    return {
      id,
      code: u.code,
      nameVi: u.nameVi,
      nameEn: u.nameEn,
      nameAr: u.nameAr ?? null,
      kind: u.kind,
      parentId: parent?.id ?? null,
      path,
      depth,
      leaderName: u.leaderName,
      contactEmail: u.contactEmail ?? null,
      searchText: foldText(`${u.code} ${u.nameVi} ${u.nameEn}`),
    };
  });
  await insertMany(tx, units, rows);
  return new Map([...placed].map(([code, p]) => [code, p.id]));
}

export type ProgrammeIds = {
  id: number;
  groups: Map<string, number>;
  directives: Map<string, number>;
};

export async function insertProgramme(
  tx: Tx,
  p: ProgrammeSpec,
  unitId: (code: string) => number,
): Promise<ProgrammeIds> {
  const [row] = await tx
    .insert(programmes)
    .values({
      code: p.code,
      nameVi: p.nameVi,
      nameEn: p.nameEn,
      nameAr: p.nameAr,
      description: p.description,
      standingUnitId: unitId(p.standing),
      rootUnitId: unitId(p.root),
      warningThresholds: p.warningThresholds,
      startsOn: p.startsOn,
      endsOn: p.endsOn,
    })
    .returning({ id: programmes.id });
  const id = row!.id;
  const groups = await tx
    .insert(programmeGroups)
    .values(p.groups.map((g, i) => ({ programmeId: id, ...g, sort: i })))
    .returning({ id: programmeGroups.id, code: programmeGroups.code });
  const dirs = await tx
    .insert(directives)
    .values(p.directives.map((d) => ({ programmeId: id, ...d })))
    .returning({ id: directives.id, number: directives.number });
  await tx.insert(steeringMembers).values(
    p.steering.map((s, i) => ({
      programmeId: id,
      position: s.position,
      personName: s.personName,
      title: s.title,
      unitId: s.unit === null ? null : unitId(s.unit),
      sort: i,
    })),
  );
  return {
    id,
    groups: new Map(groups.map((g) => [g.code, g.id])),
    directives: new Map(dirs.map((d) => [d.number, d.id])),
  };
}

export type PlannedTask = { spec: TaskSpec; sched: Scheduled };

/**
 * Tasks and everything hanging off them (coordinators, roadmap, deadline changes, history).
 * `actors` says who created the task and who reported its progress.
 */
export async function insertTasks(
  tx: Tx,
  ctx: {
    programme: ProgrammeIds;
    unitId: (code: string) => number;
    actors: (t: TaskSpec) => { creator: number; reporter: number };
    responsible: () => string;
    rng: Rng;
    onProgress?: Progress;
  },
  items: readonly PlannedTask[],
): Promise<number> {
  const { programme, unitId, rng } = ctx;
  const ref = <V>(m: Map<string, V>, key: string, what: string): V => {
    const v = m.get(key);
    if (v === undefined) throw new Error(`Demo tasks: unknown ${what} ${key}`);
    return v;
  };
  const lastActivity = (s: Scheduled) => {
    const days = [s.createdOn, s.change?.effectiveFrom, s.steps.at(-1)?.on].filter((d): d is string => !!d);
    return days.sort().at(-1)!;
  };
  const rows = items.map(({ spec, sched }) => ({
    programmeId: programme.id,
    code: spec.code,
    title: spec.title,
    description: spec.description ?? null,
    groupId: ref(programme.groups, spec.group, 'group'),
    directiveId: ref(programme.directives, spec.directive, 'directive'),
    assignedLevel: spec.level,
    leadUnitId: unitId(spec.lead),
    responsiblePerson: ctx.responsible(),
    startDate: sched.startDate,
    deadline: sched.deadline,
    originalDeadline: sched.originalDeadline,
    deadlineEffectiveFrom: sched.deadlineEffectiveFrom,
    deliverable: spec.deliverable,
    targetText: spec.target?.text ?? null,
    targetValue: spec.target?.value === undefined ? null : String(spec.target.value),
    targetUnit: spec.target?.unit ?? null,
    priority: spec.priority ?? 'normal',
    kind: spec.kind ?? 'task',
    progress: sched.completedOn ? 100 : sched.progress,
    firstActivityOn: sched.firstActivityOn,
    completedOn: sched.completedOn,
    completedAt: sched.completedOn ? at(sched.completedOn, 16, 30) : null,
    searchText: foldText([spec.code, spec.title, spec.deliverable].join(' ')),
    createdAt: at(sched.createdOn, 8, 0),
    updatedAt: at(lastActivity(sched), 16, 0),
  }));

  const ids = new Map<string, number>();
  for (let i = 0; i < rows.length; i += CHUNK) {
    const back = await tx
      .insert(tasks)
      .values(rows.slice(i, i + CHUNK))
      .returning({ id: tasks.id, code: tasks.code });
    for (const r of back) ids.set(r.code, r.id);
    ctx.onProgress?.(Math.min(i + CHUNK, rows.length), rows.length);
  }

  const coordinators: PgInsertValue<typeof taskCoordinators>[] = [];
  const milestones: PgInsertValue<typeof taskMilestones>[] = [];
  const changes: PgInsertValue<typeof taskDeadlineChanges>[] = [];
  const history: PgInsertValue<typeof taskHistory>[] = [];
  for (const { spec, sched } of items) {
    const taskId = ref(ids, spec.code, 'task');
    const { creator, reporter } = ctx.actors(spec);
    const lead = unitId(spec.lead);
    for (const c of new Set(spec.coordinators ?? [])) {
      const u = unitId(c);
      if (u !== lead) coordinators.push({ taskId, unitId: u });
    }
    for (const m of sched.milestones) milestones.push({ taskId, ...m });
    history.push({
      taskId,
      at: at(sched.createdOn, 8, rng.int(0, 29)),
      actorId: creator,
      action: 'created',
      changes: {},
    });
    if (sched.change) {
      changes.push({
        taskId,
        ...sched.change,
        createdBy: creator,
        createdAt: at(sched.change.effectiveFrom, 15),
      });
      history.push({
        taskId,
        at: at(sched.change.effectiveFrom, 15),
        actorId: creator,
        action: 'updated',
        changes: { deadline: { from: sched.originalDeadline, to: sched.change.deadline } },
      });
    }
    for (const s of sched.steps) {
      history.push({
        taskId,
        at: at(s.on, rng.int(10, 16), rng.int(0, 59)),
        actorId: reporter,
        action: 'updated',
        changes: {
          progress: { from: s.from, to: s.to },
          ...(s.completes ? { completedOn: { from: null, to: s.on } } : {}),
        },
      });
    }
  }
  await insertMany(tx, taskCoordinators, coordinators);
  await insertMany(tx, taskMilestones, milestones);
  await insertMany(tx, taskDeadlineChanges, changes);
  await insertMany(tx, taskHistory, history);
  return rows.length;
}
