import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { transactionWith } from '../../db/transaction.js';
import type { AdjustmentKind, AdjustmentProposal, AdjustmentStatus } from '../../db/schema/index.js';

type Names = {
  unit_code: string;
  unit_name_vi: string;
  unit_name_en: string | null;
  unit_name_ar: string | null;
};
export type AdjustmentRow = Names & {
  id: number;
  programme_id: number;
  task_id: number;
  task_code: string;
  task_title: string;
  unit_id: number;
  kind: AdjustmentKind;
  reason: string;
  proposal: AdjustmentProposal;
  before: Record<string, unknown>;
  status: AdjustmentStatus;
  requested_by: number;
  requested_by_name: string;
  requested_at: Date | string;
  decided_by_name: string | null;
  decided_at: Date | string | null;
  decision_note: string | null;
  replacement_task_id: number | null;
};
export type CompletionRow = Names & {
  id: number;
  programme_id: number;
  task_id: number;
  task_code: string;
  task_title: string;
  task_deadline: string;
  unit_id: number;
  completed_on: string;
  product: string;
  status: 'pending' | 'confirmed' | 'returned';
  requested_by_name: string;
  requested_at: Date | string;
  decided_by_name: string | null;
  decided_at: Date | string | null;
  decision_note: string | null;
};

const scopeSql = (paths: string[] | null) =>
  paths === null
    ? sql`true`
    : paths.length
      ? sql`(${sql.join(
          paths.map((p) => sql`u.path like ${p + '%'}`),
          sql` or `,
        )})`
      : sql`false`;

const ADJ = sql`select a.*, t.code as task_code, t.title as task_title, u.code as unit_code, u.name_vi as unit_name_vi,
    u.name_en as unit_name_en, u.name_ar as unit_name_ar, ru.display_name as requested_by_name,
    du.display_name as decided_by_name
  from adjustment_requests a join tasks t on t.id = a.task_id join units u on u.id = a.unit_id
  join users ru on ru.id = a.requested_by left join users du on du.id = a.decided_by`;
const CMP = sql`select c.*, t.code as task_code, t.title as task_title, t.deadline::text as task_deadline,
    u.code as unit_code, u.name_vi as unit_name_vi, u.name_en as unit_name_en, u.name_ar as unit_name_ar,
    ru.display_name as requested_by_name, du.display_name as decided_by_name
  from completion_requests c join tasks t on t.id = c.task_id join units u on u.id = c.unit_id
  join users ru on ru.id = c.requested_by left join users du on du.id = c.decided_by`;

