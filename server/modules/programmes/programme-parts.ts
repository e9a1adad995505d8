import type { GroupInput, SteeringMemberInput } from '../../../shared/schemas/programmes.js';
import { AppError } from '../../lib/app-error.js';
import type { Actor } from '../auth/actor.js';
import { auditLog } from '../audit/audit.service.js';
import { forWrite, type SetupDeps } from './manage-programme.js';
import { canEditProgramme } from './policy.js';
import { createProgrammesRepo, programmesTransaction, type GroupRow } from './programmes.repo.js';

const presentGroup = (g: GroupRow, taskCount: number) => ({
  id: g.id,
  code: g.code,
  name: { vi: g.nameVi, en: g.nameEn, ar: g.nameAr },
  sort: g.sort,
  taskCount,
});
export type GroupWithUse = ReturnType<typeof presentGroup>;

/**
 * The programme's specialised groups and steering body. A group that tasks use cannot be
 * removed (its tasks would lose their slice); renaming and reordering are always allowed.
 */
export function createProgrammeParts(deps: SetupDeps) {
  const { db, clock, programmes } = deps;

  async function guard(actor: Actor, programmeId: number) {
    await programmes.access(actor, programmeId);
    if (!canEditProgramme(actor, programmeId)) throw new AppError('forbidden');
  }
  const audit = (tx: typeof db, actor: Actor, action: string, id: number, before: unknown, after: unknown) =>
    auditLog(tx, clock).record({
      actorId: actor.userId,
      action,
      entity: 'programme',
      entityId: String(id),
      before,
      after,
    });

  async function groups(actor: Actor, programmeId: number): Promise<GroupWithUse[]> {
    await programmes.access(actor, programmeId);
    const r = createProgrammesRepo(db);
    const [rows, counts] = await Promise.all([r.groupsOf([programmeId]), r.groupTaskCounts(programmeId)]);
    return rows.map((g) => presentGroup(g, counts.get(g.id) ?? 0));
  }

  return {
    groups,

    async addGroup(actor: Actor, programmeId: number, input: GroupInput) {
      await guard(actor, programmeId);
      await programmesTransaction(db, async (r, tx) => {
        await forWrite(r, programmeId);
        if (await r.groupByCode(programmeId, input.code))
          throw new AppError('duplicate_code', { code: input.code }, 'code');
        const [g] = await r.insertGroups([
          {
            programmeId,
            code: input.code,
            nameVi: input.name.vi,
            nameEn: input.name.en,
            nameAr: input.name.ar,
            sort: await r.nextGroupSort(programmeId),
          },
        ]);
        await audit(tx, actor, 'programme.group.create', programmeId, null, { id: g!.id, ...input });
      });
      return groups(actor, programmeId);
    },

    async updateGroup(actor: Actor, programmeId: number, groupId: number, input: Partial<GroupInput>) {
      await guard(actor, programmeId);
      await programmesTransaction(db, async (r, tx) => {
        await forWrite(r, programmeId);
        const g = await r.group(programmeId, groupId);
        if (!g) throw new AppError('group_not_in_programme', {}, 'groupId');
        if (input.code && input.code !== g.code && (await r.groupByCode(programmeId, input.code)))
          throw new AppError('duplicate_code', { code: input.code }, 'code');
        const saved = await r.updateGroup(groupId, {
          ...(input.code ? { code: input.code } : {}),
          ...(input.name ? { nameVi: input.name.vi, nameEn: input.name.en, nameAr: input.name.ar } : {}),
        });
        await audit(
          tx,
          actor,
          'programme.group.update',
          programmeId,
          presentGroup(g, 0),
          presentGroup(saved, 0),
        );
      });
      return groups(actor, programmeId);
    },

    async removeGroup(actor: Actor, programmeId: number, groupId: number) {
      await guard(actor, programmeId);
      await programmesTransaction(db, async (r, tx) => {
        await forWrite(r, programmeId);
        const g = await r.group(programmeId, groupId);
        if (!g) throw new AppError('group_not_in_programme', {}, 'groupId');
        const used = await r.groupTaskCount(groupId);
        if (used > 0) throw new AppError('group_in_use', { group: g.nameVi, count: used });
        await r.deleteGroup(groupId);
        await audit(tx, actor, 'programme.group.delete', programmeId, presentGroup(g, 0), null);
      });
      return groups(actor, programmeId);
    },

    /** `ids` is the new order of every group of the programme. */
    async reorderGroups(actor: Actor, programmeId: number, ids: number[]) {
      await guard(actor, programmeId);
      await programmesTransaction(db, async (r, tx) => {
        await forWrite(r, programmeId);
        const current = await r.groupsOf([programmeId]);
        const known = new Set(current.map((g) => g.id));
        if (ids.length !== known.size || new Set(ids).size !== ids.length || ids.some((id) => !known.has(id)))
          throw new AppError('validation_failed', {}, 'ids');
        for (const [i, id] of ids.entries()) await r.updateGroup(id, { sort: i + 1 });
        await audit(
          tx,
          actor,
          'programme.group.reorder',
          programmeId,
          current.map((g) => g.id),
          ids,
        );
      });
      return groups(actor, programmeId);
    },

    /** The steering body's members, replaced as a whole list (the screen edits them together). */
    async replaceSteering(actor: Actor, programmeId: number, members: SteeringMemberInput[]) {
      await guard(actor, programmeId);
      await programmesTransaction(db, async (r, tx) => {
        await forWrite(r, programmeId);
        const unitIds = [...new Set(members.map((m) => m.unitId).filter((x): x is number => !!x))];
        const paths = await r.unitPaths(unitIds);
        const missing = unitIds.find((id) => !paths.has(id));
        if (missing) throw new AppError('unit_not_found', { id: missing }, 'members');
        const before = await r.steeringOf([programmeId]);
        await r.replaceSteering(
          programmeId,
          members.map((m, i) => ({ ...m, sort: i + 1 })),
        );
        await audit(
          tx,
          actor,
          'programme.steering.replace',
          programmeId,
          before.map(({ position, personName, title, unitId }) => ({ position, personName, title, unitId })),
          members,
        );
      });
      return programmes.get(actor, programmeId);
    },
  };
}
export type ProgrammeParts = ReturnType<typeof createProgrammeParts>;
