import type { Db } from '../../db/client.js';
import { AppError } from '../../lib/app-error.js';
import type { Clock } from '../../lib/clock.js';
import { pickName } from '../../lib/localize.js';
import { addDays } from '../../../shared/dates.js';
import { addWorkingDays, answerClock, RECOMMENDATION_STATES } from '../../../shared/registers.js';
import type {
  AnswerRecommendationInput,
  CreateRecommendationInput,
  Recommendation,
  RecommendationListQuery,
  RecommendationSummary,
} from '../../../shared/schemas/recommendations.js';
import type { Actor } from '../auth/actor.js';
import { auditLog } from '../audit/audit.service.js';
import { unitsInProgramme } from '../obstacles/obstacles.service.js';
import {
  canActFor,
  canAnswerRecommendation,
  canManageRegisters,
  programmeWideScope,
  registerReadScope,
  type RegisterScope,
} from '../obstacles/policy.js';
import type { ProgrammesService } from '../programmes/programmes.service.js';
import {
  createRecommendationsRepo,
  recommendationsTransaction,
  type RecommendationRow,
  type RecommendationsRepo,
} from './recommendations.repo.js';

type Names = { name_vi: string; name_en: string | null; name_ar: string | null };

/**
 * Recommendations from units (communes, wards, departments) to handling agencies, which must answer
 * by a due day: by default 15 working days after sending (the programme may set another figure),
 * counted on the calendar with its days off. Both sides see the clock; late answers are counted
 * per agency and the unanswered ones feed the warning list.
 */
