import ExcelJS from 'exceljs';
import type { Db } from '../../db/client.js';
import { AppError } from '../../lib/app-error.js';
import type { Clock } from '../../lib/clock.js';
import { pickName } from '../../lib/localize.js';
import { DATASET_MARKS, PLATFORMS, publishedAsOf } from '../../../shared/criteria.js';
import type {
  CatalogueSummary,
  Dataset,
  DatasetInput,
  DatasetListQuery,
  UpdateDatasetInput,
} from '../../../shared/schemas/catalogue.js';
import type { Locale } from '../../../shared/schemas/common.js';
import type { Actor } from '../auth/actor.js';
import { taskReadScope } from '../auth/policy.js';
import { auditLog } from '../audit/audit.service.js';
import type { ProgrammeAccess, ProgrammesService } from '../programmes/programmes.service.js';
import { canEditDataset, canManageCriteria, criteriaReadScope } from '../criteria/policy.js';
import { createCatalogueRepo, type DatasetRow } from './catalogue.repo.js';

/**
 * The shared data catalogue: each unit's datasets, published or not (and since when), the shared
 * platforms they connect to and the six marks; the units that have published nothing; the
 * catalogue's publication deadline read from its task. Another unit's unpublished datasets are
 * not visible to a unit's users.
 */
/** Whether the reader may open the deadline's task (else the screen shows its title without a link). */
function canOpenTask(actor: Actor, programmeId: number, unitPaths: string[]) {
  const scope = taskReadScope(actor, programmeId);
  if (scope.kind === 'programme') return true;
  if (scope.kind === 'none') return false;
  return unitPaths.some((path) => scope.unitPaths.some((mine) => path.startsWith(mine)));
}

export function createCatalogueService(deps: { db: Db; clock: Clock; programmes: ProgrammesService }) {
  const { db, clock, programmes } = deps;
  const repo = createCatalogueRepo(db);

  const present = (actor: Actor, d: DatasetRow, asOf: string): Dataset => ({
    id: d.id,
    programmeId: d.programme_id,
    code: d.code,
    name: d.name,
    description: d.description,
    owner: {
      id: d.owner_unit_id,
      code: d.owner_code,
      name: pickName(actor.locale, d.name_vi, d.name_en, d.name_ar),
    },
    published: publishedAsOf(d.published_on, asOf),
    publishedOn: publishedAsOf(d.published_on, asOf) ? d.published_on : null,
    platforms: d.platforms,
    marks: Object.fromEntries(DATASET_MARKS.map((m) => [m, d.marks.includes(m)])) as Dataset['marks'],
    version: d.version,
    can: { edit: canEditDataset(actor, d.programme_id, d.owner_path) },
  });

  async function owner(actor: Actor, p: ProgrammeAccess, id: number) {
    const u = await repo.unit(id);
    if (!u) throw new AppError('unit_not_found', { id }, 'ownerUnitId');
    if (p.rootUnitPath && !u.path.startsWith(p.rootUnitPath))
      throw new AppError('unit_outside_programme', { unit: u.code }, 'ownerUnitId');
    if (!canEditDataset(actor, p.id, u.path))
      throw new AppError('unit_out_of_scope', { unit: u.code }, 'ownerUnitId');
    return u;
  }

  async function load(actor: Actor, id: number, asOf?: string) {
    const ref = await repo.programmeOf(id);
    if (!ref) throw new AppError('not_found');
    const p = await programmes.access(actor, ref.programme_id).catch(() => {
      throw new AppError('not_found');
    });
    const day = asOf ?? p.today;
    const [row] = await repo.list(p.id, day, criteriaReadScope(actor, p.id), { id });
    if (!row) throw new AppError('not_found');
    return { p, row, day };
  }

  const uniq = <T>(xs: T[]) => [...new Set(xs)];

  return {
    async list(actor: Actor, q: DatasetListQuery): Promise<Dataset[]> {
      const p = await programmes.access(actor, q.programmeId);
      const asOf = q.asOf ?? p.today;
      const ownerPath = q.ownerUnitId ? ((await repo.unit(q.ownerUnitId))?.path ?? '/none/') : undefined;
      const list = await repo.list(p.id, asOf, criteriaReadScope(actor, p.id), {
        ownerPath,
        published: q.published === undefined ? undefined : q.published === 'true',
        platform: q.platform,
        lacking: q.lacking,
        q: q.q,
      });
      return list.map((d) => present(actor, d, asOf));
    },

    async get(actor: Actor, id: number, asOf?: string) {
      const { row, day } = await load(actor, id, asOf);
      return present(actor, row, day);
    },

    async create(actor: Actor, input: DatasetInput) {
      const p = await programmes.access(actor, input.programmeId);
      await owner(actor, p, input.ownerUnitId);
      if (input.publishedOn && input.publishedOn > p.today)
        throw new AppError('validation_failed', {}, 'publishedOn');
      if (await repo.codeTaken(p.id, input.code))
        throw new AppError('duplicate_code', { code: input.code }, 'code');
      const id = await db.transaction(async (tx) => {
        const r = createCatalogueRepo(tx as unknown as Db);
        const { id } = (await r.insert({
          ...input,
          programmeId: p.id,
          platforms: uniq(input.platforms),
          marks: uniq(input.marks),
          by: actor.userId,
          at: clock.now(),
        }))!;
        await auditLog(tx as unknown as Db, clock).record({
          actorId: actor.userId,
          action: 'dataset.create',
          entity: 'dataset',
          entityId: String(id),
          after: input,
        });
        return id;
      });
      return this.get(actor, id);
    },

    async update(actor: Actor, id: number, input: UpdateDatasetInput) {
      const { p, row } = await load(actor, id);
      if (!canEditDataset(actor, p.id, row.owner_path)) throw new AppError('forbidden');
      if (input.ownerUnitId !== undefined) await owner(actor, p, input.ownerUnitId);
      if (input.publishedOn && input.publishedOn > p.today)
        throw new AppError('validation_failed', {}, 'publishedOn');
      await db.transaction(async (tx) => {
        const r = createCatalogueRepo(tx as unknown as Db);
        const ok = await r.update(id, input.version, {
          name: input.name ?? row.name,
          description: input.description ?? row.description,
          ownerUnitId: input.ownerUnitId ?? row.owner_unit_id,
          publishedOn: input.publishedOn === undefined ? row.published_on : input.publishedOn,
          platforms: uniq(input.platforms ?? row.platforms),
          marks: uniq(input.marks ?? row.marks),
          at: clock.now(),
        });
        if (!ok) throw new AppError('stale_version');
        await auditLog(tx as unknown as Db, clock).record({
          actorId: actor.userId,
          action: 'dataset.update',
          entity: 'dataset',
          entityId: String(id),
          before: row,
          after: input,
        });
      });
      return this.get(actor, id);
    },

    async summary(actor: Actor, q: { programmeId: number; asOf?: string }): Promise<CatalogueSummary> {
      const p = await programmes.access(actor, q.programmeId);
      const asOf = q.asOf ?? p.today;
      const scope = criteriaReadScope(actor, p.id);
      const [list, settings] = await Promise.all([repo.list(p.id, asOf, scope, {}), repo.settings(p.id)]);
      const kinds = settings?.publisher_kinds ?? ['department'];
      const notPublished = await repo.notPublished(p.id, p.rootUnitPath, kinds, asOf, scope);
      const task = settings?.task_id ? await repo.task(settings.task_id) : undefined;
      const done = task?.completed_on && task.completed_on <= asOf;
      return {
        asOf,
        total: list.length,
        published: list.filter((d) => publishedAsOf(d.published_on, asOf)).length,
        marks: Object.fromEntries(
          DATASET_MARKS.map((m) => [m, list.filter((d) => d.marks.includes(m)).length]),
        ) as CatalogueSummary['marks'],
        platforms: Object.fromEntries(
          PLATFORMS.map((x) => [x, list.filter((d) => d.platforms.includes(x)).length]),
        ) as CatalogueSummary['platforms'],
        notPublished: notPublished.map((u) => ({
          id: u.id,
          code: u.code,
          name: pickName(actor.locale, u.name_vi, u.name_en, u.name_ar),
          unpublished: u.unpublished,
        })),
        deadline: task
          ? {
              taskId: task.id,
              code: task.code,
              title: task.title,
              deadline: task.deadline,
              completedOn: done ? task.completed_on : null,
              overdue: !done && task.deadline < asOf,
              readable: canOpenTask(actor, p.id, task.unit_paths),
            }
          : null,
      };
    },

    /** The task carrying the catalogue's deadline, and which unit kinds must publish. */
    async setSettings(
      actor: Actor,
      programmeId: number,
      v: { taskId: number | null; publisherKinds: string[] },
    ) {
      const p = await programmes.access(actor, programmeId);
      if (!canManageCriteria(actor, p.id)) throw new AppError('forbidden');
      if (v.taskId !== null) {
        const t = await repo.task(v.taskId);
        if (!t || t.programme_id !== p.id)
          throw new AppError('task_not_in_programme', { task: v.taskId }, 'taskId');
      }
      await repo.saveSettings(p.id, v.taskId, v.publisherKinds);
      return this.summary(actor, { programmeId: p.id });
    },
  };
}
export type CatalogueService = ReturnType<typeof createCatalogueService>;

