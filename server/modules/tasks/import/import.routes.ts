import type { FastifyInstance } from 'fastify';
import { idParams } from '../../../../shared/schemas/common.js';
import { sheetTemplateQuery } from '../../../../shared/schemas/sheet-import.js';
import {
  taskImportConfirmBody,
  taskImportQuery,
  taskImportSchema,
} from '../../../../shared/schemas/task-import.js';
import { AppError } from '../../../lib/app-error.js';
import { typed } from '../../../lib/http.js';
import { XLSX_TYPE } from '../../../lib/sheet-import.routes.js';
import { requireUser } from '../../../plugins/auth.js';
import type { TaskImportService } from './import-tasks.js';

/**
 * `GET /tasks/imports/template.xlsx`, `POST /tasks/imports` (the file is the body: a preview,
 * no task written) and `POST /tasks/imports/{id}/confirm` ({mode: all | valid}).
 */
export function taskImportRoutes(app: FastifyInstance, imports: TaskImportService) {
  const tags = ['tasks'];
  const opts = { preHandler: requireUser };
  const r = typed(app);
  r.get(
    '/tasks/imports/template.xlsx',
    { ...opts, schema: { tags, querystring: sheetTemplateQuery } },
    async (req, reply) =>
      reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', 'attachment; filename="tasks-template.xlsx"')
        .send(await imports.template(req.actor, req.query.programmeId)),
  );
  r.post(
    '/tasks/imports/:id/confirm',
    {
      ...opts,
      schema: { tags, params: idParams, body: taskImportConfirmBody, response: { 200: taskImportSchema } },
    },
    (req) => imports.confirm(req.actor, req.params.id, req.body.mode),
  );
  app.register(async (raw) => {
    raw.removeAllContentTypeParsers();
    raw.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: 64 * 1_048_576 }, (_req, body, done) =>
      done(null, body),
    );
    typed(raw).post(
      '/tasks/imports',
      { ...opts, schema: { tags, querystring: taskImportQuery, response: { 200: taskImportSchema } } },
      (req) => {
        if (!Buffer.isBuffer(req.body) || req.body.length === 0) throw new AppError('import_file_invalid');
        return imports.preview(req.actor, req.query, req.body);
      },
    );
  });
}
