import { createReadStream } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { idParams, isoDate } from '../../../shared/schemas/common.js';
import {
  createDirectiveBody,
  directiveSchema,
  updateDirectiveBody,
} from '../../../shared/schemas/programmes.js';
import { summaryResponse } from '../../../shared/schemas/tasks.js';
import { AppError } from '../../lib/app-error.js';
import { typed } from '../../lib/http.js';
import { requireUser } from '../../plugins/auth.js';
import type { TasksService } from '../tasks/tasks.service.js';
import type { DirectiveFiles } from './directive-file.js';
import { directiveCsv, directiveTaskTable, directiveXlsx } from './directives.export.js';
import type { DirectivesService } from './directives.service.js';

const asOfQuery = z.object({ asOf: isoDate.optional() }).strict();

/**
 * The directives register. The file upload is the file itself as the body (type in
 * Content-Type, URI-encoded name in X-File-Name), as for evidence files.
 */
export function directivesRoutes(
  app: FastifyInstance,
  deps: { directives: DirectivesService; files: DirectiveFiles; tasks: TasksService },
) {
  const { directives, files, tasks } = deps;
  const tags = ['directives'];
  const opts = { preHandler: requireUser };
  const r = typed(app);
  r.get(
    '/programmes/:id/directives',
    { ...opts, schema: { tags, params: idParams, response: { 200: z.array(directiveSchema) } } },
    (req) => directives.list(req.actor, req.params.id),
  );
  r.post(
    '/programmes/:id/directives',
    {
      ...opts,
      schema: { tags, params: idParams, body: createDirectiveBody, response: { 201: directiveSchema } },
    },
    async (req, reply) => reply.status(201).send(await directives.create(req.actor, req.params.id, req.body)),
  );
  r.get(
    '/directives/:id',
    { ...opts, schema: { tags, params: idParams, response: { 200: directiveSchema } } },
    (req) => directives.get(req.actor, req.params.id),
  );
  r.patch(
    '/directives/:id',
    {
      ...opts,
      schema: { tags, params: idParams, body: updateDirectiveBody, response: { 200: directiveSchema } },
    },
    (req) => directives.update(req.actor, req.params.id, req.body),
  );
  /** Its tasks' states as of a date, counted as the cockpit counts (the tasks summary). */
  r.get(
    '/directives/:id/summary',
    {
      ...opts,
      schema: { tags, params: idParams, querystring: asOfQuery, response: { 200: summaryResponse } },
    },
    async (req) => {
      const d = await directives.get(req.actor, req.params.id);
      return tasks.summary(req.actor, {
        programmeId: d.programmeId,
        directiveId: d.id,
        asOf: req.query.asOf,
      });
    },
  );
  r.get(
    '/directives/:id/export',
    {
      ...opts,
      schema: {
        tags,
        params: idParams,
        querystring: z
          .object({ asOf: isoDate.optional(), format: z.enum(['xlsx', 'csv']).default('xlsx') })
          .strict(),
      },
    },
    async (req, reply) => {
      const d = await directives.get(req.actor, req.params.id);
      const { table, asOf } = await directiveTaskTable(tasks, req.actor, d, req.query.asOf);
      const name = `directive-${d.id}-${asOf}`;
      if (req.query.format === 'csv')
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${name}.csv"`)
          .send(directiveCsv(table));
      const summary = await tasks.summary(req.actor, { programmeId: d.programmeId, directiveId: d.id, asOf });
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${name}.xlsx"`)
        .send(await directiveXlsx(req.actor, d, summary, table));
    },
  );
  app.register(async (raw) => {
    raw.removeAllContentTypeParsers();
    raw.addContentTypeParser('*', (_req, _payload, done) => done(null, undefined));
    typed(raw).post(
      '/directives/:id/file',
      { ...opts, schema: { tags, params: idParams, response: { 200: directiveSchema } } },
      async (req) => {
        const header = req.headers['x-file-name'];
        if (typeof header !== 'string' || !header) throw new AppError('validation_failed', {}, 'X-File-Name');
        let name: string;
        try {
          name = decodeURIComponent(header);
        } catch {
          throw new AppError('validation_failed', {}, 'X-File-Name');
        }
        const length = req.headers['content-length'] ? Number(req.headers['content-length']) : undefined;
        return files.upload(req.actor, req.params.id, {
          name,
          type: req.headers['content-type'] ?? 'application/octet-stream',
          length,
          body: req.raw,
        });
      },
    );
  });
  r.get('/directives/:id/file', { ...opts, schema: { tags, params: idParams } }, async (req, reply) => {
    const f = await files.open(req.actor, req.params.id);
    reply
      .type(f.mediaType)
      .header('content-length', f.size)
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.fileName)}`);
    return reply.send(createReadStream(f.path));
  });
}
