import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import type { CopyIn } from '../../../db/transaction.js';
import type { CurrentTask, ImportLookups, StagedTask } from './check-rows.js';
import { refKey } from './check-rows.js';

/** A parameter array (node-pg sends a JS array as a PostgreSQL array). */
const p = (v: unknown[]) => sql.param(v);

/** A text field in COPY's text format (null as \N). */
const t = (v: string | null) =>
  v === null ? '\\N' : /[\\\t\n\r]/.test(v) ? v.replace(/[\\\t\n\r]/g, esc) : v;
const esc = (c: string) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r');
const num = (v: number | null) => (v === null ? '\\N' : String(v));

const STAGE_COLUMNS = `existing_id, code, title, group_id, directive_id, assigned_level, lead_unit_id,
  responsible_person, start_date, deadline, deliverable, target_text, target_value, target_unit, priority,
  parent_code, kind, recurrence, recurrence_day, search_text, action, changes, deadline_changed, coordinators_changed`;

function* stageLines(rows: StagedTask[]) {
  let chunk = '';
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    chunk += `${num(r.existingId)}\t${t(r.code)}\t${t(r.title)}\t${num(r.groupId)}\t${num(r.directiveId)}\t${r.assignedLevel}\t${r.leadUnitId}\t${t(r.responsiblePerson)}\t${t(r.startDate)}\t${r.deadline}\t${t(r.deliverable)}\t${t(r.targetText)}\t${t(r.targetValue)}\t${t(r.targetUnit)}\t${r.priority}\t${t(r.parentCode)}\t${r.kind}\t${t(r.recurrence)}\t${num(r.recurrenceDay)}\t${t(r.searchText)}\t${r.action}\t${t(JSON.stringify(r.changes))}\t${r.deadlineChanged ? 't' : 'f'}\t${r.coordinatorsChanged ? 't' : 'f'}\n`;
    if (i % 1000 === 999) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

function* coordinatorLines(rows: StagedTask[]) {
  let chunk = '';
  let n = 0;
  for (const r of rows) {
    if (!r.coordinatorsChanged) continue;
    for (const u of r.coordinatorIds) {
      chunk += `${t(r.code)}\t${u}\n`;
      if (++n % 2000 === 0) {
        yield chunk;
        chunk = '';
      }
    }
  }
  if (chunk) yield chunk;
}

/** The stored tasks a file names, with their coordinators. */
const CURRENT = (programmeId: number, codes: string[]) =>
  sql`select t.id, t.code, t.title, t.group_id as "groupId", t.directive_id as "directiveId",
                t.assigned_level as "assignedLevel", t.lead_unit_id as "leadUnitId",
                t.responsible_person as "responsiblePerson", t.start_date::text as "startDate", t.deadline::text as deadline,
                t.deliverable, t.target_text as "targetText", t.target_value::text as "targetValue",
                t.target_unit as "targetUnit", t.priority, t.parent_id as "parentId", t.kind, t.recurrence,
                t.recurrence_day as "recurrenceDay", t.series_id as "seriesId",
                coalesce((select array_agg(c.unit_id order by c.unit_id) from task_coordinators c where c.task_id = t.id), '{}') as "coordinatorIds"
              from tasks t where t.programme_id = ${programmeId} and t.code = any(${p(codes)}::text[])`;

/** The task import's reads (look-ups) and its set-based writes (decision 54). */
export function createTaskImportRepo(db: Db, copyIn: CopyIn | null = null) {
  const rows = async <T>(q: SQL) => (await db.execute(q)).rows as T[];
  return {
    /** Codes the file may name: the programme's units (its tree), groups, directives and tasks. */
    async lookups(programmeId: number, rootPath: string | null, codes: string[]): Promise<ImportLookups> {
      // One after another: inside the import's transaction they share one connection.
      const units = await rows<{ id: number; code: string; kind: string }>(
        rootPath
          ? sql`select id, code, kind from units where path like ${rootPath + '%'}`
          : sql`select id, code, kind from units`,
      );
      const groups = await rows<{ id: number; code: string }>(
        sql`select id, code from programme_groups where programme_id = ${programmeId}`,
      );
      const directives = await rows<{ id: number; number: string }>(
        sql`select id, number from directives where programme_id = ${programmeId}`,
      );
      const tasks = await rows<{ id: number; code: string; parent_id: number | null }>(
        sql`select id, code, parent_id from tasks where programme_id = ${programmeId}`,
      );
      const current = codes.length ? await rows<CurrentTask>(CURRENT(programmeId, codes)) : [];
      return {
        units: new Map(units.map((u) => [u.code, { id: u.id, kind: u.kind }])),
        groups: new Map(groups.map((g) => [refKey(g.code), g.id])),
        directives: new Map(directives.map((d) => [refKey(d.number), d.id])),
        tasks: new Map(tasks.map((x) => [x.code, { id: x.id, parentId: x.parent_id }])),
        codeOfId: new Map(tasks.map((x) => [x.id, x.code])),
        current: new Map(current.map((c) => [c.code, c])),
      };
    },

    /** The template's lists: the programme's groups, the units of its tree and its directives. */
    async templateLists(programmeId: number, rootPath: string | null, locale: 'vi' | 'en' | 'ar') {
      const name = sql.raw(locale === 'vi' ? 'name_vi' : `coalesce(name_${locale}, name_vi)`);
      const groups = await rows<{ code: string; name: string }>(
        sql`select code, ${name} as name from programme_groups where programme_id = ${programmeId} order by sort, code`,
      );
      const units = await rows<{ code: string; name: string; kind: string }>(
        sql`select code, ${name} as name, kind from units ${rootPath ? sql`where path like ${rootPath + '%'}` : sql``} order by path`,
      );
      const directives = await rows<{ number: string; title: string }>(
        sql`select number, title from directives where programme_id = ${programmeId} order by issued_on, number`,
      );
      return { groups, units, directives };
    },

    /** Holds other imports and task writers of the programme off until this one commits. */
    lock: (programmeId: number) => db.execute(sql`select pg_advisory_xact_lock(570602, ${programmeId})`),

    /**
     * Loads the checked rows into two staging tables (COPY on PostgreSQL, arrays on PGlite). New
     * rows take their task id from the tasks' own sequence as they are loaded, so parents inside
     * the file resolve in the same INSERT.
     */
    async stage(staged: StagedTask[]) {
      await db.execute(sql`create temp table task_import_stage (
          id int not null default nextval('tasks_id_seq'), existing_id int, code text not null, title text not null,
          group_id int, directive_id int, assigned_level text not null, lead_unit_id int not null,
          responsible_person text, start_date date, deadline date not null, deliverable text, target_text text,
          target_value numeric, target_unit text, priority text not null, parent_code text, kind text not null,
          recurrence text, recurrence_day int, search_text text not null, action text not null, changes jsonb not null,
          deadline_changed bool not null, coordinators_changed bool not null) on commit drop`);
      await db.execute(
        sql`create temp table task_import_coordinators (code text not null, unit_id int not null) on commit drop`,
      );
      if (copyIn) {
        await copyIn(`copy task_import_stage (${STAGE_COLUMNS}) from stdin`, stageLines(staged));
        await copyIn(`copy task_import_coordinators from stdin`, coordinatorLines(staged));
      } else {
        const col = <K extends keyof StagedTask>(k: K) => p(staged.map((r) => r[k]));
        await db.execute(sql`insert into task_import_stage (${sql.raw(STAGE_COLUMNS)})
          select * from unnest(${col('existingId')}::int[], ${col('code')}::text[], ${col('title')}::text[],
            ${col('groupId')}::int[], ${col('directiveId')}::int[], ${col('assignedLevel')}::text[], ${col('leadUnitId')}::int[],
            ${col('responsiblePerson')}::text[], ${col('startDate')}::date[], ${col('deadline')}::date[],
            ${col('deliverable')}::text[], ${col('targetText')}::text[], ${col('targetValue')}::numeric[],
            ${col('targetUnit')}::text[], ${col('priority')}::text[], ${col('parentCode')}::text[], ${col('kind')}::text[],
            ${col('recurrence')}::text[], ${col('recurrenceDay')}::int[], ${col('searchText')}::text[], ${col('action')}::text[],
            ${p(staged.map((r) => JSON.stringify(r.changes)))}::jsonb[], ${col('deadlineChanged')}::bool[],
            ${col('coordinatorsChanged')}::bool[])`);
        const pairs = staged.flatMap((r) =>
          r.coordinatorsChanged ? r.coordinatorIds.map((u) => [r.code, u] as const) : [],
        );
        if (pairs.length)
          await db.execute(sql`insert into task_import_coordinators
            select * from unnest(${p(pairs.map((x) => x[0]))}::text[], ${p(pairs.map((x) => x[1]))}::int[])`);
      }
      await db.execute(sql`create index on task_import_stage (code)`);
      await db.execute(sql`analyze task_import_stage`);
    },

    /**
     * Writes the staged rows in a fixed number of statements, whatever their count: the new tasks
     * (parents looked up in the file, then in the programme), the updates (version moved, a new
     * deadline in force from today with its change on record, as PATCH does), the coordinators,
     * then one history row per task written. The rollup and version triggers run once per statement.
     */
    async write(programmeId: number, today: string, actorId: number | null) {
      const created = await rows<{ n: number }>(sql`with ins as (
          insert into tasks (id, programme_id, code, title, group_id, directive_id, assigned_level, lead_unit_id,
            responsible_person, start_date, deadline, original_deadline, deliverable, target_text, target_value,
            target_unit, priority, parent_id, kind, recurrence, recurrence_day, search_text)
          select s.id, ${programmeId}, s.code, s.title, s.group_id, s.directive_id, s.assigned_level, s.lead_unit_id,
            s.responsible_person, s.start_date, s.deadline, s.deadline, s.deliverable, s.target_text, s.target_value,
            s.target_unit, s.priority, coalesce(ps.existing_id, ps.id, pt.id), s.kind, s.recurrence, s.recurrence_day,
            s.search_text
          from task_import_stage s
          left join task_import_stage ps on ps.code = s.parent_code
          left join tasks pt on ps.code is null and pt.programme_id = ${programmeId} and pt.code = s.parent_code
          where s.action = 'create'
          returning 1)
        select count(*)::int as n from ins`);
      const updated = await rows<{ n: number }>(sql`with upd as (
          update tasks t set title = s.title, group_id = s.group_id, directive_id = s.directive_id,
            assigned_level = s.assigned_level, lead_unit_id = s.lead_unit_id, responsible_person = s.responsible_person,
            start_date = s.start_date, deadline = s.deadline, deliverable = s.deliverable, target_text = s.target_text,
            target_value = s.target_value, target_unit = s.target_unit, priority = s.priority,
            parent_id = coalesce(ps.existing_id, ps.id, pt.id), kind = s.kind, recurrence = s.recurrence,
            recurrence_day = s.recurrence_day, search_text = s.search_text,
            deadline_effective_from = case when s.deadline_changed then ${today}::date else t.deadline_effective_from end,
            version = t.version + 1, updated_at = now()
          from task_import_stage s
          left join task_import_stage ps on ps.code = s.parent_code
          left join tasks pt on ps.code is null and pt.programme_id = ${programmeId} and pt.code = s.parent_code
          where s.action = 'update' and t.id = s.existing_id
          returning 1)
        select count(*)::int as n from upd`);
      await db.execute(sql`insert into task_deadline_changes (task_id, deadline, effective_from, created_by)
        select existing_id, deadline, ${today}::date, ${actorId}::int from task_import_stage where deadline_changed`);
      await db.execute(sql`delete from task_coordinators c using task_import_stage s
        where s.action = 'update' and s.coordinators_changed and c.task_id = s.existing_id`);
      await db.execute(sql`insert into task_coordinators (task_id, unit_id)
        select coalesce(s.existing_id, s.id), c.unit_id from task_import_coordinators c
          join task_import_stage s on s.code = c.code where s.action <> 'unchanged'`);
      await db.execute(sql`insert into task_history (task_id, actor_id, action, changes)
        select coalesce(existing_id, id), ${actorId}::int, case when action = 'create' then 'created' else 'updated' end,
          changes from task_import_stage where action <> 'unchanged'`);
      return { created: created[0]?.n ?? 0, updated: updated[0]?.n ?? 0 };
    },

    saveImport: async (v: {
      programmeId: number;
      createdBy: number | null;
      fileName: string;
      format: string;
      encoding: string;
      content: Buffer;
      result: unknown;
    }) =>
      (
        await rows<{
          id: number;
        }>(sql`insert into task_imports (programme_id, created_by, file_name, format, encoding, content, result)
          values (${v.programmeId}, ${v.createdBy}, ${v.fileName}, ${v.format}, ${v.encoding}, ${v.content}, ${JSON.stringify(v.result)}::jsonb)
          returning id`)
      )[0]!.id,

    findImport: async (id: number) =>
      (
        await rows<{
          id: number;
          programme_id: number;
          file_name: string;
          format: string;
          encoding: string;
          content: Buffer;
          status: string;
          result: Record<string, unknown>;
        }>(
          sql`select id, programme_id, file_name, format, encoding, content, status, result from task_imports where id = ${id}`,
        )
      )[0],

    /** Claims a previewed import for its confirmation (a second confirmation gets nothing). */
    claimImport: async (id: number) =>
      (
        await rows<{ id: number }>(
          sql`update task_imports set status = 'confirming' where id = ${id} and status = 'previewed' returning id`,
        )
      ).length > 0,

    finishImport: (id: number, status: string, result: unknown) =>
      db.execute(sql`update task_imports set status = ${status}, result = ${JSON.stringify(result)}::jsonb,
        confirmed_at = now() where id = ${id}`),
  };
}
