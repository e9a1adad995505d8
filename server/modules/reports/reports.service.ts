import type { Db } from '../../db/client.js';
import { AppError } from '../../lib/app-error.js';
import type { Clock } from '../../lib/clock.js';
import { pickName } from '../../lib/localize.js';
import { dateInZone } from '../../../shared/dates.js';
import { dueMoment, periodFromKey, periodOf, previousPeriod, type Period } from '../../../shared/periods.js';
import type { Report, SaveReportInput } from '../../../shared/schemas/reports.js';
import type { Actor } from '../auth/actor.js';
import { reportRights, unitScopePaths, isAdmin, hasProgrammeRole } from '../auth/policy.js';
import type { ProgrammeAccess, ProgrammesService } from '../programmes/programmes.service.js';
import {
  createReportsRepo,
  reportsTransaction,
  type EntryInput,
  instant,
  type ReportRow,
  type ReportsRepo,
  type UnitRow,
} from './reports.repo.js';

/** Periods a unit may still report for: the current one and this many before it (late is still a report). */
export const OPEN_PERIODS_BACK = 3;

export type ReportEvents = {
  returned?: (e: {
    programmeId: number;
    unitId: number;
    period: string;
    reportId: number;
    comment: string;
  }) => Promise<unknown>;
};

export function createReportsService(deps: {
  db: Db;
  clock: Clock;
  programmes: ProgrammesService;
  events?: ReportEvents;
}) {
  const { db, clock, programmes } = deps;
  const repo = createReportsRepo(db);

  function assertOpen(period: Period, p: ProgrammeAccess) {
    const current = periodOf(p.today, p.dueRule.cadence);
    if (period.cadence !== p.dueRule.cadence || period.start > current.start)
      throw new AppError('period_not_open', { period: period.key }, 'period');
    let oldest = current;
    for (let i = 0; i < OPEN_PERIODS_BACK; i++) oldest = previousPeriod(oldest);
    if (period.start < oldest.start) throw new AppError('period_closed', { period: period.key }, 'period');
  }

  async function unitOrFail(r: ReportsRepo, unitId: number): Promise<UnitRow> {
    const u = await r.unit(unitId);
    if (!u) throw new AppError('unit_not_found', { id: unitId }, 'unitId');
    return u;
  }

  async function present(
    actor: Actor,
    p: ProgrammeAccess,
    row: ReportRow,
    unit: UnitRow,
    r: ReportsRepo = repo,
  ): Promise<Report> {
    const period = periodFromKey(row.period);
    const daysOff = await r.daysOff(period.start, period.end);
    const due = dueMoment(period, p.dueRule, daysOff);
    // One after another: inside a transaction the connection runs one query at a time.
    const entries = await r.entries(row.id);
    const last = await r.lastApproved(row.programme_id, row.unit_id, row.period);
    const events = await r.events(row.id);
    const partners = await r.partnerEntries(row.programme_id, row.period, row.unit_id);
    const raised = await r.obstaclesRaised(row.id);
    const lastBy = new Map(last.map((l) => [l.task_id, l.percent]));
    const rights = reportRights(actor, row.programme_id, unit.path);
    const editable = rights.edit && row.status !== 'submitted';
    return {
      id: row.id,
      programmeId: row.programme_id,
      unit: {
        id: unit.id,
        code: unit.code,
        name: pickName(actor.locale, unit.name_vi, unit.name_en, unit.name_ar),
      },
      period: row.period,
      periodStart: period.start,
      periodEnd: period.end,
      dueAt: due.toISOString(),
      status: row.status,
      version: row.version,
      revision: row.revision,
      firstSubmittedAt: instant(row.first_submitted_at)?.toISOString() ?? null,
      submittedAt: instant(row.submitted_at)?.toISOString() ?? null,
      approvedAt: instant(row.approved_at)?.toISOString() ?? null,
      returnComment: row.return_comment,
      timeliness: row.first_submitted_at
        ? instant(row.first_submitted_at)! <= due
          ? 'on_time'
          : 'late'
        : null,
      entries: entries.map((e) => ({
        taskId: e.task_id,
        taskCode: e.code,
        taskTitle: e.title,
        deadline: e.deadline,
        role: e.role,
        percent: e.percent,
        lastApprovedPercent: lastBy.get(e.task_id) ?? null,
        done: e.done,
        next: e.next,
        obstacles: e.obstacles,
        belowReason: e.below_reason,
        obstacleIds: raised.filter((o) => o.task_id === e.task_id).map((o) => o.id),
        partners: partners
          .filter((x) => x.task_id === e.task_id && e.role === 'lead')
          .map((x) => ({
            unit: {
              id: x.unit_id,
              code: x.code,
              name: pickName(actor.locale, x.name_vi, x.name_en, x.name_ar),
            },
            status: x.status as Report['status'],
            percent: x.percent,
            done: x.done,
            obstacles: x.obstacles,
          })),
      })),
      events: events.map((e) => ({
        at: instant(e.at)!.toISOString(),
        actor: e.actor,
        action: e.action,
        comment: e.comment,
        revision: e.revision,
      })),
      can: {
        edit: editable,
        submit: editable && row.status !== 'approved',
        approve: rights.approve && row.status === 'submitted',
      },
    };
  }

  /**
   * Loads a report the actor may read (a draft only within its unit's line); 404 otherwise.
   * Runs outside any transaction: the programme check uses the pool, and the embedded database
   * has one connection, which an open transaction would be holding.
   */
  async function load(actor: Actor, id: number) {
    const row = await repo.byId(id);
    if (!row) throw new AppError('not_found');
    const p = await programmes.access(actor, row.programme_id);
    const unit = await unitOrFail(repo, row.unit_id);
    const rights = reportRights(actor, row.programme_id, unit.path);
    if (!rights.read || (row.status === 'draft' && !rights.readDraft)) throw new AppError('not_found');
    return { p, unit, rights };
  }

  /** Checks access, then runs `fn` in a transaction on the report's row, locked. */
  async function withLocked<T>(
    actor: Actor,
    id: number,
    fn: (r: ReportsRepo, ctx: Awaited<ReturnType<typeof load>> & { row: ReportRow }) => Promise<T>,
  ): Promise<T> {
    const ctx = await load(actor, id);
    return reportsTransaction(db, async (r) => fn(r, { ...ctx, row: (await r.byIdForUpdate(id))! }));
  }

  const snapshot = async (r: ReportsRepo, id: number) =>
    (await r.entries(id)).map((e) => ({
      taskId: e.task_id,
      percent: e.percent,
      done: e.done,
      next: e.next,
      obstacles: e.obstacles,
    }));

  /** Moves a report on, refusing a stale version; the caller has checked rights and state. */
  async function transition(
    r: ReportsRepo,
    actor: Actor,
    row: ReportRow,
    version: number,
    set: Parameters<ReportsRepo['update']>[2],
    event: { action: string; comment?: string | null; snapshot?: boolean },
  ) {
    const now = clock.now();
    const updated = await r.update(row.id, version, set, actor.userId, now);
    if (!updated) throw new AppError('stale_report');
    await r.addEvent({
      reportId: row.id,
      actorId: actor.userId,
      action: event.action,
      comment: event.comment ?? null,
      revision: updated.revision,
      snapshot: event.snapshot ? await snapshot(r, row.id) : undefined,
      at: now,
    });
    return updated;
  }

  return {
    /** The unit's report for a period (the current one by default), created as a pre-filled draft if new. */
    async open(
      actor: Actor,
      input: { programmeId: number; unitId: number; period?: string },
    ): Promise<Report> {
      const p = await programmes.access(actor, input.programmeId);
      const unit = await unitOrFail(repo, input.unitId);
      const rights = reportRights(actor, input.programmeId, unit.path);
      const period = input.period ? periodFromKey(input.period) : periodOf(p.today, p.dueRule.cadence);
      const existing = await repo.find(input.programmeId, unit.id, period.key);
      if (existing) {
        if (!rights.read || (existing.status === 'draft' && !rights.readDraft))
          throw new AppError('not_found');
        return present(actor, p, existing, unit);
      }
      if (!rights.edit) throw rights.read ? new AppError('forbidden') : new AppError('not_found');
      assertOpen(period, p);
      return reportsTransaction(db, async (r) => {
        const created = await r.insert(input.programmeId, unit.id, period.key, actor.userId);
        // Someone of the unit opened it at the same moment: show theirs.
        if (!created)
          return present(actor, p, (await r.find(input.programmeId, unit.id, period.key))!, unit, r);
        const tasks = await r.openTasks(input.programmeId, unit.id, period.start, period.end);
        const prev = await r.previousEntries(input.programmeId, unit.id, period.key);
        const prevBy = new Map(prev.map((e) => [e.task_id, e]));
        await r.replaceEntries(
          created.id,
          tasks.map((t) => {
            const e = prevBy.get(t.task_id);
            return {
              taskId: t.task_id,
              role: t.role,
              percent: e?.percent ?? t.progress,
              done: e?.done ?? '',
              next: e?.next ?? '',
              obstacles: e?.obstacles ?? '',
              belowReason: null,
            };
          }),
        );
        await r.addEvent({
          reportId: created.id,
          actorId: actor.userId,
          action: 'created',
          revision: 1,
          at: clock.now(),
        });
        return present(actor, p, created, unit, r);
      });
    },

    async get(actor: Actor, id: number): Promise<Report> {
      const { p, unit } = await load(actor, id);
      return present(actor, p, (await repo.byId(id))!, unit);
    },

    /** Autosave and edits. An approved report reopens as the next revision; a submitted one must be returned first. */
    async save(actor: Actor, id: number, input: SaveReportInput): Promise<Report> {
      return withLocked(actor, id, async (r, { row, p, unit, rights }) => {
        if (!rights.edit) throw new AppError('forbidden');
        if (row.version !== input.version) throw new AppError('stale_report');
        if (row.status === 'submitted')
          throw new AppError('report_wrong_state', { status: row.status, action: 'edit' });
        assertOpen(periodFromKey(row.period), p);
        const period = periodFromKey(row.period);
        const tasks = await r.openTasks(row.programme_id, row.unit_id, period.start, period.end);
        const current = await r.entries(row.id);
        const last = await r.lastApproved(row.programme_id, row.unit_id, row.period);
        const roleOf = new Map(tasks.map((t) => [t.task_id, t.role]));
        const lastBy = new Map(last.map((l) => [l.task_id, l.percent]));
        const merged = new Map<number, EntryInput>(
          current.map((e) => [
            e.task_id,
            {
              taskId: e.task_id,
              role: e.role,
              percent: e.percent,
              done: e.done,
              next: e.next,
              obstacles: e.obstacles,
              belowReason: e.below_reason,
            },
          ]),
        );
        input.entries.forEach((e, i) => {
          const role = roleOf.get(e.taskId);
          if (!role) throw new AppError('task_not_in_report', { taskId: e.taskId }, `entries.${i}.taskId`);
          const lastPercent = lastBy.get(e.taskId);
          if (lastPercent !== undefined && e.percent < lastPercent && !e.belowReason)
            throw new AppError(
              'percent_below_last',
              { percent: e.percent, last: lastPercent },
              `entries.${i}.belowReason`,
            );
          merged.set(e.taskId, {
            ...e,
            role,
            belowReason: e.percent < (lastPercent ?? 0) ? e.belowReason : null,
          });
        });
        await r.replaceEntries(row.id, [...merged.values()]);
        const reopen = row.status === 'approved';
        const updated = await transition(
          r,
          actor,
          row,
          input.version,
          reopen ? { status: 'draft', revision: row.revision + 1, approvedAt: null, approvedBy: null } : {},
          { action: reopen ? 'reopened' : 'saved' },
        );
        return present(actor, p, updated, unit, r);
      });
    },

    async submit(actor: Actor, id: number, version: number): Promise<Report> {
      return withLocked(actor, id, async (r, { row, p, unit, rights }) => {
        if (!rights.edit) throw new AppError('forbidden');
        if (row.status !== 'draft' && row.status !== 'returned')
          throw new AppError('report_wrong_state', { status: row.status, action: 'submit' });
        const now = clock.now();
        const updated = await transition(
          r,
          actor,
          row,
          version,
          {
            status: 'submitted',
            submittedAt: now,
            ...(row.first_submitted_at ? {} : { firstSubmittedAt: now }),
          },
          { action: row.status === 'returned' ? 'resubmitted' : 'submitted', snapshot: true },
        );
        return present(actor, p, updated, unit, r);
      });
    },

    /** The unit leader approves: the lead unit's percents become the tasks' progress. */
    async approve(actor: Actor, id: number, version: number): Promise<Report> {
      return withLocked(actor, id, async (r, { row, p, unit, rights }) => {
        if (!rights.approve) throw new AppError('forbidden');
        if (row.status !== 'submitted')
          throw new AppError('report_wrong_state', { status: row.status, action: 'approve' });
        const now = clock.now();
        const updated = await transition(
          r,
          actor,
          row,
          version,
          { status: 'approved', approvedAt: now, approvedBy: actor.userId, returnComment: null },
          { action: 'approved', snapshot: true },
        );
        const day = dateInZone(now, p.timeZone);
        for (const e of await r.entries(row.id))
          if (e.role === 'lead') await r.applyProgress(e.task_id, e.percent, actor.userId, day, now);
        return present(actor, p, updated, unit, r);
      });
    },

    async returnToUnit(actor: Actor, id: number, version: number, comment: string): Promise<Report> {
      const out = await withLocked(actor, id, async (r, { row, p, unit, rights }) => {
        if (!rights.approve) throw new AppError('forbidden');
        if (row.status !== 'submitted')
          throw new AppError('report_wrong_state', { status: row.status, action: 'return' });
        const updated = await transition(
          r,
          actor,
          row,
          version,
          { status: 'returned', returnedAt: clock.now(), returnComment: comment },
          { action: 'returned', comment },
        );
        return present(actor, p, updated, unit, r);
      });
      await deps.events?.returned?.({
        programmeId: out.programmeId,
        unitId: out.unit.id,
        period: out.period,
        reportId: out.id,
        comment,
      });
      return out;
    },

    /** Reports the actor may see: its units' (drafts included), or the programme's once submitted. */
    async list(
      actor: Actor,
      q: { programmeId: number; period?: string; unitId?: number; status?: ReportRow['status'] },
    ) {
      await programmes.access(actor, q.programmeId);
      const wide = isAdmin(actor) || hasProgrammeRole(actor, q.programmeId);
      const rows = await repo.list({
        ...q,
        unitPaths: wide ? null : unitScopePaths(actor, q.programmeId),
        withDrafts: !wide,
      });
      return rows.map((r) => ({
        id: r.id,
        unit: {
          id: r.unit_id,
          code: r.unit_code,
          name: pickName(actor.locale, r.name_vi, r.name_en, r.name_ar),
        },
        period: r.period,
        status: r.status,
        revision: r.revision,
        firstSubmittedAt: instant(r.first_submitted_at)?.toISOString() ?? null,
        submittedAt: instant(r.submitted_at)?.toISOString() ?? null,
        approvedAt: instant(r.approved_at)?.toISOString() ?? null,
        entryCount: r.entry_count,
      }));
    },
  };
}
export type ReportsService = ReturnType<typeof createReportsService>;
