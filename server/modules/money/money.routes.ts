import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { idParams, isoDate } from '../../../shared/schemas/common.js';
import {
  importQuery,
  importResultSchema,
  paymentBody,
  paymentSchema,
  planBody,
  planDetailSchema,
  planQuery,
  planSchema,
  programmeQuery,
  ratesQuery,
  ratesSchema,
  revisionBody,
  thresholdsBody,
  thresholdsSchema,
  weeklyQuery,
  weeklySchema,
} from '../../../shared/schemas/money.js';
import { AppError } from '../../lib/app-error.js';
import { typed } from '../../lib/http.js';
import { requireUser } from '../../plugins/auth.js';
import type { MoneyImport } from './money.import.js';
import type { MoneyService } from './money.service.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function moneyRoutes(app: FastifyInstance, s: { money: MoneyService; imports: MoneyImport }) {
  const r = typed(app);
  const opts = { preHandler: requireUser };
  const tags = ['money'];
  const { money } = s;
  r.get(
    '/money/plans',
    { ...opts, schema: { tags, querystring: planQuery, response: { 200: z.array(planSchema) } } },
    (req) => money.list(req.actor, req.query),
  );
  r.post(
    '/money/plans',
    { ...opts, schema: { tags, body: planBody, response: { 200: planDetailSchema } } },
    (req) => money.create(req.actor, req.body),
  );
  r.get(
    '/money/plans/:id',
    {
      ...opts,
      schema: {
        tags,
        params: idParams,
        querystring: z.object({ asOf: isoDate.optional() }).strict(),
        response: { 200: planDetailSchema },
      },
    },
    (req) => money.get(req.actor, req.params.id, req.query.asOf),
  );
  r.post(
    '/money/plans/:id/revisions',
    { ...opts, schema: { tags, params: idParams, body: revisionBody, response: { 200: planDetailSchema } } },
    (req) => money.revise(req.actor, req.params.id, req.body),
  );
  // Entered on the screen, or sent by the Treasury's system with an API token (X-Steerboard-Via: api).
  r.post(
    '/money/payments',
    { ...opts, schema: { tags, body: paymentBody, response: { 200: paymentSchema } } },
    (req) => money.pay(req.actor, req.body, req.headers['x-steerboard-via'] === 'api' ? 'api' : 'manual'),
  );
  r.get(
    '/money/rates',
    { ...opts, schema: { tags, querystring: ratesQuery, response: { 200: ratesSchema } } },
    (req) => money.rates(req.actor, req.query),
  );
  r.get(
    '/money/weekly',
    { ...opts, schema: { tags, querystring: weeklyQuery, response: { 200: weeklySchema } } },
    (req) => money.weekly(req.actor, req.query),
  );
  r.get(
    '/money/thresholds',
    { ...opts, schema: { tags, querystring: programmeQuery, response: { 200: thresholdsSchema } } },
    (req) => money.thresholds(req.actor, req.query.programmeId),
  );
  r.put(
    '/money/thresholds',
    {
      ...opts,
      schema: {
        tags,
        querystring: programmeQuery,
        body: thresholdsBody,
        response: { 200: thresholdsSchema },
      },
    },
    (req) => money.setThresholds(req.actor, req.query.programmeId, req.body.points),
  );
  r.get(
    '/money/payments/template.xlsx',
    { ...opts, schema: { tags, querystring: programmeQuery } },
    async (req, reply) =>
      reply
        .header('content-type', XLSX)
        .header('content-disposition', 'attachment; filename="disbursements-template.xlsx"')
        .send(await s.imports.template(req.actor, req.query.programmeId)),
  );

  // The XLSX itself is the request body (up to 10 MB), as with evidence files.
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
    t.post(
      '/money/payments/import/preview',
      { ...opts, schema: { tags, querystring: importQuery, response: { 200: importResultSchema } } },
      (req) => s.imports.preview(req.actor, req.query.programmeId, body(req.body)),
    );
    t.post(
      '/money/payments/import',
      { ...opts, schema: { tags, querystring: importQuery, response: { 200: importResultSchema } } },
      (req) => s.imports.commit(req.actor, req.query.programmeId, body(req.body), req.query.mode),
    );
  });
}
