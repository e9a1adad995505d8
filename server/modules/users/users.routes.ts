import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { createUserBody, userSchema } from '../../../shared/schemas/auth.js';
import { typed } from '../../lib/http.js';
import { requireUser } from '../../plugins/auth.js';
import type { UsersService } from './users.service.js';

export function usersRoutes(app: FastifyInstance, users: UsersService) {
  const r = typed(app);
  const opts = { preHandler: requireUser };
  r.get('/users', { ...opts, schema: { tags: ['users'], response: { 200: z.array(userSchema) } } }, (req) =>
    users.list(req.actor),
  );
  r.post(
    '/users',
    { ...opts, schema: { tags: ['users'], body: createUserBody, response: { 201: userSchema } } },
    async (req, reply) => reply.status(201).send(await users.create(req.actor, req.body)),
  );
}
