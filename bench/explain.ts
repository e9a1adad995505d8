/**
 * EXPLAIN (ANALYZE, BUFFERS) of the SQL the task scenarios send, built by the real repository
 * (server/modules/tasks/tasks.repo.ts) with the real policy scopes, against a database that the
 * bench generated and kept:
 *
 *   npm run bench -- --engine postgres --keep          (prints the kept database's URL)
 *   npx tsx bench/explain.ts <database-url> [--only summary|overdue|filtered|officer|detail]
 *                            [--set jit=off]… [--today 2025-11-14] [--sql]
 *
 * `--set name=value` runs `SET name = value` on the connection first (for example to compare
 * with jit=off); `--sql` also prints the statement.
 */
import { sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { openDatabase, type Db } from '../server/db/client.js';
import type { Actor } from '../server/modules/auth/actor.js';
import { taskReadScope } from '../server/modules/auth/policy.js';
import { createTasksRepo } from '../server/modules/tasks/tasks.repo.js';

const args = process.argv.slice(2);
const url = args[0];
if (!url || url.startsWith('--')) {
  console.error('usage: npx tsx bench/explain.ts <database-url> [--only NAME] [--set name=value]… [--sql]');
  process.exit(2);
}
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const sets = args.flatMap((a, i) => (a === '--set' && args[i + 1] ? [args[i + 1]!] : []));
const showSql = args.includes('--sql');
/** The bench's "today" (run.ts --today); the state of every task is computed as of this day. */
const asOf = args.includes('--today') ? args[args.indexOf('--today') + 1]! : '2025-11-14';

const database = await openDatabase({ engine: 'postgres', url, poolSize: 1 });
const dialect = new PgDialect();
try {
  const base = database.db;
  for (const s of sets) {
    const [name, value] = s.split('=', 2) as [string, string | undefined];
    if (!/^[a-z_.]+$/.test(name) || value === undefined) throw new Error(`bad --set ${s}`);
    await base.execute(sql.raw(`set ${name} = '${value.replace(/'/g, "''")}'`));
  }
  const row = async <T>(text: string) => (await base.execute(sql.raw(text))).rows[0] as T;
  const { pid } = await row<{ pid: number }>('select min(id)::int as pid from programmes');
  const officer = await row<{ unit_id: number; path: string }>(
    `select u.unit_id, un.path from users u join units un on un.id = u.unit_id where u.email like 'officer@%'`,
  );
  const filterUnit = await row<{ id: number; code: string }>(
    `select id, code from units where code in ('T08', 'HN-S08') order by code desc limit 1`,
  );
  const { id: taskId } = await row<{ id: number }>(
    `select id from tasks order by id offset (select count(*) / 3 from tasks) limit 1`,
  );

  // A Db whose execute() explains instead of running: the repository builds exactly what it sends.
  const explaining = (label: string) =>
    ({
      execute: async (q: SQL) => {
        if (showSql) console.log(`\n-- ${label}\n${dialect.sqlToQuery(q).sql}`);
        const res = await base.execute(sql`explain (analyze, buffers) ${q}`);
        console.log(`\n===== ${label} =====`);
        for (const r of res.rows) console.log(String(Object.values(r)[0]));
        return { rows: [] };
      },
    }) as unknown as Db;

  const actor = (roles: Actor['roles']): Actor => ({
    userId: 1,
    unitId: null,
    displayName: 'bench',
    locale: 'vi',
    roles,
  });
  const steering = taskReadScope(
    actor([{ role: 'steering', programmeId: pid, unitId: null, unitPath: null }]),
    pid,
  );
  const officerScope = taskReadScope(
    actor([{ role: 'unit_officer', programmeId: null, unitId: officer.unit_id, unitPath: officer.path }]),
    pid,
  );
  const all = { programmeId: pid, unitRole: 'any' as const };
  console.log(`programme ${pid}, as of ${asOf}, settings: ${sets.join(', ') || '(server defaults)'}`);

  const run = async (name: string, label: string, fn: (db: Db) => Promise<unknown>) => {
    if (!only || only === name) await fn(explaining(label));
  };
  await run('summary', 'summary: stateCounts', (db) => createTasksRepo(db).stateCounts(asOf, steering, all));
  await run('summary', 'summary: overdueByUnit', (db) =>
    createTasksRepo(db).overdueByUnit(asOf, steering, all, 50),
  );
  await run('overdue', 'overdue list: list', (db) =>
    createTasksRepo(db).list(asOf, steering, all, ['overdue'], 'deadline', 101),
  );
  await run('overdue', 'overdue list: count', (db) =>
    createTasksRepo(db).count(asOf, steering, all, ['overdue']),
  );
  const filtered = { ...all, unitId: filterUnit.id, q: 'dữ liệu' };
  await run('filtered', `filtered page (unit ${filterUnit.code}): list`, (db) =>
    createTasksRepo(db).list(asOf, steering, filtered, ['in_progress'], 'deadline', 101),
  );
  await run('filtered', `filtered page (unit ${filterUnit.code}): count`, (db) =>
    createTasksRepo(db).count(asOf, steering, filtered, ['in_progress']),
  );
  await run('officer', "officer's list: list", (db) =>
    createTasksRepo(db).list(asOf, officerScope, all, undefined, 'deadline', 101),
  );
  await run('officer', "officer's list: count", (db) =>
    createTasksRepo(db).count(asOf, officerScope, all, undefined),
  );
  await run('detail', `detail: findOne(${taskId})`, (db) =>
    createTasksRepo(db).findOne(taskId, asOf, steering),
  );
} finally {
  await database.close();
}
