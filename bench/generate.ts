/**
 * Synthetic data for benchmarks: a unit tree, one programme and many tasks, written in SQL
 * (INSERT … SELECT FROM generate_series) so that 200,000 tasks load in seconds on both engines.
 *
 * Everything is deterministic: "random" choices come from hashint4extended(row number, salt), so
 * two runs on a fresh database produce the same rows (and the same ids).
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../server/db/client.js';
import { hashPassword } from '../server/lib/password.js';
import { foldText } from '../shared/text-fold.js';

export const BENCH_PASSWORD = 'bench-password-1';

export type NationalOptions = {
  today: string;
  provinces?: number;
  communesPerProvince?: number;
  departmentsPerProvince?: number;
  centralAgencies?: number;
  tasks?: number;
  onProgress?: (msg: string) => void;
};

export type HanoiOptions = {
  today: string;
  departments?: number;
  communes?: number;
  tasks?: number;
  onProgress?: (msg: string) => void;
};

export type UnitRef = { id: number; code: string; name: string };

export type Generated = {
  scale: 'national' | 'hanoi';
  today: string;
  programmeId: number;
  /** A unit with a subtree of its own (a province nationally, a department in Hanoi), for the unit filter. */
  filterUnit: UnitRef;
  /** The unit of the commune officer. */
  officerUnit: UnitRef;
  /** A search word (folded) found in about a fifth of the titles. */
  searchWord: string;
  users: { admin: string; steering: string; officer: string };
  password: string;
  taskIds: { min: number; max: number };
  rows: Record<string, number>;
  loadMs: number;
};

// ---------------------------------------------------------------------------------------------
// SQL text helpers (every value below is ours, never user input)

const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
const arr = (xs: readonly string[]) => `(array[${xs.map(lit).join(',')}]::text[])`;
/** xs[idx mod len] as SQL (idx a non-negative integer expression). */
const pick = (xs: readonly string[], idx: string) => `${arr(xs)}[1 + (${idx}) % ${xs.length}]`;
/** The same pick, with every word folded as foldText does (for search_text). */
const pickFold = (xs: readonly string[], idx: string) =>
  pick(
    xs.map((x) => foldText(x)),
    idx,
  );
/** A deterministic pseudo-random integer in [0, 2^31) from an integer expression and a salt. */
const H = (expr: string, salt: number) => `((hashint4extended((${expr})::int, ${salt}) & 2147483647)::int)`;
/** names[g] for the first names, then `fallback || g`. */
const named = (names: readonly string[], g: string, fallback: string, fold: boolean) =>
  `coalesce(${arr(fold ? names.map((n) => foldText(n)) : names)}[${g}], ${lit(fold ? foldWord(fallback) : fallback)} || ${g})`;
/** A folded prefix keeping its trailing space (foldText trims it; a number follows). */
const foldWord = (s: string) => foldText(s) + (s.endsWith(' ') ? ' ' : '');

// ---------------------------------------------------------------------------------------------
// Word pools

