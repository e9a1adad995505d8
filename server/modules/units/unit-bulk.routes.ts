import type { FastifyInstance } from 'fastify';
import { idParams } from '../../../shared/schemas/common.js';
import {
  mergeUnitsBody,
  mergeUnitsResultSchema,
  moveUnitBody,
  unitImportQuery,
  unitImportResultSchema,
} from '../../../shared/schemas/unit-bulk.js';
import { unitSchema } from '../../../shared/schemas/units.js';
import { AppError } from '../../lib/app-error.js';
import { typed } from '../../lib/http.js';
import { XLSX_TYPE } from '../../lib/sheet-import.routes.js';
import { requireUser } from '../../plugins/auth.js';
import type { UnitBulkService } from './unit-bulk.service.js';

/**
 * The unit tree in bulk (admins): the import's template, preview (writes nothing) and commit,
 * a move of a subtree, a merge. The import's file is the request body (XLSX or CSV, ≤ 10 MB).
 */
export function unitBulkRoutes(app: FastifyInstance, bulk: UnitBulkService) {
  const tags = ['units'];
  const opts = { preHandler: requireUser };
  const r = typed(app);
  r.get('/units/import/template.xlsx', { ...opts, schema: { tags } }, async (req, reply) =>
    reply
      .header('content-type', XLSX_TYPE)
      .header('content-disposition', 'attachment; filename="units-template.xlsx"')
      .send(await bulk.template(req.actor)),
  );
  r.post(
    '/units/:id/move',
    { ...opts, schema: { tags, params: idParams, body: moveUnitBody, response: { 200: unitSchema } } },
    (req) => bulk.move(req.actor, req.params.id, req.body),
  );
  r.post(
    '/units/merge',
    { ...opts, schema: { tags, body: mergeUnitsBody, response: { 200: mergeUnitsResultSchema } } },
    (req) => bulk.merge(req.actor, req.body),
  );
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
    const schema = { tags, querystring: unitImportQuery, response: { 200: unitImportResultSchema } };
    t.post('/units/import/preview', { ...opts, schema }, (req) =>
      bulk.preview(req.actor, body(req.body), req.query),
    );
    t.post('/units/import', { ...opts, schema }, (req) => bulk.commit(req.actor, body(req.body), req.query));
  });
}
