import type { Db } from '../../db/client.js';
import { AppError } from '../../lib/app-error.js';
import type { Clock } from '../../lib/clock.js';
import { pickName } from '../../lib/localize.js';
import type { ErrorCode } from '../../../shared/errors.js';
import { criterionMet, periodStart } from '../../../shared/criteria.js';
import type { Locale } from '../../../shared/schemas/common.js';
import { foldText } from '../../../shared/text-fold.js';
import type {
  CriteriaGlance,
  AssessInput,
  Assessment,
  CreateSetInput,
  CriteriaSet,
  Criterion,
  Matrix,
  MatrixQuery,
  Trend,
  UpdateSetInput,
} from '../../../shared/schemas/criteria.js';
import type { Actor } from '../auth/actor.js';
import { auditLog } from '../audit/audit.service.js';
import type { ProgrammeAccess, ProgrammesService } from '../programmes/programmes.service.js';
import {
  createCriteriaRepo,
  criteriaTransaction,
  type CriterionRow,
  type SetRow,
  type UnitFacts,
  type UnitFilter,
  type ValueWrite,
} from './criteria.repo.js';
import { assessAs, canManageCriteria, criteriaReadScope } from './policy.js';

type Names = { name_vi: string; name_en: string | null; name_ar: string | null };
export const nameIn = (locale: Locale, n: Names) => pickName(locale, n.name_vi, n.name_en, n.name_ar);

export function presentCriterion(locale: Locale, c: CriterionRow): Criterion {
  return {
    id: c.id,
    code: c.code,
    name: nameIn(locale, c),
    names: { vi: c.name_vi, en: c.name_en, ar: c.name_ar },
    kind: c.kind,
    threshold: c.threshold,
    maxScore: c.max_score,
    evidenceRequired: c.evidence_required,
    group: c.group_code,
  };
}

export type ValueProblem = { code: ErrorCode; params: Record<string, unknown> };
type RawValue = { met: boolean | null; score: number | null; evidence: string | null };

/** Checks one value against its criterion: its shape, the score's range, the evidence a "met" needs. */
export function checkValue(c: CriterionRow, v: RawValue): ValueProblem | { met: boolean } {
  const p = { criterion: c.code };
  if (c.kind === 'boolean' && (v.met === null || v.score !== null))
    return { code: 'value_missing', params: p };
  if (c.kind === 'score') {
    if (v.score === null) return { code: 'value_missing', params: p };
    const max = c.max_score ?? Number.POSITIVE_INFINITY;
    if (v.score < 0 || v.score > max)
      return { code: 'score_out_of_range', params: { ...p, max: c.max_score } };
  }
  const met = criterionMet({ kind: c.kind, threshold: c.threshold }, v);
  if (met && c.evidence_required && !v.evidence) return { code: 'evidence_required', params: p };
  return { met };
}

/**
 * Criteria sets (the 17 digital-transformation criteria for communes, an infrastructure survey),
 * the values units get per period, the matrix of units × criteria and the trend between periods.
 * A unit's users read and write their own subtree's values; programme-wide roles read every unit.
 */