/** Adjustment requests and completion declarations: the only SQL of the module. */
export function createAdjustmentsRepo(db: Db) {
  const rows = async <T>(q: SQL) => (await db.execute(q)).rows as T[];
  const one = async <T>(q: SQL) => (await rows<T>(q))[0];
  return {
    taskFacts: (taskId: number) =>
      one<{
        id: number;
        programme_id: number;
        code: string;
        lead_unit_id: number;
        lead_unit_path: string;
        deadline: string;
        start_date: string | null;
        completed_on: string | null;
        cancelled_on: string | null;
        deliverable: string | null;
        target_text: string | null;
        target_value: string | null;
        target_unit: string | null;
        version: number;
        progress: number;
        first_activity_on: string | null;
      }>(sql`select t.id, t.programme_id, t.code, t.lead_unit_id, u.path as lead_unit_path, t.deadline::text as deadline,
          t.start_date::text as start_date, t.completed_on::text as completed_on, t.cancelled_on::text as cancelled_on,
          t.deliverable, t.target_text, t.target_value::text as target_value, t.target_unit, t.version,
          t.progress, t.first_activity_on::text as first_activity_on
        from tasks t join units u on u.id = t.lead_unit_id where t.id = ${taskId}`),

    lockTask: (taskId: number) => db.execute(sql`select id from tasks where id = ${taskId} for update`),

    pendingAdjustment: (taskId: number) =>
      one<{ id: number }>(
        sql`select id from adjustment_requests where task_id = ${taskId} and status = 'pending'`,
      ),

    insertAdjustment: (v: {
      programmeId: number;
      taskId: number;
      unitId: number;
      kind: AdjustmentKind;
      reason: string;
      proposal: AdjustmentProposal;
      before: Record<string, unknown>;
      by: number;
      at: Date;
    }) =>
      one<{ id: number }>(sql`insert into adjustment_requests
          (programme_id, task_id, unit_id, kind, reason, proposal, before, requested_by, requested_at)
        values (${v.programmeId}, ${v.taskId}, ${v.unitId}, ${v.kind}, ${v.reason}, ${JSON.stringify(v.proposal)}::jsonb,
          ${JSON.stringify(v.before)}::jsonb, ${v.by}, ${v.at.toISOString()}) returning id`),

    adjustment: (id: number) => one<AdjustmentRow>(sql`${ADJ} where a.id = ${id}`),
    lockAdjustment: (id: number) =>
      one<{ status: AdjustmentStatus }>(
        sql`select status from adjustment_requests where id = ${id} for update`,
      ),
    adjustments: (q: { programmeId: number; status?: string; taskId?: number; unitPaths: string[] | null }) =>
      rows<AdjustmentRow>(sql`${ADJ} where a.programme_id = ${q.programmeId}
        ${q.status ? sql`and a.status = ${q.status}` : sql``} ${q.taskId ? sql`and a.task_id = ${q.taskId}` : sql``}
        and ${scopeSql(q.unitPaths)} order by a.requested_at desc, a.id desc limit 500`),
    decideAdjustment: (
      id: number,
      v: { status: AdjustmentStatus; by: number; at: Date; note: string | null; replacementTaskId?: number },
    ) =>
      db.execute(sql`update adjustment_requests set status = ${v.status}, decided_by = ${v.by},
        decided_at = ${v.at.toISOString()}, decision_note = ${v.note}, replacement_task_id = ${v.replacementTaskId ?? null}
        where id = ${id}`),

    /** A free code for a replacement task: CODE-R1, CODE-R2… */
    replacementCode: async (programmeId: number, code: string) => {
      const taken = new Set(
        (
          await rows<{ code: string }>(
            sql`select code from tasks where programme_id = ${programmeId} and code like ${code + '-R%'}`,
          )
        ).map((r) => r.code),
      );
      let n = 1;
      while (taken.has(`${code}-R${n}`)) n++;
      return `${code}-R${n}`;
    },
    copyTask: (
      taskId: number,
      v: { code: string; title: string; deadline: string; deliverable: string | null; searchText: string },
    ) =>
      one<{
        id: number;
      }>(sql`insert into tasks (programme_id, code, title, description, group_id, directive_id,
          assigned_level, lead_unit_id, responsible_person, start_date, deadline, original_deadline, deliverable,
          target_text, target_value, target_unit, priority, parent_id, kind, search_text)
        select programme_id, ${v.code}, ${v.title}, description, group_id, directive_id, assigned_level, lead_unit_id,
          responsible_person, start_date, ${v.deadline}::date, ${v.deadline}::date, coalesce(${v.deliverable}, deliverable),
          target_text, target_value, target_unit, priority, parent_id, kind,
          ${v.searchText}
        from tasks where id = ${taskId} returning id`),
    copyCoordinators: (from: number, to: number) =>
      db.execute(sql`insert into task_coordinators (task_id, unit_id) select ${to}, unit_id from task_coordinators
        where task_id = ${from}`),
    cancelTask: (taskId: number, day: string, replacedById: number | null) =>
      db.execute(sql`update tasks set cancelled_on = ${day}::date, replaced_by_id = ${replacedById},
        version = version + 1, updated_at = now() where id = ${taskId}`),
    changeTask: (
      taskId: number,
      set: {
        deliverable?: string | null;
        targetText?: string | null;
        targetValue?: string | null;
        targetUnit?: string | null;
      },
    ) =>
      db.execute(sql`update tasks set
        deliverable = ${'deliverable' in set ? sql`${set.deliverable ?? null}` : sql`deliverable`},
        target_text = ${'targetText' in set ? sql`${set.targetText ?? null}` : sql`target_text`},
        target_value = ${'targetValue' in set ? sql`${set.targetValue ?? null}::numeric` : sql`target_value`},
        target_unit = ${'targetUnit' in set ? sql`${set.targetUnit ?? null}` : sql`target_unit`},
        version = version + 1, updated_at = now() where id = ${taskId}`),
    extendTask: (taskId: number, deadline: string, day: string) =>
      db.execute(sql`update tasks set deadline = ${deadline}::date, deadline_effective_from = ${day}::date,
        version = version + 1, updated_at = now() where id = ${taskId}`),
    /** Writes what tasks/completion-rule.ts says a completion writes. */
    completeTask: (
      taskId: number,
      v: { completedOn: string; completedAt: Date; progress: number; firstActivityOn: string },
    ) =>
      db.execute(sql`update tasks set completed_on = ${v.completedOn}::date, completed_at = ${v.completedAt.toISOString()},
        progress = ${v.progress}, first_activity_on = ${v.firstActivityOn}::date, version = version + 1, updated_at = now()
        where id = ${taskId}`),

    pendingCompletion: (taskId: number) =>
      one<{ id: number }>(
        sql`select id from completion_requests where task_id = ${taskId} and status = 'pending'`,
      ),
    insertCompletion: (v: {
      programmeId: number;
      taskId: number;
      unitId: number;
      completedOn: string;
      product: string;
      by: number;
      at: Date;
    }) =>
      one<{ id: number }>(sql`insert into completion_requests
          (programme_id, task_id, unit_id, completed_on, product, requested_by, requested_at)
        values (${v.programmeId}, ${v.taskId}, ${v.unitId}, ${v.completedOn}, ${v.product}, ${v.by}, ${v.at.toISOString()})
        returning id`),
    completion: (id: number) => one<CompletionRow>(sql`${CMP} where c.id = ${id}`),
    lockCompletion: (id: number) =>
      one<{ status: string }>(sql`select status from completion_requests where id = ${id} for update`),
    completions: (q: { programmeId: number; status?: string; taskId?: number; unitPaths: string[] | null }) =>
      rows<CompletionRow>(sql`${CMP} where c.programme_id = ${q.programmeId}
        ${q.status ? sql`and c.status = ${q.status}` : sql``} ${q.taskId ? sql`and c.task_id = ${q.taskId}` : sql``}
        and ${scopeSql(q.unitPaths)} order by c.requested_at desc, c.id desc limit 500`),
    decideCompletion: (id: number, v: { status: string; by: number; at: Date; note: string | null }) =>
      db.execute(sql`update completion_requests set status = ${v.status}, decided_by = ${v.by},
        decided_at = ${v.at.toISOString()}, decision_note = ${v.note} where id = ${id}`),
  };
}
export type AdjustmentsRepo = ReturnType<typeof createAdjustmentsRepo>;

export const adjustmentsTransaction = <T>(
  db: Db,
  fn: (repo: AdjustmentsRepo, tx: Db) => Promise<T>,
): Promise<T> => transactionWith(db, createAdjustmentsRepo, fn);
