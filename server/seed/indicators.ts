import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import {
  indicators,
  indicatorTargets,
  indicatorValues,
  keyResults,
  keyResultTasks,
  objectives,
  programmeGroups,
  tasks,
  units,
} from '../db/schema/index.js';
import { addDays } from '../../shared/dates.js';
import { elapsedShare, lastPeriods, type Aggregation, type ValueCadence } from '../../shared/indicators.js';
import { at, calendar } from './calendar.js';
import { HANOI_ARTICLE_DAY } from './hanoi-programme.js';
import { HN } from './hanoi-units.js';
import { insertMany, type Tx } from './insert.js';
import type { MeasureCode } from '../../shared/measures.js';
import { createRng, type Rng } from './random.js';

/**
 * Hanoi's objectives and key results for the 2030 targets of article 002, one objective per
 * specialised group, with 2025 baselines, yearly targets 2026–2030 and a year of entered values
 * so the tiles have a trend; and the service KPIs of articles 001–002 as computed indicators
 * (they show "—" until the records calculator is wired in).
 *
 * Dates follow the demo's calendar (the conference of 14 November 2025 is "today"), and yearly
 * targets are keyed by the year of "today" for the article's 2025, so on any day the key results
 * stand where they stood at the conference. Values grow from the baseline at a pace
 * per key result (on track, at risk, off track), with a little noise; the current period is
 * partly reported.
 */
type Spec = {
  code: string;
  group: 'TC' | 'HT' | 'NL' | 'DMST';
  vi: string;
  en: string;
  ar: string;
  /** A code of shared/measures.ts (decision 40). */
  measure: MeasureCode;
  direction?: 'higher' | 'lower';
  aggregation: Aggregation;
  cadence: ValueCadence;
  baseline: number;
  /** Targets of the years 2026…2030 (article years). */
  yearly: number[];
  /** Where values come from: the city itself, its wards and communes, or the records. */
  reporters: 'city' | 'local' | 'computed';
  computeKey?: string;
  /** Share of the planned way covered by today (1 = on the time-proportional path). */
  pace?: number;
  /** For ratio indicators: the denominator of one reporter. */
  denominator?: number;
  /** A short key result ending this year rather than in 2030. */
  yearEnd?: boolean;
};

