import { AppError } from '../../lib/app-error.js';
import type { Clock } from '../../lib/clock.js';
import type { Db } from '../../db/client.js';
import { foldText } from '../../../shared/text-fold.js';
import type { TaskState } from '../../../shared/task-state.js';
import { TASK_STATES } from '../../../shared/task-state.js';
import type {
  CreateTaskInput,
  StateCounts,
  Summary,
  TaskDetail,
  TaskListQuery,
  UpdateTaskInput,
} from '../../../shared/schemas/tasks.js';
import { pickName } from '../../lib/localize.js';
import { blockingObstacles } from '../obstacles/obstacles.service.js';
import type { Actor } from '../auth/actor.js';
import { canManageTasks, taskReadScope, taskWriteLevel, type TaskScope } from '../auth/policy.js';
import { auditLog } from '../audit/audit.service.js';
import type { ProgrammesService } from '../programmes/programmes.service.js';
import { presentDetail, presentListItem } from './tasks.presenter.js';
import { createTasksRepo, rollupFits, tasksTransaction, type Cursor, type TasksRepo } from './tasks.repo.js';
import type { TaskFilters } from './task-filters.sql.js';
import { checkRecurrence, recurrenceDetail } from './recurrence.js';

const emptyCounts = (): StateCounts => Object.fromEntries(TASK_STATES.map((s) => [s, 0])) as StateCounts;

const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify([c.v, c.id])).toString('base64url');
function decodeCursor(s: string | undefined): Cursor | undefined {
  if (!s) return undefined;
  try {
    const [v, id] = JSON.parse(Buffer.from(s, 'base64url').toString()) as [unknown, unknown];
    if ((typeof v === 'string' || typeof v === 'number') && Number.isInteger(id))
      return { v, id: id as number };
  } catch {
    /* falls through to the error below */
  }
  throw new AppError('validation_failed', {}, 'cursor');
}

export const searchTextOf = (t: { code: string; title: string; deliverable: string | null }) =>
  foldText([t.code, t.title, t.deliverable ?? ''].join(' '));

/** Fields whose change is written to the task's history (and audit) with from → to. */
const TRACKED = [
  'title',
  'description',
  'groupId',
  'directiveId',
  'assignedLevel',
  'leadUnitId',
  'responsiblePerson',
  'startDate',
  'deadline',
  'deliverable',
  'targetText',
  'targetValue',
  'targetUnit',
  'priority',
  'parentId',
  'kind',
  'progress',
  'completedOn',
  'recurrence',
  'recurrenceDay',
] as const;

