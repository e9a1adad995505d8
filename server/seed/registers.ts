import { and, eq, inArray, like, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import {
  obstacleEvents,
  obstacles,
  obstacleTasks,
  pilotAccelerations,
  programmes,
  recommendations,
  tasks,
  units,
} from '../db/schema/index.js';
import { addWorkingDays, type ObstacleCategory, type ObstacleStatus } from '../../shared/registers.js';
import { at, calendar } from './calendar.js';
import { HANOI_ARTICLE_DAY, HANOI_PROGRAMME } from './hanoi-programme.js';
import { HN } from './hanoi-units.js';
import { NA, NGHEAN_ARTICLE_DAY, NGHEAN_PROGRAMME } from './nghean.js';

type Step = [ObstacleStatus, string];
type ObstacleSeed = {
  title: string;
  category: ObstacleCategory;
  severity: 'low' | 'medium' | 'high' | 'critical';
  raisedBy: string;
  owner: string;
  raisedOn: string;
  dueOn: string;
  /** Status changes after "open" (article dates; shifted with the demo's today). */
  steps?: Step[];
  resolution?: string;
  tasksLike?: string;
};

/**
 * Article 002: "17 groups of shortcomings, 11 issues, 18 obstacles, 4 main groups" — the 18
 * obstacles below are the ones it names, in its four groups (leadership & execution → institutions;
 * data & infrastructure; resources; service quality), raised around the 14 Nov 2025 conference.
 */
const HANOI: ObstacleSeed[] = [
  // 1. Leadership and execution (5)
  {
    title: '30 nhiệm vụ quá hạn (12 do Trung ương giám sát, 18 của thành phố)',
    category: 'institutions',
    severity: 'critical',
    raisedBy: HN.finance,
    owner: HN.pcOffice,
    raisedOn: '2025-10-20',
    dueOn: '2025-11-30',
    steps: [['in_progress', '2025-10-27']],
  },
  {
    title: 'Báo cáo tiến độ chậm, chưa đúng kỳ',
    category: 'institutions',
    severity: 'high',
    raisedBy: HN.finance,
    owner: HN.homeAffairs,
    raisedOn: '2025-10-20',
    dueOn: '2025-11-07',
    steps: [['in_progress', '2025-10-28']],
  },
  {
    title: 'Phối hợp giữa các sở, ngành còn yếu',
    category: 'institutions',
    severity: 'medium',
    raisedBy: HN.science,
    owner: HN.pcOffice,
    raisedOn: '2025-10-22',
    dueOn: '2025-12-15',
  },
  {
    title: 'Đánh giá kết quả chưa được lượng hóa',
    category: 'institutions',
    severity: 'medium',
    raisedBy: HN.inspection,
    owner: HN.homeAffairs,
    raisedOn: '2025-10-22',
    dueOn: '2025-12-31',
  },
  {
    title: 'Một số xã, phường chưa đạt đủ 17 tiêu chí chuyển đổi số',
    category: 'institutions',
    severity: 'high',
    raisedBy: HN.socSon,
    owner: HN.science,
    raisedOn: '2025-10-24',
    dueOn: '2025-11-10',
    steps: [['escalated', '2025-11-12']],
  },
  // 2. Data and infrastructure (6)
  {
    title: 'Dữ liệu phân tán, chưa kết nối liên thông',
    category: 'data_infrastructure',
    severity: 'critical',
    raisedBy: HN.science,
    owner: HN.science,
    raisedOn: '2025-10-15',
    dueOn: '2025-12-31',
    steps: [['in_progress', '2025-10-30']],
  },
  {
    title: 'Cơ sở dữ liệu chuyên ngành chưa được chia sẻ',
    category: 'data_infrastructure',
    severity: 'high',
    raisedBy: HN.agriEnv,
    owner: HN.science,
    raisedOn: '2025-10-15',
    dueOn: '2025-11-05',
    steps: [['in_progress', '2025-10-25']],
  },
  {
    title: 'Khảo sát 126 xã, phường: trụ sở chưa đáp ứng',
    category: 'data_infrastructure',
    severity: 'medium',
    raisedBy: HN.hoanKiem,
    owner: HN.construction,
    raisedOn: '2025-10-10',
    dueOn: '2026-03-31',
  },
  {
    title: 'Khảo sát 126 xã, phường: thiếu trang thiết bị',
    category: 'data_infrastructure',
    severity: 'high',
    raisedBy: HN.socSon,
    owner: HN.finance,
    raisedOn: '2025-10-10',
    dueOn: '2025-12-31',
    steps: [['in_progress', '2025-11-03']],
  },
  {
    title: 'Khảo sát 126 xã, phường: thiếu nhân lực công nghệ thông tin',
    category: 'data_infrastructure',
    severity: 'medium',
    raisedBy: HN.baVi,
    owner: HN.homeAffairs,
    raisedOn: '2025-10-10',
    dueOn: '2026-01-31',
  },
  {
    title: 'Khảo sát 126 xã, phường: hạ tầng mạng chưa bảo đảm',
    category: 'data_infrastructure',
    severity: 'high',
    raisedBy: HN.meLinh,
    owner: HN.science,
    raisedOn: '2025-10-10',
    dueOn: '2025-11-12',
    steps: [
      ['in_progress', '2025-10-20'],
      ['resolved', '2025-11-11'],
    ],
    resolution: 'Đã nâng cấp đường truyền số liệu chuyên dùng cho các xã',
  },
  // 3. Resources (2)
  {
    title: 'Chi cho khoa học công nghệ 2021–2024 đạt dưới 42% kế hoạch',
    category: 'resources',
    severity: 'critical',
    raisedBy: HN.science,
    owner: HN.finance,
    raisedOn: '2025-10-18',
    dueOn: '2025-11-08',
    steps: [['escalated', '2025-11-10']],
  },
  {
    title: 'Thiếu nhân lực chất lượng cao, chưa thu hút được nhân tài',
    category: 'resources',
    severity: 'high',
    raisedBy: HN.homeAffairs,
    owner: HN.homeAffairs,
    raisedOn: '2025-10-18',
    dueOn: '2026-06-30',
  },
  // 4. Service quality (5)
  {
    title: 'Hồ sơ chậm, yêu cầu bổ sung nhiều lần',
    category: 'service_quality',
    severity: 'high',
    raisedBy: HN.serviceCentre,
    owner: HN.serviceCentre,
    raisedOn: '2025-10-12',
    dueOn: '2025-11-06',
    steps: [['in_progress', '2025-10-20']],
  },
  {
    title: 'Văn bản còn trao đổi ngoài hệ thống',
    category: 'service_quality',
    severity: 'medium',
    raisedBy: HN.pcOffice,
    owner: HN.pcOffice,
    raisedOn: '2025-10-12',
    dueOn: '2025-11-28',
    steps: [
      ['in_progress', '2025-10-22'],
      ['resolved', '2025-11-13'],
    ],
    resolution: 'Toàn bộ văn bản chuyển qua hệ thống quản lý văn bản điều hành',
  },
  {
    title: 'Chưa có giám sát an ninh mạng tập trung',
    category: 'service_quality',
    severity: 'critical',
    raisedBy: HN.science,
    owner: HN.police,
    raisedOn: '2025-10-14',
    dueOn: '2025-12-31',
  },
  {
    title: 'Chưa đánh giá cấp độ an toàn hệ thống thông tin',
    category: 'service_quality',
    severity: 'high',
    raisedBy: HN.science,
    owner: HN.police,
    raisedOn: '2025-10-14',
    dueOn: '2025-11-11',
  },
  {
    title: 'Chưa sao lưu dữ liệu định kỳ',
    category: 'service_quality',
    severity: 'high',
    raisedBy: HN.science,
    owner: HN.science,
    raisedOn: '2025-10-14',
    dueOn: '2025-11-20',
    steps: [['in_progress', '2025-10-21']],
  },
];

/** Article 003: the Intelligent Operations Centre is blocked by legal issues — an obstacle with an owner. */
const NGHEAN: ObstacleSeed[] = [
  {
    title: 'Trung tâm điều hành thông minh (IOC) vướng hành lang pháp lý',
    category: 'legal',
    severity: 'critical',
    raisedBy: NA.ict,
    owner: NA.justice,
    raisedOn: '2024-02-20',
    dueOn: '2024-03-31',
    steps: [['escalated', '2024-04-02']],
    tasksLike: '%(IOC)%',
  },
];

/** Article 002: communes' recommendations, to be answered in November 2025. */
const RECOMMENDATIONS: {
  from: string;
  to: string;
  content: string;
  submittedOn: string;
  answeredOn?: string;
  answer?: string;
}[] = [
  {
    from: HN.socSon,
    to: HN.finance,
    content: 'Đề nghị bố trí kinh phí trang bị máy tính, máy quét cho bộ phận một cửa',
    submittedOn: '2025-10-06',
    answeredOn: '2025-11-05',
    answer: 'Bố trí trong dự toán bổ sung năm 2025',
  },
  {
    from: HN.baVi,
    to: HN.science,
    content: 'Đề nghị hỗ trợ kết nối đường truyền số liệu chuyên dùng tới trụ sở xã',
    submittedOn: '2025-10-13',
    answeredOn: '2025-10-31',
    answer: 'Đã giao VNPT Hà Nội triển khai trong tháng 11',
  },
  {
    from: HN.meLinh,
    to: HN.homeAffairs,
    content: 'Đề nghị bổ sung biên chế cán bộ chuyên trách chuyển đổi số',
    submittedOn: '2025-10-01',
    answeredOn: '2025-11-12',
    answer: 'Điều chuyển từ nguồn biên chế dự phòng của thành phố',
  },
  {
    from: HN.hoanKiem,
    to: HN.serviceCentre,
    content: 'Đề nghị hướng dẫn thống nhất quy trình tiếp nhận hồ sơ tại điểm phục vụ hành chính công',
    submittedOn: '2025-10-20',
    answeredOn: '2025-11-07',
    answer: 'Ban hành hướng dẫn số 12/HD-TTPVHCC',
  },
  {
    from: HN.dongAnh,
    to: HN.science,
    content: 'Đề nghị cấp tài khoản cho cán bộ xã trên nền tảng dữ liệu dùng chung',
    submittedOn: '2025-10-27',
    answeredOn: '2025-11-13',
    answer: 'Đã cấp 45 tài khoản',
  },
  {
    from: HN.phuXuyen,
    to: HN.finance,
    content: 'Đề nghị hướng dẫn thủ tục giải ngân vốn đầu tư hạ tầng số cấp xã',
    submittedOn: '2025-10-08',
  },
  {
    from: HN.myDuc,
    to: HN.justice,
    content: 'Đề nghị hướng dẫn số hóa sổ hộ tịch giai đoạn trước 2016',
    submittedOn: '2025-10-15',
  },
  {
    from: HN.batTrang,
    to: HN.construction,
    content: 'Đề nghị hỗ trợ cải tạo trụ sở bộ phận một cửa sau sắp xếp',
    submittedOn: '2025-11-03',
  },
];

/**
 * The registers of the demo: Hanoi's 18 obstacles in 4 main groups, Nghe An's IOC legal obstacle,
 * communes' recommendations answered in November 2025 (some late, some still open), and the 12
 * pilot models the Nghe An conference asked to accelerate. Dates follow the demo's today.
 */
export async function seedRegisters(db: Db, opts: { today: string }) {
  const hnCal = calendar(opts.today, HANOI_ARTICLE_DAY);
  const naCal = calendar(opts.today, NGHEAN_ARTICLE_DAY);
  const ps = await db
    .select()
    .from(programmes)
    .where(inArray(programmes.code, [HANOI_PROGRAMME, NGHEAN_PROGRAMME]));
  const pid = (code: string) => ps.find((p) => p.code === code)!.id;
  const codes = [...HANOI, ...NGHEAN]
    .flatMap((o) => [o.raisedBy, o.owner])
    .concat(RECOMMENDATIONS.flatMap((r) => [r.from, r.to]));
  const us = await db
    .select({ id: units.id, code: units.code })
    .from(units)
    .where(inArray(units.code, [...new Set(codes)]));
  const unit = (code: string) => {
    const u = us.find((x) => x.code === code);
    if (!u) throw new Error(`seedRegisters: unknown unit ${code}`);
    return u.id;
  };
  const daysOff = new Set(
    ((await db.execute(sql`select day::text as day from days_off`)).rows as { day: string }[]).map(
      (d) => d.day,
    ),
  );

  const write = async (programmeId: number, list: ObstacleSeed[], rel: (d: string) => string) => {
    for (const o of list) {
      const last = o.steps?.at(-1);
      const [row] = await db
        .insert(obstacles)
        .values({
          programmeId,
          title: o.title,
          description: '',
          category: o.category,
          severity: o.severity,
          raisedByUnitId: unit(o.raisedBy),
          ownerUnitId: unit(o.owner),
          raisedOn: rel(o.raisedOn),
          dueOn: rel(o.dueOn),
          status: last?.[0] ?? 'open',
          resolution: o.resolution ?? null,
          resolvedOn: last?.[0] === 'resolved' ? rel(last[1]) : null,
          createdAt: at(rel(o.raisedOn)),
          updatedAt: at(rel(last?.[1] ?? o.raisedOn)),
        })
        .returning({ id: obstacles.id });
      const id = row!.id;
      await db.insert(obstacleEvents).values(
        [['open', o.raisedOn] as Step, ...(o.steps ?? [])].map(([status, on]) => ({
          obstacleId: id,
          status,
          effectiveOn: rel(on),
          at: at(rel(on)),
        })),
      );
      if (o.tasksLike) {
        const linked = await db
          .select({ id: tasks.id })
          .from(tasks)
          .where(
            and(eq(tasks.programmeId, programmeId), eq(tasks.kind, 'task'), like(tasks.title, o.tasksLike)),
          );
        if (linked.length)
          await db.insert(obstacleTasks).values(linked.map((t) => ({ obstacleId: id, taskId: t.id })));
      }
    }
  };
  await write(pid(HANOI_PROGRAMME), HANOI, hnCal.rel);
  await write(pid(NGHEAN_PROGRAMME), NGHEAN, naCal.rel);

  if (RECOMMENDATIONS.length)
    await db.insert(recommendations).values(
      RECOMMENDATIONS.map((r) => {
        const submittedOn = hnCal.rel(r.submittedOn);
        return {
          programmeId: pid(HANOI_PROGRAMME),
          fromUnitId: unit(r.from),
          toUnitId: unit(r.to),
          content: r.content,
          submittedOn,
          answerDueOn: addWorkingDays(submittedOn, 15, daysOff),
          answer: r.answer ?? null,
          answeredOn: r.answeredOn ? hnCal.rel(r.answeredOn) : null,
          createdAt: at(submittedOn),
        };
      }),
    );

  const accelerate = await db
    .select({ id: tasks.id })
    .from(tasks)
    .where(
      inArray(
        tasks.code,
        Array.from({ length: 12 }, (_, i) => `DA06-MH-${String(i + 1).padStart(2, '0')}`),
      ),
    );
  const naId = pid(NGHEAN_PROGRAMME);
  const markedAt = at(naCal.rel(NGHEAN_ARTICLE_DAY));
  if (accelerate.length)
    await db
      .insert(pilotAccelerations)
      .values(accelerate.map((t) => ({ taskId: t.id, programmeId: naId, note: null, markedAt })));
  return {
    obstacles: HANOI.length + NGHEAN.length,
    recommendations: RECOMMENDATIONS.length,
    accelerate: accelerate.length,
  };
}
