import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { DatasetMark, Platform } from '../../../shared/criteria.js';
import { textArray } from '../criteria/criteria.repo.js';
import type { CriteriaScope } from '../criteria/policy.js';

type Names = { name_vi: string; name_en: string | null; name_ar: string | null };
export type DatasetRow = {
  id: number;
  programme_id: number;
  code: string;
  name: string;
  description: string;
  owner_unit_id: number;
  owner_code: string;
  owner_path: string;
  published_on: string | null;
  platforms: Platform[];
  marks: DatasetMark[];
  version: number;
} & Names;
export type DatasetFilters = {
  id?: number;
  ownerPath?: string;
  published?: boolean;
  platform?: Platform;
  lacking?: DatasetMark;
  q?: string;
};

const under = (col: SQL, paths: string[]) =>
  sql`(${sql.join(
    paths.map((p) => sql`${col} like ${p + '%'}`),
    sql` or `,
  )})`;

/** What the actor sees: everything (programme-wide), or their subtree's datasets and the published ones. */
function scopeSql(scope: CriteriaScope, asOf: string): SQL {
  if (scope.kind === 'programme') return sql`true`;
  const published = sql`(d.published_on is not null and d.published_on <= ${asOf}::date)`;
  if (scope.kind === 'none') return published;
  return sql`(${published} or ${under(sql`u.path`, scope.unitPaths)})`;
}

/** The data catalogue: the only SQL of the module. */
export function createCatalogueRepo(db: Db) {
  const rows = async <T>(q: SQL) => (await db.execute(q)).rows as T[];
  const one = async <T>(q: SQL) => (await rows<T>(q))[0];
  return {
    list: (programmeId: number, asOf: string, scope: CriteriaScope, f: DatasetFilters) => {
      const w: SQL[] = [sql`d.programme_id = ${programmeId}`, scopeSql(scope, asOf)];
      if (f.id) w.push(sql`d.id = ${f.id}`);
      if (f.ownerPath) w.push(sql`u.path like ${f.ownerPath + '%'}`);
      if (f.published === true) w.push(sql`(d.published_on is not null and d.published_on <= ${asOf}::date)`);
      if (f.published === false) w.push(sql`(d.published_on is null or d.published_on > ${asOf}::date)`);
      if (f.platform) w.push(sql`${f.platform} = any(d.platforms)`);
      if (f.lacking) w.push(sql`not (${f.lacking} = any(d.marks))`);
      if (f.q)
        w.push(
          sql`(lower(d.name) like ${'%' + f.q.toLowerCase() + '%'} or lower(d.code) like ${'%' + f.q.toLowerCase() + '%'})`,
        );
      return rows<DatasetRow>(sql`select d.id, d.programme_id, d.code, d.name, d.description, d.owner_unit_id,
          u.code as owner_code, u.path as owner_path, u.name_vi, u.name_en, u.name_ar,
          d.published_on::text as published_on, d.platforms, d.marks, d.version
        from datasets d join units u on u.id = d.owner_unit_id
        where ${sql.join(w, sql` and `)} order by d.code`);
    },
    programmeOf: (id: number) =>
      one<{ programme_id: number }>(sql`select programme_id from datasets where id = ${id}`),
    codeTaken: async (programmeId: number, code: string) =>
      Boolean(await one(sql`select 1 from datasets where programme_id = ${programmeId} and code = ${code}`)),
    unit: (id: number) =>
      one<Names & { id: number; code: string; path: string; kind: string }>(
        sql`select id, code, path, kind, name_vi, name_en, name_ar from units where id = ${id}`,
      ),
    unitByCode: (code: string) =>
      one<Names & { id: number; code: string; path: string; kind: string }>(
        sql`select id, code, path, kind, name_vi, name_en, name_ar from units where code = ${code}`,
      ),
    insert: (v: {
      programmeId: number;
      ownerUnitId: number;
      code: string;
      name: string;
      description: string;
      publishedOn: string | null;
      platforms: string[];
      marks: string[];
      by: number | null;
      at: Date;
    }) =>
      one<{
        id: number;
      }>(sql`insert into datasets (programme_id, owner_unit_id, code, name, description, published_on,
          platforms, marks, created_by, created_at, updated_at)
        values (${v.programmeId}, ${v.ownerUnitId}, ${v.code}, ${v.name}, ${v.description}, ${v.publishedOn},
          ${textArray(v.platforms)}, ${textArray(v.marks)}, ${v.by}, ${v.at}, ${v.at}) returning id`),
    update: (
      id: number,
      version: number,
      v: {
        name: string;
        description: string;
        ownerUnitId: number;
        publishedOn: string | null;
        platforms: string[];
        marks: string[];
        at: Date;
      },
    ) =>
      one<{ id: number }>(sql`update datasets set name = ${v.name}, description = ${v.description},
          owner_unit_id = ${v.ownerUnitId}, published_on = ${v.publishedOn}, platforms = ${textArray(v.platforms)},
          marks = ${textArray(v.marks)}, updated_at = ${v.at}, version = version + 1
        where id = ${id} and version = ${version} returning id`),

    settings: (programmeId: number) =>
      one<{ task_id: number | null; publisher_kinds: string[] }>(
        sql`select task_id, publisher_kinds from catalogue_settings where programme_id = ${programmeId}`,
      ),
    saveSettings: (programmeId: number, taskId: number | null, kinds: string[]) =>
      db.execute(sql`insert into catalogue_settings (programme_id, task_id, publisher_kinds)
        values (${programmeId}, ${taskId}, ${textArray(kinds)})
        on conflict (programme_id) do update set task_id = excluded.task_id, publisher_kinds = excluded.publisher_kinds`),
    task: (id: number) =>
      one<{
        id: number;
        programme_id: number;
        code: string;
        title: string;
        deadline: string;
        completed_on: string | null;
        /** The lead unit's and the coordinating units' tree paths (who may open the task). */
        unit_paths: string[];
      }>(
        sql`select t.id, t.programme_id, t.code, t.title, t.deadline::text as deadline,
            t.completed_on::text as completed_on,
            array(select u.path from units u where u.id = t.lead_unit_id
              union all select u.path from task_coordinators c join units u on u.id = c.unit_id
              where c.task_id = t.id) as unit_paths
          from tasks t where t.id = ${id}`,
      ),

    /** Units of the publisher kinds in the programme that had published nothing by D, with what they hold unpublished. */
    notPublished: (
      programmeId: number,
      rootPath: string | null,
      kinds: string[],
      asOf: string,
      scope: CriteriaScope,
    ) =>
      rows<
        Names & { id: number; code: string; unpublished: number }
      >(sql`select u.id, u.code, u.name_vi, u.name_en, u.name_ar,
          (select count(*) from datasets d where d.owner_unit_id = u.id and d.programme_id = ${programmeId})::int as unpublished
        from units u
        where u.kind = any(${textArray(kinds)}) ${rootPath ? sql`and u.path like ${rootPath + '%'}` : sql``}
          ${scope.kind === 'units' ? sql`and ${under(sql`u.path`, scope.unitPaths)}` : scope.kind === 'none' ? sql`and false` : sql``}
          and not exists (select 1 from datasets d where d.owner_unit_id = u.id and d.programme_id = ${programmeId}
            and d.published_on is not null and d.published_on <= ${asOf}::date)
        order by u.code`),
  };
}
export type CatalogueRepo = ReturnType<typeof createCatalogueRepo>;
