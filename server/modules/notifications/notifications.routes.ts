import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  markReadBody,
  notificationListSchema,
  notificationPrefSchema,
  outboxItemSchema,
  setPrefsBody,
} from '../../../shared/schemas/notifications.js';
import { typed } from '../../lib/http.js';
import { requireUser } from '../../plugins/auth.js';
import type { NotificationsService } from './notifications.service.js';

export function notificationsRoutes(app: FastifyInstance, notifications: NotificationsService) {
  const r = typed(app);
  const opts = { preHandler: requireUser };
  const tags = ['notifications'];
  r.get('/notifications', { ...opts, schema: { tags, response: { 200: notificationListSchema } } }, (req) =>
    notifications.mine(req.actor),
  );
  r.post(
    '/notifications/read',
    {
      ...opts,
      schema: { tags, body: markReadBody, response: { 200: z.object({ unread: z.number().int() }) } },
    },
    (req) => notifications.markRead(req.actor, req.body.ids),
  );
  r.get(
    '/me/notification-prefs',
    { ...opts, schema: { tags, response: { 200: z.array(notificationPrefSchema) } } },
    (req) => notifications.prefs(req.actor),
  );
  r.put(
    '/me/notification-prefs',
    { ...opts, schema: { tags, body: setPrefsBody, response: { 200: z.array(notificationPrefSchema) } } },
    (req) => notifications.setPrefs(req.actor, req.body.prefs),
  );
  r.get('/admin/outbox', { ...opts, schema: { tags, response: { 200: z.array(outboxItemSchema) } } }, (req) =>
    notifications.outbox(req.actor),
  );
}
