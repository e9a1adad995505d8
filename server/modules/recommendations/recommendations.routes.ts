import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { idParams, isoDate } from '../../../shared/schemas/common.js';
import {
  answerRecommendationBody,
  createRecommendationBody,
  recommendationListQuery,
  recommendationSchema,
  recommendationSettingsBody,
  recommendationSettingsSchema,
  recommendationSummarySchema,
} from '../../../shared/schemas/recommendations.js';
import { typed } from '../../lib/http.js';
import { requireUser } from '../../plugins/auth.js';
import type { RecommendationsService } from './recommendations.service.js';
import { recommendationsXlsx } from '../obstacles/registers.export.js';

export function recommendationsRoutes(app: FastifyInstance, s: RecommendationsService) {
  const r = typed(app);
  const opts = { preHandler: requireUser };
  const tags = ['recommendations'];
  const programmeQuery = z.object({ programmeId: z.coerce.number().int().positive() }).strict();
  r.get(
    '/recommendations',
    {
      ...opts,
      schema: {
        tags,
        querystring: recommendationListQuery,
        response: { 200: z.array(recommendationSchema) },
      },
    },
    (req) => s.list(req.actor, req.query),
  );
  r.get(
    '/recommendations/summary',
    {
      ...opts,
      schema: {
        tags,
        querystring: programmeQuery.extend({ asOf: isoDate.optional() }),
        response: { 200: recommendationSummarySchema },
      },
    },
    (req) => s.summary(req.actor, req.query),
  );
  r.get(
    '/recommendations/settings',
    {
      ...opts,
      schema: { tags, querystring: programmeQuery, response: { 200: recommendationSettingsSchema } },
    },
    (req) => s.settings(req.actor, req.query.programmeId),
  );
  r.put(
    '/recommendations/settings',
    {
      ...opts,
      schema: {
        tags,
        querystring: programmeQuery,
        body: recommendationSettingsBody,
        response: { 200: recommendationSettingsSchema },
      },
    },
    (req) => s.setSettings(req.actor, req.query.programmeId, req.body.answerWorkingDays),
  );
  r.get(
    '/recommendations/export.xlsx',
    { ...opts, schema: { tags, querystring: recommendationListQuery } },
    async (req, reply) => {
      const list = await s.list(req.actor, req.query);
      const day = req.query.asOf ?? 'today';
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="recommendations-${day}.xlsx"`)
        .send(await recommendationsXlsx(list, req.actor.locale, day));
    },
  );
  r.get(
    '/recommendations/:id',
    {
      ...opts,
      schema: {
        tags,
        params: idParams,
        querystring: z.object({ asOf: isoDate.optional() }).strict(),
        response: { 200: recommendationSchema },
      },
    },
    (req) => s.get(req.actor, req.params.id, req.query.asOf),
  );
  r.post(
    '/recommendations',
    { ...opts, schema: { tags, body: createRecommendationBody, response: { 200: recommendationSchema } } },
    (req) => s.create(req.actor, req.body),
  );
  r.post(
    '/recommendations/:id/answer',
    {
      ...opts,
      schema: {
        tags,
        params: idParams,
        body: answerRecommendationBody,
        response: { 200: recommendationSchema },
      },
    },
    (req) => s.answer(req.actor, req.params.id, req.body),
  );
}
