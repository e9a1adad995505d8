import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { idParams } from '../../../shared/schemas/common.js';
import {
  computeWarningsBody,
  computedWarningListSchema,
  removeWarningUnitBody,
  warningListByPeriodParams,
  warningListQuery,
  warningListSchema,
  warningListSummarySchema,
  warningNoteBody,
  warningUnitParams,
} from '../../../shared/schemas/warnings.js';
import { typed } from '../../lib/http.js';
import { requireUser } from '../../plugins/auth.js';
import type { WarningsService } from './warnings.service.js';

export function warningsRoutes(app: FastifyInstance, warnings: WarningsService) {
  const r = typed(app);
  const opts = { preHandler: requireUser };
  const tags = ['warnings'];
  const one = { 200: warningListSchema };
  r.get(
    '/warning-lists',
    {
      ...opts,
      schema: { tags, querystring: warningListQuery, response: { 200: z.array(warningListSummarySchema) } },
    },
    (req) => warnings.summaries(req.actor, req.query.programmeId),
  );
  r.get(
    '/programmes/:programmeId/warning-lists/:period',
    { ...opts, schema: { tags, params: warningListByPeriodParams, response: one } },
    (req) => warnings.byPeriod(req.actor, req.params.programmeId, req.params.period),
  );
  r.get('/warning-lists/:id', { ...opts, schema: { tags, params: idParams, response: one } }, (req) =>
    warnings.get(req.actor, req.params.id),
  );
  r.post(
    '/warning-lists/compute',
    { ...opts, schema: { tags, body: computeWarningsBody, response: { 200: computedWarningListSchema } } },
    (req) => warnings.compute(req.actor, req.body),
  );
  r.patch(
    '/warning-lists/:id',
    { ...opts, schema: { tags, params: idParams, body: warningNoteBody, response: one } },
    (req) => warnings.setNote(req.actor, req.params.id, req.body.note),
  );
  r.patch(
    '/warning-lists/:id/units/:unitId',
    { ...opts, schema: { tags, params: warningUnitParams, body: warningNoteBody, response: one } },
    (req) => warnings.setUnitNote(req.actor, req.params.id, req.params.unitId, req.body.note),
  );
  r.post(
    '/warning-lists/:id/units/:unitId/remove',
    { ...opts, schema: { tags, params: warningUnitParams, body: removeWarningUnitBody, response: one } },
    (req) => warnings.removeUnit(req.actor, req.params.id, req.params.unitId, req.body.reason),
  );
  r.post(
    '/warning-lists/:id/units/:unitId/restore',
    { ...opts, schema: { tags, params: warningUnitParams, response: one } },
    (req) => warnings.restoreUnit(req.actor, req.params.id, req.params.unitId),
  );
  r.post(
    '/warning-lists/:id/publish',
    { ...opts, schema: { tags, params: idParams, response: one } },
    (req) => warnings.publish(req.actor, req.params.id),
  );
}
