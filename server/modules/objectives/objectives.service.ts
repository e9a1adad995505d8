import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { AppError } from '../../lib/app-error.js';
import type { Clock } from '../../lib/clock.js';
import { pickName } from '../../lib/localize.js';
import {
  attainment,
  elapsedShare,
  krStatus,
  lastPeriods,
  score,
  targetForYear,
  targetMatchesDirection,
  yearOf,
} from '../../../shared/indicators.js';
import type {
  keyResultInput,
  keyResultPatch,
  KeyResultView,
  objectiveInput,
  objectivePatch,
  OkrsResponse,
} from '../../../shared/schemas/indicators.js';
import type { Actor } from '../auth/actor.js';
import { hasProgrammeRole, isAdmin, unitScopePaths } from '../auth/policy.js';
import { auditLog } from '../audit/audit.service.js';
import { createIndicatorsRepo, type IndicatorRow } from '../indicators/indicators.repo.js';
import type { FigureAsk, IndicatorsService } from '../indicators/indicators.service.js';
import { canManageIndicators, canReadUnitValues } from '../indicators/policy.js';
import type { ProgrammeAccess, ProgrammesService } from '../programmes/programmes.service.js';
import {
  createObjectivesRepo,
  objectivesTransaction,
  type KeyResultRow,
  type ObjectivesRepo,
} from './objectives.repo.js';

type ObjectiveInput = z.infer<typeof objectiveInput>;
type ObjectivePatch = z.infer<typeof objectivePatch>;
type KeyResultInput = z.infer<typeof keyResultInput>;
type KeyResultPatch = z.infer<typeof keyResultPatch>;

const presentObjective = (o: Awaited<ReturnType<ObjectivesRepo['objective']>> & object) => ({
  id: o.id,
  programmeId: o.programmeId,
  groupId: o.groupId,
  code: o.code,
  title: { vi: o.titleVi, en: o.titleEn, ar: o.titleAr },
  sort: o.sort,
});

/**
 * Objectives and key results of a programme, and the one read the cockpit makes: every
 * objective with each key result's current figure, target, attainment, status and recent series,
 * as of a date (entries after it unseen, targets of its year), in a fixed number of statements.
 */
