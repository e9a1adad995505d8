import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import {
  assessments,
  catalogueSettings,
  criteria,
  criteriaSets,
  datasets,
  programmes,
  tasks,
  units,
  users,
} from '../db/schema/index.js';
import { addDays } from '../../shared/dates.js';
import { periodOf } from '../../shared/periods.js';
import type { CriterionGroup, DatasetMark, Platform } from '../../shared/criteria.js';
import { at, calendar } from './calendar.js';
import { HANOI_ARTICLE_DAY, HANOI_PROGRAMME } from './hanoi-programme.js';
import { HN } from './hanoi-units.js';
import { createRng, type Rng } from './random.js';

type C = {
  code: string;
  vi: string;
  en: string;
  ar: string;
  kind: 'boolean' | 'score';
  threshold?: number;
  max?: number;
  evidence?: boolean;
  group?: CriterionGroup;
  /** How hard it is to meet (0 easy … 0.5 hard): some criteria are met by most communes, some by few. */
  hard: number;
};

/**
 * Article 002: "some communes do not meet all 17 digital-transformation criteria". The 17 below
 * follow the shape of the city's commune criteria (direction, digital government, services,
 * infrastructure, safety, digital society); scores are percentages with the threshold to meet.
 */
const CDS: C[] = [
  {
    code: 'CDS01',
    vi: 'Ban chỉ đạo chuyển đổi số của xã được kiện toàn, có quy chế hoạt động',
    en: 'Commune digital-transformation steering board set up with its rules',
    ar: 'تشكيل لجنة توجيه التحول الرقمي في البلدية بلائحة عمل',
    kind: 'boolean',
    evidence: true,
    hard: 0.02,
  },
  {
    code: 'CDS02',
    vi: 'Kế hoạch chuyển đổi số năm được ban hành',
    en: "The year's digital-transformation plan issued",
    ar: 'إصدار خطة التحول الرقمي للسنة',
    kind: 'boolean',
    evidence: true,
    hard: 0.05,
  },
  {
    code: 'CDS03',
    vi: 'Tổ công nghệ số cộng đồng hoạt động ở 100% thôn, tổ dân phố',
    en: 'Community digital teams active in every hamlet',
    ar: 'فرق رقمية مجتمعية نشطة في كل القرى والأحياء',
    kind: 'boolean',
    hard: 0.12,
  },
  {
    code: 'CDS04',
    vi: 'Trang thông tin điện tử của xã hoạt động, cập nhật thường xuyên',
    en: 'Commune web portal live and kept up to date',
    ar: 'بوابة البلدية الإلكترونية تعمل ومحدّثة',
    kind: 'boolean',
    hard: 0.08,
  },
  {
    code: 'CDS05',
    vi: 'Văn bản đi, đến được xử lý trên hệ thống quản lý văn bản (%)',
    en: 'Documents handled in the document management system (%)',
    ar: 'الوثائق المعالجة في نظام إدارة الوثائق (%)',
    kind: 'score',
    threshold: 90,
    max: 100,
    hard: 0.15,
  },
  {
    code: 'CDS06',
    vi: 'Lãnh đạo và văn thư được cấp chữ ký số',
    en: 'Leaders and clerks hold digital signatures',
    ar: 'القادة والكتبة يملكون توقيعًا رقميًا',
    kind: 'boolean',
    hard: 0.03,
  },
  {
    code: 'CDS07',
    vi: 'Tỷ lệ hồ sơ thủ tục hành chính nộp trực tuyến (%)',
    en: 'Administrative applications filed online (%)',
    ar: 'الطلبات الإدارية المقدمة عبر الإنترنت (%)',
    kind: 'score',
    threshold: 80,
    max: 100,
    hard: 0.1,
  },
  {
    code: 'CDS08',
    vi: 'Tỷ lệ số hóa hồ sơ, kết quả giải quyết thủ tục hành chính (%)',
    en: 'Records and results digitised (%)',
    ar: 'نسبة رقمنة الملفات والنتائج (%)',
    kind: 'score',
    threshold: 80,
    max: 100,
    hard: 0.3,
  },
  {
    code: 'CDS09',
    vi: 'Tỷ lệ thanh toán trực tuyến phí, lệ phí (%)',
    en: 'Fees paid online (%)',
    ar: 'الرسوم المدفوعة عبر الإنترنت (%)',
    kind: 'score',
    threshold: 50,
    max: 100,
    hard: 0.2,
  },
  {
    code: 'CDS10',
    vi: 'Kết nối mạng truyền số liệu chuyên dùng cấp II',
    en: 'Connected to the level-II government data network',
    ar: 'الاتصال بشبكة البيانات الحكومية المخصصة من المستوى الثاني',
    kind: 'boolean',
    hard: 0.1,
  },
  {
    code: 'CDS11',
    vi: 'Wifi công cộng tại trụ sở và bộ phận một cửa',
    en: 'Public wifi at the headquarters and one-stop desk',
    ar: 'شبكة واي فاي عامة في المقر ومكتب الشباك الواحد',
    kind: 'boolean',
    hard: 0.06,
  },
  {
    code: 'CDS12',
    vi: 'Camera an ninh tại nơi công cộng kết nối trung tâm giám sát',
    en: 'Public security cameras linked to the monitoring centre',
    ar: 'كاميرات أمنية عامة متصلة بمركز المراقبة',
    kind: 'boolean',
    hard: 0.35,
  },
  {
    code: 'CDS13',
    vi: 'Dữ liệu được sao lưu định kỳ',
    en: 'Data backed up periodically',
    ar: 'نسخ احتياطي دوري للبيانات',
    kind: 'boolean',
    evidence: true,
    hard: 0.4,
  },
  {
    code: 'CDS14',
    vi: 'Hệ thống thông tin được phê duyệt cấp độ an toàn',
    en: 'Information systems with an approved security level',
    ar: 'أنظمة معلومات بمستوى أمان معتمد',
    kind: 'boolean',
    evidence: true,
    hard: 0.45,
  },
  {
    code: 'CDS15',
    vi: 'Tỷ lệ hộ gia đình có đường truyền cáp quang (%)',
    en: 'Households with fibre broadband (%)',
    ar: 'الأسر المتصلة بالألياف الضوئية (%)',
    kind: 'score',
    threshold: 80,
    max: 100,
    hard: 0.18,
  },
  {
    code: 'CDS16',
    vi: 'Tỷ lệ người trưởng thành có điện thoại thông minh (%)',
    en: 'Adults with a smartphone (%)',
    ar: 'البالغون الذين يملكون هاتفًا ذكيًا (%)',
    kind: 'score',
    threshold: 85,
    max: 100,
    hard: 0.12,
  },
  {
    code: 'CDS17',
    vi: 'Tỷ lệ người dân có tài khoản định danh điện tử mức 2 (%)',
    en: 'Residents with a level-2 electronic identity (%)',
    ar: 'السكان الذين لديهم هوية إلكترونية من المستوى الثاني (%)',
    kind: 'score',
    threshold: 70,
    max: 100,
    hard: 0.14,
  },
];

