import type { Db } from '../../db/client.js';
import { AppError } from '../../lib/app-error.js';
import type { Clock } from '../../lib/clock.js';
import type { Mailer } from '../../lib/mailer.js';
import { dateInZone } from '../../../shared/dates.js';
import { dueMoment, periodOf, previousPeriod } from '../../../shared/periods.js';
import type { Actor } from '../auth/actor.js';
import { isAdmin } from '../auth/policy.js';
import type { ProgrammesService } from '../programmes/programmes.service.js';
import { createDisciplineRepo } from '../reports/discipline.repo.js';
import { instant } from '../reports/reports.repo.js';
import { createNotificationsRepo, type Recipient } from './notifications.repo.js';
import {
  KIND_LABELS,
  NOTIFICATION_KINDS,
  renderMail,
  renderNotification,
  type NotificationKind,
} from './templates.js';

type Params = Record<string, string | number>;
const DAY = 86_400_000;

function byUnitOf<T extends { unit_id: number }>(xs: T[]): Map<number, T[]> {
  const m = new Map<number, T[]>();
  for (const x of xs) m.set(x.unit_id, [...(m.get(x.unit_id) ?? []), x]);
  return m;
}

/** Tells a moment in the programme's zone, as people there read it: 2025-11-14 17:00. */
const local = (d: Date, timeZone: string) => d.toLocaleString('sv-SE', { timeZone }).slice(0, 16);

