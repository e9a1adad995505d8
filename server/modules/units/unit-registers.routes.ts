import type { FastifyInstance } from 'fastify';
import { idParams } from '../../../shared/schemas/common.js';
import { unitRegistersQuery, unitRegistersSchema } from '../../../shared/schemas/unit-registers.js';
import { typed } from '../../lib/http.js';
import { requireUser } from '../../plugins/auth.js';
import type { UnitRegistersService } from './unit-registers.service.js';

export function unitRegistersRoutes(app: FastifyInstance, s: UnitRegistersService) {
  typed(app).get(
    '/units/:id/registers',
    {
      preHandler: requireUser,
      schema: {
        tags: ['units'],
        params: idParams,
        querystring: unitRegistersQuery,
        response: { 200: unitRegistersSchema },
      },
    },
    (req) => s.summary(req.actor, req.params.id, req.query),
  );
}
