import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { idParams, isoDate } from '../../../shared/schemas/common.js';
import {
  createObstacleBody,
  obstacleListQuery,
  obstacleSchema,
  obstacleStatusBody,
  obstacleSummarySchema,
  updateObstacleBody,
} from '../../../shared/schemas/obstacles.js';
import { typed } from '../../lib/http.js';
import { requireUser } from '../../plugins/auth.js';
import type { ObstaclesService } from './obstacles.service.js';
import { obstaclesXlsx } from './registers.export.js';

export function obstaclesRoutes(app: FastifyInstance, s: ObstaclesService) {
  const r = typed(app);
  const opts = { preHandler: requireUser };
  const tags = ['obstacles'];
  r.get(
    '/obstacles',
    { ...opts, schema: { tags, querystring: obstacleListQuery, response: { 200: z.array(obstacleSchema) } } },
    (req) => s.list(req.actor, req.query),
  );
  r.get(
    '/obstacles/summary',
    {
      ...opts,
      schema: {
        tags,
        querystring: z
          .object({ programmeId: z.coerce.number().int().positive(), asOf: isoDate.optional() })
          .strict(),
        response: { 200: obstacleSummarySchema },
      },
    },
    (req) => s.summary(req.actor, req.query),
  );
  r.get(
    '/obstacles/export.xlsx',
    { ...opts, schema: { tags, querystring: obstacleListQuery } },
    async (req, reply) => {
      const list = await s.list(req.actor, req.query);
      const day = req.query.asOf ?? 'today';
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="obstacles-${day}.xlsx"`)
        .send(await obstaclesXlsx(list, req.actor.locale, day));
    },
  );
  r.get(
    '/obstacles/:id',
    {
      ...opts,
      schema: {
        tags,
        params: idParams,
        querystring: z.object({ asOf: isoDate.optional() }).strict(),
        response: { 200: obstacleSchema },
      },
    },
    (req) => s.get(req.actor, req.params.id, req.query.asOf),
  );
  r.post(
    '/obstacles',
    { ...opts, schema: { tags, body: createObstacleBody, response: { 200: obstacleSchema } } },
    (req) => s.create(req.actor, req.body),
  );
  r.patch(
    '/obstacles/:id',
    {
      ...opts,
      schema: { tags, params: idParams, body: updateObstacleBody, response: { 200: obstacleSchema } },
    },
    (req) => s.update(req.actor, req.params.id, req.body),
  );
  r.post(
    '/obstacles/:id/status',
    {
      ...opts,
      schema: { tags, params: idParams, body: obstacleStatusBody, response: { 200: obstacleSchema } },
    },
    (req) => s.setStatus(req.actor, req.params.id, req.body),
  );
}
