import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { idParams } from '../../../shared/schemas/common.js';
import {
  disciplineQuery,
  disciplineResponse,
  openReportBody,
  reportListItemSchema,
  reportListQuery,
  reportSchema,
  returnBody,
  saveReportBody,
  transitionBody,
} from '../../../shared/schemas/reports.js';
import { typed } from '../../lib/http.js';
import { requireUser } from '../../plugins/auth.js';
import type { DisciplineService } from './discipline.service.js';
import type { ReportsService } from './reports.service.js';

export function reportsRoutes(app: FastifyInstance, reports: ReportsService, discipline: DisciplineService) {
  const r = typed(app);
  const opts = { preHandler: requireUser };
  const tags = ['reports'];
  r.get(
    '/reports',
    {
      ...opts,
      schema: { tags, querystring: reportListQuery, response: { 200: z.array(reportListItemSchema) } },
    },
    (req) => reports.list(req.actor, req.query),
  );
  r.post(
    '/reports/open',
    { ...opts, schema: { tags, body: openReportBody, response: { 200: reportSchema } } },
    (req) => reports.open(req.actor, req.body),
  );
  r.get(
    '/reports/:id',
    { ...opts, schema: { tags, params: idParams, response: { 200: reportSchema } } },
    (req) => reports.get(req.actor, req.params.id),
  );
  r.put(
    '/reports/:id',
    { ...opts, schema: { tags, params: idParams, body: saveReportBody, response: { 200: reportSchema } } },
    (req) => reports.save(req.actor, req.params.id, req.body),
  );
  r.post(
    '/reports/:id/submit',
    { ...opts, schema: { tags, params: idParams, body: transitionBody, response: { 200: reportSchema } } },
    (req) => reports.submit(req.actor, req.params.id, req.body.version),
  );
  r.post(
    '/reports/:id/approve',
    { ...opts, schema: { tags, params: idParams, body: transitionBody, response: { 200: reportSchema } } },
    (req) => reports.approve(req.actor, req.params.id, req.body.version),
  );
  r.post(
    '/reports/:id/return',
    { ...opts, schema: { tags, params: idParams, body: returnBody, response: { 200: reportSchema } } },
    (req) => reports.returnToUnit(req.actor, req.params.id, req.body.version, req.body.comment),
  );
  r.get(
    '/discipline',
    { ...opts, schema: { tags, querystring: disciplineQuery, response: { 200: disciplineResponse } } },
    (req) => discipline.table(req.actor, req.query),
  );
}