const MINISTRIES = [
  'Bộ Khoa học và Công nghệ',
  'Bộ Công an',
  'Bộ Tài chính',
  'Bộ Nội vụ',
  'Bộ Tư pháp',
  'Bộ Y tế',
  'Bộ Giáo dục và Đào tạo',
  'Bộ Xây dựng',
  'Bộ Công Thương',
  'Bộ Nông nghiệp và Môi trường',
  'Bộ Quốc phòng',
  'Bộ Ngoại giao',
  'Bộ Văn hóa, Thể thao và Du lịch',
  'Bộ Dân tộc và Tôn giáo',
  'Ngân hàng Nhà nước Việt Nam',
  'Thanh tra Chính phủ',
  'Văn phòng Chính phủ',
  'Bảo hiểm xã hội Việt Nam',
  'Kho bạc Nhà nước',
  'Tổng cục Thống kê',
];
const PROVINCES = [
  'Thành phố Hà Nội',
  'Thành phố Huế',
  'Tỉnh Lai Châu',
  'Tỉnh Điện Biên',
  'Tỉnh Sơn La',
  'Tỉnh Lạng Sơn',
  'Tỉnh Quảng Ninh',
  'Tỉnh Thanh Hóa',
  'Tỉnh Nghệ An',
  'Tỉnh Hà Tĩnh',
  'Tỉnh Cao Bằng',
  'Tỉnh Tuyên Quang',
  'Tỉnh Lào Cai',
  'Tỉnh Thái Nguyên',
  'Tỉnh Phú Thọ',
  'Tỉnh Bắc Ninh',
  'Tỉnh Hưng Yên',
  'Thành phố Hải Phòng',
  'Tỉnh Ninh Bình',
  'Tỉnh Quảng Trị',
  'Thành phố Đà Nẵng',
  'Tỉnh Quảng Ngãi',
  'Tỉnh Gia Lai',
  'Tỉnh Khánh Hòa',
  'Tỉnh Lâm Đồng',
  'Tỉnh Đắk Lắk',
  'Thành phố Hồ Chí Minh',
  'Tỉnh Đồng Nai',
  'Tỉnh Tây Ninh',
  'Thành phố Cần Thơ',
  'Tỉnh Vĩnh Long',
  'Tỉnh Đồng Tháp',
  'Tỉnh Cà Mau',
  'Tỉnh An Giang',
];
const DEPARTMENTS = [
  'Sở Khoa học và Công nghệ',
  'Sở Tài chính',
  'Sở Nội vụ',
  'Sở Y tế',
  'Sở Giáo dục và Đào tạo',
  'Sở Xây dựng',
  'Sở Công Thương',
  'Sở Nông nghiệp và Môi trường',
  'Sở Tư pháp',
  'Sở Văn hóa, Thể thao và Du lịch',
  'Công an',
  'Văn phòng Ủy ban nhân dân',
  'Sở Dân tộc và Tôn giáo',
  'Sở Ngoại vụ',
  'Thanh tra',
  'Ban Quản lý các khu công nghiệp',
  'Trung tâm Phục vụ hành chính công',
  'Đài Phát thanh và Truyền hình',
  'Bảo hiểm xã hội',
  'Kho bạc Nhà nước khu vực',
  'Cục Thuế',
  'Cục Thống kê',
];
const PLACES = [
  'Hoàn Kiếm',
  'Ba Đình',
  'Tây Hồ',
  'Long Biên',
  'Cầu Giấy',
  'Đống Đa',
  'Hai Bà Trưng',
  'Hoàng Mai',
  'Thanh Xuân',
  'Sóc Sơn',
  'Đông Anh',
  'Gia Lâm',
  'Từ Liêm',
  'Mê Linh',
  'Hà Đông',
  'Sơn Tây',
  'Ba Vì',
  'Phúc Thọ',
  'Đan Phượng',
  'Hoài Đức',
  'Quốc Oai',
  'Thạch Thất',
  'Chương Mỹ',
  'Thanh Oai',
  'Thường Tín',
  'Phú Xuyên',
  'Ứng Hòa',
  'Mỹ Đức',
  'Thanh Trì',
  'Hòa Bình',
  'Tân Phú',
  'An Khánh',
];
const VERBS = [
  'Triển khai',
  'Xây dựng',
  'Hoàn thiện',
  'Số hóa',
  'Nâng cấp',
  'Kết nối',
  'Chuẩn hóa',
  'Đào tạo về',
  'Tích hợp',
  'Đánh giá',
  'Rà soát',
  'Vận hành',
];
const OBJECTS = [
  'cơ sở dữ liệu dân cư',
  'dịch vụ công trực tuyến toàn trình',
  'hạ tầng mạng 5G',
  'hệ thống quản lý văn bản',
  'nền tảng định danh điện tử',
  'kho dữ liệu đất đai',
  'hồ sơ sức khỏe điện tử',
  'chữ ký số cho cán bộ',
  'trung tâm điều hành thông minh',
  'thanh toán không dùng tiền mặt',
  'cổng thông tin điện tử',
  'dữ liệu hộ tịch',
  'an toàn thông tin mạng',
  'hệ thống camera giám sát',
  'học bạ số',
  'sàn thương mại điện tử nông sản',
];
const SUFFIXES = [
  '',
  ' năm 2025',
  ' giai đoạn 2025–2026',
  ' theo Nghị quyết 57',
  ' đợt 1',
  ' đợt 2',
  ' toàn địa bàn',
];
const DELIVERABLES = [
  'Báo cáo kết quả triển khai',
  'Quyết định phê duyệt',
  'Hệ thống đưa vào vận hành',
  'Kế hoạch chi tiết',
  'Bộ dữ liệu được làm sạch',
  'Văn bản hướng dẫn',
];
const PEOPLE = [
  'Nguyễn Văn An',
  'Trần Thị Bình',
  'Lê Minh Châu',
  'Phạm Quốc Dũng',
  'Hoàng Thu Hà',
  'Vũ Đức Hải',
  'Đặng Thị Lan',
  'Bùi Quang Minh',
];
/** The folded word that the "filtered page" scenario searches: 3 of the 16 objects and 1 deliverable. */
const SEARCH_WORD = 'du lieu';

