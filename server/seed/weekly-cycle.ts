import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { dueMoment, periodOf, previousPeriod, type DueRule, type Period } from '../../shared/periods.js';
import { createProgrammesRepo } from '../modules/programmes/programmes.repo.js';
import { createProgrammesService } from '../modules/programmes/programmes.service.js';
import { createDisciplineRepo } from '../modules/reports/discipline.repo.js';
import { createWarningsRepo } from '../modules/warnings/warnings.repo.js';
import { createWarningsService } from '../modules/warnings/warnings.service.js';
import type { Rng } from './random.js';

/** Vietnam's public holidays (working days off) of 2025 and 2026, as the demo's calendar. */
export const VN_DAYS_OFF: [string, string][] = [
  ['2025-01-01', 'Tết Dương lịch'],
  ...['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31'].map((d): [string, string] => [
    d,
    'Tết Nguyên đán',
  ]),
  ['2025-04-07', 'Giỗ Tổ Hùng Vương'],
  ['2025-04-30', 'Ngày Giải phóng miền Nam'],
  ['2025-05-01', 'Quốc tế Lao động'],
  ['2025-05-02', 'Nghỉ bù'],
  ['2025-09-01', 'Quốc khánh'],
  ['2025-09-02', 'Quốc khánh'],
  ['2026-01-01', 'Tết Dương lịch'],
  ...['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'].map((d): [string, string] => [
    d,
    'Tết Nguyên đán',
  ]),
  ['2026-04-27', 'Giỗ Tổ Hùng Vương (nghỉ bù)'],
  ['2026-04-30', 'Ngày Giải phóng miền Nam'],
  ['2026-05-01', 'Quốc tế Lao động'],
  ['2026-09-01', 'Quốc khánh'],
  ['2026-09-02', 'Quốc khánh'],
];

const DONE = [
  'Đã hoàn thành khảo sát hiện trạng, tổng hợp số liệu gửi Sở KH&CN.',
  'Đã số hóa thêm hồ sơ, cập nhật lên Cổng dịch vụ công.',
  'Đã họp với doanh nghiệp viễn thông về phương án triển khai.',
  'Đã ban hành kế hoạch triển khai tại đơn vị.',
  'Đã tập huấn cho cán bộ một cửa.',
  'Đã hoàn thiện dự thảo, xin ý kiến các đơn vị phối hợp.',
];
const NEXT = [
  'Tiếp tục rà soát, chuẩn hóa dữ liệu.',
  'Hoàn thiện hồ sơ trình UBND Thành phố.',
  'Triển khai thí điểm tại bộ phận một cửa.',
  'Tổ chức nghiệm thu giai đoạn 1.',
];
const OBSTACLES = [
  '',
  '',
  '',
  'Thiếu thiết bị đầu cuối, đường truyền chập chờn.',
  'Chưa được bố trí kinh phí.',
];

type Behaviour = 'on_time' | 'late' | 'missing';
const HOUR = 3_600_000;

/**
 * Twelve weeks of the Hanoi programme's reporting, as a real city's would look: most units on
 * time, some late, a few missing, two that never report; the published warning lists of those
 * weeks (the latest left as a draft for review); this week's reports in every state; pending
 * adjustment requests and a completion to confirm. Runs after the tasks are in.
 */
