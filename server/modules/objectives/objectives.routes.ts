import type { FastifyInstance } from 'fastify';
import { idParams, okSchema } from '../../../shared/schemas/common.js';
import {
  keyResultInput,
  keyResultPatch,
  keyResultSchema,
  objectiveInput,
  objectivePatch,
  objectiveSchema,
  okrsQuery,
  okrsResponse,
  programmeParams,
} from '../../../shared/schemas/indicators.js';
import { typed } from '../../lib/http.js';
import { requireUser } from '../../plugins/auth.js';
import type { ObjectivesService } from './objectives.service.js';

export function objectivesRoutes(app: FastifyInstance, objectives: ObjectivesService) {
  const r = typed(app);
  const opts = { preHandler: requireUser };
  const tags = ['objectives'];
  r.get(
    '/programmes/:id/okrs',
    {
      ...opts,
      schema: { tags, params: programmeParams, querystring: okrsQuery, response: { 200: okrsResponse } },
    },
    (req) => objectives.okrs(req.actor, req.params.id, req.query),
  );
  r.post(
    '/objectives',
    { ...opts, schema: { tags, body: objectiveInput, response: { 200: objectiveSchema } } },
    (req) => objectives.createObjective(req.actor, req.body),
  );
  r.patch(
    '/objectives/:id',
    { ...opts, schema: { tags, params: idParams, body: objectivePatch, response: { 200: objectiveSchema } } },
    (req) => objectives.updateObjective(req.actor, req.params.id, req.body),
  );
  r.delete(
    '/objectives/:id',
    { ...opts, schema: { tags, params: idParams, response: { 200: okSchema } } },
    (req) => objectives.deleteObjective(req.actor, req.params.id),
  );
  r.post(
    '/objectives/:id/key-results',
    { ...opts, schema: { tags, params: idParams, body: keyResultInput, response: { 200: keyResultSchema } } },
    (req) => objectives.createKeyResult(req.actor, req.params.id, req.body),
  );
  r.patch(
    '/key-results/:id',
    { ...opts, schema: { tags, params: idParams, body: keyResultPatch, response: { 200: keyResultSchema } } },
    (req) => objectives.updateKeyResult(req.actor, req.params.id, req.body),
  );
  r.delete(
    '/key-results/:id',
    { ...opts, schema: { tags, params: idParams, response: { 200: okSchema } } },
    (req) => objectives.deleteKeyResult(req.actor, req.params.id),
  );
}
