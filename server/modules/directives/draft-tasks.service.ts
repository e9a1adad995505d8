import { AppError } from '../../lib/app-error.js';
import { pickName } from '../../lib/localize.js';
import { message } from '../../lib/messages.js';
import type {
  ConfirmedTask,
  CreateDirectiveTasksInput,
  DraftTasksResponse,
} from '../../../shared/schemas/draft-tasks.js';
import type { CreateTaskInput } from '../../../shared/schemas/tasks.js';
import type { Actor } from '../auth/actor.js';
import { canManageTasks } from '../auth/policy.js';
import type { ProgrammesService } from '../programmes/programmes.service.js';
import type { TasksService } from '../tasks/tasks.service.js';
import type { Block } from './draft/blocks.js';
import { draftTasks } from './draft/draft.js';
import { buildUnitIndex } from './draft/match-units.js';
import { parseDocx } from './draft/parse-docx.js';
import { parsePdf } from './draft/parse-pdf.js';
import { parseText } from './draft/parse-text.js';
import type { DraftTasksRepo } from './draft-tasks.repo.js';

export type DocumentFormat = 'docx' | 'pdf' | 'text';

/** What was uploaded: the bytes and the type the client said. The bytes' own signature decides. */
export function formatOf(contentType: string | undefined, body: Buffer): DocumentFormat {
  if (body.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1'))) return 'docx';
  if (body.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if ((contentType ?? '').toLowerCase().startsWith('text/plain')) return 'text';
  throw new AppError('document_type');
}

/** "Kế hoạch số 123/KH-UBND" → "123-KH-UBND": the stem of the codes of the tasks it gives. */
export const codeStem = (number: string) =>
  number
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'D')
    .replace(/^(?:ke hoach|chi thi|ket luan|thong bao|quyet dinh|nghi quyet)\s+(?:so\s+)?/i, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toUpperCase()
    .slice(0, 40) || 'VB';

export function createDraftTasksService(deps: {
  repo: DraftTasksRepo;
  programmes: ProgrammesService;
  tasks: TasksService;
}) {
  const { repo, programmes, tasks } = deps;

  /** The directive, if the actor may see its programme and manage its tasks (404, then 403). */
  async function open(actor: Actor, directiveId: number) {
    const d = await repo.directive(directiveId);
    if (!d) throw new AppError('not_found');
    const p = await programmes.access(actor, d.programmeId).catch(() => {
      throw new AppError('not_found');
    });
    if (!canManageTasks(actor, d.programmeId)) throw new AppError('forbidden');
    return { d, p };
  }

  return {
    /** Reads a document into draft tasks. Writes nothing. */
    async draft(
      actor: Actor,
      directiveId: number,
      input: { contentType: string | undefined; body: Buffer; documentDate?: string },
    ): Promise<DraftTasksResponse> {
      const { d, p } = await open(actor, directiveId);
      const format = formatOf(input.contentType, input.body);
      let blocks: Block[];
      let pages: number | null = null;
      if (format === 'docx') blocks = await parseDocx(input.body);
      else if (format === 'pdf') ({ blocks, pages } = await parsePdf(input.body));
      else blocks = parseText(input.body.toString('utf8'));
      const units = await repo.unitsUnder(p.rootUnitPath);
      const result = draftTasks(blocks, buildUnitIndex(units), {
        fallback: d.issuedOn,
        override: input.documentDate ?? null,
      });
      return {
        directive: { id: d.id, number: d.number, title: d.title },
        format,
        pages,
        ...result,
        units: units.map((u) => ({
          id: u.id,
          code: u.code,
          name: pickName(actor.locale, u.nameVi, u.nameEn, u.nameAr),
          kind: u.kind,
        })),
      };
    },

    /**
     * Creates the confirmed drafts as tasks of the directive, all in one transaction through the
     * tasks' own create path; a refused row is said with its reason and nothing is written.
     */
    async create(actor: Actor, directiveId: number, input: CreateDirectiveTasksInput) {
      const { d } = await open(actor, directiveId);
      const stem = codeStem(d.number);
      const taken = new Set(await repo.codesLike(d.programmeId, `${stem}-`));
      let next = 1;
      const fresh = () => {
        while (taken.has(`${stem}-${String(next).padStart(3, '0')}`)) next++;
        const code = `${stem}-${String(next).padStart(3, '0')}`;
        taken.add(code);
        return code;
      };
      const seen = new Map<string, number>();
      const dupes: { path: string; message: string }[] = [];
      const rows: CreateTaskInput[] = input.tasks.map((t, i) => {
        const code = t.code ?? fresh();
        const first = seen.get(code);
        if (first !== undefined)
          dupes.push({
            path: `tasks.${i}.code`,
            message: message('import_duplicate_in_file', actor.locale, { code, row: first + 1 }),
          });
        else seen.set(code, i);
        return toTask(d.programmeId, d.id, input.assignedLevel, code, t);
      });
      if (dupes.length) throw new AppError('draft_rows_invalid', { count: dupes.length }, undefined, dupes);
      const created = await tasks.createMany(actor, d.programmeId, rows, (i, e) => ({
        path: `tasks.${i}${e.field ? `.${e.field}` : ''}`,
        message: message(e.code, actor.locale, e.params),
      }));
      return { created };
    },
  };
}
export type DraftTasksService = ReturnType<typeof createDraftTasksService>;

function toTask(
  programmeId: number,
  directiveId: number,
  assignedLevel: CreateDirectiveTasksInput['assignedLevel'],
  code: string,
  t: ConfirmedTask,
): CreateTaskInput {
  // The words the task came from stay in its description; the recurrence is the task's own field.
  const description = t.sourceText ? `Nguồn: ${t.sourceText}` : null;
  return {
    programmeId,
    code,
    title: t.title,
    description: description?.slice(0, 20_000) ?? null,
    groupId: t.groupId,
    directiveId,
    assignedLevel,
    leadUnitId: t.leadUnitId,
    coordinatingUnitIds: [...new Set(t.coordinatingUnitIds.filter((id) => id !== t.leadUnitId))],
    responsiblePerson: null,
    startDate: t.startDate,
    deadline: t.deadline,
    deliverable: t.deliverable,
    targetText: null,
    targetValue: null,
    targetUnit: null,
    priority: 'normal',
    parentId: null,
    kind: 'task',
    recurrence: t.recurrence,
    recurrenceDay: null,
    progressFromSubtasks: false,
    subtaskWeight: 1,
    progress: 0,
    milestones: [],
  };
}