const SPECS: Spec[] = [
  // Institutions: the service KPIs, computed from the service records.
  ...(
    [
      [
        'ONLINE-RATE',
        'Tỷ lệ hồ sơ nộp trực tuyến',
        'Online application rate',
        'نسبة الطلبات الإلكترونية',
        23.45,
        99,
        'records.online_application_rate',
      ],
      [
        'SYNC-RATE',
        'Tỷ lệ đồng bộ hồ sơ với Cổng DVC quốc gia',
        'Sync rate with the National Public Service Portal',
        'نسبة المزامنة مع البوابة الوطنية',
        100,
        100,
        'records.sync_rate',
      ],
      [
        'DIGITISATION-RATE',
        'Tỷ lệ số hóa hồ sơ',
        'Record digitisation rate',
        'نسبة رقمنة الملفات',
        86,
        100,
        'records.digitisation_rate',
      ],
      [
        'E-RESULT-RATE',
        'Tỷ lệ trả kết quả điện tử',
        'Electronic result rate',
        'نسبة النتائج الإلكترونية',
        87,
        100,
        'records.electronic_result_rate',
      ],
      [
        'E-PAYMENT-RATE',
        'Tỷ lệ thanh toán trực tuyến',
        'Online payment rate',
        'نسبة الدفع الإلكتروني',
        98,
        100,
        'records.online_payment_rate',
      ],
      [
        'ON-TIME-RATE',
        'Tỷ lệ hồ sơ giải quyết đúng hạn',
        'On-time processing rate',
        'نسبة المعالجة في الموعد',
        95,
        99,
        'records.on_time_rate',
      ],
    ] as const
  ).map(([code, vi, en, ar, baseline, target, computeKey]): Spec => ({
    code,
    group: 'TC',
    vi,
    en,
    ar,
    measure: 'percent',
    aggregation: 'ratio',
    cadence: 'monthly',
    baseline,
    yearly: [target, target, target, target, target],
    reporters: 'computed',
    computeKey,
    yearEnd: true,
  })),
  {
    code: 'AVG-PROCESSING-DAYS',
    group: 'TC',
    vi: 'Thời gian giải quyết hồ sơ bình quân',
    en: 'Average processing time',
    ar: 'متوسط مدة المعالجة',
    measure: 'days',
    direction: 'lower',
    aggregation: 'average',
    cadence: 'monthly',
    baseline: 5,
    yearly: [4, 3.5, 3, 3, 3],
    reporters: 'computed',
    computeKey: 'records.average_processing_days',
    yearEnd: true,
  },
  // Infrastructure: the digital economy.
  {
    code: 'DIGITAL-ECONOMY-GRDP',
    group: 'HT',
    vi: 'Tỷ trọng kinh tế số trong GRDP',
    en: 'Digital economy share of GRDP',
    ar: 'حصة الاقتصاد الرقمي من الناتج المحلي',
    measure: 'percent',
    aggregation: 'average',
    cadence: 'quarterly',
    baseline: 20,
    yearly: [24, 28, 32, 36, 40],
    reporters: 'city',
    pace: 1.1,
  },
  {
    code: 'GRDP-GROWTH',
    group: 'HT',
    vi: 'Tốc độ tăng trưởng GRDP',
    en: 'GRDP growth rate',
    ar: 'معدل نمو الناتج المحلي',
    measure: 'percent_per_year',
    aggregation: 'average',
    cadence: 'quarterly',
    baseline: 8,
    yearly: [11, 11, 11, 11, 11],
    reporters: 'city',
    pace: 0.75,
  },
  // Human resources.
  {
    code: 'DIGITAL-SKILLS-SHARE',
    group: 'NL',
    vi: 'Tỷ lệ người lao động có kỹ năng số',
    en: 'Workers with digital skills',
    ar: 'نسبة العاملين ذوي المهارات الرقمية',
    measure: 'percent',
    aggregation: 'ratio',
    cadence: 'quarterly',
    baseline: 25,
    yearly: [30, 35, 40, 45, 50],
    reporters: 'local',
    denominator: 12_000,
    pace: 1.2,
  },
  {
    code: 'DIGITAL-WORKERS',
    group: 'NL',
    vi: 'Nhân lực số được đào tạo trong năm',
    en: 'Digital workers trained a year',
    ar: 'العاملون الرقميون المدرَّبون سنويًا',
    measure: 'people',
    aggregation: 'sum',
    cadence: 'yearly',
    baseline: 20_000,
    yearly: [50_000, 50_000, 50_000, 50_000, 50_000],
    reporters: 'city',
    pace: 0.6,
  },
  // Innovation.
  {
    code: 'SNT-SPENDING-GRDP',
    group: 'DMST',
    vi: 'Chi cho khoa học, công nghệ trên GRDP',
    en: 'S&T spending as a share of GRDP',
    ar: 'الإنفاق على العلوم والتكنولوجيا من الناتج المحلي',
    measure: 'percent',
    aggregation: 'ratio',
    cadence: 'quarterly',
    baseline: 1,
    yearly: [1.6, 2.2, 2.8, 3.4, 4],
    reporters: 'city',
    denominator: 400_000,
    pace: 0.3,
    yearEnd: true,
  },
  {
    code: 'STARTUPS',
    group: 'DMST',
    vi: 'Số doanh nghiệp khởi nghiệp sáng tạo',
    en: 'Innovative start-ups',
    ar: 'الشركات الناشئة المبتكرة',
    measure: 'businesses',
    aggregation: 'sum',
    cadence: 'quarterly',
    baseline: 1_500,
    yearly: [2_200, 2_900, 3_600, 4_300, 5_000],
    reporters: 'city',
    pace: 1,
  },
  {
    code: 'STARTUPS-100BN',
    group: 'DMST',
    vi: 'Tỷ lệ khởi nghiệp có doanh thu từ 100 tỷ đồng',
    en: 'Start-ups with revenue of 100 billion VND',
    ar: 'الشركات الناشئة بإيرادات 100 مليار دونغ',
    measure: 'percent',
    aggregation: 'ratio',
    cadence: 'quarterly',
    baseline: 5,
    yearly: [8, 11, 14, 17, 20],
    reporters: 'city',
    denominator: 1_600,
    pace: 0.5,
  },
  {
    code: 'VENTURE-FUND',
    group: 'DMST',
    vi: 'Quy mô quỹ đầu tư mạo hiểm',
    en: 'Venture fund size',
    ar: 'حجم صندوق رأس المال المخاطر',
    measure: 'billion_vnd',
    aggregation: 'sum',
    cadence: 'quarterly',
    baseline: 0,
    yearly: [200, 400, 600, 800, 1_000],
    reporters: 'city',
    pace: 0.9,
  },
];

