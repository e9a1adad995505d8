import type {
  CreateProgrammeInput,
  Programme,
  UpdateProgrammeInput,
} from '../../../shared/schemas/programmes.js';
import type { Db } from '../../db/client.js';
import { AppError } from '../../lib/app-error.js';
import type { Clock } from '../../lib/clock.js';
import type { Actor } from '../auth/actor.js';
import { auditLog } from '../audit/audit.service.js';
import { canArchiveProgramme, canCreateProgramme, canEditProgramme } from './policy.js';
import { programmesTransaction, type ProgrammeRow, type ProgrammesRepo } from './programmes.repo.js';
import type { ProgrammesService } from './programmes.service.js';

export type SetupDeps = { db: Db; clock: Clock; programmes: ProgrammesService };

/** The settings as the audit trail keeps them (before → after). */
const snapshot = (p: ProgrammeRow, slug: string | null, publicationEnabled: boolean | null) => ({
  code: p.code,
  slug,
  name: { vi: p.nameVi, en: p.nameEn, ar: p.nameAr },
  description: p.description,
  steeringBody: p.steeringBodyVi
    ? { vi: p.steeringBodyVi, en: p.steeringBodyEn, ar: p.steeringBodyAr }
    : null,
  standingUnitId: p.standingUnitId,
  rootUnitId: p.rootUnitId,
  cadence: p.cadence,
  reportDueWeekday: p.reportDueWeekday,
  reportDueTime: p.reportDueTime,
  warningGraceHours: p.warningGraceHours,
  reminderDaysBefore: p.reminderDaysBefore,
  timeZone: p.timeZone,
  startsOn: p.startsOn,
  endsOn: p.endsOn,
  publicationEnabled,
  archivedAt: p.archivedAt?.toISOString() ?? null,
});

/** PostgreSQL's unique violation, when two writers race past the checks. */
const isUniqueViolation = (e: unknown): boolean => {
  for (let c: unknown = e; c && typeof c === 'object'; c = (c as { cause?: unknown }).cause)
    if ((c as { code?: unknown }).code === '23505') return true;
  return false;
};

/**
 * The root unit and the standing agency must exist, and the standing agency must sit inside the
 * subtree the programme covers (it compiles the reports of those units).
 */
export async function checkUnits(
  r: ProgrammesRepo,
  v: { rootUnitId: number; standingUnitId: number; memberUnitIds?: (number | null)[] },
) {
  const ids = [v.rootUnitId, v.standingUnitId, ...(v.memberUnitIds ?? []).filter((x): x is number => !!x)];
  const paths = await r.unitPaths([...new Set(ids)]);
  const root = paths.get(v.rootUnitId);
  if (!root) throw new AppError('unit_not_found', { id: v.rootUnitId }, 'rootUnitId');
  const standing = paths.get(v.standingUnitId);
  if (!standing) throw new AppError('unit_not_found', { id: v.standingUnitId }, 'standingUnitId');
  if (!standing.startsWith(root))
    throw new AppError('unit_outside_programme', { unit: v.standingUnitId }, 'standingUnitId');
  const missing = (v.memberUnitIds ?? []).find((id) => id && !paths.has(id));
  if (missing) throw new AppError('unit_not_found', { id: missing }, 'steering');
}

async function checkSlug(r: ProgrammesRepo, slug: string, programmeId: number | null) {
  const owner = await r.publicationBySlug(slug);
  if (owner && owner.programmeId !== programmeId)
    throw new AppError('duplicate_code', { code: slug }, 'slug');
}

/** Loads a programme for a write, refusing an archived one and a stale version. */
export async function forWrite(r: ProgrammesRepo, id: number, version?: number) {
  const row = await r.lock(id);
  if (!row) throw new AppError('programme_not_found');
  if (row.archivedAt) throw new AppError('programme_archived');
  if (version !== undefined && row.version !== version) throw new AppError('record_changed', {}, 'version');
  return row;
}

const settingsColumns = (v: Partial<CreateProgrammeInput>) => {
  const out: Record<string, unknown> = {};
  if (v.name) Object.assign(out, { nameVi: v.name.vi, nameEn: v.name.en, nameAr: v.name.ar });
  if (v.steeringBody !== undefined)
    Object.assign(out, {
      steeringBodyVi: v.steeringBody?.vi ?? null,
      steeringBodyEn: v.steeringBody?.en ?? null,
      steeringBodyAr: v.steeringBody?.ar ?? null,
    });
  for (const k of [
    'description',
    'standingUnitId',
    'rootUnitId',
    'cadence',
    'reportDueWeekday',
    'reportDueTime',
    'warningGraceHours',
    'reminderDaysBefore',
    'timeZone',
    'startsOn',
    'endsOn',
  ] as const)
    if (v[k] !== undefined) out[k] = v[k];
  return out;
};