const HEADERS: Record<Locale, string[]> = {
  vi: ['Mã', 'Cơ sở dữ liệu', 'Mô tả', 'Đơn vị', 'Đã công bố', 'Ngày công bố', 'Nền tảng kết nối'],
  en: ['Code', 'Dataset', 'Description', 'Owner unit', 'Published', 'Published on', 'Connected platforms'],
  ar: ['الرمز', 'قاعدة البيانات', 'الوصف', 'الوحدة', 'منشورة', 'تاريخ النشر', 'المنصات المتصلة'],
};
const MARK_HEADERS: Record<Locale, string[]> = {
  vi: ['Đúng', 'Đủ', 'Sạch', 'Sống', 'Thống nhất', 'Dùng chung'],
  en: ['Correct', 'Sufficient', 'Clean', 'Live', 'Unified', 'Shared'],
  ar: ['صحيحة', 'كافية', 'نظيفة', 'حيّة', 'موحّدة', 'مشتركة'],
};

/** The catalogue as XLSX: published and each mark as 1/0 numbers. */
export async function catalogueXlsx(list: Dataset[], locale: Locale, asOf: string) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(`catalogue ${asOf}`, {
    views: [{ state: 'frozen', ySplit: 1, rightToLeft: locale === 'ar' }],
  });
  ws.addRow([...HEADERS[locale], ...MARK_HEADERS[locale]]).font = { bold: true };
  for (const d of list)
    ws.addRow([
      d.code,
      d.name,
      d.description,
      d.owner.code,
      d.published ? 1 : 0,
      d.publishedOn,
      d.platforms.join(', '),
      ...DATASET_MARKS.map((m) => (d.marks[m] ? 1 : 0)),
    ]);
  ws.columns.forEach((c) => (c.width = 16));
  ws.getColumn(2).width = 40;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
