import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { loginBody, meSchema, preferencesBody } from '../../../shared/schemas/auth.js';
import { okSchema } from '../../../shared/schemas/common.js';
import { typed } from '../../lib/http.js';
import { requireUser, SESSION_COOKIE } from '../../plugins/auth.js';
import type { AuthService } from './auth.service.js';

export function authRoutes(
  app: FastifyInstance,
  deps: { auth: AuthService; cookieSecure: boolean; loginRateLimit: number },
) {
  const r = typed(app);
  const { auth } = deps;

  r.post(
    '/auth/login',
    {
      schema: { tags: ['auth'], body: loginBody, response: { 200: meSchema } },
      config: { rateLimit: { max: deps.loginRateLimit, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const { token, maxAgeSeconds } = await auth.login({
        ...req.body,
        ip: req.ip,
        userAgent: req.headers['user-agent'] ?? null,
      });
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: deps.cookieSecure,
        maxAge: maxAgeSeconds,
      });
      const actor = await auth.actorForToken(token);
      return auth.me(actor!);
    },
  );

  r.post('/auth/logout', { schema: { tags: ['auth'], response: { 200: okSchema } } }, async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) await auth.logout(token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  r.get(
    '/auth/me',
    { schema: { tags: ['auth'], response: { 200: meSchema } }, preHandler: requireUser },
    async (req) => auth.me({ ...req.actor, email: req.actor.email ?? '' }),
  );

  r.put(
    '/auth/me/preferences',
    {
      schema: { tags: ['auth'], body: preferencesBody, response: { 200: okSchema } },
      preHandler: requireUser,
    },
    async (req) => {
      await auth.setLocale(req.actor, req.body.locale);
      return { ok: true as const };
    },
  );

  r.get(
    '/clock',
    { schema: { tags: ['system'], response: { 200: z.object({ today: z.string(), now: z.string() }) } } },
    async () => {
      const now = deps.auth.now();
      return { today: deps.auth.today(), now: now.toISOString() };
    },
  );
}
