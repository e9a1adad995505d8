import type { Db } from '../../db/client.js';
import { AppError } from '../../lib/app-error.js';
import type { Clock } from '../../lib/clock.js';
import { pickName } from '../../lib/localize.js';
import { message } from '../../lib/messages.js';
import { addDays } from '../../../shared/dates.js';
import {
  attainment,
  ratioValue,
  targetMatchesDirection,
  valuePeriodFromKey,
  type ValuePeriod,
} from '../../../shared/indicators.js';
import { zonedInstant } from '../../../shared/periods.js';
import type { Locale } from '../../../shared/schemas/common.js';
import type {
  EntrySheet,
  Figure,
  ImportResult,
  Indicator,
  IndicatorInput,
  IndicatorPatch,
  ValueEntry,
  ValuesResponse,
} from '../../../shared/schemas/indicators.js';
import type { Actor } from '../auth/actor.js';
import { auditLog } from '../audit/audit.service.js';
import type { ProgrammeAccess, ProgrammesService } from '../programmes/programmes.service.js';
import {
  createIndicatorsRepo,
  indicatorsTransaction,
  type FigureQuery,
  type IndicatorRow,
  type NewValue,
  type UnitRow,
} from './indicators.repo.js';
import { parseNumber, readSheet, SheetError } from './import-sheet.js';
import { normaliseMeasure } from '../../../shared/measures.js';
import { canEnterValues, canManageIndicators, canReadUnitValues } from './policy.js';

/**
 * Where a computed indicator's figures come from: a function over a unit's subtree and a range of
 * days (the service-records calculator registers `records.*` keys). Called at read time, never
 * stored, so a computed figure is always the records' truth.
 */
export type ComputedSource = ((q: {
  unitId: number;
  from: string;
  to: string;
}) => Promise<{ numerator: number | null; denominator: number | null; value: number | null }>) & {
  /**
   * The last day up to "as of" with data in the unit's subtree, if the source knows it: a figure
   * read on a day after the data stops (an import not yet run) shows the last periods that have data.
   */
  lastDay?: (q: { unitId: number; asOf: string }) => Promise<string | null>;
};

/** What to figure: an indicator for a period over a unit's subtree. */
export type FigureAsk = { indicator: IndicatorRow; unitId: number; period: ValuePeriod };

const EMPTY: Figure = { value: null, numerator: null, denominator: null, reported: null, expected: null };

/** The first instant after the "as of" day in the programme's zone: entries from then on are not seen. */
export const cutoffOf = (asOf: string, timeZone: string) => zonedInstant(addDays(asOf, 1), '00:00', timeZone);

export const unitName = (locale: Locale, u: Pick<UnitRow, 'name_vi' | 'name_en' | 'name_ar'>) =>
  pickName(locale, u.name_vi, u.name_en, u.name_ar);

export function presentIndicator(row: IndicatorRow, targets: { period: string; value: number }[]): Indicator {
  return {
    id: row.id,
    programmeId: row.programmeId,
    groupId: row.groupId,
    code: row.code,
    name: { vi: row.nameVi, en: row.nameEn, ar: row.nameAr },
    description: row.description,
    measure: row.measure,
    direction: row.direction,
    aggregation: row.aggregation,
    ratioScale: row.ratioScale,
    allowNegative: row.allowNegative,
    cadence: row.cadence,
    baseline: row.baseline,
    baselinePeriod: row.baselinePeriod,
    scoring: { fullAt: row.scoringFullAt, cap: row.scoringCap },
    source: row.source,
    computeKey: row.computeKey,
    reporterKinds: row.reporterKinds,
    targets,
    version: row.version,
  };
}

