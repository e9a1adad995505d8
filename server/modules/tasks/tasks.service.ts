import { AppError } from '../../lib/app-error.js';
import type { Clock } from '../../lib/clock.js';
import type { Db } from '../../db/client.js';
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
import {
  canManageTasks,
  delegationRights,
  taskReadScope,
  taskWriteLevel,
  type TaskScope,
} from '../auth/policy.js';
import { auditLog } from '../audit/audit.service.js';
import type { ProgrammesService } from '../programmes/programmes.service.js';
import { presentDetail, presentListItem } from './tasks.presenter.js';
import { createTasksRepo, rollupFits, tasksTransaction, type Cursor, type TasksRepo } from './tasks.repo.js';
import { checkRecurrence, recurrenceDetail } from './recurrence.js';
import type { TaskFilters } from './task-filters.sql.js';
import { searchTextOf } from './search-text.js';
import { createSubtasksRepo } from './subtasks.repo.js';
import { validateRefs } from './task-refs.js';
import { updateTask } from './update-task.js';
import { delegateTask } from './delegate-task.js';
import { listSubtasks } from './list-subtasks.js';
import type { DelegateInput } from '../../../shared/schemas/subtasks.js';

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

export { searchTextOf };

export function createTasksService(deps: { db: Db; clock: Clock; programmes: ProgrammesService }) {
  const { db, clock, programmes } = deps;
  const repo = createTasksRepo(db);

  async function context(actor: Actor, programmeId: number, asOf?: string) {
    const p = await programmes.access(actor, programmeId);
    return { p, asOf: asOf ?? p.today, scope: taskReadScope(actor, programmeId) };
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
    await validateRefs(r, createSubtasksRepo(tx), input.programmeId, input);
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
        directiveId: q.directiveId,
        unitId: q.unitId,
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
      const facts = { programmeId: raw.programmeId, leadUnitPath: row.lead_unit_path };
      const level = taskWriteLevel(actor, facts);
      const open = !raw.completedOn && !raw.cancelledOn;
      const can = {
        update: level !== 'none',
        manage: level === 'full',
        delegate: open && delegationRights(actor, facts) !== null,
      };
      const blockedBy = await blockingObstacles(db, actor, { id, programmeId: raw.programmeId }, asOf);
      const recurrence = await recurrenceDetail(db, raw, asOf);
      return { ...presentDetail(row, details, asOf, actor.locale, can), blockedBy, ...recurrence };
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
              await validateRefs(r, createSubtasksRepo(tx), programmeId, input);
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
      await updateTask(deps, actor, id, input);
      return this.detail(actor, id);
    },

    subtasks: (actor: Actor, id: number, asOf?: string) => listSubtasks(deps, actor, id, asOf),

    async delegate(actor: Actor, id: number, input: DelegateInput) {
      await delegateTask(deps, actor, id, input);
      return listSubtasks(deps, actor, id);
    },
  };
}
export type TasksService = ReturnType<typeof createTasksService>;
