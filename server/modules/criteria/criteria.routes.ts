import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { idParams, idSchema } from '../../../shared/schemas/common.js';
import {
  assessBody,
  assessmentImportQuery,
  assessmentImportSchema,
  assessmentSchema,
  createSetBody,
  criteriaPeriod,
  criteriaSetSchema,
  matrixQuery,
  matrixSchema,
  criteriaGlanceSchema,
  glanceQuery,
  setListQuery,
  trendQuery,
  trendSchema,
  updateSetBody,
} from '../../../shared/schemas/criteria.js';
import { AppError } from '../../lib/app-error.js';
import { typed } from '../../lib/http.js';
import { requireUser } from '../../plugins/auth.js';
import type { CriteriaService } from './criteria.service.js';
import { matrixXlsx, type CriteriaXlsx } from './criteria.xlsx.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function criteriaRoutes(app: FastifyInstance, s: { criteria: CriteriaService; xlsx: CriteriaXlsx }) {
  const r = typed(app);
  const opts = { preHandler: requireUser };
  const tags = ['criteria'];
  const { criteria } = s;
  r.get(
    '/criteria/sets',
    { ...opts, schema: { tags, querystring: setListQuery, response: { 200: z.array(criteriaSetSchema) } } },
    (req) => criteria.list(req.actor, req.query.programmeId),
  );
  r.get(
    '/criteria/glance',
    { ...opts, schema: { tags, querystring: glanceQuery, response: { 200: criteriaGlanceSchema } } },
    (req) => criteria.glanceOfUnit(req.actor, req.query),
  );
  r.post(
    '/criteria/sets',
    { ...opts, schema: { tags, body: createSetBody, response: { 200: criteriaSetSchema } } },
    (req) => criteria.create(req.actor, req.body),
  );
  r.get(
    '/criteria/sets/:id',
    { ...opts, schema: { tags, params: idParams, response: { 200: criteriaSetSchema } } },
    (req) => criteria.get(req.actor, req.params.id),
  );
  r.patch(
    '/criteria/sets/:id',
    {
      ...opts,
      schema: { tags, params: idParams, body: updateSetBody, response: { 200: criteriaSetSchema } },
    },
    (req) => criteria.update(req.actor, req.params.id, req.body),
  );
  // The national matrix is ~3,300 rows × 2 × 17 cells: re-validating it against its schema on the
  // way out cost more than the query (decision 32), so it is written as JSON directly; the service
  // is typed by the same schema, and the tests parse the response with it.
  r.get(
    '/criteria/sets/:id/matrix',
    {
      ...opts,
      schema: { tags, params: idParams, querystring: matrixQuery, response: { 200: matrixSchema } },
      serializerCompiler: () => (data) => JSON.stringify(data),
    },
    (req) => criteria.matrix(req.actor, req.params.id, req.query),
  );
  r.get(
    '/criteria/sets/:id/matrix.xlsx',
    { ...opts, schema: { tags, params: idParams, querystring: matrixQuery } },
    async (req, reply) => {
      const set = await criteria.get(req.actor, req.params.id);
      const m = await criteria.matrix(req.actor, req.params.id, req.query);
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', `attachment; filename="${set.code}-${m.period}.xlsx"`)
        .send(await matrixXlsx(m, req.actor.locale, `${set.name} — ${m.period}`));
    },
  );
  r.get(
    '/criteria/sets/:id/trend',
    { ...opts, schema: { tags, params: idParams, querystring: trendQuery, response: { 200: trendSchema } } },
    (req) => criteria.trend(req.actor, req.params.id, req.query),
  );
  r.get(
    '/criteria/sets/:id/assessments',
    {
      ...opts,
      schema: {
        tags,
        params: idParams,
        querystring: z.object({ unitId: idSchema, period: criteriaPeriod }).strict(),
        response: { 200: assessmentSchema },
      },
    },
    (req) => criteria.assessment(req.actor, req.params.id, req.query.unitId, req.query.period),
  );
  r.put(
    '/criteria/sets/:id/assessments',
    { ...opts, schema: { tags, params: idParams, body: assessBody, response: { 200: assessmentSchema } } },
    (req) => criteria.assess(req.actor, req.params.id, req.body),
  );
  r.get(
    '/criteria/sets/:id/template.xlsx',
    {
      ...opts,
      schema: { tags, params: idParams, querystring: z.object({ period: criteriaPeriod }).strict() },
    },
    async (req, reply) =>
      reply
        .header('content-type', XLSX)
        .header(
          'content-disposition',
          `attachment; filename="criteria-${req.params.id}-${req.query.period}-template.xlsx"`,
        )
        .send(await s.xlsx.template(req.actor, req.params.id, req.query.period)),
  );

  // The XLSX itself is the request body (up to 10 MB).
  app.register(async (raw) => {
    raw.removeAllContentTypeParsers();
    raw.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: 10 * 1_048_576 }, (_req, body, done) =>
      done(null, body),
    );
    const t = typed(raw);
    const body = (b: unknown) => {
      if (!Buffer.isBuffer(b) || b.length === 0) throw new AppError('import_file_invalid');
      return b;
    };
    const schema = {
      tags,
      params: idParams,
      querystring: assessmentImportQuery,
      response: { 200: assessmentImportSchema },
    };
    t.post('/criteria/sets/:id/import/preview', { ...opts, schema }, (req) =>
      s.xlsx.preview(req.actor, req.params.id, req.query.period, body(req.body)),
    );
    t.post('/criteria/sets/:id/import', { ...opts, schema }, (req) =>
      s.xlsx.commit(req.actor, req.params.id, req.query.period, body(req.body), req.query.mode),
    );
  });
}