export function createNotificationsService(deps: {
  db: Db;
  clock: Clock;
  programmes: ProgrammesService;
  mailer: Mailer | null;
  /** Where the product is reached, for links in e-mails. */
  publicUrl: string;
  onMailError?: (err: unknown) => void;
}) {
  const { db, clock } = deps;
  const repo = createNotificationsRepo(db);

  async function unitParams(unitId: number): Promise<Params> {
    const u = (await repo.unitNames([unitId])).get(unitId);
    if (!u) return { unit: String(unitId) };
    return { unit: u.name_vi, unit_en: u.name_en ?? u.name_vi, unit_ar: u.name_ar ?? u.name_en ?? u.name_vi };
  }

  let flushing: Promise<number> | null = null;
  let again = false;
  /**
   * Sends what waits in the outbox; one flush at a time per server, SKIP LOCKED across servers.
   * A call during a flush makes it go round once more, so mail queued meanwhile is not left waiting.
   */
  async function flush(): Promise<number> {
    if (!deps.mailer) return 0;
    if (flushing) {
      again = true;
      return flushing;
    }
    flushing = (async () => {
      let sent = 0;
      do {
        again = false;
        for (;;) {
          const n = await db.transaction(async (tx) => {
            const r = createNotificationsRepo(tx as unknown as Db);
            const batch = await r.claimUnsent(20);
            for (const m of batch) {
              try {
                await deps.mailer!.send({ to: m.to_address, subject: m.subject, text: m.body });
                await r.markSent(m.id, clock.now());
                sent++;
              } catch (err) {
                deps.onMailError?.(err);
                await r.markFailed(m.id, err instanceof Error ? err.message : String(err));
              }
            }
            return batch.length;
          });
          if (n < 20) break;
        }
      } while (again);
      return sent;
    })().finally(() => {
      flushing = null;
    });
    return flushing;
  }

  /**
   * Notifies each recipient once per key: in the app, and by e-mail unless they turned that kind
   * off. Returns how many were new.
   */
  async function send(
    kind: NotificationKind,
    recipients: Recipient[],
    key: string,
    params: Params,
    link: string | null,
  ): Promise<number> {
    const unique = [...new Map(recipients.map((r) => [r.id, r])).values()];
    if (!unique.length) return 0;
    const now = clock.now();
    const created = await db.transaction(async (tx) => {
      const r = createNotificationsRepo(tx as unknown as Db);
      const rows = await r.insert(
        unique.map((u) => ({ userId: u.id, kind, key: `${kind}:${key}`, params, link })),
        now,
      );
      const off = await r.emailOff(rows.map((x) => x.user_id));
      const byId = new Map(unique.map((u) => [u.id, u]));
      await r.enqueue(
        rows
          .filter((x) => !off.has(`${x.user_id}:${kind}`))
          .map((x) => {
            const u = byId.get(x.user_id)!;
            const mail = renderMail(kind, params, u.locale, link ? deps.publicUrl + link : null);
            return { to: u.email, subject: mail.subject, body: mail.body, notificationId: x.id };
          }),
        now,
      );
      return rows.length;
    });
    if (created) await flush().catch((err) => deps.onMailError?.(err));
    return created;
  }

  const reviewers = (programmeId: number) => repo.programmePeople(programmeId, ['standing', 'steering']);

  return {
    flush,

    // --- events from the other modules -------------------------------------------------------
    async reportReturned(e: {
      programmeId: number;
      unitId: number;
      period: string;
      reportId: number;
      comment: string;
    }) {
      return send(
        'report_returned',
        await repo.unitPeople([e.unitId]),
        `${e.reportId}:${clock.now().getTime()}`,
        { period: e.period, comment: e.comment, ...(await unitParams(e.unitId)) },
        `/p/${e.programmeId}/reports/${e.reportId}`,
      );
    },

    async warningPublished(e: { programmeId: number; period: string; listId: number; unitIds: number[] }) {
      const people = [...(await repo.unitPeople(e.unitIds)), ...(await reviewers(e.programmeId))];
      return send(
        'warning_published',
        people,
        `${e.listId}`,
        { period: e.period, count: e.unitIds.length },
        `/p/${e.programmeId}/warnings/${e.period}`,
      );
    },

    async adjustmentRequested(e: {
      programmeId: number;
      unitId: number;
      taskCode: string;
      requestId: number;
      reason: string;
    }) {
      return send(
        'adjustment_requested',
        await repo.programmePeople(e.programmeId, ['steering', 'standing']),
        `${e.requestId}`,
        { code: e.taskCode, reason: e.reason, ...(await unitParams(e.unitId)) },
        `/p/${e.programmeId}/requests`,
      );
    },

    async adjustmentDecided(e: {
      programmeId: number;
      unitId: number;
      requestedBy: number;
      taskId: number;
      taskCode: string;
      requestId: number;
      decision: 'approved' | 'rejected';
    }) {
      const requester = await repo.userById(e.requestedBy);
      const people = [
        ...(await repo.unitPeople([e.unitId], ['unit_leader'])),
        ...(requester ? [requester] : []),
      ];
      return send(
        'adjustment_decided',
        people,
        `${e.requestId}`,
        { code: e.taskCode, decision: e.decision },
        `/p/${e.programmeId}/tasks/${e.taskId}`,
      );
    },

    async completionRequested(e: {
      programmeId: number;
      unitId: number;
      taskCode: string;
      requestId: number;
    }) {
      return send(
        'completion_requested',
        await repo.programmePeople(e.programmeId, ['standing']),
        `${e.requestId}`,
        { code: e.taskCode, ...(await unitParams(e.unitId)) },
        `/p/${e.programmeId}/requests?tab=completions`,
      );
    },

    async completionDecided(e: {
      programmeId: number;
      unitId: number;
      taskId: number;
      taskCode: string;
      requestId: number;
      decision: 'confirmed' | 'returned';
    }) {
      return send(
        'completion_decided',
        await repo.unitPeople([e.unitId]),
        `${e.requestId}`,
        { code: e.taskCode, decision: e.decision },
        `/p/${e.programmeId}/tasks/${e.taskId}`,
      );
    },

    /**
     * The daily reminders of a programme at `now`: reports due within the programme's notice,
     * reports missing after the due moment, task deadlines in 7, 3 and 1 days, overdue tasks
     * (weekly), and the escalation ladder. Safe to run again: every notification has its key.
     */
    async remind(programmeId: number) {
      const p = await deps.programmes.system(programmeId);
      const now = clock.now();
      const today = dateInZone(now, p.timeZone);
      const discipline = createDisciplineRepo(db);
      const counts = { reportDue: 0, reportMissing: 0, taskDue: 0, taskOverdue: 0, escalated: 0 };

      const current = periodOf(today, p.dueRule.cadence);
      const previous = previousPeriod(current);
      for (const period of [previous, current]) {
        const daysOff = await discipline.daysOff(period.start, period.end);
        const dueAt = dueMoment(period, p.dueRule, daysOff);
        const notYet = (await discipline.rows(p.id, [period], null)).filter(
          (c) => c.expected && !instant(c.first_submitted_at),
        );
        const people = await repo.unitPeople(notYet.map((c) => c.unit_id));
        const byUnit = byUnitOf(people);
        const dueIn = dueAt.getTime() - now.getTime();
        const kind: NotificationKind | null =
          dueIn > 0 && dueIn <= p.reminderDaysBefore * DAY
            ? 'report_due'
            : dueIn <= 0
              ? 'report_missing'
              : null;
        if (!kind) continue;
        for (const c of notYet)
          counts[kind === 'report_due' ? 'reportDue' : 'reportMissing'] += await send(
            kind,
            byUnit.get(c.unit_id) ?? [],
            `${p.id}:${period.key}:${c.unit_id}`,
            { period: period.key, dueAt: local(dueAt, p.timeZone), ...(await unitParams(c.unit_id)) },
            `/p/${p.id}/inbox`,
          );
      }

      const tasks = await repo.openTasksWithDeadline(p.id, today);
      const people = await repo.unitPeople([...new Set(tasks.map((t) => t.lead_unit_id))]);
      const byUnit = byUnitOf(people);
      const steering = await reviewers(p.id);
      for (const t of tasks) {
        const overdue = t.days < 0;
        // Overdue tasks are reminded once a week, on the weekday they fell due.
        if (overdue && -t.days % 7 !== 1) continue;
        const n = await send(
          overdue ? 'task_overdue' : 'task_due',
          byUnit.get(t.lead_unit_id) ?? [],
          `${t.id}:${t.deadline}:${t.days}`,
          { code: t.code, title: t.title, deadline: t.deadline, days: Math.abs(t.days) },
          `/p/${p.id}/tasks/${t.id}`,
        );
        if (!n) continue;
        counts[overdue ? 'taskOverdue' : 'taskDue']++;
        const step = await repo.climb(t.id, t.progress, now);
        if (step.flagged_now) {
          await repo.flag(t.id, now);
          counts.escalated += (await send(
            'task_escalated',
            steering,
            `${t.id}:${today}`,
            {
              code: t.code,
              title: t.title,
              reminders: step.reminders,
              ...(await unitParams(t.lead_unit_id)),
            },
            `/p/${p.id}/tasks/${t.id}`,
          ))
            ? 1
            : 0;
        }
      }
      return counts;
    },

    // --- the signed-in user's own ------------------------------------------------------------
    async mine(actor: Actor, limit = 50) {
      if (!actor.userId) throw new AppError('unauthenticated');
      const [items, unread] = [await repo.mine(actor.userId, limit), await repo.unread(actor.userId)];
      return {
        unread,
        items: items.map((n) => ({
          id: n.id,
          kind: n.kind,
          text: renderNotification(n.kind as NotificationKind, n.params, actor.locale),
          link: n.link,
          createdAt: instant(n.created_at)!.toISOString(),
          read: n.read_at !== null,
        })),
      };
    },

    async markRead(actor: Actor, which: number[] | 'all') {
      await repo.markRead(actor.userId!, which, clock.now());
      return { unread: await repo.unread(actor.userId!) };
    },

    async prefs(actor: Actor) {
      const set = new Map((await repo.prefs(actor.userId!)).map((p) => [p.kind, p.email]));
      return NOTIFICATION_KINDS.map((kind) => ({
        kind,
        label: KIND_LABELS[kind][actor.locale],
        email: set.get(kind) ?? true,
      }));
    },

    async setPrefs(actor: Actor, prefs: { kind: NotificationKind; email: boolean }[]) {
      for (const p of prefs) await repo.setPref(actor.userId!, p.kind, p.email);
      return this.prefs(actor);
    },

    /** Every e-mail, sent or waiting: admins read it when no SMTP server is configured. */
    async outbox(actor: Actor, limit = 200) {
      if (!isAdmin(actor)) throw new AppError('forbidden');
      return (await repo.outbox(limit)).map((m) => ({
        id: m.id,
        to: m.to_address,
        subject: m.subject,
        body: m.body,
        createdAt: instant(m.created_at)!.toISOString(),
        sentAt: instant(m.sent_at)?.toISOString() ?? null,
        attempts: m.attempts,
        lastError: m.last_error,
      }));
    },
  };
}
export type NotificationsService = ReturnType<typeof createNotificationsService>;
