import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';

type Named = {
  unit_code: string;
  unit_name_vi: string;
  unit_name_en: string | null;
  unit_name_ar: string | null;
};

/** What an inspector looks for, each read straight from the record it is about. */
export function createInspectionRepo(db: Db) {
  const rows = async <T>(q: ReturnType<typeof sql>) => (await db.execute(q)).rows as T[];
  return {
    /** Open tasks started at least `minDays` before asOf whose progress never moved (nothing in their history). */
    stalled: (programmeId: number, asOf: string, minDays: number) =>
      rows<
        Named & {
          id: number;
          code: string;
          title: string;
          start_date: string;
          deadline: string;
          progress: number;
        }
      >(sql`
        select t.id, t.code, t.title, t.start_date::text, t.deadline::text, t.progress,
               u.code as unit_code, u.name_vi as unit_name_vi, u.name_en as unit_name_en, u.name_ar as unit_name_ar
          from tasks t join units u on u.id = t.lead_unit_id
         where t.programme_id = ${programmeId}
           and t.start_date is not null and t.start_date <= ${asOf}::date - ${minDays}::int
           and (t.completed_on is null or t.completed_on > ${asOf}::date)
           and (t.cancelled_on is null or t.cancelled_on > ${asOf}::date)
           and (t.first_activity_on is null or t.first_activity_on > ${asOf}::date)
           and not exists (select 1 from task_history h where h.task_id = t.id and h.changes ? 'progress'
                             and h.at < (${asOf}::date + 1)::timestamptz)
         order by t.start_date, t.code limit 500`),
    returnedCompletions: (programmeId: number, asOf: string) =>
      rows<
        Named & {
          id: number;
          task_id: number;
          task_code: string;
          task_title: string;
          completed_on: string;
          requested_at: Date;
          decided_at: Date;
          decided_by: string | null;
          note: string | null;
        }
      >(sql`
        select c.id, t.id as task_id, t.code as task_code, t.title as task_title, c.completed_on::text,
               c.requested_at, c.decided_at, du.display_name as decided_by, c.decision_note as note,
               u.code as unit_code, u.name_vi as unit_name_vi, u.name_en as unit_name_en, u.name_ar as unit_name_ar
          from completion_requests c join tasks t on t.id = c.task_id join units u on u.id = c.unit_id
          left join users du on du.id = c.decided_by
         where c.programme_id = ${programmeId} and c.status = 'returned'
           and c.decided_at < (${asOf}::date + 1)::timestamptz
         order by c.decided_at desc limit 500`),
    deadlineChanges: (programmeId: number, asOf: string) =>
      rows<
        Named & {
          id: number;
          task_id: number;
          task_code: string;
          task_title: string;
          original: string;
          deadline: string;
          effective_from: string;
          reason: string | null;
          by: string | null;
          at: Date;
        }
      >(sql`
        select dc.id, t.id as task_id, t.code as task_code, t.title as task_title, t.original_deadline::text as original,
               dc.deadline::text, dc.effective_from::text, dc.reason, cu.display_name as by, dc.created_at as at,
               u.code as unit_code, u.name_vi as unit_name_vi, u.name_en as unit_name_en, u.name_ar as unit_name_ar
          from task_deadline_changes dc join tasks t on t.id = dc.task_id join units u on u.id = t.lead_unit_id
          left join users cu on cu.id = dc.created_by
         where t.programme_id = ${programmeId} and dc.effective_from <= ${asOf}::date
         order by dc.effective_from desc, dc.id desc limit 500`),
    /** The audit events behind the listed tasks, oldest first. */
    trail: (taskIds: number[]) =>
      taskIds.length
        ? rows<{ entity_id: string; at: Date; action: string; actor: string | null }>(sql`
            select a.entity_id, a.at, a.action, u.display_name as actor
              from audit_events a left join users u on u.id = a.actor_id
             where a.entity = 'task' and a.entity_id in ${taskIds.map(String)}
             order by a.at, a.id`)
        : Promise.resolve([]),
  };
}
