import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { idParams, isoDate } from '../../../shared/schemas/common.js';
import {
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
import { typed } from '../../lib/http.js';
import { sheetImportRoutes, XLSX_TYPE } from '../../lib/sheet-import.routes.js';
import { requireUser } from '../../plugins/auth.js';
import type { MoneyImport } from './money.import.js';
import { weeklyXlsx } from './money.export.js';
import type { MoneyService } from './money.service.js';

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
  r.get('/money/weekly.xlsx', { ...opts, schema: { tags, querystring: weeklyQuery } }, async (req, reply) => {
    const w = await money.weekly(req.actor, req.query);
    return reply
      .header('content-type', XLSX_TYPE)
      .header('content-disposition', `attachment; filename="disbursement-weekly-${w.asOf}.xlsx"`)
      .send(await weeklyXlsx(w, req.actor.locale));
  });
  sheetImportRoutes(app, '/money/payments', 'money', s.imports.payments);
  sheetImportRoutes(app, '/money/plans', 'money', s.imports.plans);
}