export function createCriteriaService(deps: { db: Db; clock: Clock; programmes: ProgrammesService }) {
  const { db, clock, programmes } = deps;
  const repo = createCriteriaRepo(db);

  /** The set as the actor may see it (404 otherwise), its criteria and the programme. */
  async function open(actor: Actor, setId: number) {
    const set = await repo.set(setId);
    if (!set) throw new AppError('not_found');
    const p = await programmes.access(actor, set.programme_id).catch(() => {
      throw new AppError('not_found');
    });
    const criteria = await repo.criteriaOf([set.id]);
    return { set, p, criteria, scope: criteriaReadScope(actor, p.id) };
  }

  const filter = (
    p: ProgrammeAccess,
    set: SetRow,
    scope: UnitFilter['scope'],
    extra: Partial<UnitFilter> = {},
  ): UnitFilter => ({ rootPath: p.rootUnitPath, kinds: set.unit_kinds, scope, ...extra });

  async function presentSet(actor: Actor, set: SetRow, criteria: CriterionRow[]): Promise<CriteriaSet> {
    return {
      id: set.id,
      programmeId: set.programme_id,
      code: set.code,
      name: nameIn(actor.locale, set),
      names: { vi: set.name_vi, en: set.name_en, ar: set.name_ar },
      unitKinds: set.unit_kinds,
      criteria: criteria.filter((c) => c.set_id === set.id).map((c) => presentCriterion(actor.locale, c)),
      periods: await repo.periods(set.id),
      version: set.version,
      can: { manage: canManageCriteria(actor, set.programme_id) },
    };
  }

  /** The unit named, inside the programme and assessed by the set, and in whose name the actor writes. */
  function unitFor(actor: Actor, p: ProgrammeAccess, set: SetRow, u: UnitFacts | undefined, id: unknown) {
    if (!u) throw new AppError('unit_not_found', { id }, 'unitId');
    if (p.rootUnitPath && !u.path.startsWith(p.rootUnitPath))
      throw new AppError('unit_outside_programme', { unit: u.code }, 'unitId');
    if (!set.unit_kinds.includes(u.kind))
      throw new AppError('unit_kind_not_in_set', { unit: u.code }, 'unitId');
    const as = assessAs(actor, p.id, u.path);
    if (!as) throw new AppError('unit_out_of_scope', { unit: u.code }, 'unitId');
    return as;
  }

  /**
   * Each set at a glance (the cockpit's tile): its latest period begun by "as of", how many
   * units it assesses there and how many meet every criterion, under `parentPath` if given.
   */
  async function glance(
    actor: Actor,
    programmeId: number,
    q: { asOf: string; parentPath?: string | null },
  ): Promise<CriteriaGlance> {
    const p = await programmes.access(actor, programmeId);
    const scope = criteriaReadScope(actor, p.id);
    const sets = await repo.sets(p.id);
    const all = await repo.criteriaOf(sets.map((s) => s.id));
    return Promise.all(
      sets.map(async (set) => {
        const criteria = all.filter((c) => c.set_id === set.id);
        const period = (await repo.periods(set.id)).filter((k) => periodStart(k) <= q.asOf).at(-1) ?? null;
        const counts = period
          ? await repo.counts(
              set.id,
              period,
              filter(p, set, scope, q.parentPath ? { parentPath: q.parentPath } : {}),
              criteria.length,
            )
          : { total: 0, allMet: 0, per: [] };
        return {
          setId: set.id,
          code: set.code,
          name: nameIn(actor.locale, set),
          period,
          criteria: criteria.length,
          units: counts.total,
          allMet: counts.allMet,
          metCells: counts.per.reduce((n, c) => n + Number(c.met), 0),
        };
      }),
    );
  }

  return {
    open,
    filter,

    async list(actor: Actor, programmeId: number): Promise<CriteriaSet[]> {
      const p = await programmes.access(actor, programmeId);
      const sets = await repo.sets(p.id);
      const criteria = await repo.criteriaOf(sets.map((s) => s.id));
      return Promise.all(sets.map((s) => presentSet(actor, s, criteria)));
    },

    async get(actor: Actor, setId: number) {
      const { set, criteria } = await open(actor, setId);
      return presentSet(actor, set, criteria);
    },

    async create(actor: Actor, input: CreateSetInput) {
      const p = await programmes.access(actor, input.programmeId);
      if (!canManageCriteria(actor, p.id)) throw new AppError('forbidden');
      if (await repo.codeTaken(p.id, input.code))
        throw new AppError('duplicate_code', { code: input.code }, 'code');
      const id = await criteriaTransaction(db, async (r, tx) => {
        const { id } = (await r.insertSet({
          programmeId: p.id,
          code: input.code,
          names: input.name,
          unitKinds: input.unitKinds,
          at: clock.now(),
        }))!;
        for (const [i, c] of input.criteria.entries()) await r.upsertCriterion(id, i, c);
        await auditLog(tx, clock).record({
          actorId: actor.userId,
          action: 'criteria_set.create',
          entity: 'criteria_set',
          entityId: String(id),
          after: input,
        });
        return id;
      });
      return this.get(actor, id);
    },

    async update(actor: Actor, setId: number, input: UpdateSetInput) {
      const { set } = await open(actor, setId);
      if (!canManageCriteria(actor, set.programme_id)) throw new AppError('forbidden');
      if (input.criteria && new Set(input.criteria.map((c) => c.code)).size !== input.criteria.length)
        throw new AppError('validation_failed', {}, 'criteria');
      await criteriaTransaction(db, async (r, tx) => {
        const ok = await r.updateSet(set.id, input.version, {
          names: input.name,
          unitKinds: input.unitKinds,
        });
        if (!ok) throw new AppError('stale_version');
        if (input.criteria) {
          await r.removeCriteriaExcept(
            set.id,
            input.criteria.map((c) => c.code),
          );
          for (const [i, c] of input.criteria.entries()) await r.upsertCriterion(set.id, i, c);
        }
        await auditLog(tx, clock).record({
          actorId: actor.userId,
          action: 'criteria_set.update',
          entity: 'criteria_set',
          entityId: String(set.id),
          after: input,
        });
      });
      return this.get(actor, set.id);
    },

    /** One unit's values for a period, with who entered each and when. */
    async assessment(actor: Actor, setId: number, unitId: number, period: string): Promise<Assessment> {
      const { set, p, criteria, scope } = await open(actor, setId);
      const [u] = await repo.units([unitId]);
      const visible =
        u &&
        (!p.rootUnitPath || u.path.startsWith(p.rootUnitPath)) &&
        (scope.kind === 'programme' ||
          (scope.kind === 'units' && scope.unitPaths.some((x) => u.path.startsWith(x))));
      if (!visible) throw new AppError('not_found');
      const values = await repo.values(set.id, u.id, period);
      const code = new Map(criteria.map((c) => [c.id, c.code]));
      return {
        unit: { id: u.id, code: u.code, name: nameIn(actor.locale, u) },
        period,
        values: values.map((v) => ({
          criterionId: v.criterion_id,
          criterionCode: code.get(v.criterion_id) ?? '',
          met: v.met,
          score: v.score,
          evidence: v.evidence,
          enteredAs: v.entered_as,
          enteredBy: v.entered_by,
          enteredAt: new Date(v.entered_at).toISOString(),
        })),
      };
    },

    /** Enters a unit's values for a period (all or none): checked one by one, then written together. */
    async assess(actor: Actor, setId: number, input: AssessInput) {
      const { set, p, criteria } = await open(actor, setId);
      const [u] = await repo.units([input.unitId]);
      const as = unitFor(actor, p, set, u, input.unitId);
      const byCode = new Map(criteria.map((c) => [c.code, c]));
      const now = clock.now();
      const writes: ValueWrite[] = [];
      const seen = new Set<string>();
      for (const v of input.values) {
        const c = byCode.get(v.criterionCode);
        if (!c) throw new AppError('criterion_not_in_set', { criterion: v.criterionCode }, 'values');
        if (seen.has(c.code)) throw new AppError('validation_failed', {}, 'values');
        seen.add(c.code);
        const checked = checkValue(c, v);
        if ('code' in checked) throw new AppError(checked.code, checked.params, 'values');
        writes.push({
          setId: set.id,
          criterionId: c.id,
          unitId: u!.id,
          period: input.period,
          met: checked.met,
          score: c.kind === 'score' ? v.score : null,
          evidence: v.evidence,
          enteredAs: as,
          enteredBy: actor.userId,
          enteredAt: now,
        });
      }
      await criteriaTransaction(db, async (r, tx) => {
        await r.writeValues(writes);
        await auditLog(tx, clock).record({
          actorId: actor.userId,
          action: 'assessment.enter',
          entity: 'criteria_set',
          entityId: String(set.id),
          after: { ...input, enteredAs: as },
        });
      });
      return this.assessment(actor, set.id, u!.id, input.period);
    },

    async matrix(actor: Actor, setId: number, q: MatrixQuery): Promise<Matrix> {
      const { set, p, criteria, scope } = await open(actor, setId);
      let parentPath: string | undefined;
      if (q.parentUnitId) {
        const [parent] = await repo.units([q.parentUnitId]);
        if (!parent) throw new AppError('unit_not_found', { id: q.parentUnitId }, 'parentUnitId');
        parentPath = parent.path;
      }
      if (q.missing && !criteria.some((c) => c.id === q.missing))
        throw new AppError('criterion_not_in_set', { criterion: q.missing }, 'missing');
      const f = filter(p, set, scope, { parentPath, q: q.q ? foldText(q.q) : undefined });
      const [list, counts] = await Promise.all([
        repo.matrix(set.id, q.period, f, {
          missing: q.missing,
          allMet: q.allMet === undefined ? undefined : q.allMet === 'true',
          criteria: criteria.length,
        }),
        repo.counts(set.id, q.period, f, criteria.length),
      ]);
      const index = new Map(criteria.map((c, i) => [c.id, i]));
      const per = new Map(counts.per.map((c) => [c.criterion_id, c]));
      return {
        period: q.period,
        criteria: criteria.map((c) => presentCriterion(actor.locale, c)),
        total: counts.total,
        allMet: counts.allMet,
        rows: list.map((r) => {
          const met: (boolean | null)[] = criteria.map(() => null);
          const scores: (number | null)[] = criteria.map(() => null);
          (r.ids ?? []).forEach((signed, k) => {
            const i = index.get(Math.abs(signed));
            if (i === undefined) return;
            met[i] = signed > 0;
            scores[i] = r.scores?.[k] ?? null;
          });
          return {
            unit: {
              id: r.id,
              code: r.code,
              name: nameIn(actor.locale, r),
              parent:
                r.parent_vi === null ? null : pickName(actor.locale, r.parent_vi, r.parent_en, r.parent_ar),
            },
            met,
            scores,
            metCount: r.met_count,
          };
        }),
        counts: criteria.map((c) => {
          const x = per.get(c.id);
          const m = x?.met ?? 0;
          const n = x?.not_met ?? 0;
          return { criterionId: c.id, met: m, notMet: n, notAssessed: counts.total - m - n };
        }),
      };
    },

    glance,

    /** The same for a unit of the programme (its page), as of a day (today by default). */
    async glanceOfUnit(actor: Actor, q: { programmeId: number; unitId?: number; asOf?: string }) {
      const p = await programmes.access(actor, q.programmeId);
      let parentPath: string | null = null;
      if (q.unitId) {
        const [u] = await repo.units([q.unitId]);
        if (!u || (p.rootUnitPath && !u.path.startsWith(p.rootUnitPath)))
          throw new AppError('unit_not_found', { id: q.unitId }, 'unitId');
        parentPath = u.path;
      }
      return glance(actor, p.id, { asOf: q.asOf ?? p.today, parentPath });
    },

    async trend(
      actor: Actor,
      setId: number,
      q: { from: string; to: string; parentUnitId?: number },
    ): Promise<Trend> {
      const { set, p, criteria, scope } = await open(actor, setId);
      let parentPath: string | undefined;
      if (q.parentUnitId) {
        const [parent] = await repo.units([q.parentUnitId]);
        if (!parent) throw new AppError('unit_not_found', { id: q.parentUnitId }, 'parentUnitId');
        parentPath = parent.path;
      }
      const f = filter(p, set, scope, { parentPath });
      const [all, per] = await Promise.all([
        repo.trendUnits(set.id, q.from, q.to, f, criteria.length),
        repo.trendCriteria(set.id, q.from, q.to, f),
      ]);
      const head = all[0];
      const units = all.filter((u) => u.id !== null);
      const byC = new Map(per.map((x) => [x.criterion_id, x]));
      const improved = units.filter((u) => u.n_to > u.n_from).length;
      const regressed = units.length - improved;
      return {
        from: q.from,
        to: q.to,
        criteria: criteria.map((c) => ({
          criterionId: c.id,
          code: c.code,
          name: nameIn(actor.locale, c),
          from: byC.get(c.id)?.n_from ?? 0,
          to: byC.get(c.id)?.n_to ?? 0,
        })),
        allMetFrom: head?.all_from ?? 0,
        allMetTo: head?.all_to ?? 0,
        units: units.map((u) => ({
          unit: { id: u.id!, code: u.code!, name: nameIn(actor.locale, u) },
          from: u.n_from,
          to: u.n_to,
          change: u.n_to > u.n_from ? ('improved' as const) : ('regressed' as const),
        })),
        improved,
        regressed,
        unchanged: (head?.total ?? 0) - units.length,
      };
    },

    /** For the import: the units named by code, and in whose name the actor may write each. */
    async unitsForImport(actor: Actor, p: ProgrammeAccess, set: SetRow, codes: string[]) {
      const found = new Map((await repo.unitsByCode(codes)).map((u) => [u.code, u]));
      return (code: string): { unit: UnitFacts; as: 'unit' | 'standing' } | { error: ValueProblem } => {
        const u = found.get(code);
        try {
          if (!u) throw new AppError('unit_not_found', { id: code });
          return { unit: u, as: unitFor(actor, p, set, u, code) };
        } catch (e) {
          if (e instanceof AppError) return { error: { code: e.code, params: e.params } };
          throw e;
        }
      };
    },
  };
}
export type CriteriaService = ReturnType<typeof createCriteriaService>;
