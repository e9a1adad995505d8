import type { Db } from '../../db/client.js';
import { AppError } from '../../lib/app-error.js';
import type { Clock } from '../../lib/clock.js';
import { pickName } from '../../lib/localize.js';
import { OBSTACLE_CATEGORIES, OBSTACLE_STATUSES, obstacleOverdue } from '../../../shared/registers.js';
import type {
  CreateObstacleInput,
  Obstacle,
  ObstacleListQuery,
  ObstacleStatusInput,
  ObstacleSummary,
  UpdateObstacleInput,
} from '../../../shared/schemas/obstacles.js';
import type { Actor } from '../auth/actor.js';
import { auditLog } from '../audit/audit.service.js';
import type { ProgrammeAccess, ProgrammesService } from '../programmes/programmes.service.js';
import { instant } from '../reports/reports.repo.js';
import {
  createObstaclesRepo,
  obstaclesTransaction,
  type ObstacleFilters,
  type ObstacleRow,
  type ObstaclesRepo,
  type UnitFacts,
} from './obstacles.repo.js';
import {
  canActFor,
  obstacleRights,
  programmeWideScope,
  registerReadScope,
  type RegisterScope,
} from './policy.js';

type Names = { name_vi: string; name_en: string | null; name_ar: string | null };

/** Every unit named must exist and sit inside the programme's unit tree. */
export async function unitsInProgramme(
  r: { units: (ids: number[]) => Promise<UnitFacts[]> },
  p: ProgrammeAccess,
  ids: number[],
  field: string,
) {
  const found = new Map((await r.units([...new Set(ids)])).map((u) => [u.id, u]));
  for (const id of ids) {
    const u = found.get(id);
    if (!u) throw new AppError('unit_not_found', { id }, field);
    if (p.rootUnitPath && !u.path.startsWith(p.rootUnitPath))
      throw new AppError('unit_outside_programme', { unit: u.code }, field);
  }
  return found;
}

/**
 * The obstacle register: raised by a unit (on its own or from a weekly report entry), owned by a
 * unit that must resolve it by a due day, linked to tasks and units; its status on any day is read
 * from its history, so counts and the overdue list replay any past week.
 */
