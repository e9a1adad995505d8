import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { ExistingUnit, UnitWrite } from './import/check-units.js';

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export type BulkUnitRow = {
  id: number;
  code: string;
  parent_id: number | null;
  path: string;
  depth: number;
  merged_into_id: number | null;
  merged_on: string | null;
};

/** The SQL of the unit tree in bulk: the import's writes, moves and merges. */
export function createUnitBulkRepo(db: Db) {
  const rows = async <T>(q: ReturnType<typeof sql>) => (await db.execute(q)).rows as T[];
  return {
    /** Every unit with its parent's code: what an import is checked against. */
    existing: () =>
      rows<ExistingUnit>(sql`select u.id, u.code, p.code as "parentCode", u.name_vi as "nameVi",
          u.name_en as "nameEn", u.name_ar as "nameAr", u.kind, u.leader_name as "leaderName",
          u.contact_email as "contactEmail", u.contact_phone as "contactPhone", u.merged_on::text as "mergedOn"
        from units u left join units p on p.id = u.parent_id`),

    /** No other import, move or merge of the tree runs meanwhile; readers are not blocked. */
    lockTree: () => db.execute(sql`lock table units in share row exclusive mode`),

    /**
     * Writes an import in four statements whatever its size: new units, then the fields of
     * existing ones, then every parent by code, then every path and depth from the roots down.
     */
    async writeImport(good: (UnitWrite & { searchText: string })[]) {
      const json = JSON.stringify(good);
      const recordset = sql`json_to_recordset(${json}::json) as x(code text, "parentCode" text, "nameVi" text,
        "nameEn" text, "nameAr" text, kind text, "leaderName" text, "contactEmail" text, "contactPhone" text,
        action text, "searchText" text)`;
      const created = await rows<{ n: number }>(sql`with ins as (
          insert into units (code, name_vi, name_en, name_ar, kind, leader_name, contact_email, contact_phone,
                             path, depth, search_text)
          select x.code, x."nameVi", x."nameEn", x."nameAr", x.kind, x."leaderName", x."contactEmail",
                 x."contactPhone", '/', 0, x."searchText"
            from ${recordset} where x.action = 'create' returning 1)
        select count(*)::int as n from ins`);
      await db.execute(sql`update units u set name_vi = x."nameVi", name_en = coalesce(x."nameEn", u.name_en),
          name_ar = coalesce(x."nameAr", u.name_ar), kind = x.kind,
          leader_name = coalesce(x."leaderName", u.leader_name),
          contact_email = coalesce(x."contactEmail", u.contact_email),
          contact_phone = coalesce(x."contactPhone", u.contact_phone), search_text = x."searchText"
        from ${recordset} where u.code = x.code and x.action in ('update', 'move')`);
      const moved = await rows<{ n: number }>(sql`with m as (
          update units u set parent_id = p.id
            from ${recordset} left join units p on p.code = x."parentCode"
           where u.code = x.code and u.parent_id is distinct from p.id returning 1)
        select count(*)::int as n from m`);
      const paths = await this.recomputePaths();
      return { created: created[0]!.n, moved: moved[0]!.n, paths };
    },

    /** Every path and depth from the roots down (a few thousand units: milliseconds); only changed rows are written. */
    async recomputePaths() {
      const r = await rows<{ n: number }>(sql`with recursive tree(id, path, depth) as (
          select id, '/' || id || '/', 0 from units where parent_id is null
          union all
          select u.id, t.path || u.id || '/', t.depth + 1 from units u join tree t on u.parent_id = t.id
           where t.depth < 64),
        w as (update units u set path = t.path, depth = t.depth from tree t
               where u.id = t.id and (u.path <> t.path or u.depth <> t.depth) returning 1)
        select count(*)::int as n from w`);
      return r[0]!.n;
    },

    byIds: (ids: number[]) =>
      ids.length
        ? rows<BulkUnitRow>(sql`select id, code, parent_id, path, depth, merged_into_id, merged_on::text as merged_on
            from units where id = any(${sql.raw(`array[${ids.map(Number).join(',')}]::int[]`)}) for update`)
        : Promise.resolve([] as BulkUnitRow[]),

    /** Moves a subtree under `parent` (null: a root): its root's parent, and every path and depth below. */
    async move(unit: BulkUnitRow, parent: BulkUnitRow | null) {
      const newPath = `${parent?.path ?? '/'}${unit.id}/`;
      await db.execute(sql`update units set parent_id = ${parent?.id ?? null} where id = ${unit.id}`);
      await db.execute(sql`update units set path = ${newPath} || substr(path, ${unit.path.length + 1}),
          depth = depth + ${(parent ? parent.depth + 1 : 0) - unit.depth}
        where path like ${escapeLike(unit.path) + '%'}`);
      return newPath;
    },

    /** `parents`: where each sat before the merge, so the tree as of an earlier day is kept. */
    async markMerged(parents: { id: number; parentId: number | null }[], successorId: number, on: string) {
      for (const u of parents)
        await db.execute(sql`update units set merged_into_id = ${successorId}, merged_on = ${on}::date,
            merged_from_parent_id = ${u.parentId} where id = ${u.id}`);
    },
    existsFrom: (id: number, on: string) =>
      db.execute(sql`update units set exists_from = ${on}::date where id = ${id}`),

    /** The people of the merged units (their accounts and their roles) now belong to the successor. */
    async moveUsers(ids: number[], successorId: number) {
      const arr = sql.raw(`array[${ids.map(Number).join(',')}]::int[]`);
      const u = await rows<{ n: number }>(sql`with m as (update users set unit_id = ${successorId}
          where unit_id = any(${arr}) returning 1) select count(*)::int as n from m`);
      // A person holding the same role on both would hold it twice: keep one.
      await db.execute(sql`delete from role_assignments r where r.unit_id = any(${arr})
          and exists (select 1 from role_assignments o where o.user_id = r.user_id and o.role = r.role
                      and o.unit_id = ${successorId} and o.programme_id is not distinct from r.programme_id)`);
      await db.execute(sql`update role_assignments set unit_id = ${successorId} where unit_id = any(${arr})`);
      return u[0]!.n;
    },

    /** Programmes whose standing agency or tree root was a merged unit now name the successor. */
    moveProgrammes: (ids: number[], successorId: number) => {
      const arr = sql.raw(`array[${ids.map(Number).join(',')}]::int[]`);
      return Promise.all([
        db.execute(
          sql`update programmes set standing_unit_id = ${successorId} where standing_unit_id = any(${arr})`,
        ),
        db.execute(sql`update programmes set root_unit_id = ${successorId} where root_unit_id = any(${arr})`),
      ]);
    },

    /**
     * The tree changed under every programme's kept "who was expected" tables (they carry unit
     * paths and names, and merged units hand their periods to their successor): move every
     * programme's tasks_version with "any unit" (decision 9), so every server recomputes.
     */
    invalidateUnitCaches: () =>
      db.execute(sql`select steerboard_note_task_units(
          array(select id from programmes), array(select null::integer from programmes))`),
  };
}
export type UnitBulkRepo = ReturnType<typeof createUnitBulkRepo>;
