import { z } from 'zod';
import { NOTIFICATION_KINDS } from '../vocabulary.js';

export const notificationListSchema = z.object({
  unread: z.number().int(),
  items: z.array(
    z.object({
      id: z.number().int(),
      kind: z.string(),
      text: z.string(),
      link: z.string().nullable(),
      createdAt: z.string(),
      read: z.boolean(),
    }),
  ),
});
export const markReadBody = z
  .object({ ids: z.union([z.array(z.number().int().positive()).max(500), z.literal('all')]) })
  .strict();
export const notificationPrefSchema = z.object({ kind: z.string(), label: z.string(), email: z.boolean() });
export const setPrefsBody = z
  .object({
    prefs: z
      .array(
        z
          .object({
            kind: z.enum(NOTIFICATION_KINDS),
            email: z.boolean(),
          })
          .strict(),
      )
      .max(50),
  })
  .strict();
export const outboxItemSchema = z.object({
  id: z.number().int(),
  to: z.string(),
  subject: z.string(),
  body: z.string(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
});
