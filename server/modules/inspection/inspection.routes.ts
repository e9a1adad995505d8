import type { FastifyInstance } from 'fastify';
import { cockpitParams } from '../../../shared/schemas/cockpit.js';
import { inspectionQuery, inspectionSchema } from '../../../shared/schemas/inspection.js';
import { typed } from '../../lib/http.js';
import { requireUser } from '../../plugins/auth.js';
import type { InspectionService } from './inspection.service.js';

export function inspectionRoutes(app: FastifyInstance, inspection: InspectionService) {
  typed(app).get(
    '/programmes/:programmeId/inspection',
    {
      preHandler: requireUser,
      schema: {
        tags: ['inspection'],
        params: cockpitParams,
        querystring: inspectionQuery,
        response: { 200: inspectionSchema },
      },
    },
    (req) => inspection.get(req.actor, req.params.programmeId, req.query),
  );
}