export function createObstaclesService(deps: { db: Db; clock: Clock; programmes: ProgrammesService }) {
  const { db, clock, programmes } = deps;
  const repo = createObstaclesRepo(db);

  async function context(actor: Actor, programmeId: number, asOf?: string) {
    const p = await programmes.access(actor, programmeId);
    return { p, asOf: asOf ?? p.today, scope: registerReadScope(actor, p.id) };
  }

  const name = (actor: Actor, u: Names) => pickName(actor.locale, u.name_vi, u.name_en, u.name_ar);

  async function present(actor: Actor, list: ObstacleRow[], asOf: string): Promise<Obstacle[]> {
    const ids = list.map((o) => o.id);
    const [links, units] = await Promise.all([
      repo.links(ids),
      repo.units([...new Set(list.flatMap((o) => [o.raised_by_unit_id, o.owner_unit_id]))]),
    ]);
    const unit = new Map(units.map((u) => [u.id, { id: u.id, code: u.code, name: name(actor, u) }]));
    return list.map((o) => {
      const rights = obstacleRights(actor, {
        programmeId: o.programme_id,
        raisedByPath: o.raised_by_path,
        ownerPath: o.owner_path,
        status: o.status_asof,
      });
      return {
        id: o.id,
        programmeId: o.programme_id,
        title: o.title,
        description: o.description,
        category: o.category,
        severity: o.severity,
        raisedBy: unit.get(o.raised_by_unit_id)!,
        fromReport:
          o.report_id !== null && o.report_task_id !== null
            ? { reportId: o.report_id, taskId: o.report_task_id, period: o.report_period ?? '' }
            : null,
        owner: unit.get(o.owner_unit_id)!,
        raisedOn: o.raised_on,
        dueOn: o.due_on,
        status: o.status_asof,
        overdue: obstacleOverdue(o.status_asof, o.due_on, asOf),
        resolution: o.status_asof === 'resolved' ? o.resolution : null,
        resolvedOn: o.status_asof === 'resolved' ? o.resolved_on : null,
        tasks: links.tasks
          .filter((t) => t.obstacle_id === o.id)
          .map(({ id, code, title }) => ({ id, code, title })),
        units: links.units
          .filter((u) => u.obstacle_id === o.id)
          .map((u) => ({ id: u.id, code: u.code, name: name(actor, u) })),
        history: links.history
          .filter((h) => h.obstacle_id === o.id && h.effective_on <= asOf)
          .map((h) => ({
            status: h.status,
            effectiveOn: h.effective_on,
            note: h.note,
            actor: h.actor,
            at: instant(h.at)!.toISOString(),
          })),
        version: o.version,
        can: { edit: rights.edit, setStatus: rights.setStatus },
      };
    });
  }

  async function tasksInProgramme(r: ObstaclesRepo, p: ProgrammeAccess, ids: number[]) {
    const found = new Map((await r.tasks([...new Set(ids)])).map((t) => [t.id, t]));
    for (const id of ids) {
      const t = found.get(id);
      if (!t || t.programme_id !== p.id)
        throw new AppError('task_not_in_programme', { task: t?.code ?? id }, 'taskIds');
    }
  }

  /** The obstacle as the actor may see it (404 otherwise), with its programme. */
  async function load(actor: Actor, id: number, asOf?: string) {
    const ref = await repo.programmeOf(id);
    if (!ref) throw new AppError('not_found');
    const ctx = await context(actor, ref.programme_id, asOf).catch(() => {
      throw new AppError('not_found');
    });
    const [row] = await repo.list(ctx.p.id, ctx.asOf, ctx.scope, { id });
    if (!row) throw new AppError('not_found');
    return { ...ctx, row };
  }

  /**
   * Checks an obstacle to raise (the import checks every row this way before writing any) and
   * returns the write, to run in a transaction.
   */
  async function prepare(actor: Actor, input: CreateObstacleInput) {
    const { p } = await context(actor, input.programmeId);
    const entry = input.fromReport
      ? await repo.entry(input.fromReport.reportId, input.fromReport.taskId)
      : undefined;
    if (input.fromReport && (!entry || entry.programme_id !== p.id)) throw new AppError('not_found');
    const raisedBy = entry?.unit_id ?? input.raisedByUnitId ?? actor.unitId;
    if (!raisedBy) throw new AppError('validation_failed', {}, 'raisedByUnitId');
    const unitIds = [...new Set(input.unitIds)];
    const found = await unitsInProgramme(repo, p, [raisedBy], 'raisedByUnitId');
    await unitsInProgramme(repo, p, [input.ownerUnitId], 'ownerUnitId');
    await unitsInProgramme(repo, p, unitIds, 'unitIds');
    if (!canActFor(actor, p.id, found.get(raisedBy)!.path)) throw new AppError('forbidden');
    const taskIds = [...new Set([...(entry ? [entry.task_id] : []), ...input.taskIds])];
    if (input.dueOn !== null && input.dueOn < p.today) throw new AppError('validation_failed', {}, 'dueOn');
    await tasksInProgramme(repo, p, taskIds);
    return async (r: ObstaclesRepo, tx: Db) => {
      const now = clock.now();
      const { id } = (await r.insert({
        programmeId: p.id,
        title: input.title,
        description: input.description,
        category: input.category,
        severity: input.severity,
        raisedByUnitId: raisedBy,
        report: entry ? { reportId: entry.report_id, taskId: entry.task_id } : null,
        ownerUnitId: input.ownerUnitId,
        raisedOn: p.today,
        dueOn: input.dueOn,
        by: actor.userId,
        at: now,
      }))!;
      await r.setLinks(id, taskIds, unitIds);
      await r.addEvent({
        obstacleId: id,
        status: 'open',
        effectiveOn: p.today,
        note: null,
        by: actor.userId,
        at: now,
      });
      await auditLog(tx, clock).record({
        actorId: actor.userId,
        action: 'obstacle.create',
        entity: 'obstacle',
        entityId: String(id),
        after: { ...input, raisedByUnitId: raisedBy, taskIds },
      });
      return id;
    };
  }

  const get = async (actor: Actor, id: number, asOf?: string) => {
    const { row, asOf: d } = await load(actor, id, asOf);
    return (await present(actor, [row], d))[0]!;
  };

  return {
    get,

    async list(actor: Actor, q: ObstacleListQuery): Promise<Obstacle[]> {
      const { p, asOf, scope } = await context(actor, q.programmeId, q.asOf);
      const filters: ObstacleFilters = {
        status: q.status,
        category: q.category,
        taskId: q.taskId,
        overdue: q.overdue === undefined ? undefined : q.overdue === 'true',
      };
      if (q.unitId)
        filters.unitPath = (await unitsInProgramme(repo, p, [q.unitId], 'unitId')).get(q.unitId)!.path;
      return present(actor, await repo.list(p.id, asOf, scope, filters), asOf);
    },

    prepare,

    async create(actor: Actor, input: CreateObstacleInput): Promise<Obstacle> {
      const write = await prepare(actor, input);
      return get(actor, await obstaclesTransaction(db, write));
    },

    async update(actor: Actor, id: number, input: UpdateObstacleInput): Promise<Obstacle> {
      const { p, row } = await load(actor, id);
      const rights = obstacleRights(actor, {
        programmeId: p.id,
        raisedByPath: row.raised_by_path,
        ownerPath: row.owner_path,
        status: row.status_asof,
      });
      if (!rights.edit) throw new AppError('forbidden');
      if (input.ownerUnitId) await unitsInProgramme(repo, p, [input.ownerUnitId], 'ownerUnitId');
      if (input.unitIds) await unitsInProgramme(repo, p, input.unitIds, 'unitIds');
      if (input.dueOn && input.dueOn < row.raised_on) throw new AppError('validation_failed', {}, 'dueOn');
      await obstaclesTransaction(db, async (r, tx) => {
        const locked = (await r.lock(id))!;
        if (locked.version !== input.version) throw new AppError('stale_version');
        if (input.taskIds) await tasksInProgramme(r, p, input.taskIds);
        const { version: _v, taskIds, unitIds, ...fields } = input;
        await r.update(id, fields, clock.now());
        await r.setLinks(
          id,
          taskIds ? [...new Set(taskIds)] : undefined,
          unitIds ? [...new Set(unitIds)] : undefined,
        );
        await auditLog(tx, clock).record({
          actorId: actor.userId,
          action: 'obstacle.update',
          entity: 'obstacle',
          entityId: String(id),
          before: {
            title: row.title,
            ownerUnitId: row.owner_unit_id,
            dueOn: row.due_on,
            category: row.category,
          },
          after: input,
        });
      });
      return get(actor, id);
    },

    async setStatus(actor: Actor, id: number, input: ObstacleStatusInput): Promise<Obstacle> {
      const { p, row } = await load(actor, id);
      const rights = obstacleRights(actor, {
        programmeId: p.id,
        raisedByPath: row.raised_by_path,
        ownerPath: row.owner_path,
        status: row.status_asof,
      });
      if (!rights.setStatus) throw new AppError('forbidden');
      const on = input.effectiveOn ?? p.today;
      if (on > p.today || on < row.raised_on) throw new AppError('validation_failed', {}, 'effectiveOn');
      if (input.status === row.status_asof) throw new AppError('validation_failed', {}, 'status');
      const resolution = input.resolution?.trim() || null;
      if (input.status === 'resolved' && !resolution)
        throw new AppError('resolution_required', {}, 'resolution');
      await obstaclesTransaction(db, async (r, tx) => {
        const locked = (await r.lock(id))!;
        if (locked.version !== input.version) throw new AppError('stale_version');
        const last = (await r.links([id])).history.at(-1);
        if (last && on < last.effective_on) throw new AppError('validation_failed', {}, 'effectiveOn');
        const now = clock.now();
        await r.addEvent({
          obstacleId: id,
          status: input.status,
          effectiveOn: on,
          note: input.note ?? null,
          by: actor.userId,
          at: now,
        });
        await r.setStatus(id, {
          status: input.status,
          resolution: input.status === 'resolved' ? resolution : null,
          resolvedOn: input.status === 'resolved' ? on : null,
          at: now,
        });
        await auditLog(tx, clock).record({
          actorId: actor.userId,
          action: 'obstacle.status',
          entity: 'obstacle',
          entityId: String(id),
          before: { status: row.status_asof },
          after: { status: input.status, effectiveOn: on, resolution },
        });
      });
      return get(actor, id);
    },

    /** Counts by category and status, and the overdue ones named (a cockpit tile calls this). */
    async summary(actor: Actor, q: { programmeId: number; asOf?: string }): Promise<ObstacleSummary> {
      const { p, asOf, scope } = await context(actor, q.programmeId, q.asOf);
      return summarise(repo, p.id, asOf, scope, (u) => name(actor, u));
    },

    blocking: (actor: Actor, task: { id: number; programmeId: number }, asOf: string) =>
      blockingObstacles(db, actor, task, asOf),

    /** For the cockpit and jobs: the programme-wide summary, no actor. */
    systemSummary: (programmeId: number, asOf: string) =>
      summarise(repo, programmeId, asOf, programmeWideScope(), (u) => u.name_vi),
  };
}