export async function seedWeeklyCycle(
  db: Db,
  o: {
    programmeId: number;
    today: string;
    rng: Rng;
    users: { standing: number; chair: number; leaderHK: number; officerHK: number; officerSS: number };
    units: { hoanKiem: number; socSon: number };
    onProgress?: (step: string, done: number, total: number) => void;
  },
) {
  const report = o.onProgress ?? (() => {});
  const { rng } = o;
  await db.execute(sql`update programmes set warning_grace_hours = 63 where id = ${o.programmeId}`);
  for (const [day, name] of VN_DAYS_OFF)
    await db.execute(
      sql`insert into days_off (day, name) values (${day}, ${name}) on conflict (day) do nothing`,
    );
  const p = (
    await db.execute(
      sql`select cadence, report_due_weekday, report_due_time, time_zone from programmes where id = ${o.programmeId}`,
    )
  ).rows[0] as {
    cadence: DueRule['cadence'];
    report_due_weekday: number;
    report_due_time: string;
    time_zone: string;
  };
  const rule: DueRule = {
    cadence: p.cadence,
    reportDueWeekday: p.report_due_weekday,
    reportDueTime: p.report_due_time,
    timeZone: p.time_zone,
  };
  const current = periodOf(o.today, rule.cadence);
  const past: Period[] = [];
  for (let x = previousPeriod(current); past.length < 12; x = previousPeriod(x)) past.unshift(x);
  const daysOff = await createDisciplineRepo(db).daysOff(past[0]!.start, current.end);
  const dues = new Map([...past, current].map((x) => [x.key, dueMoment(x, rule, daysOff)]));

  // Each unit has a habit: most are diligent, some sloppy, a few poor, two never report.
  const cells = await createDisciplineRepo(db).rows(o.programmeId, past, null);
  const expectedUnits = [...new Set(cells.filter((c) => c.expected).map((c) => c.unit_id))].sort(
    (a, b) => a - b,
  );
  const never = new Set(
    rng.sample(
      expectedUnits.filter((u) => u !== o.units.hoanKiem && u !== o.units.socSon),
      2,
    ),
  );
  const habit = new Map<number, [number, number]>(); // [p(late), p(missing)]
  for (const u of expectedUnits) {
    const r = rng.next();
    habit.set(u, never.has(u) ? [0, 1] : r < 0.72 ? [0.04, 0.02] : r < 0.9 ? [0.3, 0.1] : [0.3, 0.4]);
  }
  habit.set(o.units.hoanKiem, [0.05, 0]);
  habit.set(o.units.socSon, [0.45, 0.2]);

  report('Weekly reports', 0, past.length + 1);
  await db.transaction(async (tx) => {
    for (const [i, period] of past.entries()) {
      const due = dues.get(period.key)!;
      const rows: { unitId: number; at: Date; lateness: Behaviour }[] = [];
      const last = i === past.length - 1;
      for (const c of cells.filter((x) => x.period === period.key && x.expected)) {
        const [pl, pm] = habit.get(c.unit_id)!;
        const roll = rng.next();
        let b: Behaviour = roll < pm ? 'missing' : roll < pm + pl ? 'late' : 'on_time';
        // Last week, Hoàn Kiếm and Sóc Sơn sent theirs on time: one waits for the leader, one was returned.
        if (last && (c.unit_id === o.units.hoanKiem || c.unit_id === o.units.socSon)) b = 'on_time';
        if (b === 'missing') continue;
        const at =
          b === 'on_time'
            ? new Date(due.getTime() - rng.int(1, 70) * HOUR)
            : new Date(due.getTime() + rng.int(1, 60) * HOUR);
        rows.push({ unitId: c.unit_id, at, lateness: b });
      }
      const held = (u: number) => last && (u === o.units.hoanKiem || u === o.units.socSon);
      await insertReports(
        tx,
        o,
        period,
        rows.filter((r) => !held(r.unitId)),
        i / (past.length - 1),
        'approved',
      );
      for (const [unit, status] of [
        [o.units.hoanKiem, 'submitted'],
        [o.units.socSon, 'returned'],
      ] as const)
        if (last)
          await insertReports(
            tx,
            o,
            period,
            rows.filter((r) => r.unitId === unit),
            1,
            status,
          );
      report('Weekly reports', i + 1, past.length + 1);
    }

    // This week: a handful of units are drafting or have sent theirs; Hoàn Kiếm and Sóc Sơn
    // have not started (their officers do it in the walkthrough).
    const now = Math.min(dues.get(current.key)!.getTime() - HOUR, Date.parse(`${o.today}T07:00:00+07:00`));
    const others = rng.sample(
      expectedUnits.filter((u) => u !== o.units.hoanKiem && u !== o.units.socSon && !never.has(u)),
      12,
    );
    await insertReports(
      tx,
      o,
      current,
      others.slice(0, 6).map((unitId) => ({ unitId, at: new Date(now), lateness: 'on_time' as const })),
      1,
      'submitted',
    );
    await insertReports(
      tx,
      o,
      current,
      others.slice(6).map((unitId) => ({ unitId, at: new Date(now), lateness: 'on_time' as const })),
      1,
      'draft',
    );
    report('Weekly reports', past.length + 1, past.length + 1);

    // Requests waiting for the steering body and the standing agency.
    const hkOverdue = (
      await tx.execute(sql`select id, deadline::text as deadline from tasks where programme_id = ${o.programmeId}
        and lead_unit_id = ${o.units.hoanKiem} and completed_on is null order by deadline limit 2`)
    ).rows as { id: number; deadline: string }[];
    const at = new Date(now).toISOString();
    if (hkOverdue[0])
      await tx.execute(sql`insert into adjustment_requests (programme_id, task_id, unit_id, kind, reason, proposal, before,
          requested_by, requested_at)
        values (${o.programmeId}, ${hkOverdue[0].id}, ${o.units.hoanKiem}, 'extend',
          'Nhà cung cấp chậm bàn giao phần mềm; đề nghị gia hạn 45 ngày để hoàn thành nghiệm thu.',
          ${JSON.stringify({ deadline: addDaysIso(o.today, 45) })}::jsonb, ${JSON.stringify({ deadline: hkOverdue[0].deadline })}::jsonb,
          ${o.users.leaderHK}, ${at})`);
    const ssTask = (
      await tx.execute(sql`select id, deadline::text as deadline from tasks where programme_id = ${o.programmeId}
        and lead_unit_id = ${o.units.socSon} and completed_on is null order by deadline desc limit 1`)
    ).rows[0] as { id: number; deadline: string } | undefined;
    if (ssTask)
      await tx.execute(sql`insert into adjustment_requests (programme_id, task_id, unit_id, kind, reason, proposal, before,
          requested_by, requested_at)
        values (${o.programmeId}, ${ssTask.id}, ${o.units.socSon}, 'replace',
          'Địa bàn chưa có hạ tầng cáp quang; đề nghị thay bằng nhiệm vụ phủ sóng 5G các thôn.',
          ${JSON.stringify({ replacement: { title: 'Phủ sóng 5G các thôn xã Sóc Sơn', deadline: addDaysIso(o.today, 120), deliverable: null } })}::jsonb,
          ${JSON.stringify({ deadline: ssTask.deadline })}::jsonb, ${o.users.standing}, ${at})`);
    if (hkOverdue[1])
      await tx.execute(sql`insert into completion_requests (programme_id, task_id, unit_id, completed_on, product,
          requested_by, requested_at)
        values (${o.programmeId}, ${hkOverdue[1].id}, ${o.units.hoanKiem}, ${addDaysIso(o.today, -2)},
          'Biên bản nghiệm thu và báo cáo kết quả triển khai kèm theo.', ${o.users.officerHK}, ${at})`);
  });

  // The warning lists of the past weeks, drawn by the same code as the scheduler, then published.
  // The demo's clock is the start of its "today", whatever the machine's date.
  const startOfToday = new Date(`${o.today}T00:00:00+07:00`);
  const clock = { now: () => startOfToday };
  const programmes = createProgrammesService({ repo: createProgrammesRepo(db), clock });
  const warnings = createWarningsService({ db, clock, programmes });
  const access = await programmes.system(o.programmeId);
  const drawable: Period[] = [];
  for (const x of past)
    if ((await warnings.drawMoment(access, x.key)).drawAt < startOfToday) drawable.push(x);
  const wrepo = createWarningsRepo(db);
  for (const [i, x] of drawable.entries()) {
    report('Warning lists', i, drawable.length);
    const { id } = await warnings.computeAsSystem(o.programmeId, x.key);
    if (id && i < drawable.length - 1) {
      const { drawAt } = await warnings.drawMoment(access, x.key);
      await wrepo.publish(id, o.users.standing, new Date(drawAt.getTime() + 2 * HOUR));
      await db.execute(sql`insert into job_runs (job, key, status, finished_at) values ('warnings', ${`${o.programmeId}:${x.key}`},
        'done', now()) on conflict do nothing`);
    }
  }
  report('Warning lists', drawable.length, drawable.length);
}