export function createObjectivesService(deps: {
  db: Db;
  clock: Clock;
  programmes: ProgrammesService;
  indicators: IndicatorsService;
}) {
  const { db, clock, programmes, indicators } = deps;
  const repo = createObjectivesRepo(db);
  const indicatorsRepo = createIndicatorsRepo(db);

  async function managed(actor: Actor, programmeId: number) {
    const p = await programmes.access(actor, programmeId);
    if (!canManageIndicators(actor, p.id)) throw new AppError('forbidden');
    return p;
  }

  async function checkGroup(actor: Actor, p: ProgrammeAccess, groupId: number | null | undefined) {
    if (groupId && !(await programmes.get(actor, p.id)).groups.some((g) => g.id === groupId))
      throw new AppError('group_not_in_programme', {}, 'groupId');
  }

  /** A key result as it will be stored, checked against its indicator, unit, dates and tasks. */
  async function checkKeyResult(p: ProgrammeAccess, v: KeyResultInput) {
    const ind = await indicatorsRepo.byId(v.indicatorId);
    if (!ind || ind.programmeId !== p.id) throw new AppError('not_found', {}, 'indicatorId');
    if (v.unitId) {
      const u = await indicatorsRepo.unit(v.unitId);
      if (!u || (p.rootUnitPath && !u.path.startsWith(p.rootUnitPath)))
        throw new AppError('unit_not_found', { id: v.unitId }, 'unitId');
    }
    if (v.deadline <= v.startDate) throw new AppError('deadline_before_start', {}, 'deadline');
    const baseline = v.baseline ?? ind.baseline;
    if (baseline === null || baseline === undefined) throw new AppError('validation_failed', {}, 'baseline');
    if (!targetMatchesDirection(ind.direction, baseline, v.target))
      throw new AppError('target_wrong_side', { target: v.target, baseline }, 'target');
    const taskIds = [...new Set(v.taskIds ?? [])];
    const found = await repo.tasksOf(p.id, taskIds);
    const missing = taskIds.findIndex((id) => !found.includes(id));
    if (missing >= 0) throw new AppError('not_found', {}, `taskIds.${missing}`);
    return {
      row: {
        indicatorId: ind.id,
        unitId: v.unitId ?? null,
        baseline,
        target: v.target,
        startDate: v.startDate,
        deadline: v.deadline,
        sort: v.sort ?? 0,
      },
      taskIds,
    };
  }

  async function presentKeyResult(k: KeyResultRow) {
    return { ...k, taskIds: await repo.taskIdsOf(k.id) };
  }

  async function loadKeyResult(actor: Actor, id: number) {
    const k = await repo.keyResult(id);
    if (!k) throw new AppError('not_found');
    const o = (await repo.objective(k.objectiveId))!;
    const p = await managed(actor, o.programmeId);
    return { k, o, p };
  }

  return {
    async createObjective(actor: Actor, input: ObjectiveInput) {
      const p = await managed(actor, input.programmeId);
      await checkGroup(actor, p, input.groupId);
      const o = await objectivesTransaction(db, async (r, tx) => {
        if (await r.codeTaken(p.id, input.code))
          throw new AppError('duplicate_code', { code: input.code }, 'code');
        const created = await r.insertObjective({
          programmeId: p.id,
          groupId: input.groupId ?? null,
          code: input.code,
          titleVi: input.title.vi,
          titleEn: input.title.en ?? null,
          titleAr: input.title.ar ?? null,
          sort: input.sort ?? 0,
        });
        await auditLog(tx, clock).record({
          actorId: actor.userId,
          action: 'objective.created',
          entity: 'objective',
          entityId: String(created.id),
          after: input,
        });
        return created;
      });
      return presentObjective(o);
    },

    async updateObjective(actor: Actor, id: number, patch: ObjectivePatch) {
      const o = await repo.objective(id);
      if (!o) throw new AppError('not_found');
      const p = await managed(actor, o.programmeId);
      await checkGroup(actor, p, patch.groupId);
      const out = await objectivesTransaction(db, async (r, tx) => {
        if (patch.code && (await r.codeTaken(p.id, patch.code, id)))
          throw new AppError('duplicate_code', { code: patch.code }, 'code');
        const updated = await r.updateObjective(id, {
          ...(patch.code !== undefined && { code: patch.code }),
          ...(patch.groupId !== undefined && { groupId: patch.groupId }),
          ...(patch.sort !== undefined && { sort: patch.sort }),
          ...(patch.title && {
            titleVi: patch.title.vi,
            titleEn: patch.title.en ?? null,
            titleAr: patch.title.ar ?? null,
          }),
        });
        await auditLog(tx, clock).record({
          actorId: actor.userId,
          action: 'objective.updated',
          entity: 'objective',
          entityId: String(id),
          before: o,
          after: patch,
        });
        return updated;
      });
      return presentObjective(out);
    },

    async deleteObjective(actor: Actor, id: number) {
      const o = await repo.objective(id);
      if (!o) throw new AppError('not_found');
      await managed(actor, o.programmeId);
      await objectivesTransaction(db, async (r, tx) => {
        await r.deleteObjective(id);
        await auditLog(tx, clock).record({
          actorId: actor.userId,
          action: 'objective.deleted',
          entity: 'objective',
          entityId: String(id),
          before: o,
        });
      });
      return { ok: true as const };
    },

    async createKeyResult(actor: Actor, objectiveId: number, input: KeyResultInput) {
      const o = await repo.objective(objectiveId);
      if (!o) throw new AppError('not_found');
      const p = await managed(actor, o.programmeId);
      const { row, taskIds } = await checkKeyResult(p, input);
      const k = await objectivesTransaction(db, async (r, tx) => {
        const created = await r.insertKeyResult({ ...row, objectiveId });
        await r.setTasks(created.id, taskIds);
        await auditLog(tx, clock).record({
          actorId: actor.userId,
          action: 'key_result.created',
          entity: 'key_result',
          entityId: String(created.id),
          after: input,
        });
        return created;
      });
      return presentKeyResult(k);
    },

    async updateKeyResult(actor: Actor, id: number, patch: KeyResultPatch) {
      const { k, p } = await loadKeyResult(actor, id);
      const merged: KeyResultInput = {
        indicatorId: patch.indicatorId ?? k.indicatorId,
        unitId: patch.unitId === undefined ? k.unitId : patch.unitId,
        baseline: patch.baseline ?? k.baseline,
        target: patch.target ?? k.target,
        startDate: patch.startDate ?? k.startDate,
        deadline: patch.deadline ?? k.deadline,
        taskIds: patch.taskIds ?? (await repo.taskIdsOf(id)),
        sort: patch.sort ?? k.sort,
      };
      const { row, taskIds } = await checkKeyResult(p, merged);
      const out = await objectivesTransaction(db, async (r, tx) => {
        const updated = await r.updateKeyResult(id, row);
        await r.setTasks(id, taskIds);
        await auditLog(tx, clock).record({
          actorId: actor.userId,
          action: 'key_result.updated',
          entity: 'key_result',
          entityId: String(id),
          before: k,
          after: patch,
        });
        return updated;
      });
      return presentKeyResult(out);
    },

    async deleteKeyResult(actor: Actor, id: number) {
      const { k } = await loadKeyResult(actor, id);
      await objectivesTransaction(db, async (r, tx) => {
        await r.deleteKeyResult(id);
        await auditLog(tx, clock).record({
          actorId: actor.userId,
          action: 'key_result.deleted',
          entity: 'key_result',
          entityId: String(id),
          before: k,
        });
      });
      return { ok: true as const };
    },

    /** The cockpit's read: all objectives and key results of a programme as of a date. */
    async okrs(
      actor: Actor,
      programmeId: number,
      q: { asOf?: string; periods: number },
    ): Promise<OkrsResponse> {
      const p = await programmes.access(actor, programmeId);
      const asOf = q.asOf ?? p.today;
      const programme = await programmes.get(actor, p.id);
      const rows = await repo.okrs(p.id, programme.rootUnitId);
      const krRows = rows.filter((r) => r.kr_id !== null);
      const indicatorIds = [...new Set(krRows.map((r) => r.indicator_id!))];
      const [inds, targets, linked] = await Promise.all([
        indicatorsRepo.byIds(indicatorIds),
        indicatorsRepo.targetsOf(indicatorIds),
        repo.linkedTasks(krRows.map((r) => r.kr_id!)),
      ]);
      const indById = new Map<number, IndicatorRow>(inds.map((i) => [i.id, i]));
      const wide = isAdmin(actor) || hasProgrammeRole(actor, p.id);
      const myPaths = unitScopePaths(actor, p.id);

      // Every figure of every visible key result, asked at once.
      const asks: FigureAsk[] = [];
      const slots = new Map<number, { from: number; keys: string[] }>();
      const readable = krRows.filter((r) => r.unit_id && canReadUnitValues(actor, p.id, r.unit_path!));
      const ends = await Promise.all(
        readable.map((r) => indicators.seriesEnd(indById.get(r.indicator_id!)!, r.unit_id!, asOf)),
      );
      for (const [k, r] of readable.entries()) {
        const ind = indById.get(r.indicator_id!)!;
        const periods = lastPeriods(ends[k]!, ind.cadence, q.periods);
        slots.set(r.kr_id!, { from: asks.length, keys: periods.map((x) => x.key) });
        for (const period of periods) asks.push({ indicator: ind, unitId: r.unit_id!, period });
      }
      const figs = await indicators.figures(asks, asOf, p.timeZone);

      const view = (r: (typeof krRows)[number]): KeyResultView => {
        const ind = indById.get(r.indicator_id!)!;
        const slot = slots.get(r.kr_id!);
        const series = slot
          ? slot.keys.map((period, k) => ({ period, value: figs[slot.from + k]!.value }))
          : [];
        let last = -1;
        series.forEach((s, k) => {
          if (s.value !== null) last = k;
        });
        const current =
          slot && last >= 0
            ? { ...figs[slot.from + last]!, period: series[last]!.period }
            : {
                value: null,
                numerator: null,
                denominator: null,
                reported: null,
                expected: null,
                period: null,
              };
        const scoring = { fullAt: ind.scoringFullAt, cap: ind.scoringCap };
        const att = attainment(ind.direction, r.baseline!, r.target!, current.value, scoring);
        const elapsed = elapsedShare(r.start_date!, r.deadline!, asOf);
        const yearly = targets
          .filter((t) => t.indicatorId === ind.id && /^\d{4}$/.test(t.period))
          .map((t) => ({ year: Number(t.period), value: t.value }));
        return {
          id: r.kr_id!,
          indicator: {
            id: ind.id,
            code: ind.code,
            name: pickName(actor.locale, ind.nameVi, ind.nameEn, ind.nameAr),
            measure: ind.measure,
            direction: ind.direction,
            aggregation: ind.aggregation,
            source: ind.source,
            cadence: ind.cadence,
          },
          unit: {
            id: r.unit_id ?? 0,
            code: r.unit_code ?? '',
            name: r.unit_name_vi
              ? pickName(actor.locale, r.unit_name_vi, r.unit_name_en, r.unit_name_ar)
              : '',
          },
          baseline: r.baseline!,
          target: r.target!,
          yearTarget: targetForYear(yearly, yearOf(asOf)),
          startDate: r.start_date!,
          deadline: r.deadline!,
          visible: !!slot,
          current,
          attainment: att,
          score: score(att, scoring),
          elapsed,
          status: slot ? krStatus(att, elapsed) : 'no_data',
          series,
          tasks: linked
            .filter((t) => t.keyResultId === r.kr_id)
            .filter((t) => wide || myPaths.some((m) => t.leadUnitPath.startsWith(m)))
            .map((t) => ({ id: t.id, code: t.code, title: t.title })),
        };
      };

      const objectives: OkrsResponse['objectives'] = [];
      for (const r of rows) {
        let o = objectives.find((x) => x.id === r.objective_id);
        if (!o) {
          o = {
            id: r.objective_id,
            code: r.objective_code,
            title: pickName(actor.locale, r.title_vi, r.title_en, r.title_ar),
            group: r.group_id
              ? {
                  id: r.group_id,
                  code: r.group_code!,
                  name: pickName(actor.locale, r.group_name_vi!, r.group_name_en, r.group_name_ar),
                }
              : null,
            keyResults: [],
          };
          objectives.push(o);
        }
        if (r.kr_id !== null) o.keyResults.push(view(r));
      }
      return { programmeId: p.id, asOf, objectives, can: { manage: canManageIndicators(actor, p.id) } };
    },
  };
}
export type ObjectivesService = ReturnType<typeof createObjectivesService>;