const OBJECTIVES: Record<Spec['group'], { vi: string; en: string; ar: string }> = {
  TC: {
    vi: 'Thủ tục hành chính trực tuyến toàn trình, đúng hạn',
    en: 'End-to-end online administrative procedures, on time',
    ar: 'إجراءات إدارية إلكترونية بالكامل وفي موعدها',
  },
  HT: {
    vi: 'Kinh tế số 40–50% GRDP, tăng trưởng từ 11%/năm',
    en: 'Digital economy at 40–50% of GRDP, growth of 11% a year or more',
    ar: 'اقتصاد رقمي بنسبة 40–50% من الناتج المحلي ونمو 11% سنويًا أو أكثر',
  },
  NL: {
    vi: 'Nhân lực số: 50% người lao động có kỹ năng số, 50.000 nhân lực số mỗi năm',
    en: 'Digital workforce: 50% of workers with digital skills, 50,000 digital workers a year',
    ar: 'القوى العاملة الرقمية: 50% من العاملين بمهارات رقمية و50,000 عامل رقمي سنويًا',
  },
  DMST: {
    vi: 'Đổi mới sáng tạo: chi KH&CN trên 4% GRDP, 5.000 khởi nghiệp, quỹ mạo hiểm 1.000 tỷ đồng',
    en: 'Innovation: S&T spending above 4% of GRDP, 5,000 start-ups, a 1,000 billion VND venture fund',
    ar: 'الابتكار: إنفاق على العلوم يتجاوز 4% من الناتج المحلي و5,000 شركة ناشئة وصندوق مخاطر بقيمة 1,000 مليار دونغ',
  },
};

/** Tasks whose title names what moves a key result (linked by keyword). */
const TASK_WORDS: Record<string, string[]> = {
  'ONLINE-RATE': ['trực tuyến', 'dịch vụ công'],
  'DIGITISATION-RATE': ['số hóa'],
  'DIGITAL-SKILLS-SHARE': ['kỹ năng', 'đào tạo', 'tập huấn'],
  STARTUPS: ['khởi nghiệp'],
  'SNT-SPENDING-GRDP': ['giải ngân', 'khoa học'],
};

