import type {
  CreateDirectiveInput,
  Directive,
  UpdateDirectiveInput,
} from '../../../shared/schemas/programmes.js';
import type { DirectiveKind } from '../../../shared/vocabulary.js';
import type { Db } from '../../db/client.js';
import { AppError } from '../../lib/app-error.js';
import type { Clock } from '../../lib/clock.js';
import type { Actor } from '../auth/actor.js';
import { canManageTasks, hasProgrammeRole, isAdmin } from '../auth/policy.js';
import { auditLog } from '../audit/audit.service.js';
import type { ProgrammesService } from '../programmes/programmes.service.js';
import {
  createDirectivesRepo,
  directivesTransaction,
  type DirectiveListRow,
  type DirectiveRow,
  type DirectivesRepo,
} from './directives.repo.js';

export type DirectivesDeps = { db: Db; clock: Clock; programmes: ProgrammesService };

/** The register of directive documents: read by everyone in the programme, kept by the standing agency. */
export const canManageDirectives = canManageTasks;

export function presentDirective(actor: Actor, d: DirectiveListRow): Directive {
  const wide = isAdmin(actor) || hasProgrammeRole(actor, d.programmeId);
  return {
    id: d.id,
    programmeId: d.programmeId,
    number: d.number,
    kind: d.kind as DirectiveKind,
    issuedOn: d.issuedOn,
    issuer: d.issuer,
    title: d.title,
    summary: d.summary,
    url: d.url,
    supersedes: d.supersedesId ? { id: d.supersedesId, number: d.supersedesNumber ?? '' } : null,
    supersededBy: d.supersededById ? { id: d.supersededById, number: d.supersededByNumber ?? '' } : null,
    file:
      d.fileStorageKey && d.fileName
        ? {
            name: d.fileName,
            mediaType: d.fileMediaType ?? 'application/octet-stream',
            size: d.fileSize ?? 0,
            sha256: d.fileSha256 ?? '',
            uploadedAt: d.fileUploadedAt?.toISOString() ?? d.updatedAt.toISOString(),
            url: `/api/v1/directives/${d.id}/file`,
          }
        : null,
    taskCount: wide ? d.taskCount : null,
    version: d.version,
    may: { edit: canManageDirectives(actor, d.programmeId) },
  };
}

const audited = (d: DirectiveRow) => ({
  number: d.number,
  kind: d.kind,
  issuedOn: d.issuedOn,
  issuer: d.issuer,
  title: d.title,
  summary: d.summary,
  url: d.url,
  supersedesId: d.supersedesId,
});

/** A directive may replace another of its programme, never itself nor one that (in)directly replaces it. */
async function checkSupersedes(
  r: DirectivesRepo,
  programmeId: number,
  selfId: number | null,
  target: number,
) {
  const other = await r.byId(target);
  if (!other || other.programmeId !== programmeId || other.id === selfId)
    throw new AppError('directive_supersede_invalid', {}, 'supersedesId');
  if (selfId !== null && (await r.supersededChain(target)).includes(selfId))
    throw new AppError('directive_supersede_invalid', {}, 'supersedesId');
}

const columns = (v: Partial<CreateDirectiveInput>) => {
  const out: Partial<DirectiveRow> = {};
  for (const k of [
    'number',
    'kind',
    'issuedOn',
    'issuer',
    'title',
    'summary',
    'url',
    'supersedesId',
  ] as const)
    if (v[k] !== undefined) (out as Record<string, unknown>)[k] = v[k];
  return out;
};

export function createDirectivesService(deps: DirectivesDeps) {
  const { db, clock, programmes } = deps;
  const repo = createDirectivesRepo(db);

  /** The directive, once the reader may open its programme (404 otherwise, as for a task). */
  async function readable(actor: Actor, id: number) {
    const d = await repo.byId(id);
    if (!d) throw new AppError('not_found');
    await programmes.access(actor, d.programmeId).catch(() => {
      throw new AppError('not_found');
    });
    return d;
  }

  return {
    readable,

    async list(actor: Actor, programmeId: number): Promise<Directive[]> {
      await programmes.access(actor, programmeId);
      return (await repo.ofProgramme(programmeId)).map((d) => presentDirective(actor, d));
    },

    get: async (actor: Actor, id: number) => presentDirective(actor, await readable(actor, id)),

    async create(actor: Actor, programmeId: number, input: CreateDirectiveInput): Promise<Directive> {
      const p = await programmes.access(actor, programmeId);
      if (!canManageDirectives(actor, programmeId)) throw new AppError('forbidden');
      if (p.archived) throw new AppError('programme_archived');
      const id = await directivesTransaction(db, async (r, tx) => {
        if (await r.byNumber(programmeId, input.number))
          throw new AppError('duplicate_code', { code: input.number }, 'number');
        if (input.supersedesId) await checkSupersedes(r, programmeId, null, input.supersedesId);
        const now = clock.now();
        const d = await r.insert({ programmeId, ...columns(input), createdAt: now, updatedAt: now } as never);
        await auditLog(tx, clock).record({
          actorId: actor.userId,
          action: 'directive.create',
          entity: 'directive',
          entityId: String(d.id),
          after: { programmeId, ...audited(d) },
        });
        return d.id;
      });
      return presentDirective(actor, (await repo.byId(id))!);
    },

    async update(actor: Actor, id: number, input: UpdateDirectiveInput): Promise<Directive> {
      const found = await readable(actor, id);
      if (!canManageDirectives(actor, found.programmeId)) throw new AppError('forbidden');
      await directivesTransaction(db, async (r, tx) => {
        const current = (await r.lock(id))!;
        if (current.version !== input.version) throw new AppError('record_changed', {}, 'version');
        if (input.number && input.number !== current.number) {
          const other = await r.byNumber(current.programmeId, input.number);
          if (other && other.id !== id)
            throw new AppError('duplicate_code', { code: input.number }, 'number');
        }
        if (input.supersedesId) await checkSupersedes(r, current.programmeId, id, input.supersedesId);
        const saved = await r.update(id, { ...columns(input), updatedAt: clock.now() });
        await auditLog(tx, clock).record({
          actorId: actor.userId,
          action: 'directive.update',
          entity: 'directive',
          entityId: String(id),
          before: audited(current),
          after: audited(saved),
        });
      });
      return presentDirective(actor, (await repo.byId(id))!);
    },
  };
}
export type DirectivesService = ReturnType<typeof createDirectivesService>;
