import {
  DEFAULT_RULES,
  evaluateUnits,
  GRADES,
  type CriterionFigure,
  type EvaluationRules,
  type Grade,
} from '../../../shared/evaluation.js';
import { dueDay, isPeriodKey, periodFromKey, periodOf, previousPeriod } from '../../../shared/periods.js';
import type { Evaluation } from '../../../shared/schemas/evaluations.js';
import type { Db } from '../../db/client.js';
import { AppError } from '../../lib/app-error.js';
import type { Clock } from '../../lib/clock.js';
import { pickName } from '../../lib/localize.js';
import { auditLog } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import { hasProgrammeRole, isAdmin } from '../auth/policy.js';
import type { ProgrammesService } from '../programmes/programmes.service.js';
import type { DisciplineService } from '../reports/discipline.service.js';
import {
  disbursementFigures,
  obstacleFigures,
  recommendationFigures,
  type RecordSources,
} from './evaluation.figures.js';
import { evaluationDocx } from './evaluation.docx.js';
import { evaluationXlsx } from './evaluation.xlsx.js';
import { createEvaluationsRepo } from './evaluations.repo.js';

/** Key results' attainment per unit for a year (the indicators module answers): Σ share, count. */
export type KpiAttainmentSource = (q: {
  programmeId: number;
  year: number;
  asOf: string;
}) => Promise<Map<number, { numerator: number; denominator: number }>>;

const mayRead = (a: Actor, programmeId: number) => isAdmin(a) || hasProgrammeRole(a, programmeId);
const mayConfigure = (a: Actor, programmeId: number) =>
  isAdmin(a) || hasProgrammeRole(a, programmeId, ['standing']);
const mayApprove = (a: Actor, programmeId: number) =>
  isAdmin(a) || hasProgrammeRole(a, programmeId, ['steering']);

/**
 * Year-end evaluation from the record: on-time completion of the tasks that fell due, reporting on
 * time, key results' attainment; weighted into 100 points, graded, ranked; frozen once approved.
 */
