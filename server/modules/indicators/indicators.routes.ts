import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { idParams } from '../../../shared/schemas/common.js';
import {
  enterValuesBody,
  enterValuesResponse,
  entrySheetQuery,
  entrySheetSchema,
  importBody,
  importResult,
  indicatorInput,
  indicatorListQuery,
  indicatorPatch,
  indicatorSchema,
  programmeParams,
  targetsBody,
  valuesQuery,
  valuesResponse,
} from '../../../shared/schemas/indicators.js';
import { typed } from '../../lib/http.js';
import { localeOf } from '../../plugins/error-handler.js';
import { requireUser } from '../../plugins/auth.js';
import type { IndicatorsService } from './indicators.service.js';

export function indicatorsRoutes(app: FastifyInstance, indicators: IndicatorsService) {
  const r = typed(app);
  const opts = { preHandler: requireUser };
  const tags = ['indicators'];
  const one = { 200: indicatorSchema };
  r.get(
    '/indicators',
    {
      ...opts,
      schema: { tags, querystring: indicatorListQuery, response: { 200: z.array(indicatorSchema) } },
    },
    (req) => indicators.list(req.actor, req.query.programmeId),
  );
  r.post('/indicators', { ...opts, schema: { tags, body: indicatorInput, response: one } }, (req) =>
    indicators.create(req.actor, req.body),
  );
  r.get('/indicators/:id', { ...opts, schema: { tags, params: idParams, response: one } }, (req) =>
    indicators.get(req.actor, req.params.id),
  );
  r.patch(
    '/indicators/:id',
    { ...opts, schema: { tags, params: idParams, body: indicatorPatch, response: one } },
    (req) => indicators.update(req.actor, req.params.id, req.body),
  );
  r.put(
    '/indicators/:id/targets',
    { ...opts, schema: { tags, params: idParams, body: targetsBody, response: one } },
    (req) => indicators.setTargets(req.actor, req.params.id, req.body.targets),
  );
  r.get(
    '/indicators/:id/values',
    {
      ...opts,
      schema: { tags, params: idParams, querystring: valuesQuery, response: { 200: valuesResponse } },
    },
    (req) => indicators.values(req.actor, req.params.id, req.query),
  );
  r.get(
    '/programmes/:id/indicator-values',
    {
      ...opts,
      schema: {
        tags,
        params: programmeParams,
        querystring: entrySheetQuery,
        response: { 200: entrySheetSchema },
      },
    },
    (req) => indicators.entrySheet(req.actor, req.params.id, req.query),
  );
  r.post(
    '/programmes/:id/indicator-values',
    {
      ...opts,
      schema: {
        tags,
        params: programmeParams,
        body: enterValuesBody,
        response: { 200: enterValuesResponse },
      },
    },
    (req) => indicators.enter(req.actor, req.params.id, req.body),
  );
  r.post(
    '/programmes/:id/indicator-values/import',
    {
      ...opts,
      bodyLimit: 12 * 1_048_576,
      schema: { tags, params: programmeParams, body: importBody, response: { 200: importResult } },
    },
    (req) => indicators.import(req.actor, req.params.id, { ...req.body, locale: localeOf(req) }),
  );
}