function checkDates(startsOn: string | null | undefined, endsOn: string | null | undefined) {
  if (startsOn && endsOn && endsOn < startsOn) throw new AppError('deadline_before_start', {}, 'endsOn');
}

/** Create, edit, archive and restore a programme: one transaction each, every change audited. */
export function createProgrammeSetup(deps: SetupDeps) {
  const { db, clock, programmes } = deps;

  return {
    async create(actor: Actor, input: CreateProgrammeInput): Promise<Programme> {
      if (!canCreateProgramme(actor)) throw new AppError('forbidden');
      checkDates(input.startsOn, input.endsOn);
      const id = await programmesTransaction(db, async (r, tx) => {
        if (await r.byCode(input.code)) throw new AppError('duplicate_code', { code: input.code }, 'code');
        await checkSlug(r, input.slug, null);
        await checkUnits(r, { ...input, memberUnitIds: input.steering.map((m) => m.unitId) });
        const codes = new Set<string>();
        for (const g of input.groups) {
          if (codes.has(g.code)) throw new AppError('duplicate_code', { code: g.code }, 'groups');
          codes.add(g.code);
        }
        const now = clock.now();
        const p = await r.insert({
          code: input.code,
          ...(settingsColumns(input) as { nameVi: string }),
          createdAt: now,
          updatedAt: now,
        });
        await r.setPublication(p.id, input.slug, input.publicationEnabled, actor.userId, now);
        await r.insertGroups(
          input.groups.map((g, i) => ({
            programmeId: p.id,
            code: g.code,
            nameVi: g.name.vi,
            nameEn: g.name.en,
            nameAr: g.name.ar,
            sort: i + 1,
          })),
        );
        await r.replaceSteering(
          p.id,
          input.steering.map((m, i) => ({ ...m, sort: i + 1 })),
        );
        await auditLog(tx, clock).record({
          actorId: actor.userId,
          action: 'programme.create',
          entity: 'programme',
          entityId: String(p.id),
          after: {
            ...snapshot(p, input.slug, input.publicationEnabled),
            groups: input.groups,
            steering: input.steering,
          },
        });
        return p.id;
      }).catch((e: unknown) => {
        if (isUniqueViolation(e)) throw new AppError('duplicate_code', { code: input.code }, 'code');
        throw e;
      });
      return programmes.get(actor, id);
    },

    async update(actor: Actor, id: number, input: UpdateProgrammeInput): Promise<Programme> {
      await programmes.access(actor, id);
      if (!canEditProgramme(actor, id)) throw new AppError('forbidden');
      await programmesTransaction(db, async (r, tx) => {
        const current = await forWrite(r, id, input.version);
        const pub = (await r.listWithRoot()).find((x) => x.programme.id === id);
        const slug = input.slug ?? pub?.slug ?? null;
        const enabled = input.publicationEnabled ?? pub?.publicationEnabled ?? false;
        if (input.slug) await checkSlug(r, input.slug, id);
        checkDates(input.startsOn ?? current.startsOn, input.endsOn ?? current.endsOn);
        if (input.rootUnitId || input.standingUnitId)
          await checkUnits(r, {
            rootUnitId: input.rootUnitId ?? current.rootUnitId!,
            standingUnitId: input.standingUnitId ?? current.standingUnitId!,
          });
        const now = clock.now();
        const saved = await r.update(id, { ...settingsColumns(input), updatedAt: now });
        if (slug && (input.slug !== undefined || input.publicationEnabled !== undefined))
          await r.setPublication(id, slug, enabled, actor.userId, now);
        await auditLog(tx, clock).record({
          actorId: actor.userId,
          action: 'programme.update',
          entity: 'programme',
          entityId: String(id),
          before: snapshot(current, pub?.slug ?? null, pub?.publicationEnabled ?? null),
          after: snapshot(saved, slug, enabled),
        });
      });
      return programmes.get(actor, id);
    },

    /** Archived: out of the pickers and the scheduler, still readable; restore brings it back. */
    async setArchived(actor: Actor, id: number, archived: boolean): Promise<Programme> {
      await programmes.access(actor, id);
      if (!canArchiveProgramme(actor)) throw new AppError('forbidden');
      await programmesTransaction(db, async (r, tx) => {
        const current = await r.lock(id);
        if (!current) throw new AppError('programme_not_found');
        if (Boolean(current.archivedAt) === archived) return;
        const now = clock.now();
        await r.update(id, { archivedAt: archived ? now : null, updatedAt: now });
        await auditLog(tx, clock).record({
          actorId: actor.userId,
          action: archived ? 'programme.archive' : 'programme.restore',
          entity: 'programme',
          entityId: String(id),
          before: { archivedAt: current.archivedAt?.toISOString() ?? null },
          after: { archivedAt: archived ? now.toISOString() : null },
        });
      });
      return programmes.get(actor, id);
    },
  };
}
export type ProgrammeSetup = ReturnType<typeof createProgrammeSetup>;
