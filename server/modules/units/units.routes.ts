import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { idParams, isoDate } from '../../../shared/schemas/common.js';
import {
  createUnitBody,
  unitSchema,
  unitWithCountsSchema,
  updateUnitBody,
} from '../../../shared/schemas/units.js';
import { typed } from '../../lib/http.js';
import { requireUser } from '../../plugins/auth.js';
import type { UnitsService } from './units.service.js';

const listQuery = z
  .object({
    parentId: z.coerce.number().int().positive().optional(),
    subtreeOf: z.coerce.number().int().positive().optional(),
    q: z.string().max(200).optional(),
    roots: z.enum(['true', 'false']).optional(),
    programmeId: z.coerce.number().int().positive().optional(),
    asOf: isoDate.optional(),
  })
  .strict();

export function unitsRoutes(app: FastifyInstance, units: UnitsService) {
  const r = typed(app);
  const opts = { preHandler: requireUser };
  r.get(
    '/units',
    {
      ...opts,
      schema: { tags: ['units'], querystring: listQuery, response: { 200: z.array(unitWithCountsSchema) } },
    },
    (req) => units.list(req.actor, req.query),
  );
  r.get(
    '/units/:id',
    {
      ...opts,
      schema: {
        tags: ['units'],
        params: idParams,
        response: { 200: unitSchema.extend({ ancestors: z.array(unitSchema) }) },
      },
    },
    (req) => units.get(req.params.id),
  );
  r.post(
    '/units',
    { ...opts, schema: { tags: ['units'], body: createUnitBody, response: { 201: unitSchema } } },
    async (req, reply) => reply.status(201).send(await units.create(req.actor, req.body)),
  );
  r.patch(
    '/units/:id',
    {
      ...opts,
      schema: { tags: ['units'], params: idParams, body: updateUnitBody, response: { 200: unitSchema } },
    },
    (req) => units.update(req.actor, req.params.id, req.body),
  );
}
