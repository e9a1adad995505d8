import path from 'node:path';
import type { Readable } from 'node:stream';
import type { Db } from '../../db/client.js';
import { AppError } from '../../lib/app-error.js';
import type { Clock } from '../../lib/clock.js';
import type { Actor } from '../auth/actor.js';
import { canManageTasks, hasProgrammeRole, isAdmin, reportRights, unitScopePaths } from '../auth/policy.js';
import { auditLog } from '../audit/audit.service.js';
import type { ProgrammesService } from '../programmes/programmes.service.js';
import { instant } from '../reports/reports.repo.js';
import { createEvidenceRepo, type EvidenceRow } from './evidence.repo.js';
import { storeUpload } from './file-store.js';

/**
 * Evidence files of tasks: written to the files folder under a random name (never the uploaded
 * one), checked against the allow-list, counted against the size limit while streaming.
 */
export function createEvidenceService(deps: {
  db: Db;
  clock: Clock;
  programmes: ProgrammesService;
  filesDir: string;
  maxBytes: number;
}) {
  const repo = createEvidenceRepo(deps.db);

  async function access(actor: Actor, taskId: number) {
    const t = await repo.taskUnits(taskId);
    if (!t) throw new AppError('not_found');
    await deps.programmes.access(actor, t.programme_id).catch(() => {
      throw new AppError('not_found');
    });
    const wide = isAdmin(actor) || hasProgrammeRole(actor, t.programme_id);
    const scope = unitScopePaths(actor, t.programme_id);
    if (!wide && !t.units.some((u) => scope.some((s) => u.path.startsWith(s))))
      throw new AppError('not_found');
    return t;
  }

  const present = (f: EvidenceRow) => ({
    id: f.id,
    taskId: f.task_id,
    unitCode: f.unit_code,
    reportId: f.report_id,
    fileName: f.file_name,
    mediaType: f.media_type,
    size: f.size,
    sha256: f.sha256,
    uploadedBy: f.uploaded_by_name,
    uploadedAt: instant(f.uploaded_at)!.toISOString(),
    url: `/api/v1/evidence/${f.id}`,
  });

  return {
    maxBytes: deps.maxBytes,

    async upload(
      actor: Actor,
      taskId: number,
      file: { name: string; type: string; length?: number; body: Readable; reportId?: number | null },
    ) {
      const t = await access(actor, taskId);
      // The uploader's unit: one of the task's units where they report, else the standing agency's upload.
      const unit =
        t.units.find((u) => reportRights(actor, t.programme_id, u.path).edit) ??
        (canManageTasks(actor, t.programme_id) ? t.units.find((u) => u.lead) : undefined);
      if (!unit) throw new AppError('forbidden');
      const stored = await storeUpload(deps, file);
      const now = deps.clock.now();
      const id = await deps.db.transaction(async (tx) => {
        const r = createEvidenceRepo(tx as unknown as Db);
        const newId = await r.insert({
          programmeId: t.programme_id,
          taskId,
          unitId: unit.id,
          reportId: file.reportId ?? null,
          ...stored,
          by: actor.userId!,
          at: now,
        });
        await auditLog(tx as unknown as Db, deps.clock).record({
          actorId: actor.userId,
          action: 'evidence.upload',
          entity: 'task',
          entityId: String(taskId),
          after: { file: stored.fileName, size: stored.size, mediaType: stored.mediaType },
        });
        return newId;
      });
      return present((await repo.byId(id))!);
    },

    async list(actor: Actor, taskId: number) {
      await access(actor, taskId);
      return (await repo.ofTask(taskId)).map(present);
    },

    /** The file to send, once the reader may see its task. */
    async open(actor: Actor, id: number) {
      const f = await repo.byId(id);
      if (!f) throw new AppError('not_found');
      await access(actor, f.task_id);
      return { ...present(f), path: path.join(deps.filesDir, f.storage_key) };
    },
  };
}
export type EvidenceService = ReturnType<typeof createEvidenceService>;