/** Article 002: the survey of 126 communes and wards found gaps in headquarters, equipment, human resources and network. */
const SURVEY: C[] = [
  {
    code: 'TS1',
    vi: 'Trụ sở đủ diện tích cho bộ phận một cửa',
    en: 'Headquarters large enough for the one-stop desk',
    ar: 'مقر بمساحة كافية لمكتب الشباك الواحد',
    kind: 'boolean',
    group: 'headquarters',
    hard: 0.25,
  },
  {
    code: 'TS2',
    vi: 'Phòng máy chủ, tủ mạng đạt yêu cầu (điện, điều hòa, phòng cháy)',
    en: 'Server room or network cabinet up to standard',
    ar: 'غرفة خوادم أو خزانة شبكة مطابقة للمعايير',
    kind: 'boolean',
    group: 'headquarters',
    evidence: true,
    hard: 0.42,
  },
  {
    code: 'TB1',
    vi: 'Tỷ lệ cán bộ có máy tính đáp ứng yêu cầu (%)',
    en: 'Staff with an adequate computer (%)',
    ar: 'الموظفون الذين لديهم حاسوب مناسب (%)',
    kind: 'score',
    threshold: 90,
    max: 100,
    group: 'equipment',
    hard: 0.2,
  },
  {
    code: 'TB2',
    vi: 'Có máy quét phục vụ số hóa hồ sơ tại bộ phận một cửa',
    en: 'Scanners for digitising records at the one-stop desk',
    ar: 'ماسحات ضوئية لرقمنة الملفات في مكتب الشباك الواحد',
    kind: 'boolean',
    group: 'equipment',
    hard: 0.15,
  },
  {
    code: 'TB3',
    vi: 'Thiết bị ký số, xác thực cho cán bộ tiếp nhận',
    en: 'Signing and authentication devices for intake staff',
    ar: 'أجهزة توقيع ومصادقة لموظفي الاستقبال',
    kind: 'boolean',
    group: 'equipment',
    hard: 0.1,
  },
  {
    code: 'NL1',
    vi: 'Có công chức chuyên trách công nghệ thông tin',
    en: 'A dedicated IT officer',
    ar: 'موظف متفرغ لتقنية المعلومات',
    kind: 'boolean',
    group: 'human_resources',
    hard: 0.38,
  },
  {
    code: 'NL2',
    vi: 'Tỷ lệ cán bộ được tập huấn kỹ năng số (%)',
    en: 'Staff trained in digital skills (%)',
    ar: 'الموظفون المدرَّبون على المهارات الرقمية (%)',
    kind: 'score',
    threshold: 80,
    max: 100,
    group: 'human_resources',
    hard: 0.22,
  },
  {
    code: 'HT1',
    vi: 'Đường truyền Internet từ 100 Mbps',
    en: 'Internet line of 100 Mbps or more',
    ar: 'خط إنترنت بسرعة 100 ميغابت أو أكثر',
    kind: 'boolean',
    group: 'network',
    hard: 0.12,
  },
  {
    code: 'HT2',
    vi: 'Mạng nội bộ (LAN, wifi) được phân vùng, bảo mật',
    en: 'Internal network (LAN, wifi) segmented and secured',
    ar: 'شبكة داخلية مجزأة ومؤمنة',
    kind: 'boolean',
    group: 'network',
    hard: 0.33,
  },
  {
    code: 'HT3',
    vi: 'Kết nối mạng truyền số liệu chuyên dùng đến bộ phận một cửa',
    en: 'Government data network reaching the one-stop desk',
    ar: 'وصول شبكة البيانات الحكومية إلى مكتب الشباك الواحد',
    kind: 'boolean',
    group: 'network',
    hard: 0.18,
  },
];