// ---------------------------------------------------------------------------------------------
// The unit tree: tiers of units laid out in contiguous id ranges, so that a task's lead unit is
// arithmetic on a hash (no lookup table) and a unit's parent is `parentBase + (g-1) / perParent`.

type Tier = {
  kind: string;
  /** Units per parent unit (the root tier has one unit and no parent). */
  perParent: number;
  parent: number | null;
  /** SQL expressions of g (1-based index in the tier), {k} (index under its parent) and {p} (parent's index in its tier). */
  code: string;
  nameVi: string;
  nameFold: string;
  nameEn: string;
  /** Task level led by this tier and its share of the tasks, in per mille. */
  level: string | null;
  share: number;
};

type Layout = { tiers: Tier[]; agencyTiers: number[]; localTiers: number[] };

function nationalLayout(o: Required<Omit<NationalOptions, 'today' | 'onProgress' | 'tasks'>>): Layout {
  const communePrefix = (k: string) => `(case when ${k} % 4 = 0 then 'Phường ' else 'Xã ' end)`;
  const communeFoldPrefix = (k: string) => `(case when ${k} % 4 = 0 then 'phuong ' else 'xa ' end)`;
  return {
    tiers: [
      {
        kind: 'central_agency',
        perParent: 1,
        parent: null,
        code: `'CP'`,
        nameVi: `'Chính phủ'`,
        nameFold: lit(foldText('Chính phủ')),
        nameEn: `'Government'`,
        level: 'central',
        share: 10,
      },
      {
        kind: 'ministry',
        perParent: o.centralAgencies,
        parent: 0,
        code: `'TW-' || lpad(g::text, 3, '0')`,
        nameVi: named(MINISTRIES, 'g', 'Cơ quan trung ương ', false),
        nameFold: named(MINISTRIES, 'g', 'Cơ quan trung ương ', true),
        nameEn: `'Central agency ' || g`,
        level: 'central',
        share: 140,
      },
      {
        kind: 'province',
        perParent: o.provinces,
        parent: 0,
        code: `'T' || lpad(g::text, 2, '0')`,
        nameVi: named(PROVINCES, 'g', 'Tỉnh ', false),
        nameFold: named(PROVINCES, 'g', 'Tỉnh ', true),
        nameEn: `'Province ' || g`,
        level: 'province',
        share: 120,
      },
      {
        kind: 'department',
        perParent: o.departmentsPerProvince,
        parent: 2,
        code: `'T' || lpad({p}::text, 2, '0') || '-S' || lpad({k}::text, 2, '0')`,
        nameVi: `${pick(DEPARTMENTS, '{k} - 1')} || ' – ' || ${named(PROVINCES, '{p}', 'Tỉnh ', false)}`,
        nameFold: `${pickFold(DEPARTMENTS, '{k} - 1')} || ' – ' || ${named(PROVINCES, '{p}', 'Tỉnh ', true)}`,
        nameEn: `'Department ' || {k} || ', province ' || {p}`,
        level: 'province',
        share: 230,
      },
      {
        kind: 'commune',
        perParent: o.communesPerProvince,
        parent: 2,
        code: `'T' || lpad({p}::text, 2, '0') || '-X' || lpad({k}::text, 3, '0')`,
        nameVi: `${communePrefix('{k}')} || ${pick(PLACES, '{k} - 1')} || ' ' || {k} || ', ' || ${named(PROVINCES, '{p}', 'Tỉnh ', false)}`,
        nameFold: `${communeFoldPrefix('{k}')} || ${pickFold(PLACES, '{k} - 1')} || ' ' || {k} || ', ' || ${named(PROVINCES, '{p}', 'Tỉnh ', true)}`,
        nameEn: `'Commune ' || {k} || ', province ' || {p}`,
        level: 'commune',
        share: 500,
      },
    ],
    agencyTiers: [1, 2, 3],
    localTiers: [4],
  };
}

