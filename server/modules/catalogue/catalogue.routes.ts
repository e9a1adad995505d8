import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  catalogueSummarySchema,
  datasetBody,
  datasetListQuery,
  datasetSchema,
  updateDatasetBody,
} from '../../../shared/schemas/catalogue.js';
import { idParams, idSchema, isoDate } from '../../../shared/schemas/common.js';
import { typed } from '../../lib/http.js';
import { requireUser } from '../../plugins/auth.js';
import { AppError } from '../../lib/app-error.js';
import { assessmentImportSchema } from '../../../shared/schemas/criteria.js';
import type { CatalogueImport } from './catalogue.import.js';
import { catalogueXlsx, type CatalogueService } from './catalogue.service.js';

export function catalogueRoutes(app: FastifyInstance, s: CatalogueService, imports: CatalogueImport) {
  const r = typed(app);
  const opts = { preHandler: requireUser };
  const tags = ['catalogue'];
  r.get(
    '/catalogue/datasets',
    { ...opts, schema: { tags, querystring: datasetListQuery, response: { 200: z.array(datasetSchema) } } },
    (req) => s.list(req.actor, req.query),
  );
  r.get(
    '/catalogue/datasets/export.xlsx',
    { ...opts, schema: { tags, querystring: datasetListQuery } },
    async (req, reply) => {
      const list = await s.list(req.actor, req.query);
      const day = req.query.asOf ?? 'today';
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="data-catalogue-${day}.xlsx"`)
        .send(await catalogueXlsx(list, req.actor.locale, day));
    },
  );
  r.get(
    '/catalogue/summary',
    {
      ...opts,
      schema: {
        tags,
        querystring: z.object({ programmeId: idSchema, asOf: isoDate.optional() }).strict(),
        response: { 200: catalogueSummarySchema },
      },
    },
    (req) => s.summary(req.actor, req.query),
  );
  r.put(
    '/catalogue/settings',
    {
      ...opts,
      schema: {
        tags,
        body: z
          .object({
            programmeId: z.number().int().positive(),
            taskId: z.number().int().positive().nullable(),
            publisherKinds: z.array(z.string().trim().min(1).max(40)).min(1).max(10),
          })
          .strict(),
        response: { 200: catalogueSummarySchema },
      },
    },
    (req) => s.setSettings(req.actor, req.body.programmeId, req.body),
  );
  r.get(
    '/catalogue/datasets/:id',
    {
      ...opts,
      schema: {
        tags,
        params: idParams,
        querystring: z.object({ asOf: isoDate.optional() }).strict(),
        response: { 200: datasetSchema },
      },
    },
    (req) => s.get(req.actor, req.params.id, req.query.asOf),
  );
  r.post(
    '/catalogue/datasets',
    { ...opts, schema: { tags, body: datasetBody, response: { 200: datasetSchema } } },
    (req) => s.create(req.actor, req.body),
  );
  r.patch(
    '/catalogue/datasets/:id',
    {
      ...opts,
      schema: { tags, params: idParams, body: updateDatasetBody, response: { 200: datasetSchema } },
    },
    (req) => s.update(req.actor, req.params.id, req.body),
  );
  r.get(
    '/catalogue/datasets/template.xlsx',
    { ...opts, schema: { tags, querystring: z.object({ programmeId: idSchema }).strict() } },
    async (req, reply) =>
      reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', 'attachment; filename="data-catalogue-template.xlsx"')
        .send(await imports.template(req.actor, req.query.programmeId)),
  );
  // The XLSX itself is the request body (up to 10 MB).
  app.register(async (raw) => {
    raw.removeAllContentTypeParsers();
    raw.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: 10 * 1_048_576 }, (_req, body, done) =>
      done(null, body),
    );
    const t = typed(raw);
    const body = (b: unknown) => {
      if (!Buffer.isBuffer(b) || b.length === 0) throw new AppError('import_file_invalid');
      return b;
    };
    const schema = {
      tags,
      querystring: z
        .object({ programmeId: idSchema, mode: z.enum(['all', 'valid']).default('all') })
        .strict(),
      response: { 200: assessmentImportSchema },
    };
    t.post('/catalogue/datasets/import/preview', { ...opts, schema }, (req) =>
      imports.preview(req.actor, req.query.programmeId, body(req.body)),
    );
    t.post('/catalogue/datasets/import', { ...opts, schema }, (req) =>
      imports.commit(req.actor, req.query.programmeId, body(req.body), req.query.mode),
    );
  });
}
