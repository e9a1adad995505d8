import path from 'node:path';
import type { Directive } from '../../../shared/schemas/programmes.js';
import { AppError } from '../../lib/app-error.js';
import type { Actor } from '../auth/actor.js';
import { auditLog } from '../audit/audit.service.js';
import { storeUpload, type IncomingFile } from '../evidence/file-store.js';
import { createDirectivesRepo, directivesTransaction } from './directives.repo.js';
import {
  canManageDirectives,
  presentDirective,
  type DirectivesDeps,
  type DirectivesService,
} from './directives.service.js';

/** The document files the register keeps: the signed PDF, or the Word file it was drafted in. */
export const DIRECTIVE_EXTENSIONS = ['pdf', 'docx', 'doc'] as const;

/**
 * A directive's document, stored as evidence files are (decision 7) with a narrower allow-list.
 * A new upload replaces the previous file; the audit trail keeps the hash of each.
 */
export function createDirectiveFiles(
  deps: DirectivesDeps & { directives: DirectivesService; filesDir: string; maxBytes: number },
) {
  const repo = createDirectivesRepo(deps.db);
  return {
    async upload(actor: Actor, id: number, file: IncomingFile): Promise<Directive> {
      const d = await deps.directives.readable(actor, id);
      if (!canManageDirectives(actor, d.programmeId)) throw new AppError('forbidden');
      const stored = await storeUpload({ ...deps, extensions: DIRECTIVE_EXTENSIONS }, file);
      await directivesTransaction(deps.db, async (r, tx) => {
        const now = deps.clock.now();
        await r.update(id, {
          fileName: stored.fileName,
          fileMediaType: stored.mediaType,
          fileSize: stored.size,
          fileSha256: stored.sha256,
          fileStorageKey: stored.storageKey,
          fileUploadedAt: now,
          updatedAt: now,
        });
        await auditLog(tx, deps.clock).record({
          actorId: actor.userId,
          action: 'directive.file',
          entity: 'directive',
          entityId: String(id),
          before: d.fileSha256 ? { file: d.fileName, sha256: d.fileSha256 } : null,
          after: {
            file: stored.fileName,
            size: stored.size,
            mediaType: stored.mediaType,
            sha256: stored.sha256,
          },
        });
      });
      return presentDirective(actor, (await repo.byId(id))!);
    },

    /** The file to send, to anyone who may open the directive's programme. */
    async open(actor: Actor, id: number) {
      const d = await deps.directives.readable(actor, id);
      if (!d.fileStorageKey || !d.fileName) throw new AppError('not_found');
      return {
        fileName: d.fileName,
        mediaType: d.fileMediaType ?? 'application/octet-stream',
        size: d.fileSize ?? 0,
        path: path.join(deps.filesDir, d.fileStorageKey),
      };
    },
  };
}
export type DirectiveFiles = ReturnType<typeof createDirectiveFiles>;