type Ds = {
  owner: string;
  code: string;
  name: string;
  published?: string;
  platforms: Platform[];
  marks: DatasetMark[];
};
const ALL: DatasetMark[] = ['correct', 'sufficient', 'clean', 'live', 'unified', 'shared'];
/** Hanoi departments' databases; some published before the catalogue's deadline, several not yet (article 002). */
const DATASETS: Ds[] = [
  {
    owner: HN.police,
    code: 'CSDL-DANCU-HN',
    name: 'Cơ sở dữ liệu dân cư Thành phố (đồng bộ CSDL quốc gia về dân cư)',
    published: '2025-09-15',
    platforms: ['national_population_db', 'city_data_warehouse', 'iHanoi'],
    marks: ALL,
  },
  {
    owner: HN.police,
    code: 'CSDL-LUUTRU',
    name: 'Cơ sở dữ liệu quản lý lưu trú',
    published: '2025-10-20',
    platforms: ['national_population_db', 'city_data_warehouse'],
    marks: ['correct', 'sufficient', 'clean', 'live', 'shared'],
  },
  {
    owner: HN.serviceCentre,
    code: 'CSDL-HSTTHC',
    name: 'Cơ sở dữ liệu hồ sơ thủ tục hành chính',
    published: '2025-08-01',
    platforms: ['national_portal', 'city_public_service_system', 'city_data_warehouse'],
    marks: ALL,
  },
  {
    owner: HN.agriEnv,
    code: 'CSDL-DATDAI',
    name: 'Cơ sở dữ liệu đất đai',
    published: '2025-10-31',
    platforms: ['land_db', 'city_data_warehouse'],
    marks: ['correct', 'sufficient', 'live', 'shared'],
  },
  {
    owner: HN.agriEnv,
    code: 'CSDL-TNMT',
    name: 'Cơ sở dữ liệu tài nguyên nước và môi trường',
    platforms: ['city_data_warehouse'],
    marks: ['correct'],
  },
  {
    owner: HN.agriEnv,
    code: 'CSDL-THIENTAI',
    name: 'Cơ sở dữ liệu cảnh báo thiên tai',
    platforms: [],
    marks: ['correct', 'live'],
  },
  {
    owner: HN.industry,
    code: 'CSDL-DOANHNGHIEP',
    name: 'Cơ sở dữ liệu doanh nghiệp và hộ kinh doanh',
    published: '2025-11-05',
    platforms: ['business_registry', 'city_data_warehouse'],
    marks: ['correct', 'sufficient', 'clean', 'unified', 'shared'],
  },
  {
    owner: HN.health,
    code: 'CSDL-YTE',
    name: 'Cơ sở dữ liệu hồ sơ sức khỏe điện tử',
    published: '2025-10-10',
    platforms: ['national_population_db', 'city_data_warehouse', 'iHanoi'],
    marks: ['correct', 'live', 'shared'],
  },
  {
    owner: HN.health,
    code: 'CSDL-CSKCB',
    name: 'Cơ sở dữ liệu cơ sở khám, chữa bệnh',
    platforms: ['city_data_warehouse'],
    marks: ['correct', 'sufficient'],
  },
  {
    owner: HN.education,
    code: 'CSDL-GIAODUC',
    name: 'Cơ sở dữ liệu ngành giáo dục (trường, lớp, học sinh)',
    published: '2025-09-30',
    platforms: ['national_population_db', 'city_data_warehouse'],
    marks: ['correct', 'sufficient', 'clean', 'live', 'unified', 'shared'],
  },
  {
    owner: HN.construction,
    code: 'CSDL-XAYDUNG',
    name: 'Cơ sở dữ liệu cấp phép xây dựng',
    platforms: ['city_public_service_system'],
    marks: ['correct'],
  },
  {
    owner: HN.construction,
    code: 'CSDL-GTVT',
    name: 'Cơ sở dữ liệu giao thông đô thị',
    platforms: [],
    marks: [],
  },
  {
    owner: HN.justice,
    code: 'CSDL-HOTICH',
    name: 'Cơ sở dữ liệu hộ tịch điện tử',
    published: '2025-07-15',
    platforms: ['national_population_db', 'national_portal', 'city_data_warehouse'],
    marks: ALL,
  },
  {
    owner: HN.finance,
    code: 'CSDL-TAICONG',
    name: 'Cơ sở dữ liệu tài chính, ngân sách, đầu tư công',
    published: '2025-11-10',
    platforms: ['city_data_warehouse'],
    marks: ['correct', 'sufficient', 'unified'],
  },
  {
    owner: HN.homeAffairs,
    code: 'CSDL-CBCCVC',
    name: 'Cơ sở dữ liệu cán bộ, công chức, viên chức',
    platforms: ['national_data_exchange'],
    marks: ['correct', 'sufficient', 'clean'],
  },
  {
    owner: HN.culture,
    code: 'CSDL-DISAN',
    name: 'Cơ sở dữ liệu di sản văn hóa và du lịch',
    platforms: [],
    marks: ['correct'],
  },
  {
    owner: HN.planning,
    code: 'CSDL-QUYHOACH',
    name: 'Cơ sở dữ liệu quy hoạch đô thị',
    platforms: ['land_db'],
    marks: ['correct', 'sufficient'],
  },
  {
    owner: HN.science,
    code: 'CSDL-KHCN',
    name: 'Cơ sở dữ liệu nhiệm vụ khoa học và công nghệ',
    published: '2025-10-01',
    platforms: ['city_data_warehouse'],
    marks: ['correct', 'sufficient', 'clean', 'live'],
  },
];

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** Plausible, deterministic values: wards usually ahead of rural communes, the second period better. */
function values(rng: Rng, list: C[], capacity: number, later: boolean) {
  return list.map((c) => {
    const lift = later ? 0.12 + rng.next() * 0.05 : 0;
    const p = clamp(0.3 + 0.8 * capacity - c.hard + lift + (rng.next() - 0.5) * 0.2, 0, 1);
    if (c.kind === 'boolean') return { c, met: rng.next() < p, score: null as number | null };
    const t = c.threshold!;
    const score = clamp(
      Math.round((t * (0.7 + 0.45 * p) + (rng.next() - 0.5) * 14) * 10) / 10,
      0,
      c.max ?? 100,
    );
    return { c, met: score >= t, score };
  });
}