const addDaysIso = (d: string, n: number) =>
  new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** Reports of one period with their entries and events, in a few statements whatever the number of units. */
async function insertReports(
  tx: Db,
  o: {
    programmeId: number;
    users: { standing: number; leaderHK: number; officerHK: number; officerSS: number };
    units: { hoanKiem: number; socSon: number };
  },
  period: Period,
  rows: { unitId: number; at: Date; lateness: Behaviour }[],
  share: number,
  status: 'approved' | 'submitted' | 'draft' | 'returned',
) {
  if (!rows.length) return;
  const author = (u: number) =>
    u === o.units.hoanKiem ? o.users.officerHK : u === o.units.socSon ? o.users.officerSS : o.users.standing;
  const inserted = (
    await tx.execute(sql`insert into progress_reports (programme_id, unit_id, period, status, version, revision,
        first_submitted_at, submitted_at, approved_at, approved_by, returned_at, return_comment, created_by, updated_by,
        created_at, updated_at)
      values ${sql.join(
        rows.map((r) => {
          const sent = status === 'draft' ? null : r.at.toISOString();
          const approved = status === 'approved' ? new Date(r.at.getTime() + 20 * HOUR).toISOString() : null;
          const returned = status === 'returned' ? new Date(r.at.getTime() + 4 * HOUR).toISOString() : null;
          return sql`(${o.programmeId}, ${r.unitId}, ${period.key}, ${status}, ${status === 'draft' ? 2 : 3}, 1, ${sent}, ${sent},
            ${approved}, ${approved ? (r.unitId === o.units.hoanKiem ? o.users.leaderHK : null) : null}, ${returned},
            ${returned ? 'Đề nghị bổ sung số liệu hồ sơ đã số hóa và minh chứng kèm theo.' : null},
            ${author(r.unitId)}, ${author(r.unitId)}, ${new Date(r.at.getTime() - 26 * HOUR).toISOString()}, ${r.at.toISOString()})`;
        }),
        sql`, `,
      )}
      returning id, unit_id`)
  ).rows as { id: number; unit_id: number }[];
  const ids = sql.join(
    inserted.map((r) => sql`${r.id}`),
    sql`, `,
  );
  // One entry per task the unit leads or coordinates and that was open during the period.
  await tx.execute(sql`
    insert into progress_report_entries (report_id, task_id, role, percent, done, next, obstacles)
    select r.id, x.task_id, x.role,
           least(100, round(x.progress * ${Math.max(0.1, share)}::numeric))::int,
           (${sql.raw(`ARRAY[${DONE.map((s) => `'${s}'`).join(',')}]`)})[1 + (x.task_id + ${Number(period.start.replaceAll('-', ''))}) % ${DONE.length}],
           (${sql.raw(`ARRAY[${NEXT.map((s) => `'${s}'`).join(',')}]`)})[1 + x.task_id % ${NEXT.length}],
           (${sql.raw(`ARRAY[${OBSTACLES.map((s) => `'${s}'`).join(',')}]`)})[1 + (x.task_id * 7 + r.id) % ${OBSTACLES.length}]
      from progress_reports r
      join lateral (
        select t.id as task_id, 'lead' as role, t.progress from tasks t
         where t.programme_id = r.programme_id and t.lead_unit_id = r.unit_id
           and (t.completed_on is null or t.completed_on >= ${period.start}::date)
           and (t.start_date is null or t.start_date <= ${period.end}::date)
        union all
        select t.id, 'coordinate', t.progress from task_coordinators c join tasks t on t.id = c.task_id
         where c.unit_id = r.unit_id and t.programme_id = r.programme_id and t.lead_unit_id <> r.unit_id
           and (t.completed_on is null or t.completed_on >= ${period.start}::date)
           and (t.start_date is null or t.start_date <= ${period.end}::date)
      ) x on true
     where r.id in (${ids})`);
  const events: [string, string][] =
    status === 'approved'
      ? [
          ['created', '-26'],
          ['submitted', '0'],
          ['approved', '20'],
        ]
      : status === 'submitted'
        ? [
            ['created', '-26'],
            ['submitted', '0'],
          ]
        : status === 'returned'
          ? [
              ['created', '-26'],
              ['submitted', '0'],
              ['returned', '4'],
            ]
          : [['created', '-26']];
  for (const [action, hours] of events)
    await tx.execute(sql`insert into progress_report_events (report_id, at, actor_id, action, comment, revision)
      select r.id, coalesce(r.first_submitted_at, r.updated_at) + make_interval(hours => ${Number(hours)}), r.created_by, ${action},
        ${action === 'returned' ? sql`r.return_comment` : sql`null`}, 1
        from progress_reports r where r.id in (${ids})`);
}
