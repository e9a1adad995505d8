import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { idParams } from '../../../shared/schemas/common.js';
import { directiveSchema, programmeSchema } from '../../../shared/schemas/programmes.js';
import { typed } from '../../lib/http.js';
import { requireUser } from '../../plugins/auth.js';
import type { ProgrammesService } from './programmes.service.js';

export function programmesRoutes(app: FastifyInstance, programmes: ProgrammesService) {
  const r = typed(app);
  const opts = { preHandler: requireUser };
  r.get(
    '/programmes',
    { ...opts, schema: { tags: ['programmes'], response: { 200: z.array(programmeSchema) } } },
    (req) => programmes.list(req.actor),
  );
  r.get(
    '/programmes/:id',
    { ...opts, schema: { tags: ['programmes'], params: idParams, response: { 200: programmeSchema } } },
    (req) => programmes.get(req.actor, req.params.id),
  );
  r.get(
    '/programmes/:id/directives',
    {
      ...opts,
      schema: { tags: ['programmes'], params: idParams, response: { 200: z.array(directiveSchema) } },
    },
    (req) => programmes.directives(req.actor, req.params.id),
  );
}
