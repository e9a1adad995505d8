import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Brief, BriefFormat } from '../../../shared/schemas/briefs.js';
import type { Locale } from '../../../shared/schemas/common.js';
import type { Db } from '../../db/client.js';
import { AppError } from '../../lib/app-error.js';
import { auditLog } from '../audit/audit.service.js';
import { systemActor, type Actor } from '../auth/actor.js';
import { hasProgrammeRole, isAdmin } from '../auth/policy.js';
import { briefCharts } from './brief.charts.js';
import { collectBrief, type BriefDeps } from './brief.data.js';
import { briefDocx } from './brief.docx.js';
import { BRIEF_LABELS } from './brief.labels.js';
import { docxToPdf } from './brief.pdf.js';
import { briefXlsx } from './brief.xlsx.js';
import { createBriefsRepo, type BriefRow } from './briefs.repo.js';

const MIME: Record<BriefFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

/** Reads the archive: the programme's steering side and inspectors (the brief names every unit). */
const mayRead = (a: Actor, programmeId: number) => isAdmin(a) || hasProgrammeRole(a, programmeId);
/** Writes one: the standing agency that compiles it, the steering body, admins. */
const mayGenerate = (a: Actor, programmeId: number) =>
  isAdmin(a) || hasProgrammeRole(a, programmeId, ['standing', 'steering']);

/** Renders a brief in one format from the gathered data. */
export async function renderBrief(data: Awaited<ReturnType<typeof collectBrief>>, format: BriefFormat) {
  if (format === 'xlsx') return briefXlsx(data);
  const docx = await briefDocx(data, briefCharts(data, BRIEF_LABELS[data.locale]));
  return format === 'pdf' ? docxToPdf(docx) : docx;
}

/**
 * The weekly brief to the steering committee: gathered from the record as of the period's draw
 * moment, rendered as DOCX (administrative layout), XLSX or PDF, archived per period, and drawn
 * up by itself once the period's warning list is published.
 */
export function createBriefsService(deps: BriefDeps & { db: Db; log?: (m: string, e?: unknown) => void }) {
  const repo = createBriefsRepo(deps.db);
  const present = (r: BriefRow): Brief => ({
    id: r.id,
    programmeId: r.programmeId,
    period: r.period,
    format: r.format as BriefFormat,
    lang: r.locale as Locale,
    fileName: r.fileName,
    bytes: r.bytes,
    sha256: r.sha256,
    asOf: r.asOf,
    generatedAt: r.generatedAt.toISOString(),
    generatedBy: r.generatedBy,
    tookMs: r.tookMs,
  });

  async function generate(
    actor: Actor,
    programmeId: number,
    input: { period: string; format: BriefFormat; lang?: Locale },
  ): Promise<Brief> {
    await deps.programmes.access(actor, programmeId);
    if (!mayGenerate(actor, programmeId)) throw new AppError('forbidden');
    const locale = input.lang ?? actor.locale;
    const started = performance.now();
    const data = await collectBrief(deps, { ...actor, locale }, programmeId, input.period);
    const content = await renderBrief(data, input.format);
    const tookMs = Math.round(performance.now() - started);
    const fileName = `${data.programme.code}-${data.period.key}-${locale}.${input.format}`;
    const id = await deps.db.transaction(async (tx) => {
      const saved = await createBriefsRepo(tx).save({
        programmeId,
        period: data.period.key,
        format: input.format,
        locale,
        fileName,
        content,
        bytes: content.length,
        sha256: createHash('sha256').update(content).digest('hex'),
        asOf: data.asOf,
        generatedAt: deps.clock.now(),
        generatedBy: actor.userId,
        tookMs,
      });
      await auditLog(tx, deps.clock).record({
        actorId: actor.userId,
        action: 'brief.generated',
        entity: 'weekly_brief',
        entityId: String(saved),
        after: { period: data.period.key, format: input.format, locale, bytes: content.length },
      });
      return saved;
    });
    return present((await repo.meta(id))!);
  }

  return {
    generate,

    async list(actor: Actor, programmeId: number): Promise<Brief[]> {
      await deps.programmes.access(actor, programmeId);
      if (!mayRead(actor, programmeId)) throw new AppError('forbidden');
      return (await repo.list(programmeId)).map(present);
    },

    async download(actor: Actor, id: number) {
      const m = await repo.meta(id);
      if (!m) throw new AppError('not_found');
      await deps.programmes.access(actor, m.programmeId).catch(() => {
        throw new AppError('not_found');
      });
      if (!mayRead(actor, m.programmeId)) throw new AppError('forbidden');
      const content = (await repo.content(id))!;
      return { content, fileName: m.fileName, mime: MIME[m.format as BriefFormat] };
    },

    /** After a list is published: the brief of that period writes itself (DOCX and XLSX, Vietnamese). */
    async afterPublished(e: { programmeId: number; period: string }) {
      const actor = { ...systemActor, locale: 'vi' as const };
      for (const format of ['docx', 'xlsx'] as const) {
        try {
          await generate(actor, e.programmeId, { period: e.period, format, lang: 'vi' });
        } catch (err) {
          deps.log?.('weekly brief not generated', err);
        }
      }
    },
  };
}
export type BriefsService = ReturnType<typeof createBriefsService>;