function hanoiLayout(o: { departments: number; communes: number }): Layout {
  return {
    tiers: [
      {
        kind: 'city',
        perParent: 1,
        parent: null,
        code: `'HN'`,
        nameVi: `'Thành phố Hà Nội'`,
        nameFold: lit(foldText('Thành phố Hà Nội')),
        nameEn: `'Hanoi City'`,
        level: 'city',
        share: 100,
      },
      {
        kind: 'department',
        perParent: o.departments,
        parent: 0,
        code: `'HN-S' || lpad(g::text, 2, '0')`,
        nameVi: `${pick(DEPARTMENTS, 'g - 1')} || case when g > ${DEPARTMENTS.length} then ' ' || g else '' end`,
        nameFold: `${pickFold(DEPARTMENTS, 'g - 1')} || case when g > ${DEPARTMENTS.length} then ' ' || g else '' end`,
        nameEn: `'Department ' || g`,
        level: 'department',
        share: 350,
      },
      {
        kind: 'ward',
        perParent: o.communes,
        parent: 0,
        code: `'HN-X' || lpad(g::text, 3, '0')`,
        nameVi: `(case when g % 3 = 0 then 'Xã ' else 'Phường ' end) || ${pick(PLACES, 'g - 1')} || case when g > ${PLACES.length} then ' ' || ((g - 1) / ${PLACES.length} + 1) else '' end`,
        nameFold: `(case when g % 3 = 0 then 'xa ' else 'phuong ' end) || ${pickFold(PLACES, 'g - 1')} || case when g > ${PLACES.length} then ' ' || ((g - 1) / ${PLACES.length} + 1) else '' end`,
        nameEn: `'Ward ' || g`,
        level: 'commune',
        share: 550,
      },
    ],
    agencyTiers: [1],
    localTiers: [2],
  };
}

type PlacedTier = Tier & { base: number; count: number };

function place(layout: Layout, firstId: number): PlacedTier[] {
  const placed: PlacedTier[] = [];
  let next = firstId;
  for (const t of layout.tiers) {
    const parentCount = t.parent === null ? 1 : placed[t.parent]!.count;
    const count = t.parent === null ? 1 : parentCount * t.perParent;
    placed.push({ ...t, base: next, count });
    next += count;
  }
  return placed;
}

/** One contiguous id range made of several consecutive tiers. */
function span(tiers: PlacedTier[], which: number[]) {
  const ts = which.map((i) => tiers[i]!);
  const start = Math.min(...ts.map((t) => t.base));
  const end = Math.max(...ts.map((t) => t.base + t.count));
  if (ts.reduce((a, t) => a + t.count, 0) !== end - start) throw new Error('tiers are not contiguous');
  return { start, count: end - start };
}

// ---------------------------------------------------------------------------------------------

type Spec = {
  scale: 'national' | 'hanoi';
  layout: Layout;
  tasks: number;
  today: string;
  log: (m: string) => void;
};

export function generateNational(db: Db, opts: NationalOptions): Promise<Generated> {
  const o = {
    provinces: opts.provinces ?? 34,
    communesPerProvince: opts.communesPerProvince ?? 97,
    departmentsPerProvince: opts.departmentsPerProvince ?? 10,
    centralAgencies: opts.centralAgencies ?? 100,
  };
  return generate(db, {
    scale: 'national',
    layout: nationalLayout(o),
    tasks: opts.tasks ?? 200_000,
    today: opts.today,
    log: opts.onProgress ?? (() => {}),
  });
}

export function generateHanoiScale(db: Db, opts: HanoiOptions): Promise<Generated> {
  return generate(db, {
    scale: 'hanoi',
    layout: hanoiLayout({ departments: opts.departments ?? 22, communes: opts.communes ?? 126 }),
    tasks: opts.tasks ?? 2_000,
    today: opts.today,
    log: opts.onProgress ?? (() => {}),
  });
}

