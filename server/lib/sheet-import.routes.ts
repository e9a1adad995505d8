import type { FastifyInstance } from 'fastify';
import {
  sheetImportQuery,
  sheetImportResultSchema,
  sheetTemplateQuery,
} from '../../shared/schemas/sheet-import.js';
import { requireUser } from '../plugins/auth.js';
import { AppError } from './app-error.js';
import { typed } from './http.js';
import type { SheetImport } from './sheet-import.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The three routes of a register's XLSX import, the same for every register:
 * `GET {base}/template.xlsx`, `POST {base}/import/preview` (writes nothing) and
 * `POST {base}/import?mode=all|valid`. The XLSX itself is the request body (up to 10 MB).
 */
export function sheetImportRoutes(app: FastifyInstance, base: string, tag: string, imp: SheetImport) {
  const tags = [tag];
  const opts = { preHandler: requireUser };
  typed(app).get(
    `${base}/template.xlsx`,
    { ...opts, schema: { tags, querystring: sheetTemplateQuery } },
    async (req, reply) =>
      reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', `attachment; filename="${imp.fileName}-template.xlsx"`)
        .send(await imp.template(req.actor, req.query.programmeId)),
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
    const schema = { tags, querystring: sheetImportQuery, response: { 200: sheetImportResultSchema } };
    t.post(`${base}/import/preview`, { ...opts, schema }, (req) =>
      imp.preview(req.actor, req.query.programmeId, body(req.body)),
    );
    t.post(`${base}/import`, { ...opts, schema }, (req) =>
      imp.commit(req.actor, req.query.programmeId, body(req.body), req.query.mode),
    );
  });
}