export function createIndicatorsService(deps: {
  db: Db;
  clock: Clock;
  programmes: ProgrammesService;
  computedSources?: Record<string, ComputedSource>;
}) {
  const { db, clock, programmes } = deps;
  const sources = deps.computedSources ?? {};
  const repo = createIndicatorsRepo(db);

  async function managed(actor: Actor, programmeId: number) {
    const p = await programmes.access(actor, programmeId);
    if (!canManageIndicators(actor, p.id)) throw new AppError('forbidden');
    return p;
  }

  async function load(actor: Actor, id: number) {
    const row = await repo.byId(id);
    if (!row) throw new AppError('not_found');
    const p = await programmes.access(actor, row.programmeId);
    return { row, p };
  }

  async function withTargets(row: IndicatorRow) {
    return presentIndicator(
      row,
      (await repo.targetsOf([row.id])).map((t) => ({ period: t.period, value: t.value })),
    );
  }

  /** A unit of the programme's tree, or 422. */
  async function unitIn(p: ProgrammeAccess, unitId: number) {
    const u = await repo.unit(unitId);
    if (!u || (p.rootUnitPath && !u.path.startsWith(p.rootUnitPath)))
      throw new AppError('unit_not_found', { id: unitId }, 'unitId');
    return u;
  }

  function checkDefinition(v: {
    source: string;
    computeKey?: string | null;
    baselinePeriod?: string | null;
    cadence: string;
  }) {
    if (v.source === 'computed' && !v.computeKey) throw new AppError('validation_failed', {}, 'computeKey');
    if (v.source !== 'computed' && v.computeKey) throw new AppError('validation_failed', {}, 'computeKey');
  }

  /**
   * Figures for many asks at once: entered ones rolled up in one statement, computed ones from their
   * source (side by side). Periods that start after `asOf` have no figure yet.
   */
  async function figures(asks: FigureAsk[], asOf: string, timeZone: string): Promise<Figure[]> {
    const out: Figure[] = asks.map(() => EMPTY);
    const entered: { k: number; q: FigureQuery }[] = [];
    const computed: Promise<void>[] = [];
    asks.forEach((a, k) => {
      if (a.period.start > asOf) return;
      if (a.indicator.source === 'computed') {
        const fn = a.indicator.computeKey ? sources[a.indicator.computeKey] : undefined;
        if (!fn) return;
        const to = a.period.end < asOf ? a.period.end : asOf;
        computed.push(
          fn({ unitId: a.unitId, from: a.period.start, to }).then((r) => {
            out[k] = { ...r, reported: null, expected: null };
          }),
        );
        return;
      }
      entered.push({ k, q: { unitId: a.unitId, indicatorId: a.indicator.id, period: a.period.key } });
    });
    const [rows] = await Promise.all([
      repo.figures(
        entered.map((e) => e.q),
        cutoffOf(asOf, timeZone),
      ),
      Promise.all(computed),
    ]);
    entered.forEach((e, j) => {
      const r = rows[j]!;
      const ind = asks[e.k]!.indicator;
      const ratio = ind.aggregation === 'ratio';
      out[e.k] = {
        value: ratio
          ? ratioValue(r.numerator, r.denominator, ind.ratioScale)
          : ind.aggregation === 'sum'
            ? r.sum
            : r.avg,
        numerator: ratio ? r.numerator : null,
        denominator: ratio ? r.denominator : null,
        reported: r.reported,
        expected: r.expected,
      };
    });
    return out;
  }

  /** Checks one value against its indicator, the unit and the actor; the row to write, or an AppError. */
  function checkEntry(
    p: ProgrammeAccess,
    actor: Actor,
    ind: IndicatorRow,
    unit: UnitRow,
    e: Omit<ValueEntry, 'indicatorId'>,
  ): Omit<NewValue, 'source' | 'enteredAt'> {
    if (ind.programmeId !== p.id) throw new AppError('not_found', {}, 'indicatorId');
    if (ind.source === 'computed') throw new AppError('indicator_computed', { code: ind.code });
    const period = valuePeriodFromKey(e.period);
    if (period.cadence !== ind.cadence)
      throw new AppError(
        'period_cadence',
        { period: e.period, code: ind.code, cadence: ind.cadence },
        'period',
      );
    if (period.start > p.today) throw new AppError('period_not_open', { period: e.period }, 'period');
    if (!canEnterValues(actor, p.id, unit.path)) throw new AppError('unit_out_of_scope', { unit: unit.code });
    const reporter = ind.reporterKinds.length ? ind.reporterKinds.includes(unit.kind) : !unit.has_children;
    if (!reporter) throw new AppError('unit_not_reporter', { unit: unit.code, code: ind.code });
    const value = e.value ?? null;
    const numerator = e.numerator ?? null;
    const denominator = e.denominator ?? null;
    let stored: number | null;
    if (ind.aggregation === 'ratio') {
      if (value !== null || (numerator === null) !== (denominator === null))
        throw new AppError('value_shape', { code: ind.code });
      if (denominator !== null && denominator <= 0) throw new AppError('value_shape', { code: ind.code });
      stored = ratioValue(numerator, denominator, ind.ratioScale);
    } else {
      if (numerator !== null || denominator !== null) throw new AppError('value_shape', { code: ind.code });
      stored = value;
    }
    if (!ind.allowNegative && [value, numerator].some((x) => x !== null && x < 0))
      throw new AppError('value_negative', { code: ind.code });
    return {
      indicatorId: ind.id,
      unitId: unit.id,
      period: e.period,
      value: stored,
      numerator,
      denominator,
      note: e.note ?? null,
      enteredBy: actor.userId,
    };
  }

  return {
    figures,

    /**
     * The evaluation's KPI criterion: per unit, the attainments of its latest values of the year
     * against the year's targets (each floored at 0 and counted at most 1), summed, and how many.
     */
    async attainmentByUnit(q: { programmeId: number; year: number; asOf: string }) {
      const p = await programmes.system(q.programmeId);
      const out = new Map<number, { numerator: number; denominator: number }>();
      for (const v of await repo.yearValues(q.programmeId, q.year, cutoffOf(q.asOf, p.timeZone))) {
        const a = attainment(v.direction, v.baseline, v.target, v.value, { fullAt: v.fullAt, cap: v.cap });
        if (a === null) continue;
        const o = out.get(v.unitId) ?? { numerator: 0, denominator: 0 };
        o.numerator += Math.min(1, a);
        o.denominator += 1;
        out.set(v.unitId, o);
      }
      return out;
    },

    /**
     * The day a key result's periods end on: "as of", except for a computed indicator whose data
     * stops earlier (its last periods with data are shown, each figure labelled with its period).
     */
    async seriesEnd(ind: IndicatorRow, unitId: number, asOf: string): Promise<string> {
      const fn = ind.source === 'computed' && ind.computeKey ? sources[ind.computeKey] : undefined;
      const last = fn?.lastDay ? await fn.lastDay({ unitId, asOf }) : null;
      return last && last < asOf ? last : asOf;
    },

    async list(actor: Actor, programmeId: number): Promise<Indicator[]> {
      await programmes.access(actor, programmeId);
      const rows = await repo.list(programmeId);
      const targets = await repo.targetsOf(rows.map((r) => r.id));
      return rows.map((r) =>
        presentIndicator(
          r,
          targets.filter((t) => t.indicatorId === r.id).map((t) => ({ period: t.period, value: t.value })),
        ),
      );
    },

    async get(actor: Actor, id: number) {
      return withTargets((await load(actor, id)).row);
    },

    async create(actor: Actor, input: IndicatorInput): Promise<Indicator> {
      const p = await managed(actor, input.programmeId);
      checkDefinition(input);
      if (input.groupId && !(await programmes.get(actor, p.id)).groups.some((g) => g.id === input.groupId))
        throw new AppError('group_not_in_programme', {}, 'groupId');
      const row = await indicatorsTransaction(db, async (r, tx) => {
        if ((await r.byCodes(p.id, [input.code])).length)
          throw new AppError('duplicate_code', { code: input.code }, 'code');
        const created = await r.insert({
          programmeId: p.id,
          groupId: input.groupId ?? null,
          code: input.code,
          nameVi: input.name.vi,
          nameEn: input.name.en ?? null,
          nameAr: input.name.ar ?? null,
          description: input.description ?? null,
          measure: normaliseMeasure(input.measure),
          direction: input.direction,
          aggregation: input.aggregation,
          ratioScale: input.ratioScale ?? 100,
          allowNegative: input.allowNegative ?? false,
          cadence: input.cadence,
          baseline: input.baseline ?? null,
          baselinePeriod: input.baselinePeriod ?? null,
          scoringFullAt: input.scoring?.fullAt ?? 1,
          scoringCap: input.scoring?.cap ?? 1.2,
          source: input.source,
          computeKey: input.computeKey ?? null,
          reporterKinds: input.reporterKinds ?? [],
        });
        await auditLog(tx, clock).record({
          actorId: actor.userId,
          action: 'indicator.created',
          entity: 'indicator',
          entityId: String(created.id),
          after: input,
        });
        return created;
      });
      return withTargets(row);
    },

    async update(actor: Actor, id: number, patch: IndicatorPatch): Promise<Indicator> {
      const { row, p } = await load(actor, id);
      if (!canManageIndicators(actor, p.id)) throw new AppError('forbidden');
      const next = {
        source: patch.source ?? row.source,
        computeKey: patch.computeKey === undefined ? row.computeKey : patch.computeKey,
        cadence: patch.cadence ?? row.cadence,
      };
      checkDefinition(next);
      const updated = await indicatorsTransaction(db, async (r, tx) => {
        // Values already entered keep their meaning: how they are measured and summed stays.
        if ((patch.aggregation || patch.cadence || patch.ratioScale) && (await r.hasValues(id)))
          throw new AppError(
            'conflict',
            {},
            patch.aggregation ? 'aggregation' : patch.cadence ? 'cadence' : 'ratioScale',
          );
        if (patch.code && patch.code !== row.code && (await r.byCodes(p.id, [patch.code])).length)
          throw new AppError('duplicate_code', { code: patch.code }, 'code');
        const out = await r.update(
          id,
          patch.version,
          {
            ...(patch.code !== undefined && { code: patch.code }),
            ...(patch.name && {
              nameVi: patch.name.vi,
              nameEn: patch.name.en ?? null,
              nameAr: patch.name.ar ?? null,
            }),
            ...(patch.groupId !== undefined && { groupId: patch.groupId }),
            ...(patch.description !== undefined && { description: patch.description }),
            ...(patch.measure !== undefined && { measure: normaliseMeasure(patch.measure) }),
            ...(patch.direction !== undefined && { direction: patch.direction }),
            ...(patch.aggregation !== undefined && { aggregation: patch.aggregation }),
            ...(patch.ratioScale !== undefined && { ratioScale: patch.ratioScale }),
            ...(patch.allowNegative !== undefined && { allowNegative: patch.allowNegative }),
            ...(patch.cadence !== undefined && { cadence: patch.cadence }),
            ...(patch.baseline !== undefined && { baseline: patch.baseline }),
            ...(patch.baselinePeriod !== undefined && { baselinePeriod: patch.baselinePeriod }),
            ...(patch.scoring && { scoringFullAt: patch.scoring.fullAt, scoringCap: patch.scoring.cap }),
            ...(patch.source !== undefined && { source: patch.source }),
            ...(patch.computeKey !== undefined && { computeKey: patch.computeKey }),
            ...(patch.reporterKinds !== undefined && { reporterKinds: patch.reporterKinds }),
          },
          clock.now(),
        );
        if (!out) throw new AppError('stale_version');
        await auditLog(tx, clock).record({
          actorId: actor.userId,
          action: 'indicator.updated',
          entity: 'indicator',
          entityId: String(id),
          before: row,
          after: patch,
        });
        return out;
      });
      return withTargets(updated);
    },

    async setTargets(actor: Actor, id: number, targets: { period: string; value: number }[]) {
      const { row, p } = await load(actor, id);
      if (!canManageIndicators(actor, p.id)) throw new AppError('forbidden');
      const dup = targets.findIndex((t, k) => targets.findIndex((x) => x.period === t.period) !== k);
      if (dup >= 0) throw new AppError('validation_failed', {}, `targets.${dup}.period`);
      targets.forEach((t, k) => {
        if (!row.allowNegative && t.value < 0)
          throw new AppError('value_negative', { code: row.code }, `targets.${k}.value`);
        if (row.baseline !== null && !targetMatchesDirection(row.direction, row.baseline, t.value))
          throw new AppError(
            'target_wrong_side',
            { target: t.value, baseline: row.baseline },
            `targets.${k}.value`,
          );
      });
      await indicatorsTransaction(db, async (r, tx) => {
        const before = await r.targetsOf([id]);
        await r.replaceTargets(id, targets);
        await auditLog(tx, clock).record({
          actorId: actor.userId,
          action: 'indicator.targets',
          entity: 'indicator',
          entityId: String(id),
          before: before.map((t) => ({ period: t.period, value: t.value })),
          after: targets,
        });
      });
      return withTargets(row);
    },

    /** An indicator for a period at a unit (the programme's root by default) and its direct sub-units, rolled up. */
    async values(
      actor: Actor,
      id: number,
      q: { unitId?: number; period: string; asOf?: string },
    ): Promise<ValuesResponse> {
      const { row, p } = await load(actor, id);
      const asOf = q.asOf ?? p.today;
      const unitId = q.unitId ?? (await programmes.get(actor, p.id)).rootUnitId;
      if (!unitId) throw new AppError('validation_failed', {}, 'unitId');
      const unit = await unitIn(p, unitId);
      if (!canReadUnitValues(actor, p.id, unit.path))
        throw new AppError('unit_out_of_scope', { unit: unit.code });
      const period = valuePeriodFromKey(q.period);
      if (period.cadence !== row.cadence)
        throw new AppError(
          'period_cadence',
          { period: q.period, code: row.code, cadence: row.cadence },
          'period',
        );
      const children = await repo.children(unit.id);
      const nodes = [unit, ...children];
      const [figs, entries] = await Promise.all([
        figures(
          nodes.map((n) => ({ indicator: row, unitId: n.id, period })),
          asOf,
          p.timeZone,
        ),
        row.source === 'computed'
          ? Promise.resolve([])
          : repo.entries(unit.id, [row.id], period.key, cutoffOf(asOf, p.timeZone)),
      ]);
      const ref = (u: UnitRow) => ({ id: u.id, code: u.code, name: unitName(actor.locale, u) });
      const e = entries[0];
      return {
        indicatorId: row.id,
        period: period.key,
        asOf,
        unit: { ...ref(unit), figure: figs[0]! },
        children: children.map((c, k) => ({ ...ref(c), figure: figs[k + 1]! })),
        entry: e
          ? {
              enteredAt: new Date(e.entered_at).toISOString(),
              enteredBy: e.entered_by_name,
              source: e.source,
              revisions: e.revisions,
            }
          : null,
      };
    },

    /** What a unit enters for a period: the indicators of that cadence it reports, with what it entered. */
    async entrySheet(
      actor: Actor,
      programmeId: number,
      q: { unitId: number; period: string },
    ): Promise<EntrySheet> {
      const p = await programmes.access(actor, programmeId);
      const unit = await unitIn(p, q.unitId);
      if (!canReadUnitValues(actor, p.id, unit.path))
        throw new AppError('unit_out_of_scope', { unit: unit.code });
      const period = valuePeriodFromKey(q.period);
      const ids = (await repo.reportedBy(p.id, unit.id, period.cadence)).map((r) => r.id);
      const all = await repo.list(p.id);
      const entries = await repo.entries(unit.id, ids, period.key, cutoffOf(p.today, p.timeZone));
      return {
        unit: { id: unit.id, code: unit.code, name: unitName(actor.locale, unit) },
        period: period.key,
        canEdit: canEnterValues(actor, p.id, unit.path) && period.start <= p.today,
        rows: ids.map((id) => {
          const ind = all.find((i) => i.id === id)!;
          const e = entries.find((x) => x.indicator_id === id);
          return {
            indicator: {
              id,
              code: ind.code,
              name: pickName(actor.locale, ind.nameVi, ind.nameEn, ind.nameAr),
              measure: ind.measure,
              aggregation: ind.aggregation,
              allowNegative: ind.allowNegative,
            },
            value: e?.value ?? null,
            numerator: e?.numerator ?? null,
            denominator: e?.denominator ?? null,
            note: e?.note ?? null,
            enteredAt: e ? new Date(e.entered_at).toISOString() : null,
            enteredBy: e?.entered_by_name ?? null,
            revisions: e?.revisions ?? 0,
          };
        }),
      };
    },

    /** Saves a unit's values (a new revision each), all or none. */
    async enter(actor: Actor, programmeId: number, input: { unitId: number; entries: ValueEntry[] }) {
      const p = await programmes.access(actor, programmeId);
      const unit = await unitIn(p, input.unitId);
      if (!canEnterValues(actor, p.id, unit.path))
        throw new AppError('unit_out_of_scope', { unit: unit.code });
      const byId = new Map((await repo.list(p.id)).map((i) => [i.id, i]));
      const seen = new Set<string>();
      const now = clock.now();
      const rows = input.entries.map((e, k) => {
        const ind = byId.get(e.indicatorId);
        if (!ind) throw new AppError('not_found', {}, `entries.${k}.indicatorId`);
        const key = `${e.indicatorId}|${e.period}`;
        if (seen.has(key)) throw new AppError('validation_failed', {}, `entries.${k}`);
        seen.add(key);
        try {
          return { ...checkEntry(p, actor, ind, unit, e), source: 'entered' as const, enteredAt: now };
        } catch (err) {
          if (err instanceof AppError && !err.field) throw new AppError(err.code, err.params, `entries.${k}`);
          throw err;
        }
      });
      await indicatorsTransaction(db, (r) => r.insertValues(rows));
      return { saved: rows.length };
    },

    /**
     * Imports values from a sheet. Every row is checked as if entered; with mode 'all' nothing is
     * written when any row is wrong, with 'valid' the good rows are. Errors name the row and column.
     */
    async import(
      actor: Actor,
      programmeId: number,
      input: { format: 'csv' | 'xlsx'; content: string; mode: 'all' | 'valid'; locale: Locale },
    ): Promise<ImportResult> {
      const p = await programmes.access(actor, programmeId);
      const say = (code: Parameters<typeof message>[0], params: Record<string, unknown> = {}) =>
        message(code, input.locale, params);
      let sheet;
      try {
        sheet = await readSheet(input.format, input.content);
      } catch (e) {
        if (e instanceof SheetError)
          throw new AppError('validation_failed', {}, e.message === 'header' ? 'content.header' : 'content');
        throw e;
      }
      if (sheet.length > 20_000) throw new AppError('payload_too_large');
      const inds = await repo.byCodes(p.id, [...new Set(sheet.map((r) => r.cells.indicator ?? ''))]);
      const units = await repo.unitsByCodes([...new Set(sheet.map((r) => r.cells.unit ?? ''))]);
      const errors: ImportResult['errors'] = [];
      const good: NewValue[] = [];
      const seen = new Map<string, number>();
      const now = clock.now();
      for (const { row, cells } of sheet) {
        const fail = (column: string | null, msg: string) => errors.push({ row, column, message: msg });
        const ind = inds.find((i) => i.code === cells.indicator);
        if (!ind) {
          fail('indicator', say('not_found'));
          continue;
        }
        const unit = units.find((u) => u.code === cells.unit);
        if (!unit || (p.rootUnitPath && !unit.path.startsWith(p.rootUnitPath))) {
          fail('unit', say('unit_not_found', { id: cells.unit ?? '' }));
          continue;
        }
        const period = cells.period ?? '';
        let bad = false;
        const num = (c: 'value' | 'numerator' | 'denominator') => {
          const n = parseNumber(cells[c]);
          if (n === 'bad') {
            fail(c, say('validation_failed'));
            bad = true;
            return null;
          }
          return n;
        };
        const [value, numerator, denominator] = [num('value'), num('numerator'), num('denominator')];
        try {
          valuePeriodFromKey(period);
        } catch {
          fail('period', say('value_period_format'));
          bad = true;
        }
        if (bad) continue;
        const key = `${ind.id}|${unit.id}|${period}`;
        const first = seen.get(key);
        if (first !== undefined) {
          fail(null, say('conflict') + ` (${first})`);
          continue;
        }
        seen.set(key, row);
        try {
          good.push({
            ...checkEntry(p, actor, ind, unit, {
              period,
              value,
              numerator,
              denominator,
              note: cells.note || null,
            }),
            source: 'imported',
            enteredAt: now,
          });
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          fail(err.field ?? null, say(err.code, err.params));
        }
      }
      const commit = good.length > 0 && (input.mode === 'valid' || errors.length === 0);
      if (commit)
        await indicatorsTransaction(db, async (r, tx) => {
          await r.insertValues(good);
          await auditLog(tx, clock).record({
            actorId: actor.userId,
            action: 'indicator.values_imported',
            entity: 'programme',
            entityId: String(p.id),
            after: { rows: sheet.length, imported: good.length, rejected: errors.length },
          });
        });
      return { rows: sheet.length, imported: commit ? good.length : 0, committed: commit, errors };
    },
  };
}
export type IndicatorsService = ReturnType<typeof createIndicatorsService>;
