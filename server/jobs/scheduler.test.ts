import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../app.js';
import { openDatabase } from '../db/client.js';
import { createMailer } from '../lib/mailer.js';
import { makeWorld, type World } from '../test/factories.js';
import { testApp, type TestApp } from '../test/harness.js';
import { startSmtpServer } from '../test/smtp.js';

type Smtp = Awaited<ReturnType<typeof startSmtpServer>>;

/**
 * The scheduler replayed by the clock against a real SMTP server: reminders before a report is
 * due, the escalation ladder of an overdue task that does not move, warning lists drawn once per
 * period however many servers tick, and caught up after downtime.
 */
describe('scheduled jobs', () => {
  let t: TestApp;
  let w: World;
  let smtp: Smtp;
  const rows = async <T>(q: ReturnType<typeof sql>) => (await t.database.db.execute(q)).rows as T[];
  const notes = (email: string, kind: string) =>
    rows<{ key: string }>(sql`select n.key from notifications n join users u on u.id = n.user_id
      where u.email = ${email} and n.kind = ${kind} order by n.id`);

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await testApp({ today: '2025-11-13', mailer: createMailer(smtp.url, 'Steerboard <sb@t.vn>')! });
    w = await makeWorld(t.database.db);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('reminds units two days before the report is due, once, in the app and by e-mail', async () => {
    t.clock.set('2025-11-13T02:00:00Z'); // Thursday 09:00 in Hanoi; W46 is due Friday 17:00
    const ran = await t.app.services.scheduler.tick();
    expect(ran.filter((r) => r.job === 'reminders').map((r) => r.key)).toEqual([
      `${w.p1.id}:2025-11-13`,
      `${w.p2.id}:2025-11-13`,
    ]);
    expect(await notes('officer.a@t.vn', 'report_due')).toEqual([
      { key: `report_due:${w.p1.id}:2025-W46:${w.units.communeA.id}` },
    ]);
    expect(await notes('leader.a@t.vn', 'report_due')).toHaveLength(1);
    // Last week's report never came: that is said once too.
    expect(await notes('officer.a@t.vn', 'report_missing')).toEqual([
      { key: `report_missing:${w.p1.id}:2025-W45:${w.units.communeA.id}` },
    ]);
    const mail = smtp.received.find((m) => m.to.includes('officer.a@t.vn') && m.subject.includes('W46'))!;
    expect(mail.subject).toContain('Báo cáo tuần 2025-W46 của Phường Hoàn Kiếm đến hạn lúc 2025-11-14 17:00');
    expect(mail.text).toContain('http://localhost:3000/p/');
    // The same day again: nothing new.
    const before = smtp.received.length;
    expect(await t.app.services.scheduler.tick()).toEqual([]);
    expect(smtp.received.length).toBe(before);
  });

  it('an overdue task that does not move is reminded weekly and flagged to the steering body at the third', async () => {
    // A-OVERDUE fell due on 31 October: reminders on 15, 22 and 29 November (1 day past a week).
    for (const day of ['2025-11-15', '2025-11-22', '2025-11-29']) {
      t.clock.set(`${day}T02:00:00Z`);
      await t.app.services.scheduler.tick();
    }
    expect((await notes('officer.a@t.vn', 'task_overdue')).length).toBe(3);
    expect(await notes('steering@t.vn', 'task_escalated')).toEqual([
      { key: `task_escalated:${w.t.aOverdue.id}:2025-11-29` },
    ]);
    const steering = await t.login('steering@t.vn');
    const task = (await steering({ method: 'GET', url: `/api/v1/tasks/${w.t.aOverdue.id}` })).json();
    expect(task.escalation).toMatchObject({ reminders: 3, flaggedAt: expect.any(String) });
    expect(smtp.received.some((m) => m.to.includes('steering@t.vn') && m.subject.includes('A-OVERDUE'))).toBe(
      true,
    );
  });

  it('caught up after downtime: every period missed gets its list, once', async () => {
    const lists = await rows<{ period: string }>(
      sql`select period from warning_lists where programme_id = ${w.p1.id} order by period`,
    );
    // Ticks ran on the 13th, 15th, 22nd and 29th: W46 (due the 14th), W47 and W48 are drawn.
    expect(lists.map((l) => l.period).slice(-3)).toEqual(['2025-W46', '2025-W47', '2025-W48']);
    const runs = await rows<{ n: number }>(
      sql`select count(*)::int as n from job_runs where job = 'warnings' and key like ${w.p1.id + ':%'}`,
    );
    expect(runs[0]!.n).toBe(lists.length);
  });

  it('two servers ticking at once draw one list per period', async () => {
    const second = t.database.url
      ? await openDatabase({ engine: 'postgres', url: t.database.url, poolSize: 5 })
      : t.database;
    try {
      const other = createServices(second, t.clock);
      t.clock.set('2025-12-06T03:00:00Z'); // W49 due on Friday the 5th
      const [a, b] = await Promise.all([t.app.services.scheduler.tick(), other.scheduler.tick()]);
      const keys = [...a, ...b].filter((r) => r.job === 'warnings').map((r) => r.key);
      expect(keys).toEqual([`${w.p1.id}:2025-W49`, `${w.p2.id}:2025-W49`].filter((k) => keys.includes(k)));
      expect(keys).toContain(`${w.p1.id}:2025-W49`);
      expect(new Set(keys).size).toBe(keys.length);
      const n = await rows<{ n: number }>(
        sql`select count(*)::int as n from warning_lists where programme_id = ${w.p1.id} and period = '2025-W49'`,
      );
      expect(n[0]!.n).toBe(1);
    } finally {
      if (second !== t.database) await second.close();
    }
  });
});
