import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp, type AppOptions } from '../app.js';
import { openDatabase, type Database } from '../db/client.js';
import { runMigrations } from '../db/migrate.js';
import type { Mailer } from '../lib/mailer.js';
import { fixedClock, type Clock } from '../lib/clock.js';
import { TEMPLATE_FILE } from './template.js';

/**
 * A real database for one test file: PGlite (from the migrated template) by default, or a fresh
 * database on the PostgreSQL server named by TEST_DATABASE_URL, dropped at the end.
 */
export async function testDatabase(): Promise<Database & { url?: string }> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const database = await openDatabase({
      engine: 'pglite',
      loadDataDirFile: existsSync(TEMPLATE_FILE) ? TEMPLATE_FILE : undefined,
    });
    if (!existsSync(TEMPLATE_FILE)) await runMigrations(database);
    return database;
  }
  const name = `sbtest_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const database = await openDatabase({ engine: 'postgres', url: u.toString(), poolSize: 5 });
  await runMigrations(database);
  const close = database.close;
  return {
    ...database,
    url: u.toString(),
    close: async () => {
      await close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export type TestApp = {
  app: FastifyInstance;
  /** `url` is set on PostgreSQL, for a second connection pool (a second server). */
  database: Database & { url?: string };
  clock: Clock & {
    /** A date (noon in Hanoi) or an ISO instant. */
    set: (dateOrInstant: string) => void;
  };
  /** Signs in and returns a caller that sends the session cookie and CSRF header. */
  login: (email: string, password?: string) => Promise<Caller>;
  anon: Caller;
  close: () => Promise<void>;
};
export type Caller = (opts: InjectOptions & { lang?: string }) => Promise<LightMyRequestResponse>;

export const TEST_PASSWORD = 'test-password-1';

export async function testApp(
  opts: {
    today?: string;
    loginRateLimit?: number;
    webDir?: string;
    mailer?: Mailer;
    uploadMaxMb?: number;
    computedSources?: AppOptions['computedSources'];
  } = {},
): Promise<TestApp> {
  const database = await testDatabase();
  let current = fixedClock(opts.today ?? '2025-11-14');
  const clock = {
    now: () => current.now(),
    set: (d: string) => (current = d.includes('T') ? { now: () => new Date(d) } : fixedClock(d)),
  };
  const app = await buildApp({
    database,
    clock,
    logLevel: process.env.TEST_LOG_LEVEL ?? 'silent',
    webDir: opts.webDir ?? false,
    loginRateLimit: opts.loginRateLimit ?? 1000,
    mailer: opts.mailer,
    filesDir: await mkdtemp(path.join(tmpdir(), 'sb-files-')),
    uploadMaxMb: opts.uploadMaxMb ?? 1,
    computedSources: opts.computedSources,
  });
  const caller =
    (cookie?: string): Caller =>
    ({ lang, headers, ...o }) =>
      app.inject({
        ...o,
        headers: {
          ...(cookie ? { cookie, 'x-steerboard-csrf': '1' } : {}),
          ...(lang ? { 'accept-language': lang } : {}),
          ...headers,
        },
      });
  return {
    app,
    database,
    clock,
    anon: caller(),
    async login(email, password = TEST_PASSWORD) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email, password },
      });
      if (res.statusCode !== 200) throw new Error(`login ${email} failed: ${res.statusCode} ${res.body}`);
      const c = res.cookies.find((x) => x.name === 'sb_session');
      return caller(`sb_session=${c!.value}`);
    },
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