export function createRecommendationsService(deps: { db: Db; clock: Clock; programmes: ProgrammesService }) {
  const { db, clock, programmes } = deps;
  const repo = createRecommendationsRepo(db);
  const name = (actor: Actor, u: Names) => pickName(actor.locale, u.name_vi, u.name_en, u.name_ar);

  async function context(actor: Actor, programmeId: number, asOf?: string) {
    const p = await programmes.access(actor, programmeId);
    return { p, asOf: asOf ?? p.today, scope: registerReadScope(actor, p.id) };
  }

  /** The due day: `days` working days after the day it was sent. */
  async function dueOn(programmeId: number, submittedOn: string, days?: number) {
    const n = days ?? (await repo.answerWorkingDays(programmeId));
    // Days off are read for a window wide enough for any long holiday (Tết) in between.
    const daysOff = await repo.daysOff(submittedOn, addDays(submittedOn, n * 2 + 40));
    return addWorkingDays(submittedOn, n, daysOff);
  }

  async function present(actor: Actor, list: RecommendationRow[], asOf: string): Promise<Recommendation[]> {
    const units = new Map(
      (await repo.units([...new Set(list.flatMap((r) => [r.from_unit_id, r.to_unit_id]))])).map((u) => [
        u.id,
        { id: u.id, code: u.code, name: name(actor, u) },
      ]),
    );
    const dues = list.map((r) => r.answer_due_on).sort();
    const daysOff = dues.length
      ? await repo.daysOff([dues[0]!, asOf].sort()[0]!, [dues.at(-1)!, asOf].sort()[1]!)
      : new Set<string>();
    return list.map((r) => {
      const answered = r.answered_on !== null && r.answered_on <= asOf;
      return {
        id: r.id,
        programmeId: r.programme_id,
        from: units.get(r.from_unit_id)!,
        to: units.get(r.to_unit_id)!,
        content: r.content,
        submittedOn: r.submitted_on,
        answerDueOn: r.answer_due_on,
        answer: answered ? r.answer : null,
        answeredOn: answered ? r.answered_on : null,
        answeredBy: answered ? r.answered_by_name : null,
        state: r.state,
        workingDaysLeft: answerClock(
          { answerDueOn: r.answer_due_on, answeredOn: r.answered_on },
          asOf,
          daysOff,
        ),
        version: r.version,
        can: {
          answer:
            r.answered_on === null &&
            canAnswerRecommendation(actor, { programmeId: r.programme_id, toPath: r.to_path }),
        },
      };
    });
  }

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

  const get = async (actor: Actor, id: number, asOf?: string) => {
    const { row, asOf: d } = await load(actor, id, asOf);
    return (await present(actor, [row], d))[0]!;
  };

  /** Checks a recommendation to send and returns its write (the import checks every row first). */
  async function prepare(actor: Actor, input: CreateRecommendationInput) {
    const { p } = await context(actor, input.programmeId);
    if (input.fromUnitId === input.toUnitId) throw new AppError('validation_failed', {}, 'toUnitId');
    const from = (await unitsInProgramme(repo, p, [input.fromUnitId], 'fromUnitId')).get(input.fromUnitId)!;
    await unitsInProgramme(repo, p, [input.toUnitId], 'toUnitId');
    if (!canActFor(actor, p.id, from.path)) throw new AppError('forbidden');
    const submittedOn = input.submittedOn ?? p.today;
    if (submittedOn > p.today) throw new AppError('validation_failed', {}, 'submittedOn');
    const answerDueOn = input.answerDueOn ?? (await dueOn(p.id, submittedOn));
    if (answerDueOn < submittedOn) throw new AppError('validation_failed', {}, 'answerDueOn');
    return async (r: RecommendationsRepo, tx: Db) => {
      const { id } = (await r.insert({
        programmeId: p.id,
        fromUnitId: input.fromUnitId,
        toUnitId: input.toUnitId,
        content: input.content,
        submittedOn,
        answerDueOn,
        by: actor.userId,
        at: clock.now(),
      }))!;
      await auditLog(tx, clock).record({
        actorId: actor.userId,
        action: 'recommendation.create',
        entity: 'recommendation',
        entityId: String(id),
        after: { ...input, submittedOn, answerDueOn },
      });
      return id;
    };
  }

  return {
    get,
    prepare,
    dueOn,

    async list(actor: Actor, q: RecommendationListQuery): Promise<Recommendation[]> {
      const { p, asOf, scope } = await context(actor, q.programmeId, q.asOf);
      const unitPath = q.unitId
        ? (await unitsInProgramme(repo, p, [q.unitId], 'unitId')).get(q.unitId)!.path
        : undefined;
      return present(
        actor,
        await repo.list(p.id, asOf, scope, { state: q.state, unitPath, direction: q.direction }),
        asOf,
      );
    },

    async create(actor: Actor, input: CreateRecommendationInput): Promise<Recommendation> {
      const write = await prepare(actor, input);
      return get(actor, await recommendationsTransaction(db, write));
    },

    async answer(actor: Actor, id: number, input: AnswerRecommendationInput): Promise<Recommendation> {
      const { p, row } = await load(actor, id);
      if (!canAnswerRecommendation(actor, { programmeId: p.id, toPath: row.to_path }))
        throw new AppError('forbidden');
      const on = input.answeredOn ?? p.today;
      if (on > p.today || on < row.submitted_on) throw new AppError('validation_failed', {}, 'answeredOn');
      await recommendationsTransaction(db, async (r, tx) => {
        const locked = (await r.lock(id))!;
        if (locked.answered_on !== null) throw new AppError('recommendation_answered');
        if (locked.version !== input.version) throw new AppError('stale_version');
        await r.answer(id, { answer: input.answer, answeredOn: on, by: actor.userId });
        await auditLog(tx, clock).record({
          actorId: actor.userId,
          action: 'recommendation.answer',
          entity: 'recommendation',
          entityId: String(id),
          after: { answeredOn: on, late: on > row.answer_due_on },
        });
      });
      return get(actor, id);
    },

    /** Counts by state and late answers per agency (a cockpit tile calls this). */
    async summary(actor: Actor, q: { programmeId: number; asOf?: string }): Promise<RecommendationSummary> {
      const { p, asOf, scope } = await context(actor, q.programmeId, q.asOf);
      return summarise(repo, p.id, asOf, scope, (u) => name(actor, u));
    },

    systemSummary: (programmeId: number, asOf: string) =>
      summarise(repo, programmeId, asOf, programmeWideScope(), (u) => u.name_vi),

    async settings(actor: Actor, programmeId: number) {
      const p = await programmes.access(actor, programmeId);
      return { programmeId: p.id, answerWorkingDays: await repo.answerWorkingDays(p.id) };
    },

    async setSettings(actor: Actor, programmeId: number, answerWorkingDays: number) {
      const p = await programmes.access(actor, programmeId);
      if (!canManageRegisters(actor, p.id)) throw new AppError('forbidden');
      await recommendationsTransaction(db, async (r, tx) => {
        await r.setAnswerWorkingDays(p.id, answerWorkingDays);
        await auditLog(tx, clock).record({
          actorId: actor.userId,
          action: 'recommendation.settings',
          entity: 'programme',
          entityId: String(p.id),
          after: { answerWorkingDays },
        });
      });
      return { programmeId: p.id, answerWorkingDays };
    },
  };
}

async function summarise(
  repo: RecommendationsRepo,
  programmeId: number,
  asOf: string,
  scope: RegisterScope,
  name: (u: Names) => string,
): Promise<RecommendationSummary> {
  const [agencies, all] = await Promise.all([
    repo.byAgency(programmeId, asOf, scope),
    repo.byState(programmeId, asOf, scope),
  ]);
  const byState = Object.fromEntries(RECOMMENDATION_STATES.map((s) => [s, 0])) as Record<string, number>;
  for (const r of all) byState[r.state] = r.n;
  return {
    programmeId,
    asOf,
    total: all.reduce((a, r) => a + r.n, 0),
    byState,
    byAgency: agencies.map((a) => ({
      agency: { id: a.id, code: a.code, name: name(a) },
      total: a.total,
      overdue: a.overdue,
      answeredLate: a.answered_late,
      late: a.overdue + a.answered_late,
    })),
  };
}
export type RecommendationsService = ReturnType<typeof createRecommendationsService>;