export function createTasksService(deps: { db: Db; clock: Clock; programmes: ProgrammesService }) {
  const { db, clock, programmes } = deps;
  const repo = createTasksRepo(db);

  async function context(actor: Actor, programmeId: number, asOf?: string) {
    const p = await programmes.access(actor, programmeId);
    return { p, asOf: asOf ?? p.today, scope: taskReadScope(actor, programmeId) };
  }

  async function validateRefs(r: TasksRepo, programmeId: number, v: Partial<CreateTaskInput>) {
    const unitIds = [...new Set([...(v.leadUnitId ? [v.leadUnitId] : []), ...(v.coordinatingUnitIds ?? [])])];
    const found = new Set(await r.existingUnitIds(unitIds));
    const missing = unitIds.find((id) => !found.has(id));
    if (missing !== undefined)
      throw new AppError(
        'unit_not_found',
        { id: missing },
        missing === v.leadUnitId ? 'leadUnitId' : 'coordinatingUnitIds',
      );
    if (v.groupId && (await r.groupProgramme(v.groupId)) !== programmeId)
      throw new AppError('group_not_in_programme', {}, 'groupId');
    if (v.directiveId && (await r.directiveProgramme(v.directiveId)) !== programmeId)
      throw new AppError('directive_not_in_programme', {}, 'directiveId');
    if (v.parentId) {
      const parent = await r.findRaw(v.parentId);
      if (!parent || parent.programmeId !== programmeId)
        throw new AppError('parent_task_other_programme', {}, 'parentId');
    }
  }

  /**
   * Whether the counts of the programme as of `asOf` can come from the rollups (decision 8): the
   * filters fit, and the date is kept or could be built now; when a writer holds the tasks (the
   * build never waits for one) or anything fails, the caller reads directly, with the same result.
   */
  async function rollupReady(scope: TaskScope, f: TaskFilters, asOf: string): Promise<boolean> {
    if (!rollupFits(scope, f)) return false;
    if (await repo.rollupHas(f.programmeId, asOf)) return true;
    try {
      await tasksTransaction(db, (r) => r.buildRollup(f.programmeId, asOf, scope));
      return true;
    } catch {
      return false;
    }
  }

  /** The one path a task is created by: its references checked, then written with its history. */
  async function insertTask(r: TasksRepo, tx: Db, actor: Actor, today: string, input: CreateTaskInput) {
    if (input.startDate && input.deadline < input.startDate)
      throw new AppError('deadline_before_start', {}, 'deadline');
    checkRecurrence(input);
    await validateRefs(r, input.programmeId, input);
    if (await r.codeExists(input.programmeId, input.code))
      throw new AppError('duplicate_code', { code: input.code }, 'code');
    const { coordinatingUnitIds, milestones, ...fields } = input;
    const task = await r.insert({
      ...fields,
      targetValue: fields.targetValue === null ? null : String(fields.targetValue),
      originalDeadline: fields.deadline,
      firstActivityOn: fields.progress > 0 ? today : null,
      searchText: searchTextOf(fields),
    });
    await r.replaceCoordinators(task.id, coordinatingUnitIds);
    await r.replaceMilestones(task.id, milestones);
    await r.addHistory({ taskId: task.id, actorId: actor.userId, action: 'created', changes: {} });
    await auditLog(tx, clock).record({
      actorId: actor.userId,
      action: 'task.create',
      entity: 'task',
      entityId: String(task.id),
      after: input,
    });
    return task.id;
  }

  return {
    async list(actor: Actor, q: TaskListQuery) {
      const { asOf, scope } = await context(actor, q.programmeId, q.asOf);
      const { sort, limit, cursor, state, asOf: _a, ...filters } = q;
      const states = state as TaskState[] | undefined;
      const [rows, total] = await Promise.all([
        repo.list(asOf, scope, filters, states, sort, limit + 1, decodeCursor(cursor)),
        (await rollupReady(scope, filters, asOf))
          ? repo.rollupCount(asOf, filters, states)
          : repo.count(asOf, scope, filters, states),
      ]);
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      const key = sort.replace('-', '') as 'deadline' | 'code' | 'progress' | 'title';
      return {
        items: page.map((r) => presentListItem(r, asOf, actor.locale)),
        nextCursor: rows.length > limit && last ? encodeCursor({ v: last[key], id: last.id }) : null,
        total,
        asOf,
      };
    },

    async summary(
      actor: Actor,
      q: {
        programmeId: number;
        asOf?: string;
        kind?: 'task' | 'pilot';
        groupId?: number;
        unitId?: number;
        directiveId?: number;
      },
    ): Promise<Summary> {
      const { asOf, scope } = await context(actor, q.programmeId, q.asOf);
      const f: TaskFilters = {
        programmeId: q.programmeId,
        kind: q.kind,
        groupId: q.groupId ? [q.groupId] : undefined,
        unitId: q.unitId,
        directiveId: q.directiveId,
        unitRole: 'any',
      };
      const [counts, units] = (await rollupReady(scope, f, asOf))
        ? await Promise.all([repo.rollupStateCounts(asOf, f), repo.rollupOverdueByUnit(asOf, f, 50)])
        : await Promise.all([repo.stateCounts(asOf, scope, f), repo.overdueByUnit(asOf, scope, f, 50)]);
      const byState = emptyCounts();
      const levels = new Map<string, { total: number; byState: StateCounts }>();
      const groups = new Map<number | null, { total: number; byState: StateCounts }>();
      for (const c of counts) {
        byState[c.state] += c.n;
        for (const [map, key] of [
          [levels, c.assigned_level],
          [groups, c.group_id],
        ] as const) {
          const m = map as Map<typeof key, { total: number; byState: StateCounts }>;
          const e = m.get(key) ?? { total: 0, byState: emptyCounts() };
          e.total += c.n;
          e.byState[c.state] += c.n;
          m.set(key, e);
        }
      }
      return {
        programmeId: q.programmeId,
        asOf,
        total: Object.values(byState).reduce((a, b) => a + b, 0),
        byState,
        byLevel: [...levels].map(([level, v]) => ({
          level: level as Summary['byLevel'][number]['level'],
          ...v,
        })),
        byGroup: [...groups].map(([groupId, v]) => ({ groupId, ...v })),
        overdueByUnit: units.map((u) => ({
          unitId: u.unit_id,
          code: u.code,
          name: pickName(actor.locale, u.name_vi, u.name_en, u.name_ar),
          overdue: u.overdue,
          total: u.total,
        })),
      };
    },

    async detail(actor: Actor, id: number, asOfParam?: string): Promise<TaskDetail> {
      const raw = await repo.findRaw(id);
      if (!raw) throw new AppError('not_found');
      const { asOf, scope } = await context(actor, raw.programmeId, asOfParam).catch(() => {
        throw new AppError('not_found');
      });
      const row = await repo.findOne(id, asOf, scope);
      if (!row) throw new AppError('not_found');
      const details = await repo.details(id);
      if (!details) throw new AppError('not_found');
      const level = taskWriteLevel(actor, { programmeId: raw.programmeId, leadUnitPath: row.lead_unit_path });
      const blockedBy = await blockingObstacles(db, actor, { id, programmeId: raw.programmeId }, asOf);
      const recurrence = await recurrenceDetail(db, raw, asOf);
      return {
        ...presentDetail(row, details, asOf, actor.locale, level !== 'none'),
        blockedBy,
        ...recurrence,
      };
    },

    async create(actor: Actor, input: CreateTaskInput): Promise<TaskDetail> {
      const { p } = await context(actor, input.programmeId);
      if (!canManageTasks(actor, input.programmeId)) throw new AppError('forbidden');
      const id = await tasksTransaction(db, (r, tx) => insertTask(r, tx, actor, p.today, input));
      return this.detail(actor, id);
    },

    /**
     * Creates many tasks in one transaction through the same path as one: every row is checked,
     * and if any is refused nothing is written and each refused row is said with its reason
     * (`onRowError` words it; the first error of each row is kept).
     */
    async createMany(
      actor: Actor,
      programmeId: number,
      inputs: CreateTaskInput[],
      onRowError: (index: number, e: AppError) => { path: string; message: string },
    ): Promise<{ id: number; code: string; title: string }[]> {
      const { p } = await context(actor, programmeId);
      if (!canManageTasks(actor, programmeId)) throw new AppError('forbidden');
      return tasksTransaction(db, async (r, tx) => {
        const created: { id: number; code: string; title: string }[] = [];
        const errors: { path: string; message: string }[] = [];
        for (const [i, input] of inputs.entries()) {
          if (input.programmeId !== programmeId) throw new AppError('forbidden');
          try {
            // Only checks run once a row failed: the transaction is rolled back anyway.
            if (errors.length) {
              if (input.startDate && input.deadline < input.startDate)
                throw new AppError('deadline_before_start', {}, 'deadline');
              await validateRefs(r, programmeId, input);
              if (await r.codeExists(programmeId, input.code))
                throw new AppError('duplicate_code', { code: input.code }, 'code');
              continue;
            }
            created.push({
              id: await insertTask(r, tx, actor, p.today, input),
              code: input.code,
              title: input.title,
            });
          } catch (e) {
            if (!(e instanceof AppError)) throw e;
            errors.push(onRowError(i, e));
          }
        }
        if (errors.length)
          throw new AppError('draft_rows_invalid', { count: errors.length }, undefined, errors);
        return created;
      });
    },

    async update(actor: Actor, id: number, input: UpdateTaskInput): Promise<TaskDetail> {
      const current = await repo.findRaw(id);
      if (!current) throw new AppError('not_found');
      const { p, scope } = await context(actor, current.programmeId).catch(() => {
        throw new AppError('not_found');
      });
      const visible = await repo.findOne(id, p.today, scope);
      if (!visible) throw new AppError('not_found');
      const level = taskWriteLevel(actor, {
        programmeId: current.programmeId,
        leadUnitPath: visible.lead_unit_path,
      });
      if (level === 'none') throw new AppError('forbidden');
      const { version, coordinatingUnitIds, milestones, ...fields } = input;
      if (level === 'progress') {
        const allowed = new Set(['progress', 'milestones']);
        const extra = Object.keys(input).find((k) => k !== 'version' && !allowed.has(k));
        if (extra) throw new AppError('forbidden', {}, extra);
      }
      const start = fields.startDate !== undefined ? fields.startDate : current.startDate;
      const deadline = fields.deadline ?? current.deadline;
      if (start && deadline < start) throw new AppError('deadline_before_start', {}, 'deadline');
      if (fields.parentId === id) throw new AppError('parent_task_other_programme', {}, 'parentId');
      checkRecurrence({ ...current, ...fields });

      await tasksTransaction(db, async (r, tx) => {
        await validateRefs(r, current.programmeId, { ...fields, coordinatingUnitIds });
        const changes: Record<string, { from: unknown; to: unknown }> = {};
        for (const k of TRACKED) {
          const to = fields[k as keyof typeof fields];
          const from =
            k === 'targetValue'
              ? current.targetValue === null
                ? null
                : Number(current.targetValue)
              : current[k as keyof typeof current];
          if (to !== undefined && to !== from) changes[k] = { from, to };
        }
        const values: Record<string, unknown> = { ...fields };
        if ('targetValue' in fields)
          values.targetValue = fields.targetValue === null ? null : String(fields.targetValue);
        if (fields.progress !== undefined && fields.progress > 0 && !current.firstActivityOn)
          values.firstActivityOn = p.today;
        if (fields.completedOn !== undefined) {
          values.completedAt = fields.completedOn ? clock.now() : null;
          if (fields.completedOn) values.progress = 100;
        }
        if (changes.deadline) {
          // A new deadline applies from today on; the original and every earlier one stay on record.
          values.deadlineEffectiveFrom = p.today;
          await r.addDeadlineChange({
            taskId: id,
            deadline,
            effectiveFrom: p.today,
            createdBy: actor.userId,
            reason: null,
          });
        }
        if (changes.title || changes.deliverable)
          values.searchText = searchTextOf({
            code: current.code,
            title: fields.title ?? current.title,
            deliverable: fields.deliverable !== undefined ? fields.deliverable : current.deliverable,
          });
        const updated = await r.updateIfVersion(id, version, values);
        if (!updated) throw new AppError('stale_version');
        if (coordinatingUnitIds) await r.replaceCoordinators(id, coordinatingUnitIds);
        if (milestones) await r.replaceMilestones(id, milestones);
        if (coordinatingUnitIds) changes.coordinatingUnitIds = { from: null, to: coordinatingUnitIds };
        if (milestones) changes.milestones = { from: null, to: milestones.length };
        await r.addHistory({ taskId: id, actorId: actor.userId, action: 'updated', changes });
        await auditLog(tx, clock).record({
          actorId: actor.userId,
          action: 'task.update',
          entity: 'task',
          entityId: String(id),
          before: Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, v.from])),
          after: Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, v.to])),
        });
      });
      return this.detail(actor, id);
    },
  };
}
export type TasksService = ReturnType<typeof createTasksService>;
