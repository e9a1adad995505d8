import { z } from 'zod';
import { localeSchema } from './common.js';
import { periodKey } from './reports.js';

export const BRIEF_FORMATS = ['docx', 'xlsx', 'pdf'] as const;
export const briefFormat = z.enum(BRIEF_FORMATS);
export type BriefFormat = z.infer<typeof briefFormat>;

export const generateBriefBody = z
  .object({ period: periodKey, format: briefFormat.default('docx'), lang: localeSchema.optional() })
  .strict();

export const briefSchema = z.object({
  id: z.number().int(),
  programmeId: z.number().int(),
  period: z.string(),
  format: briefFormat,
  lang: localeSchema,
  fileName: z.string(),
  bytes: z.number().int(),
  sha256: z.string(),
  asOf: z.string(),
  generatedAt: z.string(),
  generatedBy: z.string().nullable(),
  tookMs: z.number().int(),
});
export type Brief = z.infer<typeof briefSchema>;

export const briefListQuery = z.object({ programmeId: z.coerce.number().int().positive() }).strict();

/** A programme's brief recipient: the brief goes to them by e-mail in their language. */
export const briefRecipientBody = z
  .object({
    email: z.string().trim().toLowerCase().email().max(254),
    name: z.string().trim().min(1).max(200),
    lang: localeSchema,
  })
  .strict();
export type BriefRecipientInput = z.infer<typeof briefRecipientBody>;
export const briefRecipientSchema = z.object({
  id: z.number().int(),
  programmeId: z.number().int(),
  email: z.string(),
  name: z.string(),
  lang: localeSchema,
  createdAt: z.string(),
});
export type BriefRecipient = z.infer<typeof briefRecipientSchema>;

export const BRIEF_SENDING_STATUSES = ['sent', 'failed'] as const;
export const briefSendingSchema = z.object({
  id: z.number().int(),
  programmeId: z.number().int(),
  briefId: z.number().int().nullable(),
  period: z.string(),
  format: briefFormat,
  lang: localeSchema,
  email: z.string(),
  name: z.string(),
  status: z.enum(BRIEF_SENDING_STATUSES),
  error: z.string().nullable(),
  trigger: z.enum(['schedule', 'manual']),
  sentAt: z.string(),
  sentBy: z.string().nullable(),
});
export type BriefSending = z.infer<typeof briefSendingSchema>;

export const briefRecipientsResponse = z.object({
  recipients: z.array(briefRecipientSchema),
  can: z.object({ manage: z.boolean(), send: z.boolean() }),
});
export type BriefRecipients = z.infer<typeof briefRecipientsResponse>;
