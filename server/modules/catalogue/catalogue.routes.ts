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
import { catalogueXlsx, type CatalogueService } from './catalogue.service.js';

export function catalogueRoutes(app: FastifyInstance, s: CatalogueService) {
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
}
