import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  adjustmentBody,
  adjustmentListQuery,
  adjustmentSchema,
  completionBody,
  completionListQuery,
  completionSchema,
  decideAdjustmentBody,
  decideCompletionBody,
} from '../../../shared/schemas/adjustments.js';
import { idParams } from '../../../shared/schemas/common.js';
import { typed } from '../../lib/http.js';
import { requireUser } from '../../plugins/auth.js';
import type { AdjustmentsService } from './adjustments.service.js';

export function adjustmentsRoutes(app: FastifyInstance, s: AdjustmentsService) {
  const r = typed(app);
  const opts = { preHandler: requireUser };
  const tags = ['adjustments'];
  r.get(
    '/adjustments',
    {
      ...opts,
      schema: { tags, querystring: adjustmentListQuery, response: { 200: z.array(adjustmentSchema) } },
    },
    (req) => s.list(req.actor, req.query),
  );
  r.post(
    '/adjustments',
    { ...opts, schema: { tags, body: adjustmentBody, response: { 200: adjustmentSchema } } },
    (req) => s.request(req.actor, req.body),
  );
  r.post(
    '/adjustments/:id/decide',
    {
      ...opts,
      schema: { tags, params: idParams, body: decideAdjustmentBody, response: { 200: adjustmentSchema } },
    },
    (req) => s.decide(req.actor, req.params.id, req.body),
  );
  r.get(
    '/completions',
    {
      ...opts,
      schema: { tags, querystring: completionListQuery, response: { 200: z.array(completionSchema) } },
    },
    (req) => s.completions(req.actor, req.query),
  );
  r.post(
    '/completions',
    { ...opts, schema: { tags, body: completionBody, response: { 200: completionSchema } } },
    (req) => s.declareDone(req.actor, req.body),
  );
  r.post(
    '/completions/:id/decide',
    {
      ...opts,
      schema: { tags, params: idParams, body: decideCompletionBody, response: { 200: completionSchema } },
    },
    (req) => s.decideCompletion(req.actor, req.params.id, req.body),
  );
}
