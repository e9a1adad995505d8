import { createReadStream } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { idParams } from '../../../shared/schemas/common.js';
import { AppError } from '../../lib/app-error.js';
import { typed } from '../../lib/http.js';
import { requireUser } from '../../plugins/auth.js';
import type { EvidenceService } from './evidence.service.js';

const evidenceSchema = z.object({
  id: z.number().int(),
  taskId: z.number().int(),
  unitCode: z.string(),
  reportId: z.number().int().nullable(),
  fileName: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedBy: z.string(),
  uploadedAt: z.string(),
  url: z.string(),
});

/**
 * Upload is the file itself as the request body (its type as Content-Type, its name in
 * X-File-Name, URI-encoded): streamed to disk, never held in memory.
 */
export function evidenceRoutes(app: FastifyInstance, evidence: EvidenceService) {
  const tags = ['evidence'];
  const opts = { preHandler: requireUser };
  app.register(async (raw) => {
    raw.removeAllContentTypeParsers();
    raw.addContentTypeParser('*', (_req, _payload, done) => done(null, undefined));
    typed(raw).post(
      '/tasks/:id/evidence',
      {
        ...opts,
        schema: {
          tags,
          params: idParams,
          querystring: z.object({ reportId: z.coerce.number().int().positive().optional() }).strict(),
          response: { 200: evidenceSchema },
        },
      },
      async (req) => {
        const header = req.headers['x-file-name'];
        if (typeof header !== 'string' || !header) throw new AppError('validation_failed', {}, 'X-File-Name');
        let name: string;
        try {
          name = decodeURIComponent(header);
        } catch {
          throw new AppError('validation_failed', {}, 'X-File-Name');
        }
        const length = req.headers['content-length'] ? Number(req.headers['content-length']) : undefined;
        return evidence.upload(req.actor, req.params.id, {
          name,
          type: req.headers['content-type'] ?? 'application/octet-stream',
          length,
          body: req.raw,
          reportId: req.query.reportId ?? null,
        });
      },
    );
  });
  const r = typed(app);
  r.get(
    '/tasks/:id/evidence',
    { ...opts, schema: { tags, params: idParams, response: { 200: z.array(evidenceSchema) } } },
    (req) => evidence.list(req.actor, req.params.id),
  );
  r.get('/evidence/:id', { ...opts, schema: { tags, params: idParams } }, async (req, reply) => {
    const f = await evidence.open(req.actor, req.params.id);
    reply
      .type(f.mediaType)
      .header('content-length', f.size)
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.fileName)}`);
    return reply.send(createReadStream(f.path));
  });
}
