import { periodFromKey } from '../../../shared/periods.js';
import type { BriefFormat, BriefSending } from '../../../shared/schemas/briefs.js';
import type { Locale } from '../../../shared/schemas/common.js';
import type { Clock } from '../../lib/clock.js';
import { pickName } from '../../lib/localize.js';
import type { Mailer } from '../../lib/mailer.js';
import type { Actor } from '../auth/actor.js';
import type { ProgrammesService } from '../programmes/programmes.service.js';
import { formatDay } from './brief.docx.js';
import { BRIEF_LABELS } from './brief.labels.js';
import type { BriefsRepo } from './briefs.repo.js';

export const SMTP_NOT_CONFIGURED = 'smtp_not_configured';

export type SendingRow = Awaited<ReturnType<BriefsRepo['sendings']>>[number];

export const presentSending = (r: SendingRow): BriefSending => ({
  id: r.id,
  programmeId: r.programmeId,
  briefId: r.briefId,
  period: r.period,
  format: r.format as BriefFormat,
  lang: r.locale as Locale,
  email: r.email,
  name: r.name,
  status: r.status as BriefSending['status'],
  error: r.error,
  trigger: r.trigger as BriefSending['trigger'],
  sentAt: r.sentAt.toISOString(),
  sentBy: r.sentBy,
});

/** One brief's file in each language it is asked in (the archive's, or made for the occasion). */
export type BriefFile = { id: number; fileName: string; content: Buffer; mime: string; asOf: string };

/**
 * Sends a period's brief to each recipient in their language, one e-mail each with the file
 * attached, through the SMTP client; every attempt is recorded with the server's answer, so a
 * refused address shows as failed without stopping the others.
 */
export async function mailBrief(
  deps: { clock: Clock; programmes: ProgrammesService; mailer: Mailer | null; repo: BriefsRepo },
  actor: Actor,
  job: {
    programmeId: number;
    period: string;
    format: BriefFormat;
    trigger: 'schedule' | 'manual';
    recipients: { email: string; name: string; locale: string }[];
    fileIn: (locale: Locale) => Promise<BriefFile>;
  },
): Promise<number[]> {
  const programme = await deps.programmes.get(actor, job.programmeId);
  const period = periodFromKey(job.period);
  const files = new Map<Locale, BriefFile>();
  const ids: number[] = [];
  for (const r of job.recipients) {
    const locale = r.locale as Locale;
    let file = files.get(locale);
    if (!file) files.set(locale, (file = await job.fileIn(locale)));
    const l = BRIEF_LABELS[locale];
    let error: string | null = null;
    // A code the screen translates: no SMTP server is configured (SMTP_URL), nothing left.
    if (!deps.mailer) error = SMTP_NOT_CONFIGURED;
    else
      try {
        await deps.mailer.send({
          to: r.email,
          subject: l.mail.subject(programme.code, job.period),
          text: l.mail.body({
            name: r.name,
            programme: pickName(locale, programme.name.vi, programme.name.en, programme.name.ar),
            period: job.period,
            from: formatDay(period.start, locale),
            to: formatDay(period.end, locale),
            asOf: formatDay(file.asOf, locale),
          }),
          attachments: [{ filename: file.fileName, content: file.content, contentType: file.mime }],
        });
      } catch (e) {
        error = (e instanceof Error ? e.message : String(e)).slice(0, 500);
      }
    const [row] = await deps.repo.recordSending({
      programmeId: job.programmeId,
      briefId: file.id,
      period: job.period,
      format: job.format,
      locale,
      email: r.email,
      name: r.name,
      status: error ? 'failed' : 'sent',
      error,
      trigger: job.trigger,
      sentAt: deps.clock.now(),
      sentBy: actor.userId,
    });
    ids.push(row!.id);
  }
  return ids;
}
