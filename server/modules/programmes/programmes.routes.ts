import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { idParams, idSchema, localizedName } from '../../../shared/schemas/common.js';
import {
  createProgrammeBody,
  groupInput,
  groupOrderBody,
  programmeListQuery,
  programmeSchema,
  steeringBody,
  updateGroupBody,
  updateProgrammeBody,
} from '../../../shared/schemas/programmes.js';
import { typed } from '../../lib/http.js';
import { requireUser } from '../../plugins/auth.js';
import type { ProgrammeSetup } from './manage-programme.js';
import type { ProgrammeParts } from './programme-parts.js';
import type { ProgrammesService } from './programmes.service.js';

const groupWithUse = z.object({
  id: z.number().int(),
  code: z.string(),
  name: localizedName,
  sort: z.number().int(),
  taskCount: z.number().int(),
});
const groupParams = z.object({ id: idSchema, groupId: idSchema }).strict();

export function programmesRoutes(
  app: FastifyInstance,
  deps: { programmes: ProgrammesService; setup: ProgrammeSetup; parts: ProgrammeParts },
) {
  const { programmes, setup, parts } = deps;
  const r = typed(app);
  const opts = { preHandler: requireUser };
  const tags = ['programmes'];
  r.get(
    '/programmes',
    {
      ...opts,
      schema: { tags, querystring: programmeListQuery, response: { 200: z.array(programmeSchema) } },
    },
    async (req) => {
      const all = await programmes.list(req.actor);
      return req.query.includeArchived === 'false' ? all.filter((p) => !p.archivedAt) : all;
    },
  );
  r.post(
    '/programmes',
    { ...opts, schema: { tags, body: createProgrammeBody, response: { 201: programmeSchema } } },
    async (req, reply) => reply.status(201).send(await setup.create(req.actor, req.body)),
  );
  r.get(
    '/programmes/:id',
    { ...opts, schema: { tags, params: idParams, response: { 200: programmeSchema } } },
    (req) => programmes.get(req.actor, req.params.id),
  );
  r.patch(
    '/programmes/:id',
    {
      ...opts,
      schema: { tags, params: idParams, body: updateProgrammeBody, response: { 200: programmeSchema } },
    },
    (req) => setup.update(req.actor, req.params.id, req.body),
  );
  r.post(
    '/programmes/:id/archive',
    { ...opts, schema: { tags, params: idParams, response: { 200: programmeSchema } } },
    (req) => setup.setArchived(req.actor, req.params.id, true),
  );
  r.post(
    '/programmes/:id/restore',
    { ...opts, schema: { tags, params: idParams, response: { 200: programmeSchema } } },
    (req) => setup.setArchived(req.actor, req.params.id, false),
  );
  r.put(
    '/programmes/:id/steering',
    { ...opts, schema: { tags, params: idParams, body: steeringBody, response: { 200: programmeSchema } } },
    (req) => parts.replaceSteering(req.actor, req.params.id, req.body.members),
  );
  r.get(
    '/programmes/:id/groups',
    { ...opts, schema: { tags, params: idParams, response: { 200: z.array(groupWithUse) } } },
    (req) => parts.groups(req.actor, req.params.id),
  );
  r.post(
    '/programmes/:id/groups',
    {
      ...opts,
      schema: { tags, params: idParams, body: groupInput, response: { 201: z.array(groupWithUse) } },
    },
    async (req, reply) => reply.status(201).send(await parts.addGroup(req.actor, req.params.id, req.body)),
  );
  r.put(
    '/programmes/:id/groups/order',
    {
      ...opts,
      schema: { tags, params: idParams, body: groupOrderBody, response: { 200: z.array(groupWithUse) } },
    },
    (req) => parts.reorderGroups(req.actor, req.params.id, req.body.ids),
  );
  r.patch(
    '/programmes/:id/groups/:groupId',
    {
      ...opts,
      schema: { tags, params: groupParams, body: updateGroupBody, response: { 200: z.array(groupWithUse) } },
    },
    (req) => parts.updateGroup(req.actor, req.params.id, req.params.groupId, req.body),
  );
  r.delete(
    '/programmes/:id/groups/:groupId',
    { ...opts, schema: { tags, params: groupParams, response: { 200: z.array(groupWithUse) } } },
    (req) => parts.removeGroup(req.actor, req.params.id, req.params.groupId),
  );
}
