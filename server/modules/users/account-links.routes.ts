import type { FastifyInstance } from 'fastify';
import {
  accountLinkSchema,
  resetRequestBody,
  setPasswordBody,
  setPasswordResponse,
  tokenParams,
} from '../../../shared/schemas/users.js';
import { okSchema } from '../../../shared/schemas/common.js';
import { typed } from '../../lib/http.js';
import type { UsersService } from './users.service.js';

/**
 * The public side of the one-time links (no sign-in): read an invitation or reset link, set the
 * password through it, and ask for a reset. Rate limited per address; the reset's answer is the
 * same whether the e-mail is known or not.
 */
export function accountLinksRoutes(
  app: FastifyInstance,
  users: UsersService,
  limits: { resetPerHour: number },
) {
  const r = typed(app);
  const tags = ['auth'];
  const tokenLimit = { rateLimit: { max: 30, timeWindow: '1 minute' } };
  for (const [path, purpose] of [
    ['/auth/invitations/:token', 'invite'],
    ['/auth/password-reset/:token', 'reset'],
  ] as const) {
    r.get(
      path,
      { config: tokenLimit, schema: { tags, params: tokenParams, response: { 200: accountLinkSchema } } },
      (req) => users.readLink(purpose, req.params.token),
    );
    r.post(
      path,
      {
        config: tokenLimit,
        schema: { tags, params: tokenParams, body: setPasswordBody, response: { 200: setPasswordResponse } },
      },
      (req) => users.setPassword(purpose, req.params.token, req.body.password, req.actor.locale),
    );
  }
  r.post(
    '/auth/password-reset',
    {
      config: { rateLimit: { max: limits.resetPerHour, timeWindow: '1 hour' } },
      schema: { tags, body: resetRequestBody, response: { 202: okSchema } },
    },
    async (req, reply) => {
      await users.requestReset(req.body.email);
      return reply.status(202).send({ ok: true as const });
    },
  );
}
