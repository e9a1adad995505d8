import type { FastifyInstance } from 'fastify';
import { idParams } from '../../../shared/schemas/common.js';
import {
  createDirectiveTasksBody,
  createDirectiveTasksResponse,
  draftTasksQuery,
  draftTasksResponse,
} from '../../../shared/schemas/draft-tasks.js';
import { AppError } from '../../lib/app-error.js';
import { typed } from '../../lib/http.js';
import { requireUser } from '../../plugins/auth.js';
import type { DraftTasksService } from './draft-tasks.service.js';

/** Largest document accepted: a 60-page plan as DOCX is well under 1 MB, as PDF a few MB. */
export const DRAFT_BODY_LIMIT = 20 * 1_048_576;

/**
 * `POST /directives/{id}/draft-tasks`: the document itself is the body (DOCX, PDF with a text
 * layer, or text/plain for pasted text); answers draft tasks and writes nothing.
 * `POST /directives/{id}/tasks`: creates the confirmed drafts in one transaction.
 */
export function draftTasksRoutes(app: FastifyInstance, service: DraftTasksService) {
  const tags = ['directives'];
  const opts = { preHandler: requireUser };
  app.register(async (raw) => {
    raw.removeAllContentTypeParsers();
    raw.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: DRAFT_BODY_LIMIT }, (_req, body, done) =>
      done(null, body),
    );
    typed(raw).post(
      '/directives/:id/draft-tasks',
      {
        ...opts,
        schema: {
          tags,
          params: idParams,
          querystring: draftTasksQuery,
          response: { 200: draftTasksResponse },
        },
      },
      (req) => {
        if (!Buffer.isBuffer(req.body) || req.body.length === 0) throw new AppError('document_type');
        return service.draft(req.actor, req.params.id, {
          contentType: req.headers['content-type'],
          body: req.body,
          documentDate: req.query.documentDate,
        });
      },
    );
  });
  typed(app).post(
    '/directives/:id/tasks',
    {
      ...opts,
      schema: {
        tags,
        params: idParams,
        body: createDirectiveTasksBody,
        response: { 201: createDirectiveTasksResponse },
      },
    },
    async (req, reply) => reply.status(201).send(await service.create(req.actor, req.params.id, req.body)),
  );
}
