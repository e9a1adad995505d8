import { AppError } from '../../lib/app-error.js';
import type { Clock } from '../../lib/clock.js';
import type { Db } from '../../db/client.js';
import { nameOf } from '../../lib/localize.js';
import { foldText } from '../../../shared/text-fold.js';
import type {
  CreateUnitInput,
  Unit,
  UnitWithCounts,
  UpdateUnitInput,
} from '../../../shared/schemas/units.js';
import type { Actor } from '../auth/actor.js';
import { canManageUnits, taskReadScope } from '../auth/policy.js';
import { auditLog } from '../audit/audit.service.js';
import type { ProgrammesService } from '../programmes/programmes.service.js';
import type { TasksRepo } from '../tasks/tasks.repo.js';
import { createUnitBulkRepo } from './unit-bulk.repo.js';
import { createUnitsRepo, unitsTransaction, type UnitRow } from './units.repo.js';

export const presentUnit = (u: UnitRow): Unit => ({
  id: u.id,
  code: u.code,
  name: nameOf(u),
  kind: u.kind as Unit['kind'],
  parentId: u.parentId,
  depth: u.depth,
  leaderName: u.leaderName,
  contactEmail: u.contactEmail,
  contactPhone: u.contactPhone,
  mergedInto: u.mergedIntoId && u.mergedOn ? { id: u.mergedIntoId, on: u.mergedOn } : null,
});

const searchTextOf = (u: { code: string; nameVi: string; nameEn: string | null }) =>
  foldText(`${u.code} ${u.nameVi} ${u.nameEn ?? ''}`);

export type UnitListQuery = {
  parentId?: number;
  subtreeOf?: number;
  q?: string;
  roots?: 'true' | 'false';
  programmeId?: number;
  asOf?: string;
};

export function createUnitsService(deps: {
  db: Db;
  clock: Clock;
  programmes: ProgrammesService;
  tasksRepo: TasksRepo;
}) {
  const { db, clock, programmes, tasksRepo } = deps;
  const repo = createUnitsRepo(db);

  return {
    async list(actor: Actor, q: UnitListQuery): Promise<UnitWithCounts[]> {
      let rows: UnitRow[];
      if (q.q?.trim()) {
        const under = q.subtreeOf ? (await repo.byId(q.subtreeOf))?.path : undefined;
        rows = await repo.search(foldText(q.q), 50, under);
      } else if (q.parentId) rows = await repo.children(q.parentId, q.asOf);
      else if (q.subtreeOf) {
        const root = await repo.byId(q.subtreeOf);
        if (!root) throw new AppError('unit_not_found', { id: q.subtreeOf });
        rows = await repo.subtree(root.path, 5000);
      } else rows = await repo.roots();

      const ids = rows.map((r) => r.id);
      const childCounts = await repo.childCounts(ids);
      let counts = new Map<number, { total: number; overdue: number; done: number }>();
      if (q.programmeId) {
        const p = await programmes.access(actor, q.programmeId);
        const asOf = q.asOf ?? p.today;
        const scope = taskReadScope(actor, q.programmeId);
        const list = await tasksRepo.countsForUnits(
          asOf,
          scope,
          { programmeId: q.programmeId, unitRole: 'any' },
          ids,
        );
        counts = new Map(list.map((c) => [c.unit_id, { total: c.total, overdue: c.overdue, done: c.done }]));
      }
      return rows.map((r) => ({
        ...presentUnit(r),
        childCount: childCounts.get(r.id) ?? 0,
        counts: q.programmeId ? (counts.get(r.id) ?? { total: 0, overdue: 0, done: 0 }) : null,
      }));
    },

    async get(id: number) {
      const u = await repo.byId(id);
      if (!u) throw new AppError('not_found');
      const ancestorIds = u.path
        .split('/')
        .filter(Boolean)
        .map(Number)
        .filter((x) => x !== u.id);
      const ancestors = await repo.byIds(ancestorIds);
      ancestors.sort((a, b) => a.depth - b.depth);
      return { ...presentUnit(u), ancestors: ancestors.map(presentUnit) };
    },

    async create(actor: Actor, input: CreateUnitInput): Promise<Unit> {
      if (!canManageUnits(actor)) throw new AppError('forbidden');
      return unitsTransaction(db, async (r, tx) => {
        if (await r.byCode(input.code)) throw new AppError('duplicate_code', { code: input.code }, 'code');
        const parent = input.parentId ? await r.byId(input.parentId) : undefined;
        if (input.parentId && !parent)
          throw new AppError('unit_not_found', { id: input.parentId }, 'parentId');
        const base = {
          code: input.code,
          nameVi: input.name.vi,
          nameEn: input.name.en,
          nameAr: input.name.ar,
          kind: input.kind,
          parentId: input.parentId,
          leaderName: input.leaderName,
          contactEmail: input.contactEmail,
          contactPhone: input.contactPhone,
        };
        const created = await r.insert({
          ...base,
          path: '/',
          depth: parent ? parent.depth + 1 : 0,
          searchText: searchTextOf(base),
        });
        const withPath = await r.update(created.id, { path: `${parent?.path ?? '/'}${created.id}/` });
        await auditLog(tx, clock).record({
          actorId: actor.userId,
          action: 'unit.create',
          entity: 'unit',
          entityId: String(created.id),
          after: input,
        });
        return presentUnit(withPath!);
      });
    },

    async update(actor: Actor, id: number, input: UpdateUnitInput): Promise<Unit> {
      if (!canManageUnits(actor)) throw new AppError('forbidden');
      return unitsTransaction(db, async (r, tx) => {
        const current = await r.byId(id);
        if (!current) throw new AppError('not_found');
        const values: Record<string, unknown> = {};
        if (input.name)
          Object.assign(values, { nameVi: input.name.vi, nameEn: input.name.en, nameAr: input.name.ar });
        for (const k of ['kind', 'leaderName', 'contactEmail', 'contactPhone'] as const)
          if (input[k] !== undefined) values[k] = input[k];
        if (input.parentId !== undefined && input.parentId !== current.parentId) {
          const parent = input.parentId ? await r.byId(input.parentId) : undefined;
          if (input.parentId && !parent)
            throw new AppError('unit_not_found', { id: input.parentId }, 'parentId');
          // Placing a unit under itself or a descendant would make the tree a cycle.
          if (parent && parent.path.startsWith(current.path))
            throw new AppError('unit_cycle', {}, 'parentId');
          for (const u of [current, parent])
            if (u?.mergedOn) throw new AppError('unit_merged', { code: u.code, on: u.mergedOn }, 'parentId');
          const newPath = `${parent?.path ?? '/'}${id}/`;
          await r.movePaths(current.path, newPath, (parent ? parent.depth + 1 : 0) - current.depth);
          // Kept tables carry unit paths and names (decision 9's masks): every programme recomputes.
          await createUnitBulkRepo(tx).invalidateUnitCaches();
          values.parentId = input.parentId;
        }
        const merged = {
          code: current.code,
          nameVi: (values.nameVi as string) ?? current.nameVi,
          nameEn: (values.nameEn as string | null) ?? current.nameEn,
        };
        values.searchText = searchTextOf(merged);
        if (values.nameVi !== undefined && values.parentId === undefined)
          await createUnitBulkRepo(tx).invalidateUnitCaches();
        const updated = await r.update(id, values);
        await auditLog(tx, clock).record({
          actorId: actor.userId,
          action: 'unit.update',
          entity: 'unit',
          entityId: String(id),
          before: current,
          after: input,
        });
        return presentUnit(updated!);
      });
    },
  };
}
export type UnitsService = ReturnType<typeof createUnitsService>;
