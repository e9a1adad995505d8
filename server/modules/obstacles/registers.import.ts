import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { AppError } from '../../lib/app-error.js';
import type { Clock } from '../../lib/clock.js';
import {
  dateText,
  rowErrors,
  sheetImport,
  text,
  type Cell,
  type Checked,
  type SheetRow,
  type SheetSpec,
} from '../../lib/sheet-import.js';
import { OBSTACLE_CATEGORIES, OBSTACLE_SEVERITIES } from '../../../shared/registers.js';
import { isoDate, shortText } from '../../../shared/schemas/common.js';
import type { CreateObstacleInput } from '../../../shared/schemas/obstacles.js';
import type { CreateRecommendationInput } from '../../../shared/schemas/recommendations.js';
import type { Actor } from '../auth/actor.js';
import type { ProgrammesService } from '../programmes/programmes.service.js';
import {
  createRecommendationsRepo,
  type RecommendationsRepo,
} from '../recommendations/recommendations.repo.js';
import type { RecommendationsService } from '../recommendations/recommendations.service.js';
import { createObstaclesRepo, type ObstaclesRepo } from './obstacles.repo.js';
import type { ObstaclesService } from './obstacles.service.js';

export const OBSTACLES_SHEET: SheetSpec<
  'title' | 'description' | 'category' | 'severity' | 'raisedBy' | 'owner' | 'dueOn' | 'tasks'
> = {
  sheet: 'Obstacles',
  keys: ['title', 'description', 'category', 'severity', 'raisedBy', 'owner', 'dueOn', 'tasks'],
  headers: {
    vi: [
      'Vướng mắc',
      'Mô tả',
      'Nhóm',
      'Mức độ',
      'Mã đơn vị nêu',
      'Mã đơn vị chủ trì xử lý',
      'Hạn xử lý',
      'Mã nhiệm vụ liên quan',
    ],
    en: [
      'Obstacle',
      'Description',
      'Group',
      'Severity',
      'Raised by (unit code)',
      'Owner (unit code)',
      'Due',
      'Task codes',
    ],
    ar: [
      'العائق',
      'الوصف',
      'المجموعة',
      'الخطورة',
      'رمز الجهة المبلِّغة',
      'رمز الوحدة المسؤولة',
      'الموعد',
      'رموز المهام',
    ],
  },
  widths: [40, 40, 20, 12, 18, 18, 14, 22],
};

export const RECOMMENDATIONS_SHEET: SheetSpec<'from' | 'to' | 'content' | 'submittedOn' | 'answerDueOn'> = {
  sheet: 'Recommendations',
  keys: ['from', 'to', 'content', 'submittedOn', 'answerDueOn'],
  headers: {
    vi: ['Mã đơn vị kiến nghị', 'Mã cơ quan xử lý', 'Nội dung', 'Ngày gửi', 'Hạn trả lời'],
    en: ['From (unit code)', 'Handling agency (unit code)', 'Content', 'Sent on', 'Answer due'],
    ar: ['رمز الوحدة المرسِلة', 'رمز الجهة المختصة', 'المحتوى', 'تاريخ الإرسال', 'موعد الرد'],
  },
  widths: [20, 22, 60, 14, 14],
};

const obstacleRow = z.object({
  title: shortText(500),
  description: z.string().trim().max(8000),
  category: z.string(),
  severity: z.string(),
  raisedBy: shortText(40).nullable(),
  owner: shortText(40),
  dueOn: isoDate.nullable(),
  tasks: z.array(shortText(40)).max(50),
});
const recommendationRow = z.object({
  from: shortText(40),
  to: shortText(40),
  content: z.string().trim().min(1).max(8000),
  submittedOn: isoDate.nullable(),
  answerDueOn: isoDate.nullable(),
});

const cellsOf = <K extends string>(spec: SheetSpec<K>, r: SheetRow) =>
  Object.fromEntries(spec.keys.map((k, i) => [k, r.values[i] ?? null])) as Record<K, Cell>;
