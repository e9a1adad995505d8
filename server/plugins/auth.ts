import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../lib/app-error.js';
import { pickLocale } from '../lib/messages.js';
import { publicActor, type Actor } from '../modules/auth/actor.js';
import type { AuthService } from '../modules/auth/auth.service.js';

export const SESSION_COOKIE = 'sb_session';
export const CSRF_HEADER = 'x-steerboard-csrf';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor & { email?: string };
  }
}

/**
 * Resolves the actor of every request from the session cookie (or makes it the public). Writes
 * authenticated by a cookie must carry the CSRF header: a cross-site form cannot set it, and a
 * cross-site script cannot send it without a CORS preflight that this server never grants.
 */
export function registerAuth(app: FastifyInstance, auth: AuthService) {
  app.decorateRequest('actor', undefined as unknown as Actor);
  app.addHook('onRequest', async (req) => {
    const token = req.cookies[SESSION_COOKIE];
    const found = token ? await auth.actorForToken(token) : undefined;
    req.actor = found ?? publicActor(pickLocale(req.headers['accept-language']));
    if (found && req.headers['accept-language'])
      req.actor = { ...found, locale: pickLocale(req.headers['accept-language'], found.locale) };
    const unsafe = !['GET', 'HEAD', 'OPTIONS'].includes(req.method);
    if (found && unsafe && req.headers[CSRF_HEADER] !== '1') throw new AppError('forbidden', {}, CSRF_HEADER);
  });
}

export async function requireUser(req: FastifyRequest, _reply: FastifyReply) {
  if (req.actor.userId === null) throw new AppError('unauthenticated');
}
