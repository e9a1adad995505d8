import type { FastifyInstance } from 'fastify';
import { idParams, okSchema } from '../../../shared/schemas/common.js';
import { accelerateBody, pilotsOverviewSchema, pilotsQuery } from '../../../shared/schemas/pilots.js';
import { typed } from '../../lib/http.js';
import { requireUser } from '../../plugins/auth.js';
import type { PilotsService } from './pilots.service.js';

export function pilotsRoutes(app: FastifyInstance, s: PilotsService) {
  const r = typed(app);
  const opts = { preHandler: requireUser };
  const tags = ['pilots'];
  r.get(
    '/pilots',
    { ...opts, schema: { tags, querystring: pilotsQuery, response: { 200: pilotsOverviewSchema } } },
    (req) => s.overview(req.actor, req.query),
  );
  r.put(
    '/pilots/:id/accelerate',
    { ...opts, schema: { tags, params: idParams, body: accelerateBody, response: { 200: okSchema } } },
    (req) => s.setAccelerate(req.actor, req.params.id, req.body),
  );
}