async function generate(db: Db, spec: Spec): Promise<Generated> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(spec.today)) throw new Error(`today must be YYYY-MM-DD, got ${spec.today}`);
  const started = performance.now();
  const result = await db.transaction((tx) => load(tx as unknown as Db, spec));
  const t0 = performance.now();
  await db.execute(sql.raw('vacuum analyze'));
  spec.log(`  vacuum analyze (${Math.round(performance.now() - t0)} ms)`);
  const counted = (
    await db.execute(
      sql.raw(`select (select count(*) from units)::int as units, (select count(*) from tasks)::int as tasks,
         (select count(*) from task_coordinators)::int as task_coordinators,
         (select count(*) from task_deadline_changes)::int as task_deadline_changes,
         (select count(*) from task_milestones)::int as task_milestones,
         (select count(*) from task_history)::int as task_history, (select count(*) from users)::int as users`),
    )
  ).rows[0] as Record<string, number>;
  return { ...result, rows: counted, loadMs: performance.now() - started };
}

/** The bulk tables: loaded without their secondary indexes and foreign keys, which are rebuilt after. */
const BULK_TABLES = [
  'tasks',
  'task_coordinators',
  'task_deadline_changes',
  'task_milestones',
  'task_history',
];

/**
 * Everything in one transaction on one connection. Bulk-load settings: no JIT (PostgreSQL would
 * spend seconds compiling the big INSERT … SELECT), room to sort in memory, and the bulk tables'
 * secondary indexes and foreign keys dropped and re-created from their own definitions
 * (pg_get_indexdef / pg_get_constraintdef), so the schema ends exactly as the migrations made it.
 */
