import type { Db } from '../../db/client.js';
import { AppError } from '../../lib/app-error.js';
import type { Clock } from '../../lib/clock.js';
import { pickName } from '../../lib/localize.js';
import type { PilotsOverview } from '../../../shared/schemas/pilots.js';
import type { Actor } from '../auth/actor.js';
import { canManageTasks, taskReadScope } from '../auth/policy.js';
import { auditLog } from '../audit/audit.service.js';
import type { ProgrammesService } from '../programmes/programmes.service.js';
import type { TasksService } from '../tasks/tasks.service.js';
import { createPilotsRepo } from './pilots.repo.js';

/**
 * Pilot models are tasks of kind 'pilot': their counts by state per programme and group come from
 * the task summary (the same rules as every task); this adds the ones marked to accelerate.
 */
export function createPilotsService(deps: {
  db: Db;
  clock: Clock;
  programmes: ProgrammesService;
  tasks: TasksService;
}) {
  const { db, clock, programmes, tasks } = deps;
  const repo = createPilotsRepo(db);
  return {
    async overview(actor: Actor, q: { programmeId: number; asOf?: string }): Promise<PilotsOverview> {
      const p = await programmes.access(actor, q.programmeId);
      const asOf = q.asOf ?? p.today;
      const [summary, accelerate] = await Promise.all([
        tasks.summary(actor, { programmeId: p.id, asOf, kind: 'pilot' }),
        repo.accelerate(p.id, asOf, taskReadScope(actor, p.id)),
      ]);
      return {
        programmeId: p.id,
        asOf,
        summary,
        accelerate: accelerate.map((t) => ({
          id: t.id,
          code: t.code,
          title: t.title,
          leadUnit: {
            id: t.unit_id,
            code: t.unit_code,
            name: pickName(actor.locale, t.name_vi, t.name_en, t.name_ar),
          },
          deadline: t.deadline,
          progress: t.progress,
          state: t.state,
          note: t.note,
        })),
        can: { mark: canManageTasks(actor, p.id) },
      };
    },

    /** Marks a pilot model to accelerate (or clears the mark): the standing agency. */
    async setAccelerate(actor: Actor, taskId: number, input: { accelerate: boolean; note?: string | null }) {
      const t = await repo.pilot(taskId);
      if (!t) throw new AppError('not_found');
      await programmes.access(actor, t.programme_id).catch(() => {
        throw new AppError('not_found');
      });
      if (!canManageTasks(actor, t.programme_id)) throw new AppError('forbidden');
      if (t.kind !== 'pilot') throw new AppError('validation_failed', {}, 'taskId');
      await db.transaction(async (tx) => {
        const r = createPilotsRepo(tx as unknown as Db);
        if (input.accelerate)
          await r.mark({ taskId, programmeId: t.programme_id, note: input.note ?? null, at: clock.now() });
        else await r.unmark(taskId);
        await auditLog(tx as unknown as Db, clock).record({
          actorId: actor.userId,
          action: input.accelerate ? 'pilot.accelerate' : 'pilot.accelerate_cleared',
          entity: 'task',
          entityId: String(taskId),
          after: input,
        });
      });
      return { ok: true as const };
    },
  };
}
export type PilotsService = ReturnType<typeof createPilotsService>;
