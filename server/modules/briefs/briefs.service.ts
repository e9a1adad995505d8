import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type {
  Brief,
  BriefFormat,
  BriefRecipient,
  BriefRecipientInput,
  BriefSending,
} from '../../../shared/schemas/briefs.js';
import type { Locale } from '../../../shared/schemas/common.js';
import type { Db } from '../../db/client.js';
import { AppError } from '../../lib/app-error.js';
import type { Mailer } from '../../lib/mailer.js';
import { auditLog } from '../audit/audit.service.js';
import { systemActor, type Actor } from '../auth/actor.js';
import { hasProgrammeRole, isAdmin } from '../auth/policy.js';
import { briefCharts } from './brief.charts.js';
import { collectBrief, type BriefDeps } from './brief.data.js';
import { briefDocx } from './brief.docx.js';
import { BRIEF_LABELS } from './brief.labels.js';
import { docxToPdf } from './brief.pdf.js';
import { mailBrief, presentSending, type BriefFile } from './brief.mail.js';
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
/** Keeps the recipient list: the standing agency that sends the brief, admins. */
const mayManageRecipients = (a: Actor, programmeId: number) =>
  isAdmin(a) || hasProgrammeRole(a, programmeId, ['standing']);

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
export function createBriefsService(
  deps: BriefDeps & { db: Db; mailer?: Mailer | null; log?: (m: string, e?: unknown) => void },
) {
  const repo = createBriefsRepo(deps.db);
  const presentRecipient = (r: Awaited<ReturnType<typeof repo.recipients>>[number]): BriefRecipient => ({
    id: r.id,
    programmeId: r.programmeId,
    email: r.email,
    name: r.name,
    lang: r.locale as Locale,
    createdAt: r.createdAt.toISOString(),
  });
  const fileOf = async (m: BriefRow): Promise<BriefFile> => ({
    id: m.id,
    fileName: m.fileName,
    content: (await repo.content(m.id))!,
    mime: MIME[m.format as BriefFormat],
    asOf: m.asOf,
  });

  /**
   * Sends a period's brief in one format to every recipient, each in their language: the archived
   * file when there is one (a fresh one on schedule, right after the list is published), else made now.
   */
  async function send(
    actor: Actor,
    programmeId: number,
    q: {
      period: string;
      format: BriefFormat;
      trigger: 'schedule' | 'manual';
      /** An archived file made before this moment is made anew (on schedule: the list just published). */
      freshSince?: Date;
    },
  ): Promise<BriefSending[]> {
    const recipients = await repo.recipients(programmeId);
    if (!recipients.length) {
      if (q.trigger === 'manual') throw new AppError('no_recipients');
      return [];
    }
    const ids = await mailBrief({ ...deps, mailer: deps.mailer ?? null, repo }, actor, {
      programmeId,
      period: q.period,
      format: q.format,
      trigger: q.trigger,
      recipients,
      fileIn: async (lang) => {
        const archived = await repo.find(programmeId, q.period, q.format, lang);
        if (archived && (!q.freshSince || archived.generatedAt >= q.freshSince)) return fileOf(archived);
        const made = await generate(actor, programmeId, { period: q.period, format: q.format, lang });
        return fileOf((await repo.meta(made.id))!);
      },
    });
    const sent = (await repo.sendings(programmeId, ids.length)).map(presentSending);
    await auditLog(deps.db, deps.clock).record({
      actorId: actor.userId,
      action: 'brief.sent',
      entity: 'weekly_brief',
      entityId: `${programmeId}/${q.period}/${q.format}`,
      after: {
        trigger: q.trigger,
        sent: sent.filter((x) => x.status === 'sent').length,
        failed: sent.filter((x) => x.status === 'failed').length,
      },
    });
    return sent;
  }

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

    /** The send button of an archived brief: that period and format, to every recipient. */
    async sendArchived(actor: Actor, id: number): Promise<BriefSending[]> {
      const m = await repo.meta(id);
      if (!m) throw new AppError('not_found');
      await deps.programmes.access(actor, m.programmeId).catch(() => {
        throw new AppError('not_found');
      });
      if (!mayGenerate(actor, m.programmeId)) throw new AppError('forbidden');
      return send(actor, m.programmeId, {
        period: m.period,
        format: m.format as BriefFormat,
        trigger: 'manual',
      });
    },

    async sendings(actor: Actor, programmeId: number): Promise<BriefSending[]> {
      await deps.programmes.access(actor, programmeId);
      if (!mayRead(actor, programmeId)) throw new AppError('forbidden');
      return (await repo.sendings(programmeId)).map(presentSending);
    },

    async recipients(actor: Actor, programmeId: number) {
      await deps.programmes.access(actor, programmeId);
      if (!mayRead(actor, programmeId)) throw new AppError('forbidden');
      return {
        recipients: (await repo.recipients(programmeId)).map(presentRecipient),
        can: { manage: mayManageRecipients(actor, programmeId), send: mayGenerate(actor, programmeId) },
      };
    },

    async addRecipient(actor: Actor, programmeId: number, input: BriefRecipientInput) {
      await deps.programmes.access(actor, programmeId);
      if (!mayManageRecipients(actor, programmeId)) throw new AppError('forbidden');
      const row = await deps.db.transaction(async (tx) => {
        const r = await createBriefsRepo(tx).addRecipient({
          programmeId,
          email: input.email,
          name: input.name,
          locale: input.lang,
          createdAt: deps.clock.now(),
          createdBy: actor.userId,
        });
        if (!r) throw new AppError('recipient_exists', { email: input.email }, 'email');
        await auditLog(tx, deps.clock).record({
          actorId: actor.userId,
          action: 'brief.recipient_added',
          entity: 'programme',
          entityId: String(programmeId),
          after: { email: input.email, name: input.name, lang: input.lang },
        });
        return r;
      });
      return presentRecipient(row);
    },

    async removeRecipient(actor: Actor, id: number) {
      const r = await repo.recipient(id);
      if (!r) throw new AppError('not_found');
      await deps.programmes.access(actor, r.programmeId).catch(() => {
        throw new AppError('not_found');
      });
      if (!mayManageRecipients(actor, r.programmeId)) throw new AppError('forbidden');
      await deps.db.transaction(async (tx) => {
        await createBriefsRepo(tx).removeRecipient(id);
        await auditLog(tx, deps.clock).record({
          actorId: actor.userId,
          action: 'brief.recipient_removed',
          entity: 'programme',
          entityId: String(r.programmeId),
          before: { email: r.email, name: r.name, lang: r.locale },
        });
      });
    },

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

    /**
     * After a list is published: the brief of that period writes itself (DOCX and XLSX, Vietnamese)
     * and goes by e-mail (DOCX) to the programme's recipients, each in their language.
     */
    async afterPublished(e: { programmeId: number; period: string }) {
      const actor = { ...systemActor, locale: 'vi' as const };
      const freshSince = deps.clock.now();
      for (const format of ['docx', 'xlsx'] as const) {
        try {
          await generate(actor, e.programmeId, { period: e.period, format, lang: 'vi' });
        } catch (err) {
          deps.log?.('weekly brief not generated', err);
        }
      }
      try {
        await send(actor, e.programmeId, {
          period: e.period,
          format: 'docx',
          trigger: 'schedule',
          freshSince,
        });
      } catch (err) {
        deps.log?.('weekly brief not sent', err);
      }
    },
  };
}
export type BriefsService = ReturnType<typeof createBriefsService>;