export function createEvaluationsService(
  deps: {
    db: Db;
    clock: Clock;
    programmes: ProgrammesService;
    discipline: DisciplineService;
    kpis?: KpiAttainmentSource;
  } & RecordSources,
) {
  const repo = createEvaluationsRepo(deps.db);

  async function compute(actor: Actor, programmeId: number, year: number, rules: EvaluationRules) {
    const p = await deps.programmes.access(actor, programmeId);
    const yearStart = `${year}-01-01`;
    const yearEnd = `${year}-12-31`;
    if (p.today < yearStart) throw new AppError('period_not_open', { period: String(year) });
    const asOf = p.today < yearEnd ? p.today : yearEnd;
    const codes = new Set(rules.criteria.map((c) => c.code));

    const figures = new Map<number, CriterionFigure[]>();
    const add = (unitId: number, f: CriterionFigure) =>
      figures.set(unitId, [...(figures.get(unitId) ?? []), f]);
    if (codes.has('tasks_on_time'))
      for (const r of await repo.tasksFallenDue(programmeId, yearStart, asOf))
        add(r.unit_id, {
          code: 'tasks_on_time',
          numerator: r.on_time,
          denominator: r.due,
          evidence: [
            ...(r.on_time_codes ?? []).map((ref) => ({ ref, ok: true })),
            ...(r.other_codes ?? []).map((ref) => ({ ref, ok: false })),
          ],
        });
    if (codes.has('reporting_on_time')) {
      // The year's periods already due by asOf (at most 53 weeks: one discipline table).
      let last = periodOf(asOf, p.dueRule.cadence);
      while (dueDay(last, p.dueRule) > asOf) last = previousPeriod(last);
      // From the year's first period (ISO week 1 always holds 4 January), or from the programme's
      // first report if weekly reporting began later in the year: weeks before it were not asked for.
      let first = periodOf(p.dueRule.cadence === 'weekly' ? `${year}-01-04` : yearStart, p.dueRule.cadence);
      const began = await repo.firstReportedPeriod(programmeId);
      if (began && isPeriodKey(began, p.dueRule.cadence)) {
        const b = periodFromKey(began);
        if (b.start > first.start) first = b;
      }
      if (first.start <= last.start) {
        const table = await deps.discipline.table(actor, { programmeId, from: first.key, to: last.key });
        for (const u of table.units)
          if (u.expected > 0)
            add(u.unitId, {
              code: 'reporting_on_time',
              numerator: u.onTime,
              denominator: u.expected,
              evidence: u.cells.flatMap((c, i) =>
                c === 'not_expected' || c === 'pending'
                  ? []
                  : [{ ref: table.periods[i]!.key, ok: c === 'on_time' }],
              ),
            });
      }
    }
    if (codes.has('kpi_attainment') && deps.kpis)
      for (const [unitId, v] of await deps.kpis({ programmeId, year, asOf }))
        add(unitId, { code: 'kpi_attainment', ...v });

    const ask = { programmeId, year, yearStart, asOf };
    await Promise.all([
      codes.has('disbursement_rate') ? disbursementFigures(deps, actor, ask, add) : null,
      codes.has('obstacles_in_time') ? obstacleFigures(deps, actor, ask, add) : null,
      codes.has('recommendations_in_time') ? recommendationFigures(deps, actor, ask, add) : null,
    ]);

    const info = new Map((await repo.units([...figures.keys()])).map((u) => [u.id, u]));
    const scored = evaluateUnits(
      rules,
      [...figures].flatMap(([unitId, f]) =>
        info.has(unitId) ? [{ unitId, code: info.get(unitId)!.code, figures: f }] : [],
      ),
    );
    const gradeCounts = Object.fromEntries(GRADES.map((g) => [g, 0])) as Record<Grade, number>;
    for (const u of scored) if (u.grade) gradeCounts[u.grade]++;
    return {
      asOf,
      gradeCounts,
      units: scored.map((s) => {
        const u = info.get(s.unitId)!;
        return {
          unit: {
            id: u.id,
            code: u.code,
            name: pickName(actor.locale, u.nameVi, u.nameEn, u.nameAr),
            leader: u.leader,
          },
          score: s.score,
          grade: s.grade,
          capped: s.capped,
          rank: s.rank,
          breakdown: s.breakdown,
        };
      }),
    };
  }

  async function get(actor: Actor, programmeId: number, year: number): Promise<Evaluation> {
    await deps.programmes.access(actor, programmeId);
    if (!mayRead(actor, programmeId)) throw new AppError('forbidden');
    const row = await repo.of(programmeId, year);
    const rules = row?.rules ?? DEFAULT_RULES;
    const can = {
      configure: row?.status !== 'approved' && mayConfigure(actor, programmeId),
      approve: row?.status !== 'approved' && mayApprove(actor, programmeId),
    };
    if (row?.status === 'approved' && row.result) return { ...(row.result as Omit<Evaluation, 'can'>), can };
    const result = await compute(actor, programmeId, year, rules);
    return { programmeId, year, status: 'draft', rules, approvedAt: null, approvedBy: null, ...result, can };
  }

  return {
    get,

    /** The evaluation as a file: DOCX (administrative layout) or XLSX, in the reader's language. */
    async exportFile(actor: Actor, programmeId: number, year: number, format: 'docx' | 'xlsx') {
      const e = await get(actor, programmeId, year);
      const programme = await deps.programmes.get(actor, programmeId);
      const name = pickName(actor.locale, programme.name.vi, programme.name.en, programme.name.ar);
      const content =
        format === 'docx'
          ? await evaluationDocx(e, { name }, actor.locale)
          : await evaluationXlsx(e, actor.locale);
      return {
        evaluation: e,
        content,
        fileName: `${programme.code}-evaluation-${year}-${actor.locale}.${format}`,
        mime:
          format === 'docx'
            ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
            : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      };
    },

    async setRules(actor: Actor, programmeId: number, year: number, rules: EvaluationRules) {
      await deps.programmes.access(actor, programmeId);
      if (!mayConfigure(actor, programmeId)) throw new AppError('forbidden');
      const row = await repo.of(programmeId, year);
      if (row?.status === 'approved') throw new AppError('evaluation_frozen', { year });
      await deps.db.transaction(async (tx) => {
        await createEvaluationsRepo(tx).save({
          programmeId,
          year,
          rules,
          status: 'draft',
          result: null,
          updatedAt: deps.clock.now(),
          updatedBy: actor.userId,
          approvedAt: null,
          approvedBy: null,
        });
        await auditLog(tx, deps.clock).record({
          actorId: actor.userId,
          action: 'evaluation.rules',
          entity: 'evaluation',
          entityId: `${programmeId}/${year}`,
          before: row?.rules ?? null,
          after: rules,
        });
      });
      return get(actor, programmeId, year);
    },

    /** The steering body approves: the result as it stands is kept, and never recomputed. */
    async approve(actor: Actor, programmeId: number, year: number) {
      await deps.programmes.access(actor, programmeId);
      if (!mayApprove(actor, programmeId)) throw new AppError('forbidden');
      const row = await repo.of(programmeId, year);
      if (row?.status === 'approved') throw new AppError('evaluation_frozen', { year });
      const current = await get(actor, programmeId, year);
      const at = deps.clock.now();
      const { can: _can, ...frozen } = {
        ...current,
        status: 'approved' as const,
        approvedAt: at.toISOString(),
        approvedBy: await repo.userName(actor.userId),
      };
      await deps.db.transaction(async (tx) => {
        await createEvaluationsRepo(tx).save({
          programmeId,
          year,
          rules: current.rules,
          status: 'approved',
          result: frozen,
          updatedAt: at,
          updatedBy: actor.userId,
          approvedAt: at,
          approvedBy: actor.userId,
        });
        await auditLog(tx, deps.clock).record({
          actorId: actor.userId,
          action: 'evaluation.approved',
          entity: 'evaluation',
          entityId: `${programmeId}/${year}`,
          after: { units: frozen.units.length, gradeCounts: frozen.gradeCounts },
        });
      });
      return get(actor, programmeId, year);
    },
  };
}
export type EvaluationsService = ReturnType<typeof createEvaluationsService>;
