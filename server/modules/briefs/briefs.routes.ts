import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  briefListQuery,
  briefRecipientBody,
  briefRecipientSchema,
  briefRecipientsResponse,
  briefSchema,
  briefSendingSchema,
  generateBriefBody,
} from '../../../shared/schemas/briefs.js';
import { cockpitParams } from '../../../shared/schemas/cockpit.js';
import { idParams, okSchema } from '../../../shared/schemas/common.js';
import { typed } from '../../lib/http.js';
import { requireUser } from '../../plugins/auth.js';
import type { BriefsService } from './briefs.service.js';

export function briefsRoutes(app: FastifyInstance, briefs: BriefsService) {
  const r = typed(app);
  const tags = ['briefs'];
  r.get(
    '/briefs',
    {
      preHandler: requireUser,
      schema: { tags, querystring: briefListQuery, response: { 200: z.array(briefSchema) } },
    },
    (req) => briefs.list(req.actor, req.query.programmeId),
  );
  r.post(
    '/programmes/:programmeId/briefs',
    {
      preHandler: requireUser,
      schema: { tags, params: cockpitParams, body: generateBriefBody, response: { 200: briefSchema } },
    },
    (req) => briefs.generate(req.actor, req.params.programmeId, req.body),
  );
  r.get(
    '/briefs/:id/file',
    { preHandler: requireUser, schema: { tags, params: idParams } },
    async (req, reply) => {
      const f = await briefs.download(req.actor, req.params.id);
      return reply
        .header('content-type', f.mime)
        .header('content-disposition', `attachment; filename="${f.fileName}"`)
        .header('x-content-type-options', 'nosniff')
        .send(f.content);
    },
  );
  r.post(
    '/briefs/:id/send',
    {
      preHandler: requireUser,
      schema: { tags, params: idParams, response: { 200: z.array(briefSendingSchema) } },
    },
    (req) => briefs.sendArchived(req.actor, req.params.id),
  );
  r.get(
    '/programmes/:programmeId/brief-sendings',
    {
      preHandler: requireUser,
      schema: { tags, params: cockpitParams, response: { 200: z.array(briefSendingSchema) } },
    },
    (req) => briefs.sendings(req.actor, req.params.programmeId),
  );
  r.get(
    '/programmes/:programmeId/brief-recipients',
    {
      preHandler: requireUser,
      schema: {
        tags,
        params: cockpitParams,
        response: { 200: briefRecipientsResponse },
      },
    },
    (req) => briefs.recipients(req.actor, req.params.programmeId),
  );
  r.post(
    '/programmes/:programmeId/brief-recipients',
    {
      preHandler: requireUser,
      schema: {
        tags,
        params: cockpitParams,
        body: briefRecipientBody,
        response: { 200: briefRecipientSchema },
      },
    },
    (req) => briefs.addRecipient(req.actor, req.params.programmeId, req.body),
  );
  r.delete(
    '/brief-recipients/:id',
    { preHandler: requireUser, schema: { tags, params: idParams, response: { 200: okSchema } } },
    async (req) => {
      await briefs.removeRecipient(req.actor, req.params.id);
      return { ok: true as const };
    },
  );
}
