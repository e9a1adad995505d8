import type { FastifyInstance } from 'fastify';
import {
  evaluationParams,
  evaluationRulesSchema,
  evaluationSchema,
} from '../../../shared/schemas/evaluations.js';
import { typed } from '../../lib/http.js';
import { requireUser } from '../../plugins/auth.js';
import type { EvaluationsService } from './evaluations.service.js';

export function evaluationsRoutes(app: FastifyInstance, evaluations: EvaluationsService) {
  const r = typed(app);
  const tags = ['evaluations'];
  const url = '/programmes/:programmeId/evaluations/:year';
  const one = { 200: evaluationSchema };
  r.get(url, { preHandler: requireUser, schema: { tags, params: evaluationParams, response: one } }, (req) =>
    evaluations.get(req.actor, req.params.programmeId, req.params.year),
  );
  r.put(
    `${url}/rules`,
    {
      preHandler: requireUser,
      schema: { tags, params: evaluationParams, body: evaluationRulesSchema, response: one },
    },
    (req) => evaluations.setRules(req.actor, req.params.programmeId, req.params.year, req.body),
  );
  r.post(
    `${url}/approve`,
    { preHandler: requireUser, schema: { tags, params: evaluationParams, response: one } },
    (req) => evaluations.approve(req.actor, req.params.programmeId, req.params.year),
  );
  for (const format of ['xlsx', 'docx'] as const)
    r.get(
      `${url}/export.${format}`,
      { preHandler: requireUser, schema: { tags, params: evaluationParams } },
      async (req, reply) => {
        const f = await evaluations.exportFile(req.actor, req.params.programmeId, req.params.year, format);
        return reply
          .header('content-type', f.mime)
          .header('content-disposition', `attachment; filename="${f.fileName}"`)
          .header('x-content-type-options', 'nosniff')
          .send(f.content);
      },
    );
}
