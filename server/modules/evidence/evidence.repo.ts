import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';

export type EvidenceRow = {
  id: number;
  task_id: number;
  unit_id: number;
  unit_code: string;
  report_id: number | null;
  file_name: string;
  media_type: string;
  size: number;
  sha256: string;
  storage_key: string;
  uploaded_by_name: string;
  uploaded_at: Date | string;
};

const SELECT = sql`select f.id, f.task_id, f.unit_id, u.code as unit_code, f.report_id, f.file_name, f.media_type,
    f.size::int as size, f.sha256, f.storage_key, us.display_name as uploaded_by_name, f.uploaded_at
  from evidence_files f join units u on u.id = f.unit_id join users us on us.id = f.uploaded_by`;

export function createEvidenceRepo(db: Db) {
  const rows = async <T>(q: SQL) => (await db.execute(q)).rows as T[];
  return {
    /** The task's programme and the tree paths of its lead and coordinating units, for the policies. */
    taskUnits: async (taskId: number) =>
      (
        await rows<{ programme_id: number; units: { id: number; path: string; lead: boolean }[] }>(sql`
          select t.programme_id, json_agg(json_build_object('id', u.id, 'path', u.path, 'lead', u.id = t.lead_unit_id)) as units
            from tasks t join units u on u.id = t.lead_unit_id
              or u.id in (select c.unit_id from task_coordinators c where c.task_id = t.id)
           where t.id = ${taskId} group by t.programme_id`)
      )[0],
    insert: async (v: {
      programmeId: number;
      taskId: number;
      unitId: number;
      reportId: number | null;
      fileName: string;
      mediaType: string;
      size: number;
      sha256: string;
      storageKey: string;
      by: number;
      at: Date;
    }) =>
      (
        await rows<{
          id: number;
        }>(sql`insert into evidence_files (programme_id, task_id, unit_id, report_id, file_name,
            media_type, size, sha256, storage_key, uploaded_by, uploaded_at)
          values (${v.programmeId}, ${v.taskId}, ${v.unitId}, ${v.reportId}, ${v.fileName}, ${v.mediaType}, ${v.size},
            ${v.sha256}, ${v.storageKey}, ${v.by}, ${v.at.toISOString()}) returning id`)
      )[0]!.id,
    ofTask: (taskId: number) =>
      rows<EvidenceRow>(sql`${SELECT} where f.task_id = ${taskId} order by f.uploaded_at, f.id`),
    byId: async (id: number) => (await rows<EvidenceRow>(sql`${SELECT} where f.id = ${id}`))[0],
  };
}
