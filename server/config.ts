import path from 'node:path';
import { z } from 'zod';

const schema = z.object({
  DATABASE_URL: z.string().url().optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().default('./data'),
  /** Uploaded evidence files (outside the database). */
  FILES_DIR: z.string().default('./files'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_DAYS: z.coerce.number().int().min(1).max(90).default(14),
  /** Replays the whole product at a fixed date (YYYY-MM-DD): demos and investigations. */
  /** Replays the product at a fixed instant (ISO 8601 with offset): end-to-end tests walk a week with it. */
  STEERBOARD_NOW: z.string().datetime({ offset: true }).optional(),
  STEERBOARD_TODAY: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  /** smtp://user:pass@host:587 or smtps://…; without it e-mail waits in the outbox. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//)
    .optional(),
  MAIL_FROM: z.string().default('Steerboard <no-reply@steerboard.local>'),
  /** Where people reach the product, for links in e-mails. */
  PUBLIC_URL: z.string().url().optional(),
  /** Scheduled jobs (warning lists, reminders) in this server: on by default. */
  SCHEDULER: z.enum(['on', 'off']).default('on'),
  UPLOAD_MAX_MB: z.coerce.number().int().min(1).max(200).default(20),
  COOKIE_SECURE: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

export type Config = {
  databaseUrl: string | undefined;
  port: number;
  host: string;
  dataDir: string;
  filesDir: string;
  logLevel: z.infer<typeof schema>['LOG_LEVEL'];
  sessionDays: number;
  today: string | undefined;
  now: string | undefined;
  cookieSecure: boolean;
  smtpUrl: string | undefined;
  mailFrom: string;
  publicUrl: string;
  scheduler: boolean;
  uploadMaxMb: number;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  return {
    databaseUrl: e.DATABASE_URL,
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    filesDir: path.resolve(e.FILES_DIR),
    logLevel: e.LOG_LEVEL,
    sessionDays: e.SESSION_DAYS,
    today: e.STEERBOARD_TODAY,
    now: e.STEERBOARD_NOW,
    cookieSecure: e.COOKIE_SECURE,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    scheduler: e.SCHEDULER === 'on',
    uploadMaxMb: e.UPLOAD_MAX_MB,
  };
}