/** Obstacles open on D that block a task, as the actor may see them (for the task detail). */
export async function blockingObstacles(
  db: Db,
  actor: Actor,
  task: { id: number; programmeId: number },
  asOf: string,
) {
  const rows = await createObstaclesRepo(db).blocking(
    task.id,
    asOf,
    registerReadScope(actor, task.programmeId),
  );
  return rows.map((o) => ({
    id: o.id,
    title: o.title,
    category: o.category,
    status: o.status,
    owner: {
      id: o.owner_id,
      code: o.owner_code,
      name: pickName(actor.locale, o.name_vi, o.name_en, o.name_ar),
    },
    dueOn: o.due_on,
  }));
}

async function summarise(
  repo: ObstaclesRepo,
  programmeId: number,
  asOf: string,
  scope: RegisterScope,
  name: (u: Names) => string,
): Promise<ObstacleSummary> {
  const [counts, overdue] = await Promise.all([
    repo.counts(programmeId, asOf, scope),
    repo.overdue(programmeId, asOf, scope),
  ]);
  const zero = () => Object.fromEntries(OBSTACLE_STATUSES.map((s) => [s, 0])) as Record<string, number>;
  const byStatus = zero();
  const byCategory = Object.fromEntries(OBSTACLE_CATEGORIES.map((c) => [c, 0])) as Record<string, number>;
  const matrix = OBSTACLE_CATEGORIES.map((category) => ({ category, byStatus: zero(), total: 0 }));
  for (const c of counts) {
    byStatus[c.status] = (byStatus[c.status] ?? 0) + c.n;
    byCategory[c.category] = (byCategory[c.category] ?? 0) + c.n;
    const m = matrix.find((x) => x.category === c.category)!;
    m.byStatus[c.status] = (m.byStatus[c.status] ?? 0) + c.n;
    m.total += c.n;
  }
  return {
    programmeId,
    asOf,
    total: counts.reduce((a, c) => a + c.n, 0),
    byStatus,
    byCategory,
    matrix,
    overdue: overdue.map((o) => ({
      id: o.id,
      title: o.title,
      owner: { id: o.owner_id, code: o.owner_code, name: name(o) },
      dueOn: o.due_on,
      daysOverdue: o.days_overdue,
    })),
  };
}
export type ObstaclesService = ReturnType<typeof createObstaclesService>;
