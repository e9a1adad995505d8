import type { FastifyInstance } from 'fastify';
import { createUserBody } from '../../../shared/schemas/auth.js';
import { idParams, okSchema } from '../../../shared/schemas/common.js';
import {
  addRoleBody,
  peopleQuery,
  peopleResponse,
  personSchema,
  roleParams,
  updateUserBody,
} from '../../../shared/schemas/users.js';
import { typed } from '../../lib/http.js';
import { sheetImportRoutes } from '../../lib/sheet-import.routes.js';
import type { SheetImport } from '../../lib/sheet-import.js';
import { requireUser } from '../../plugins/auth.js';
import type { UsersService } from './users.service.js';

export function usersRoutes(app: FastifyInstance, users: UsersService, imports: SheetImport) {
  const r = typed(app);
  const opts = { preHandler: requireUser };
  const tags = ['users'];
  r.get(
    '/users',
    { ...opts, schema: { tags, querystring: peopleQuery, response: { 200: peopleResponse } } },
    (req) => users.list(req.actor, req.query),
  );
  r.post(
    '/users',
    { ...opts, schema: { tags, body: createUserBody, response: { 201: personSchema } } },
    async (req, reply) => reply.status(201).send(await users.create(req.actor, req.body)),
  );
  r.patch(
    '/users/:id',
    { ...opts, schema: { tags, params: idParams, body: updateUserBody, response: { 200: personSchema } } },
    (req) => users.update(req.actor, req.params.id, req.body),
  );
  r.post(
    '/users/:id/disable',
    { ...opts, schema: { tags, params: idParams, response: { 200: personSchema } } },
    (req) => users.disable(req.actor, req.params.id),
  );
  r.post(
    '/users/:id/enable',
    { ...opts, schema: { tags, params: idParams, response: { 200: personSchema } } },
    (req) => users.enable(req.actor, req.params.id),
  );
  r.post(
    '/users/:id/roles',
    { ...opts, schema: { tags, params: idParams, body: addRoleBody, response: { 200: personSchema } } },
    (req) => users.addRole(req.actor, req.params.id, req.body),
  );
  r.delete(
    '/users/:id/roles/:roleId',
    { ...opts, schema: { tags, params: roleParams, response: { 200: personSchema } } },
    (req) => users.removeRole(req.actor, req.params.id, req.params.roleId),
  );
  r.post(
    '/users/:id/invitation',
    { ...opts, schema: { tags, params: idParams, response: { 200: okSchema } } },
    async (req) => {
      await users.resendInvitation(req.actor, req.params.id);
      return { ok: true as const };
    },
  );
  sheetImportRoutes(app, '/users', 'users', imports);
}
