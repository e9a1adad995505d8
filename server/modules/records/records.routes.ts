import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { idParams } from '../../../shared/schemas/common.js';
import {
  importQuery,
  importResultSchema,
  indicatorsQuery,
  indicatorsResponse,
  recordsBody,
  rowErrorSchema,
} from '../../../shared/schemas/records.js';
import { AppError } from '../../lib/app-error.js';
import { typed } from '../../lib/http.js';
import { requireUser } from '../../plugins/auth.js';
import type { RecordsService } from './records.service.js';

const importReport = z.object({
  id: z.number().int(),
  source: z.string(),
  format: z.string(),
  mode: z.string(),
  fileName: z.string().nullable(),
  status: z.string(),
  rows: z.number().int(),
  imported: z.number().int(),
  failed: z.number().int(),
  bytes: z.number().int(),
  errors: z.array(rowErrorSchema),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});

/**
 * Service records in: a file as the request body (CSV, XLSX or NDJSON; its name in X-File-Name),
 * streamed through the importer, or a JSON array for integrations. Indicators out.
 */
export function recordsRoutes(app: FastifyInstance, records: RecordsService) {
  const tags = ['service records'];
  const opts = { preHandler: requireUser };
  app.register(async (raw) => {
    raw.removeAllContentTypeParsers();
    raw.addContentTypeParser('*', (_req, _payload, done) => done(null, undefined));
    typed(raw).post(
      '/service-records/imports',
      { ...opts, schema: { tags, querystring: importQuery, response: { 200: importResultSchema } } },
      async (req) => {
        const header = req.headers['x-file-name'];
        let fileName: string | null = null;
        if (typeof header === 'string' && header)
          try {
            fileName = decodeURIComponent(header);
          } catch {
            throw new AppError('validation_failed', {}, 'X-File-Name');
          }
        return records.importFile(req.actor, { ...req.query, fileName, body: req.raw });
      },
    );
  });
  const r = typed(app);
  r.post(
    '/service-records',
    {
      ...opts,
      bodyLimit: 16 * 1_048_576,
      schema: {
        tags,
        querystring: importQuery.omit({ format: true, encoding: true }),
        body: recordsBody,
        response: { 200: importResultSchema },
      },
    },
    (req) =>
      records.importJson(req.actor, { records: req.body, mode: req.query.mode, source: req.query.source }),
  );
  r.get(
    '/service-records/imports/:id',
    { ...opts, schema: { tags, params: idParams, response: { 200: importReport } } },
    (req) => records.importReport(req.actor, req.params.id),
  );
  r.get(
    '/service-indicators',
    { ...opts, schema: { tags, querystring: indicatorsQuery, response: { 200: indicatorsResponse } } },
    (req) => records.indicators(req.actor, req.query),
  );
}
