import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';

export type Recipient = { id: number; email: string; locale: 'vi' | 'en' | 'ar'; display_name: string };
export type NotificationRow = {
  id: number;
  kind: string;
  params: Record<string, string | number>;
  link: string | null;
  created_at: Date | string;
  read_at: Date | string | null;
};
export type OutboxRow = {
  id: number;
  to_address: string;
  subject: string;
  body: string;
  created_at: Date | string;
  sent_at: Date | string | null;
  attempts: number;
  last_error: string | null;
};

const ids = (xs: number[]) =>
  sql.join(
    xs.map((x) => sql`${x}`),
    sql`, `,
  );

/** Notifications, preferences, the mail outbox, the escalation ladder, and who receives what. */
export function createNotificationsRepo(db: Db) {
  const rows = async <T>(q: SQL) => (await db.execute(q)).rows as T[];
  return {
    /** Active users holding a unit role on one of the units. */
    unitPeople: (unitIds: number[], roles = ['unit_leader', 'unit_officer']) =>
      unitIds.length
        ? rows<Recipient & { unit_id: number }>(sql`
            select distinct u.id, u.email, u.locale, u.display_name, r.unit_id
              from role_assignments r join users u on u.id = r.user_id
             where u.active and r.unit_id in (${ids(unitIds)})
               and r.role in (${sql.join(
                 roles.map((x) => sql`${x}`),
                 sql`, `,
               )})`)
        : Promise.resolve([]),

    /** Active users with a programme-wide role (standing agency, steering body…). */
    programmePeople: (programmeId: number, roles: string[]) =>
      rows<Recipient>(sql`
        select distinct u.id, u.email, u.locale, u.display_name
          from role_assignments r join users u on u.id = r.user_id
         where u.active and r.programme_id = ${programmeId}
           and r.role in (${sql.join(
             roles.map((x) => sql`${x}`),
             sql`, `,
           )})`),

    userById: async (id: number) =>
      (
        await rows<Recipient>(
          sql`select id, email, locale, display_name from users where id = ${id} and active`,
        )
      )[0],

    /** Inserts those not sent before (by key); returns the ids of the new ones per user. */
    insert: async (
      items: { userId: number; kind: string; key: string; params: object; link: string | null }[],
      at: Date,
    ) => {
      const out: { id: number; user_id: number }[] = [];
      for (let i = 0; i < items.length; i += 500) {
        const chunk = items.slice(i, i + 500);
        out.push(
          ...(await rows<{ id: number; user_id: number }>(sql`
            insert into notifications (user_id, kind, key, params, link, created_at)
            values ${sql.join(
              chunk.map(
                (n) =>
                  sql`(${n.userId}, ${n.kind}, ${n.key}, ${JSON.stringify(n.params)}::jsonb, ${n.link}, ${at.toISOString()})`,
              ),
              sql`, `,
            )}
            on conflict (user_id, key) do nothing
            returning id, user_id`)),
        );
      }
      return out;
    },

    /** The kinds each user turned e-mail off for. */
    emailOff: async (userIds: number[]) => {
      const res = userIds.length
        ? await rows<{ user_id: number; kind: string }>(
            sql`select user_id, kind from notification_prefs where not email and user_id in (${ids(userIds)})`,
          )
        : [];
      return new Set(res.map((r) => `${r.user_id}:${r.kind}`));
    },

    prefs: (userId: number) =>
      rows<{ kind: string; email: boolean }>(
        sql`select kind, email from notification_prefs where user_id = ${userId}`,
      ),

    setPref: (userId: number, kind: string, email: boolean) =>
      db.execute(sql`insert into notification_prefs (user_id, kind, email) values (${userId}, ${kind}, ${email})
        on conflict (user_id, kind) do update set email = excluded.email`),

    enqueue: async (
      mails: { to: string; subject: string; body: string; notificationId: number }[],
      at: Date,
    ) => {
      for (let i = 0; i < mails.length; i += 500)
        await db.execute(sql`insert into mail_outbox (to_address, subject, body, notification_id, created_at)
          values ${sql.join(
            mails
              .slice(i, i + 500)
              .map((m) => sql`(${m.to}, ${m.subject}, ${m.body}, ${m.notificationId}, ${at.toISOString()})`),
            sql`, `,
          )}`);
    },

    /** Takes a batch of unsent mail; FOR UPDATE SKIP LOCKED lets two servers send without doubling. */
    claimUnsent: (limit: number) =>
      rows<OutboxRow>(sql`select * from mail_outbox where sent_at is null and attempts < 5
        order by id limit ${limit} for update skip locked`),

    markSent: (id: number, at: Date) =>
      db.execute(
        sql`update mail_outbox set sent_at = ${at.toISOString()}, attempts = attempts + 1 where id = ${id}`,
      ),

    markFailed: (id: number, error: string) =>
      db.execute(sql`update mail_outbox set attempts = attempts + 1, last_error = ${error} where id = ${id}`),

    outbox: (limit: number) =>
      rows<OutboxRow>(sql`select * from mail_outbox order by id desc limit ${limit}`),

    mine: (userId: number, limit: number) =>
      rows<NotificationRow>(sql`select id, kind, params, link, created_at, read_at from notifications
        where user_id = ${userId} order by created_at desc, id desc limit ${limit}`),

    unread: async (userId: number) =>
      (
        await rows<{ n: number }>(
          sql`select count(*)::int as n from notifications where user_id = ${userId} and read_at is null`,
        )
      )[0]!.n,

    markRead: (userId: number, which: number[] | 'all', at: Date) =>
      db.execute(sql`update notifications set read_at = ${at.toISOString()}
        where user_id = ${userId} and read_at is null
        ${which === 'all' ? sql`` : which.length ? sql`and id in (${ids(which)})` : sql`and false`}`),

    /** Tasks of a programme not done and not cancelled on `day`, with the deadline in force. */
    openTasksWithDeadline: (programmeId: number, day: string) =>
      rows<{
        id: number;
        code: string;
        title: string;
        lead_unit_id: number;
        deadline: string;
        progress: number;
        days: number;
      }>(sql`
        select t.id, t.code, t.title, t.lead_unit_id, t.deadline::text as deadline, t.progress,
               (t.deadline - ${day}::date)::int as days
          from tasks t
         where t.programme_id = ${programmeId}
           and (t.completed_on is null or t.completed_on > ${day}::date)
           and (t.cancelled_on is null or t.cancelled_on > ${day}::date)
           and ((t.deadline - ${day}::date) in (7, 3, 1) or t.deadline < ${day}::date)`),

    /**
     * One more reminder about a task: the ladder restarts when its progress moved since the last
     * one. Returns the count and whether this reminder flags it (the third without progress).
     */
    climb: async (taskId: number, progress: number, at: Date) =>
      (
        await rows<{ reminders: number; flagged_now: boolean }>(sql`
          insert into task_escalations (task_id, reminders, progress_at_start, last_reminded_at)
          values (${taskId}, 1, ${progress}, ${at.toISOString()})
          on conflict (task_id) do update set
            reminders = case when task_escalations.progress_at_start = excluded.progress_at_start
                             then task_escalations.reminders + 1 else 1 end,
            flagged_at = case when task_escalations.progress_at_start = excluded.progress_at_start
                              then task_escalations.flagged_at else null end,
            progress_at_start = excluded.progress_at_start,
            last_reminded_at = excluded.last_reminded_at
          returning reminders, (reminders >= 3 and flagged_at is null) as flagged_now`)
      )[0]!,

    flag: (taskId: number, at: Date) =>
      db.execute(sql`update task_escalations set flagged_at = ${at.toISOString()} where task_id = ${taskId}`),

    unitNames: async (unitIds: number[]) =>
      new Map(
        (unitIds.length
          ? await rows<{ id: number; name_vi: string; name_en: string | null; name_ar: string | null }>(
              sql`select id, name_vi, name_en, name_ar from units where id in (${ids(unitIds)})`,
            )
          : []
        ).map((u) => [u.id, u]),
      ),
  };
}
export type NotificationsRepo = ReturnType<typeof createNotificationsRepo>;