async function load(db: Db, spec: Spec): Promise<Omit<Generated, 'rows' | 'loadMs'>> {
  const exec = async (text: string) => (await db.execute(sql.raw(text))).rows as Record<string, unknown>[];
  const one = async <T>(text: string) => (await exec(text))[0] as T;
  const step = async (label: string, text: string) => {
    const t0 = performance.now();
    await exec(text);
    spec.log(`  ${label} (${Math.round(performance.now() - t0)} ms)`);
  };
  const T = `${lit(spec.today)}::date`;

  await exec(`set local jit = off`);
  await exec(`set local work_mem = '256MB'`);
  await exec(`set local maintenance_work_mem = '256MB'`);
  const tableList = `array[${BULK_TABLES.map(lit).join(',')}]::regclass[]`;
  const indexes = await exec(
    `select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as def
     from pg_index i where i.indrelid = any(${tableList}) and not i.indisprimary order by 1`,
  );
  const fks = await exec(
    `select c.conrelid::regclass::text as tbl, c.conname as name, pg_get_constraintdef(c.oid) as def
     from pg_constraint c where c.contype = 'f' and c.conrelid = any(${tableList}) order by 1, 2`,
  );
  for (const f of fks) await exec(`alter table ${String(f.tbl)} drop constraint "${String(f.name)}"`);
  for (const i of indexes) await exec(`drop index ${String(i.name)}`);

  // Units ---------------------------------------------------------------------------------------
  const { max } = await one<{ max: number }>('select coalesce(max(id), 0)::int as max from units');
  const tiers = place(spec.layout, max + 1);
  for (const [i, t] of tiers.entries()) {
    const parent = t.parent === null ? undefined : tiers[t.parent]!;
    const g = 'g';
    const k = parent ? `((g - 1) % ${t.perParent} + 1)` : '1';
    const p = parent ? `((g - 1) / ${t.perParent} + 1)` : '1';
    const expr = (e: string) => `(${e.replaceAll('{k}', k).replaceAll('{p}', p)})`;
    const id = `${t.base} + g - 1`;
    const code = expr(t.code);
    const nameVi = expr(t.nameVi);
    const nameEn = expr(t.nameEn);
    const search = `lower(${code}) || ' ' || ${expr(t.nameFold)} || ' ' || lower(${nameEn})`;
    await step(
      `units tier ${i} (${t.kind}): ${t.count}`,
      parent
        ? `insert into units (id, code, name_vi, name_en, kind, parent_id, path, depth, search_text)
           select ${id}, ${code}, ${nameVi}, ${nameEn}, '${t.kind}', par.id, par.path || (${id}) || '/', par.depth + 1, ${search}
           from generate_series(1, ${t.count}) ${g}
           join units par on par.id = ${parent.base} + ${p} - 1`
        : `insert into units (id, code, name_vi, name_en, kind, parent_id, path, depth, search_text)
           select ${id}, ${code}, ${nameVi}, ${nameEn}, '${t.kind}', null, '/' || (${id}) || '/', 0, ${search}
           from generate_series(1, 1) ${g}`,
    );
  }
  await exec(`select setval(pg_get_serial_sequence('units', 'id'), (select max(id) from units))`);
  const root = tiers[0]!;

  // Programme, groups, directive ---------------------------------------------------------------
  const standing = tiers[1]!.base; // the first agency: Ministry of Science / Department of Science
  const code = spec.scale === 'national' ? 'QG-CDS' : 'HN-NQ57';
  const programme = await one<{ id: number }>(
    `insert into programmes (code, name_vi, name_en, standing_unit_id, root_unit_id, starts_on, ends_on)
     values (${lit(code)}, ${lit(spec.scale === 'national' ? 'Chương trình Chuyển đổi số quốc gia' : 'Chương trình thực hiện Nghị quyết 57 của Thành phố')},
       ${lit(spec.scale === 'national' ? 'National digital transformation programme' : 'City programme for Resolution 57')},
       ${standing}, ${root.base}, '2025-01-01', '2030-12-31')
     returning id`,
  );
  const pid = programme.id;
  const groups = await exec(
    `insert into programme_groups (programme_id, code, name_vi, name_en, sort) values
     (${pid}, 'TC', 'Tổ Thể chế', 'Institutions', 0),
     (${pid}, 'HT', 'Tổ Hạ tầng', 'Infrastructure', 1),
     (${pid}, 'NL', 'Tổ Nhân lực', 'Human resources', 2),
     (${pid}, 'DM', 'Tổ Đổi mới sáng tạo', 'Innovation', 3)
     returning id`,
  );
  const groupIds = groups.map((r) => Number(r.id));
  const directive = await one<{ id: number }>(
    `insert into directives (programme_id, number, issued_on, issuer, title)
     values (${pid}, '57-NQ/TW', '2024-12-22', 'Bộ Chính trị',
       'Nghị quyết về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia')
     returning id`,
  );

  // Tasks ----------------------------------------------------------------------------------------
  // Level and lead unit: cumulative per-mille shares over the tiers that lead tasks.
  const leaders = tiers.filter((t) => t.level && t.share > 0);
  const totalShare = leaders.reduce((a, t) => a + t.share, 0);
  let acc = 0;
  const levelCases: string[] = [];
  const leadCases: string[] = [];
  for (const t of leaders) {
    acc += t.share;
    const bound = Math.round((acc / totalShare) * 1000);
    levelCases.push(`when b.r_level < ${bound} then '${t.level}'`);
    leadCases.push(`when b.r_level < ${bound} then ${t.base} + b.r_unit % ${t.count}`);
  }
  const groupCase = `case when b.r_misc % 10 = 0 then null else (array[${groupIds.join(',')}])[1 + (b.r_misc / 10) % 4] end`;

  await step(
    `tasks: ${spec.tasks}`,
    `insert into tasks (programme_id, code, title, group_id, directive_id, assigned_level, lead_unit_id,
       responsible_person, start_date, deadline, original_deadline, deadline_effective_from, deliverable,
       priority, kind, progress, first_activity_on, completed_on, completed_at, search_text, created_at, updated_at)
     select ${pid}, b.code, s4.title, ${groupCase},
       case when (b.r_misc / 40) % 10 < 7 then ${directive.id} end,
       case ${levelCases.join(' ')} end,
       case ${leadCases.join(' ')} end,
       ${pick(PEOPLE, 'b.d4 / 7')},
       s3.start_date, s1.deadline,
       case when b.r_change < 40 then s1.deadline - (15 + b.d4 % 120) else s1.deadline end,
       case when b.r_change < 40 then least(${T}, coalesce(s2.completed_on, ${T})) - b.d5 % 90 end,
       s4.deliverable,
       ${pick(['low', 'normal', 'normal', 'normal', 'high', 'urgent'], 'b.r_misc / 8000')},
       case when (b.r_misc / 400) % 20 = 0 then 'pilot' else 'task' end,
       s3.progress, s3.first_activity_on, s2.completed_on,
       (s2.completed_on + time '09:30') at time zone 'Asia/Ho_Chi_Minh',
       lower(b.code) || ' ' || s4.title_fold || coalesce(' ' || s4.deliverable_fold, ''),
       (s3.start_date + time '08:00') at time zone 'Asia/Ho_Chi_Minh',
       (coalesce(s2.completed_on, s3.first_activity_on, s3.start_date) + time '16:00') at time zone 'Asia/Ho_Chi_Minh'
     from (
       select g, 'NV-' || lpad(g::text, 6, '0') as code,
         ${H('g', 1)} % 100 as r_state, ${H('g', 2)} % 1000 as r_level, ${H('g', 3)} as r_unit,
         ${H('g', 4)} as d1, ${H('g', 5)} as d2, ${H('g', 6)} as d3, ${H('g', 7)} as r_t1, ${H('g', 8)} as r_t2,
         ${H('g', 9)} as r_misc, ${H('g', 10)} % 1000 as r_change, ${H('g', 11)} as d4, ${H('g', 12)} as d5
       from generate_series(1, ${spec.tasks}) g
     ) b
     -- State mix as of today: 25% done on time, 10% done late, 20% overdue, 15% not started, 30% in progress.
     cross join lateral (select case
         when b.r_state < 25 then ${T} + (b.d1 % 500 - 400)
         when b.r_state < 35 then ${T} - (10 + b.d1 % 400)
         when b.r_state < 55 then ${T} - (1 + b.d1 % 300)
         when b.r_state < 70 then ${T} + (1 + b.d1 % 400)
         else ${T} + b.d1 % 400 end as deadline) s1
     cross join lateral (select case
         when b.r_state < 25 then least(s1.deadline, ${T}) - b.d2 % 60
         when b.r_state < 35 then s1.deadline + 1 + b.d2 % (${T} - s1.deadline)
         end as completed_on) s2
     cross join lateral (select fa as first_activity_on,
         least(coalesce(fa, ${T}), s1.deadline) - (15 + b.d4 % 120) as start_date,
         case when b.r_state < 35 then 100 when fa is null then 0 else 5 + b.d2 % 90 end as progress
       from (select case
         when b.r_state < 25 then s2.completed_on - (20 + b.d3 % 150)
         when b.r_state < 35 then s1.deadline - (20 + b.d3 % 150)
         when b.r_state < 55 then case when b.d2 % 5 = 0 then null else s1.deadline - b.d3 % 120 end
         when b.r_state < 70 then null
         else ${T} - b.d3 % 200 end as fa) f) s3
     cross join lateral (select
         ${pick(VERBS, 'b.r_t1')} || ' ' || ${pick(OBJECTS, 'b.r_t2')} || ${pick(SUFFIXES, 'b.r_t1 / 16')} as title,
         ${pickFold(VERBS, 'b.r_t1')} || ' ' || ${pickFold(OBJECTS, 'b.r_t2')} || ${pick(
           SUFFIXES.map((s) => (s ? ' ' + foldText(s) : '')),
           'b.r_t1 / 16',
         )} as title_fold,
         case when b.r_t2 / 16 % 10 < 6 then ${pick(DELIVERABLES, 'b.r_t2 / 256')} end as deliverable,
         case when b.r_t2 / 16 % 10 < 6 then ${pickFold(DELIVERABLES, 'b.r_t2 / 256')} end as deliverable_fold) s4
     order by g`,
  );
  const ids = await one<{ min: number; max: number }>(
    `select min(id)::int as min, max(id)::int as max from tasks where programme_id = ${pid}`,
  );

  // Coordinators: 0–2 per task (1 on average), 70% agencies, 30% communes; never the lead unit.
  const agencies = span(tiers, spec.layout.agencyTiers);
  const locals = span(tiers, spec.layout.localTiers);
  await step(
    'task_coordinators',
    `insert into task_coordinators (task_id, unit_id)
     select distinct t.id, c.unit_id
     from tasks t
     cross join lateral generate_series(1, ${H('t.id', 21)} % 3) k
     cross join lateral (select case when ${H('t.id * 4 + k', 22)} % 10 < 7
         then ${agencies.start} + ${H('t.id * 4 + k', 23)} % ${agencies.count}
         else ${locals.start} + ${H('t.id * 4 + k', 23)} % ${locals.count} end as unit_id) c
     where t.programme_id = ${pid} and c.unit_id <> t.lead_unit_id`,
  );

  // Deadline changes: the one in force (= tasks.deadline from deadline_effective_from), and for a
  // quarter of those an earlier one halfway between the original and the current deadline.
  await step(
    'task_deadline_changes',
    `insert into task_deadline_changes (task_id, deadline, effective_from, reason, created_at)
     select id, d.deadline, d.effective_from, d.reason, (d.effective_from + time '10:00') at time zone 'Asia/Ho_Chi_Minh'
     from tasks t cross join lateral (
       select t.deadline, t.deadline_effective_from as effective_from, 'Điều chỉnh theo đề nghị của đơn vị chủ trì' as reason, 2 as n
       union all
       select t.original_deadline + (t.deadline - t.original_deadline) / 2, t.deadline_effective_from - (10 + ${H('t.id', 31)} % 60),
         'Gia hạn lần đầu', 1
       where ${H('t.id', 32)} % 4 = 0) d
     where t.programme_id = ${pid} and t.deadline_effective_from is not null
     order by t.id, d.n`,
  );

  // Roadmaps and history for a fifth of the tasks (what the detail page reads beside the task).
  await step(
    'task_milestones',
    `insert into task_milestones (task_id, title, due_on, done_on, sort)
     select t.id, 'Bước ' || k, t.start_date + ((t.deadline - t.start_date) * k / (n + 1)),
       case when t.completed_on is not null or k = 1 then t.start_date + ((t.deadline - t.start_date) * k / (n + 1)) end, k - 1
     from tasks t
     cross join lateral (select 2 + ${H('t.id', 41)} % 3 as n) m
     cross join lateral generate_series(1, m.n) k
     where t.programme_id = ${pid} and ${H('t.id', 42)} % 5 = 0 and t.deadline > t.start_date`,
  );
  await step(
    'task_history',
    `insert into task_history (task_id, at, action, changes)
     select t.id, t.created_at + make_interval(days => k * 7), case when k = 0 then 'created' else 'updated' end,
       case when k = 0 then '{}'::jsonb else jsonb_build_object('progress', jsonb_build_object('from', (k - 1) * 10, 'to', k * 10)) end
     from tasks t cross join lateral generate_series(0, ${H('t.id', 51)} % 4) k
     where t.programme_id = ${pid} and ${H('t.id', 52)} % 5 = 0`,
  );

  // Users: one per role, one password hash for all ------------------------------------------------
  const hash = await hashPassword(BENCH_PASSWORD);
  const officerUnitId = locals.start + 17;
  const filterTier = spec.scale === 'national' ? tiers[2]! : tiers[1]!;
  const filterUnitId = filterTier.base + Math.min(7, filterTier.count - 1);
  const users = {
    admin: `admin@${spec.scale}.bench`,
    steering: `steering@${spec.scale}.bench`,
    officer: `officer@${spec.scale}.bench`,
  };
  const inserted = await exec(
    `insert into users (email, display_name, unit_id, locale, password_hash) values
     (${lit(users.admin)}, 'Quản trị hệ thống', null, 'vi', ${lit(hash)}),
     (${lit(users.steering)}, 'Thành viên Ban Chỉ đạo', null, 'vi', ${lit(hash)}),
     (${lit(users.officer)}, 'Cán bộ xã', ${officerUnitId}, 'vi', ${lit(hash)})
     returning id, email`,
  );
  const uid = (email: string) => Number(inserted.find((r) => r.email === email)!.id);
  await exec(
    `insert into role_assignments (user_id, role, unit_id, programme_id) values
     (${uid(users.admin)}, 'admin', null, null),
     (${uid(users.steering)}, 'steering', null, ${pid}),
     (${uid(users.officer)}, 'unit_officer', ${officerUnitId}, null)`,
  );

  const t1 = performance.now();
  for (const i of indexes) await exec(String(i.def));
  for (const f of fks)
    await exec(`alter table ${String(f.tbl)} add constraint "${String(f.name)}" ${String(f.def)}`);
  spec.log(
    `  ${indexes.length} indexes and ${fks.length} foreign keys rebuilt (${Math.round(performance.now() - t1)} ms)`,
  );

  const unitRef = async (id: number) => {
    const r = await one<{ id: number; code: string; name_vi: string }>(
      `select id, code, name_vi from units where id = ${id}`,
    );
    return { id: r.id, code: r.code, name: r.name_vi };
  };
  return {
    scale: spec.scale,
    today: spec.today,
    programmeId: pid,
    filterUnit: await unitRef(filterUnitId),
    officerUnit: await unitRef(officerUnitId),
    searchWord: SEARCH_WORD,
    users,
    password: BENCH_PASSWORD,
    taskIds: ids,
  };
}
