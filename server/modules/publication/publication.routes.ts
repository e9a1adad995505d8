import type { FastifyInstance } from 'fastify';
import { cockpitParams } from '../../../shared/schemas/cockpit.js';
import {
  publicationBody,
  publicationSchema,
  publicListSchema,
  publicParams,
  publicProgrammeSchema,
  publicQuery,
} from '../../../shared/schemas/publication.js';
import { typed } from '../../lib/http.js';
import { requireUser } from '../../plugins/auth.js';
import { openDataCsv } from './open-data.js';
import type { PublicationService } from './publication.service.js';

/** Settings for the steering side; the public side needs no sign-in and is rate limited. */
export function publicationRoutes(app: FastifyInstance, publication: PublicationService) {
  const r = typed(app);
  const tags = ['publication'];
  r.get(
    '/programmes/:programmeId/publication',
    {
      preHandler: requireUser,
      schema: { tags, params: cockpitParams, response: { 200: publicationSchema } },
    },
    (req) => publication.settings(req.actor, req.params.programmeId),
  );
  r.put(
    '/programmes/:programmeId/publication',
    {
      preHandler: requireUser,
      schema: { tags, params: cockpitParams, body: publicationBody, response: { 200: publicationSchema } },
    },
    (req) => publication.update(req.actor, req.params.programmeId, req.body),
  );

  const limited = { config: { rateLimit: { max: 120, timeWindow: '1 minute' } } };
  r.get(
    '/public/programmes',
    { ...limited, schema: { tags: ['public'], response: { 200: publicListSchema } } },
    () => publication.publicList(),
  );
  r.get(
    '/public/programmes/:slug',
    {
      ...limited,
      schema: {
        tags: ['public'],
        params: publicParams,
        querystring: publicQuery,
        response: { 200: publicProgrammeSchema },
      },
    },
    (req) => publication.publicProgramme(req.params.slug, req.query.asOf, req.actor.locale),
  );
  r.get(
    '/public/programmes/:slug/data.json',
    { ...limited, schema: { tags: ['public'], params: publicParams, querystring: publicQuery } },
    async (req, reply) => {
      const p = await publication.publicProgramme(req.params.slug, req.query.asOf, req.actor.locale);
      return reply
        .header('content-type', 'application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="${p.slug}-${p.asOf}.json"`)
        .header('access-control-allow-origin', '*')
        .send(JSON.stringify(p, null, 2));
    },
  );
  r.get(
    '/public/programmes/:slug/data.csv',
    { ...limited, schema: { tags: ['public'], params: publicParams, querystring: publicQuery } },
    async (req, reply) => {
      const p = await publication.publicProgramme(req.params.slug, req.query.asOf, req.actor.locale);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${p.slug}-${p.asOf}.csv"`)
        .header('access-control-allow-origin', '*')
        .send(openDataCsv(p));
    },
  );
}