export async function seedCriteria(db: Db, opts: { today: string }) {
  const cal = calendar(opts.today, HANOI_ARTICLE_DAY);
  const [p] = await db
    .select({ id: programmes.id })
    .from(programmes)
    .where(eq(programmes.code, HANOI_PROGRAMME));
  if (!p) throw new Error('seedCriteria: the Hanoi programme is missing');
  const people = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(
      inArray(users.email, [
        'standing@hanoi.steerboard.vn',
        'officer.hoankiem@hanoi.steerboard.vn',
        'officer.socson@hanoi.steerboard.vn',
      ]),
    );
  const userOf = (e: string) => people.find((u) => u.email === e)?.id ?? null;
  const standing = userOf('standing@hanoi.steerboard.vn');
  const own: Record<string, number | null> = {
    [HN.hoanKiem]: userOf('officer.hoankiem@hanoi.steerboard.vn'),
    [HN.socSon]: userOf('officer.socson@hanoi.steerboard.vn'),
  };
  const communes = await db
    .select({ id: units.id, code: units.code, kind: units.kind, name: units.nameVi })
    .from(units)
    .where(and(inArray(units.kind, ['ward', 'commune']), sql`${units.code} like 'HN-%'`))
    .orderBy(units.code);
  const rng = createRng(17_126);
  const capacity = new Map(
    communes.map((u) => [u.id, u.kind === 'ward' ? 0.45 + rng.next() * 0.55 : 0.1 + rng.next() * 0.75]),
  );

  const writeSet = async (
    code: string,
    names: { vi: string; en: string; ar: string },
    list: C[],
    periods: [string, string],
    enteredOn: [string, string],
  ) => {
    const [set] = await db
      .insert(criteriaSets)
      .values({
        programmeId: p.id,
        code,
        nameVi: names.vi,
        nameEn: names.en,
        nameAr: names.ar,
        unitKinds: ['ward', 'commune'],
        createdAt: at(cal.rel('2025-03-01')),
      })
      .returning({ id: criteriaSets.id });
    const rows = await db
      .insert(criteria)
      .values(
        list.map((c, i) => ({
          setId: set!.id,
          code: c.code,
          nameVi: c.vi,
          nameEn: c.en,
          nameAr: c.ar,
          kind: c.kind,
          threshold: c.threshold ?? null,
          maxScore: c.max ?? null,
          evidenceRequired: c.evidence ?? false,
          groupCode: c.group ?? null,
          sort: i,
        })),
      )
      .returning({ id: criteria.id, code: criteria.code });
    const idOf = new Map(rows.map((r) => [r.code, r.id]));
    const out: (typeof assessments.$inferInsert)[] = [];
    for (const u of communes)
      for (const [k, period] of periods.entries()) {
        const mine = own[u.code];
        for (const v of values(rng, list, capacity.get(u.id)!, k === 1))
          out.push({
            setId: set!.id,
            criterionId: idOf.get(v.c.code)!,
            unitId: u.id,
            period,
            met: v.met,
            score: v.score,
            evidence:
              v.met && v.c.evidence
                ? `${u.name}: ${v.c.code}/QĐ-UBND, https://${u.code.toLowerCase()}.hanoi.gov.vn/cds`
                : null,
            enteredAs: mine ? 'unit' : 'standing',
            enteredBy: mine ?? standing,
            enteredAt: at(enteredOn[k]!, 10),
          });
      }
    for (let i = 0; i < out.length; i += 1000) await db.insert(assessments).values(out.slice(i, i + 1000));
    return out.length;
  };

  // Two periods so that the trend shows: the year before and this year; the quarter of the survey and the one before.
  const thisYear = Number(opts.today.slice(0, 4));
  const surveyed = periodOf(cal.rel('2025-09-30'), 'quarterly');
  const before = periodOf(addDays(surveyed.start, -1), 'quarterly');
  const cds = await writeSet(
    'CDS-XA-17',
    {
      vi: 'Bộ 17 tiêu chí chuyển đổi số cấp xã',
      en: 'The 17 digital-transformation criteria for communes',
      ar: 'المعايير السبعة عشر للتحول الرقمي في البلديات',
    },
    CDS,
    [String(thisYear - 1), String(thisYear)],
    [`${thisYear}-01-15`, cal.day(-4)],
  );
  const survey = await writeSet(
    'KS-HT-126',
    {
      vi: 'Khảo sát hạ tầng 126 xã, phường (trụ sở, trang thiết bị, nhân lực, hạ tầng mạng)',
      en: 'Infrastructure survey of the 126 communes and wards (headquarters, equipment, human resources, network)',
      ar: 'مسح البنية التحتية لـ126 بلدية وحيًا (المقرات، المعدات، الموارد البشرية، الشبكة)',
    },
    SURVEY,
    [before.key, surveyed.key],
    [addDays(before.end, -5), addDays(surveyed.end, -5)],
  );

  const owners = await db
    .select({ id: units.id, code: units.code })
    .from(units)
    .where(inArray(units.code, [...new Set(DATASETS.map((d) => d.owner))]));
  const ownerOf = (code: string) => {
    const u = owners.find((o) => o.code === code);
    if (!u) throw new Error(`seedCriteria: unknown unit ${code}`);
    return u.id;
  };
  await db.insert(datasets).values(
    DATASETS.map((d) => {
      const publishedOn = d.published ? cal.rel(d.published) : null;
      return {
        programmeId: p.id,
        ownerUnitId: ownerOf(d.owner),
        code: d.code,
        name: d.name,
        description: '',
        publishedOn,
        platforms: d.platforms,
        marks: d.marks,
        createdBy: standing,
        createdAt: at(cal.rel('2025-06-01')),
        updatedAt: at(publishedOn ?? cal.rel('2025-06-01')),
      };
    }),
  );
  const [task] = await db
    .select({ id: tasks.id })
    .from(tasks)
    .where(
      and(eq(tasks.programmeId, p.id), eq(tasks.title, 'Công bố Danh mục dữ liệu dùng chung của Thành phố')),
    );
  await db
    .insert(catalogueSettings)
    .values({ programmeId: p.id, taskId: task?.id ?? null, publisherKinds: ['department', 'police'] });
  return { assessments: cds + survey, datasets: DATASETS.length, communes: communes.length };
}