const codesIn = (raw: SheetRow[], cols: number[], split = false) => [
  ...new Set(
    raw.flatMap((r) =>
      cols.flatMap((c) => {
        const v = text(r.values[c] ?? null);
        return v ? (split ? v.split(/[,;]/).map((x) => x.trim()) : [v]) : [];
      }),
    ),
  ),
];
const oneOf = <T extends string>(list: readonly T[], v: string): v is T =>
  (list as readonly string[]).includes(v);

type Write<R> = (r: R, tx: Db) => Promise<number>;
type Ctx = { programmeId: number; rootUnitPath: string | null; today: string };

/**
 * The obstacle and recommendation registers' XLSX imports. Each row is checked exactly as the
 * form's request is (the services' `prepare`: units inside the programme, tasks of it, the
 * actor's right to raise for that unit), and the writes it returns run in one transaction.
 */
export function createRegistersImport(deps: {
  db: Db;
  clock: Clock;
  programmes: ProgrammesService;
  obstacles: ObstaclesService;
  recommendations: RecommendationsService;
}) {
  const { db, clock, programmes } = deps;
  const lookups = createObstaclesRepo(db);
  const open = async (actor: Actor, programmeId: number): Promise<Ctx> => {
    const p = await programmes.access(actor, programmeId);
    return { programmeId: p.id, rootUnitPath: p.rootUnitPath, today: p.today };
  };
  const unitMap = async (ctx: Ctx, codes: string[]) =>
    new Map(
      (await lookups.unitsByCode(codes))
        .filter((u) => !ctx.rootUnitPath || u.path.startsWith(ctx.rootUnitPath))
        .map((u) => [u.code, u.id]),
    );

  const obstacles = sheetImport<Ctx, Write<ObstaclesRepo>>(
    { db, clock },
    {
      spec: OBSTACLES_SHEET,
      fileName: 'obstacles',
      auditAction: 'obstacle.imported',
      open,
      async check(ctx, actor, raw) {
        const e = rowErrors(OBSTACLES_SHEET, actor.locale);
        const units = await unitMap(ctx, codesIn(raw, [4, 5]));
        const tasks = new Map(
          (await lookups.tasksByCode(ctx.programmeId, codesIn(raw, [7], true))).map((t) => [t.code, t.id]),
        );
        const out: Checked<Write<ObstaclesRepo>>[] = [];
        for (const r of raw) {
          const c = cellsOf(OBSTACLES_SHEET, r);
          const row: Checked<Write<ObstaclesRepo>> = { row: r.row, values: r.values, errors: [] };
          out.push(row);
          const parsed = obstacleRow.safeParse({
            title: text(c.title) ?? '',
            description: text(c.description) ?? '',
            category: text(c.category) ?? 'other',
            severity: text(c.severity) ?? 'medium',
            raisedBy: text(c.raisedBy),
            owner: text(c.owner) ?? '',
            dueOn: c.dueOn === null ? null : dateText(c.dueOn),
            tasks: (text(c.tasks) ?? '')
              .split(/[,;]/)
              .map((x) => x.trim())
              .filter(Boolean),
          });
          if (!parsed.success) {
            row.errors.push(...e.zod(parsed.error, c));
            continue;
          }
          const v = parsed.data;
          if (!oneOf(OBSTACLE_CATEGORIES, v.category))
            row.errors.push(
              e.say('category', 'import_choice', {
                value: v.category,
                allowed: OBSTACLE_CATEGORIES.join(', '),
              }),
            );
          if (!oneOf(OBSTACLE_SEVERITIES, v.severity))
            row.errors.push(
              e.say('severity', 'import_choice', {
                value: v.severity,
                allowed: OBSTACLE_SEVERITIES.join(', '),
              }),
            );
          const owner = units.get(v.owner);
          if (!owner) row.errors.push(e.say('owner', 'import_unit_unknown', { code: v.owner }));
          const raisedBy = v.raisedBy ? units.get(v.raisedBy) : undefined;
          if (v.raisedBy && !raisedBy)
            row.errors.push(e.say('raisedBy', 'import_unit_unknown', { code: v.raisedBy }));
          if (v.dueOn !== null && v.dueOn < ctx.today)
            row.errors.push(e.say('dueOn', 'import_due_past', { date: v.dueOn, today: ctx.today }));
          const missing = v.tasks.find((x) => !tasks.has(x));
          if (missing) row.errors.push(e.say('tasks', 'import_task_unknown', { code: missing }));
          if (row.errors.length || !owner) continue;
          const input: CreateObstacleInput = {
            programmeId: ctx.programmeId,
            title: v.title,
            description: v.description,
            category: v.category as CreateObstacleInput['category'],
            severity: v.severity as CreateObstacleInput['severity'],
            ...(raisedBy ? { raisedByUnitId: raisedBy } : {}),
            ownerUnitId: owner,
            dueOn: v.dueOn,
            taskIds: v.tasks.map((x) => tasks.get(x)!),
            unitIds: [],
          };
          try {
            row.ok = await deps.obstacles.prepare(actor, input);
          } catch (err) {
            if (!(err instanceof AppError)) throw err;
            row.errors.push(
              e.app(
                err,
                { raisedByUnitId: 'raisedBy', ownerUnitId: 'owner', dueOn: 'dueOn', taskIds: 'tasks' },
                'title',
              ),
            );
          }
        }
        return out;
      },
      async write(_ctx, _actor, good, tx) {
        const r = createObstaclesRepo(tx);
        for (const w of good) await w(r, tx);
        return good.length;
      },
      async reference(_ctx, _actor, wb) {
        const ref = wb.addWorksheet('Lists');
        ref.addRow(['category', 'severity']).font = { bold: true };
        for (let i = 0; i < Math.max(OBSTACLE_CATEGORIES.length, OBSTACLE_SEVERITIES.length); i++)
          ref.addRow([OBSTACLE_CATEGORIES[i] ?? null, OBSTACLE_SEVERITIES[i] ?? null]);
      },
    },
  );

  const recommendations = sheetImport<Ctx, Write<RecommendationsRepo>>(
    { db, clock },
    {
      spec: RECOMMENDATIONS_SHEET,
      fileName: 'recommendations',
      auditAction: 'recommendation.imported',
      open,
      async check(ctx, actor, raw) {
        const e = rowErrors(RECOMMENDATIONS_SHEET, actor.locale);
        const units = await unitMap(ctx, codesIn(raw, [0, 1]));
        const out: Checked<Write<RecommendationsRepo>>[] = [];
        for (const r of raw) {
          const c = cellsOf(RECOMMENDATIONS_SHEET, r);
          const row: Checked<Write<RecommendationsRepo>> = { row: r.row, values: r.values, errors: [] };
          out.push(row);
          const parsed = recommendationRow.safeParse({
            from: text(c.from) ?? '',
            to: text(c.to) ?? '',
            content: text(c.content) ?? '',
            submittedOn: c.submittedOn === null ? null : dateText(c.submittedOn),
            answerDueOn: c.answerDueOn === null ? null : dateText(c.answerDueOn),
          });
          if (!parsed.success) {
            row.errors.push(...e.zod(parsed.error, c));
            continue;
          }
          const v = parsed.data;
          const from = units.get(v.from);
          const to = units.get(v.to);
          if (!from) row.errors.push(e.say('from', 'import_unit_unknown', { code: v.from }));
          if (!to) row.errors.push(e.say('to', 'import_unit_unknown', { code: v.to }));
          if (!from || !to) continue;
          const input: CreateRecommendationInput = {
            programmeId: ctx.programmeId,
            fromUnitId: from,
            toUnitId: to,
            content: v.content,
            ...(v.submittedOn ? { submittedOn: v.submittedOn } : {}),
            ...(v.answerDueOn ? { answerDueOn: v.answerDueOn } : {}),
          };
          try {
            row.ok = await deps.recommendations.prepare(actor, input);
          } catch (err) {
            if (!(err instanceof AppError)) throw err;
            row.errors.push(
              e.app(
                err,
                {
                  fromUnitId: 'from',
                  toUnitId: 'to',
                  submittedOn: 'submittedOn',
                  answerDueOn: 'answerDueOn',
                },
                'content',
              ),
            );
          }
        }
        return out;
      },
      async write(_ctx, _actor, good, tx) {
        const r = createRecommendationsRepo(tx);
        for (const w of good) await w(r, tx);
        return good.length;
      },
    },
  );
  return { obstacles, recommendations };
}
export type RegistersImport = ReturnType<typeof createRegistersImport>;
