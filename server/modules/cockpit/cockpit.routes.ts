import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import {
  cockpitExportQuery,
  cockpitParams,
  cockpitQuery,
  cockpitResponse,
} from '../../../shared/schemas/cockpit.js';
import { AppError } from '../../lib/app-error.js';
import { typed } from '../../lib/http.js';
import { pickName } from '../../lib/localize.js';
import { requireUser } from '../../plugins/auth.js';
import type { ProgrammesService } from '../programmes/programmes.service.js';
import type { CockpitService } from './cockpit.service.js';
import { cockpitTables, toCsv } from './cockpit.tables.js';

export function cockpitRoutes(
  app: FastifyInstance,
  deps: { cockpit: CockpitService; programmes: ProgrammesService },
) {
  const r = typed(app);
  const tags = ['cockpit'];
  r.get(
    '/programmes/:programmeId/cockpit',
    {
      preHandler: requireUser,
      schema: { tags, params: cockpitParams, querystring: cockpitQuery, response: { 200: cockpitResponse } },
    },
    (req) => deps.cockpit.get(req.actor, req.params.programmeId, req.query),
  );
  r.get(
    '/programmes/:programmeId/cockpit/export',
    { preHandler: requireUser, schema: { tags, params: cockpitParams, querystring: cockpitExportQuery } },
    async (req, reply) => {
      const { format, tile, ...q } = req.query;
      if (format === 'csv' && !tile) throw new AppError('validation_failed', {}, 'tile');
      const c = await deps.cockpit.get(req.actor, req.params.programmeId, q);
      const programme = await deps.programmes.get(req.actor, req.params.programmeId);
      const groupName = (id: number | null) => {
        const g = programme.groups.find((x) => x.id === id);
        return g ? pickName(req.actor.locale, g.name.vi, g.name.en, g.name.ar) : '';
      };
      const tables = cockpitTables(c, req.actor.locale, groupName).filter((t) => !tile || t.tile === tile);
      const name = `steerboard-${programme.code}-${tile ?? 'cockpit'}-${c.asOf}`;
      if (format === 'csv')
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${name}.csv"`)
          .send(toCsv(tables[0]!));
      const wb = new ExcelJS.Workbook();
      wb.creator = 'Steerboard';
      for (const t of tables) {
        // Sheet names: at most 31 characters, none of : \ / ? * [ ].
        const ws = wb.addWorksheet(t.title.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31), {
          views: [{ rightToLeft: req.actor.locale === 'ar', state: 'frozen', ySplit: 1 }],
        });
        ws.addRow(t.header).font = { bold: true };
        for (const row of t.rows) ws.addRow(row);
        ws.columns.forEach((col, i) => {
          col.width = Math.min(60, Math.max(10, t.header[i]!.length + 2));
          if (t.rows.some((row) => row[i] instanceof Date)) col.numFmt = 'yyyy-mm-dd';
        });
      }
      const buffer = Buffer.from(await wb.xlsx.writeBuffer());
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${name}.xlsx"`)
        .send(buffer);
    },
  );
}
