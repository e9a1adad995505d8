import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ApiErrorBody, ErrorCode } from '../../shared/errors.js';
import type { Locale } from '../../shared/schemas/common.js';
import { AppError } from '../lib/app-error.js';
import { isCustomIssueKey, message, pickLocale } from '../lib/messages.js';

const zodLocales = { vi: z.locales.vi(), en: z.locales.en(), ar: z.locales.ar() };

type Issue = { keyword: string; instancePath: string; message?: string; params?: Record<string, unknown> };

/** Re-words a zod issue in the caller's language (our own checks carry a message key). */
function issueMessage(i: Issue, locale: Locale): string {
  if (i.message && isCustomIssueKey(i.message)) return message(i.message, locale);
  if (i.keyword === 'unrecognized_keys')
    return message('unknown_field', locale, { keys: (i.params?.keys as string[] | undefined)?.join(', ') });
  const localized = zodLocales[locale].localeError({
    code: i.keyword,
    ...(i.params ?? {}),
    path: [],
    input: i.params?.input,
  } as never);
  const text = typeof localized === 'string' ? localized : localized?.message;
  return text ?? i.message ?? i.keyword;
}

export function localeOf(req: {
  headers: Record<string, unknown>;
  actor?: { locale: Locale; userId: number | null };
}): Locale {
  const header = req.headers['accept-language'];
  if (typeof header === 'string' && header) return pickLocale(header);
  return req.actor?.userId ? req.actor.locale : 'vi';
}

/** One handler, one error shape: a stable code, a message in the caller's language, no 5xx internals. */
export function registerErrorHandler(app: FastifyInstance, opts: { spaFallback?: boolean } = {}) {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const locale = localeOf(req);
    const send = (status: number, code: ErrorCode, msg: string, details?: ApiErrorBody['error']['details']) =>
      reply
        .status(status)
        .send({ error: { code, message: msg, ...(details ? { details } : {}) } } satisfies ApiErrorBody);

    if (err instanceof AppError) {
      return send(
        err.status,
        err.code,
        message(err.code, locale, err.params),
        err.details ??
          (err.field ? [{ path: err.field, message: message(err.code, locale, err.params) }] : undefined),
      );
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const details = err.validation.map((i) => ({
        path: `${err.validationContext ?? ''}${i.instancePath.replace(/\//g, '.')}`.replace(/\.$/, ''),
        message: issueMessage(i as Issue, locale),
      }));
      return send(400, 'validation_failed', message('validation_failed', locale), details);
    }
    if (err.statusCode === 429) return send(429, 'rate_limited', message('rate_limited', locale));
    if (err.statusCode === 413 || err.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
      return send(413, 'payload_too_large', message('payload_too_large', locale));
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      // Malformed JSON, wrong content type and the like: the caller's fault, said plainly.
      return send(err.statusCode, 'validation_failed', message('validation_failed', locale), [
        { path: '', message: err.message },
      ]);
    }
    req.log.error({ err }, 'unhandled error');
    return send(500, 'internal', message('internal', locale));
  });

  app.setNotFoundHandler((req, reply) => {
    // The web client routes on the URL: a GET for a page that is not a file gets index.html.
    // A missing file (/assets/x.js after a release) stays a 404: index.html would break the page.
    const path = req.url.split('?')[0] ?? '';
    if (opts.spaFallback && req.method === 'GET' && !path.startsWith('/api/') && !/\.[a-z0-9]+$/i.test(path))
      return reply.type('text/html').sendFile('index.html', { maxAge: 0 });
    return reply
      .status(404)
      .send({ error: { code: 'not_found', message: message('not_found', localeOf(req)) } });
  });
}