export async function seedIndicators(
  db: Db,
  opts: {
    programmeId: number;
    today: string;
    standingUserId: number;
    officerUserId: number;
    officerUnitId: number;
  },
): Promise<{ indicators: number; values: number }> {
  const rng = createRng(57_06_2030);
  const { programmeId, today } = opts;
  // The year of "today" stands for the article's 2025; the key results' days move like every date of the demo.
  const y0 = Number(today.slice(0, 4));
  const cal = calendar(today, HANOI_ARTICLE_DAY);
  const start = cal.rel('2025-01-01');
  return db.transaction(async (tx) => {
    const groups = await tx
      .select()
      .from(programmeGroups)
      .where(eq(programmeGroups.programmeId, programmeId));
    const groupId = (code: string) => groups.find((g) => g.code === code)?.id ?? null;
    const [root] = await tx.select().from(units).where(eq(units.code, HN.root));
    const locals = await tx
      .select({ id: units.id })
      .from(units)
      .where(inArray(units.kind, ['ward', 'commune']));
    const localIds = locals.map((u) => u.id);
    const allTasks = await tx
      .select({ id: tasks.id, title: tasks.title })
      .from(tasks)
      .where(eq(tasks.programmeId, programmeId));

    const objectiveIds = new Map<string, number>();
    for (const [k, g] of (['TC', 'HT', 'NL', 'DMST'] as const).entries()) {
      const [o] = await tx
        .insert(objectives)
        .values({
          programmeId,
          groupId: groupId(g),
          code: `O-${g}`,
          titleVi: OBJECTIVES[g].vi,
          titleEn: OBJECTIVES[g].en,
          titleAr: OBJECTIVES[g].ar,
          sort: k,
        })
        .returning();
      objectiveIds.set(g, o!.id);
    }

    let valueCount = 0;
    for (const [k, s] of SPECS.entries()) {
      const [ind] = await tx
        .insert(indicators)
        .values({
          programmeId,
          groupId: groupId(s.group),
          code: s.code,
          nameVi: s.vi,
          nameEn: s.en,
          nameAr: s.ar,
          measure: s.measure,
          direction: s.direction ?? 'higher',
          aggregation: s.aggregation,
          cadence: s.cadence,
          baseline: s.baseline,
          baselinePeriod: String(y0),
          source: s.reporters === 'computed' ? 'computed' : 'entered',
          computeKey: s.computeKey ?? null,
          reporterKinds:
            s.reporters === 'city' ? ['city'] : s.reporters === 'local' ? ['ward', 'commune'] : [],
        })
        .returning();
      const id = ind!.id;
      await tx
        .insert(indicatorTargets)
        .values(s.yearly.map((value, i) => ({ indicatorId: id, period: String(y0 + 1 + i), value })));
      const deadline = cal.rel(s.yearEnd ? '2025-12-31' : '2030-12-31');
      const target = s.yearEnd ? s.yearly[0]! : s.yearly[4]!;
      const [kr] = await tx
        .insert(keyResults)
        .values({
          objectiveId: objectiveIds.get(s.group)!,
          indicatorId: id,
          baseline: s.baseline,
          target,
          startDate: start,
          deadline,
          sort: k,
        })
        .returning();
      const words = TASK_WORDS[s.code] ?? [];
      const linked = allTasks.filter((t) => words.some((w) => t.title.toLowerCase().includes(w))).slice(0, 3);
      if (linked.length)
        await tx.insert(keyResultTasks).values(linked.map((t) => ({ keyResultId: kr!.id, taskId: t.id })));
      if (s.reporters === 'computed') continue;
      valueCount += await seedValues(tx, rng, {
        spec: s,
        indicatorId: id,
        start,
        deadline,
        target,
        today,
        reporters: s.reporters === 'city' ? [root!.id] : localIds,
        enteredBy: (unitId) => (unitId === opts.officerUnitId ? opts.officerUserId : opts.standingUserId),
      });
    }
    return { indicators: SPECS.length, values: valueCount };
  });
}

async function seedValues(
  tx: Tx,
  rng: Rng,
  v: {
    spec: Spec;
    indicatorId: number;
    start: string;
    deadline: string;
    target: number;
    today: string;
    reporters: number[];
    enteredBy: (unitId: number) => number;
  },
): Promise<number> {
  const { spec: s } = v;
  const periods = lastPeriods(
    v.today,
    s.cadence,
    s.cadence === 'yearly' ? 3 : s.cadence === 'quarterly' ? 5 : 12,
  );
  const rows: (typeof indicatorValues.$inferInsert)[] = [];
  for (const p of periods) {
    const current = p.end >= v.today;
    const asAt = current ? v.today : p.end;
    const along = elapsedShare(v.start, v.deadline, asAt) * (s.pace ?? 1);
    const level = s.baseline + (v.target - s.baseline) * along;
    // Reported a few days after the period ends; in the current period, only some have reported yet.
    const enteredOn = current ? addDays(v.today, -rng.int(1, 3)) : addDays(p.end, rng.int(2, 12));
    for (const unitId of v.reporters) {
      if (v.reporters.length > 1 && rng.chance(current ? 0.35 : 0.06)) continue;
      const noisy = level * (1 + (rng.next() - 0.5) * (v.reporters.length > 1 ? 0.3 : 0.04));
      const base = {
        indicatorId: v.indicatorId,
        unitId,
        period: p.key,
        source: (v.reporters.length > 1 ? 'imported' : 'entered') as 'entered' | 'imported',
        enteredBy: v.enteredBy(unitId),
        enteredAt: at(enteredOn < v.today ? enteredOn : v.today, rng.int(8, 16), rng.int(0, 59)),
      };
      if (s.aggregation === 'ratio') {
        const denominator = Math.round((s.denominator ?? 1000) * (0.6 + rng.next() * 0.8));
        const numerator = Math.max(0, Math.round((denominator * noisy) / 100));
        rows.push({ ...base, numerator, denominator, value: (numerator / denominator) * 100 });
      } else {
        const value =
          s.measure === 'percent' || s.measure === 'percent_per_year'
            ? Math.round(noisy * 100) / 100
            : Math.round(noisy);
        rows.push({ ...base, value });
      }
    }
  }
  await insertMany(tx, indicatorValues, rows);
  return rows.length;
}
