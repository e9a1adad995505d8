import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { dayOffSchema, setDaysOffBody, yearParams } from '../../../shared/schemas/calendar.js';
import type { Db } from '../../db/client.js';
import { AppError } from '../../lib/app-error.js';
import type { Clock } from '../../lib/clock.js';
import { typed } from '../../lib/http.js';
import { requireUser } from '../../plugins/auth.js';
import { auditLog } from '../audit/audit.service.js';
import { isAdmin } from '../auth/policy.js';
import { createCalendarRepo } from './calendar.repo.js';

/**
 * The working-day calendar of a year: Vietnam's public holidays and compensatory days off, set
 * by an admin each year once the Government announces them. Report due moments that fall on a
 * day off move to the working day before.
 */
export function calendarRoutes(app: FastifyInstance, deps: { db: Db; clock: Clock }) {
  const r = typed(app);
  const repo = createCalendarRepo(deps.db);
  const tags = ['calendar'];
  r.get(
    '/days-off/:year',
    {
      preHandler: requireUser,
      schema: { tags, params: yearParams, response: { 200: z.array(dayOffSchema) } },
    },
    (req) => repo.ofYear(req.params.year),
  );
  r.put(
    '/days-off/:year',
    {
      preHandler: requireUser,
      schema: { tags, params: yearParams, body: setDaysOffBody, response: { 200: z.array(dayOffSchema) } },
    },
    async (req) => {
      if (!isAdmin(req.actor)) throw new AppError('forbidden');
      const { year } = req.params;
      const days = req.body.days;
      const i = days.findIndex((d) => !d.day.startsWith(`${year}-`));
      if (i >= 0) throw new AppError('validation_failed', {}, `days.${i}.day`);
      const dup = days.findIndex((d, k) => days.findIndex((x) => x.day === d.day) !== k);
      if (dup >= 0) throw new AppError('validation_failed', {}, `days.${dup}.day`);
      const before = await repo.ofYear(year);
      await repo.replaceYear(year, days);
      await auditLog(deps.db, deps.clock).record({
        actorId: req.actor.userId,
        action: 'calendar.days_off',
        entity: 'calendar',
        entityId: String(year),
        before,
        after: days,
      });
      return repo.ofYear(year);
    },
  );
}
