import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { briefRecipients, briefSendings, users, weeklyBriefs } from '../../db/schema/index.js';

const meta = {
  id: weeklyBriefs.id,
  programmeId: weeklyBriefs.programmeId,
  period: weeklyBriefs.period,
  format: weeklyBriefs.format,
  locale: weeklyBriefs.locale,
  fileName: weeklyBriefs.fileName,
  bytes: weeklyBriefs.bytes,
  sha256: weeklyBriefs.sha256,
  asOf: weeklyBriefs.asOf,
  generatedAt: weeklyBriefs.generatedAt,
  generatedBy: users.displayName,
  tookMs: weeklyBriefs.tookMs,
};
export type BriefRow = {
  id: number;
  programmeId: number;
  period: string;
  format: string;
  locale: string;
  fileName: string;
  bytes: number;
  sha256: string;
  asOf: string;
  generatedAt: Date;
  generatedBy: string | null;
  tookMs: number;
};

/** The archive of generated briefs (the files live in the database: one backup holds them). */
export function createBriefsRepo(db: Db) {
  return {
    list: (programmeId: number): Promise<BriefRow[]> =>
      db
        .select(meta)
        .from(weeklyBriefs)
        .leftJoin(users, eq(users.id, weeklyBriefs.generatedBy))
        .where(eq(weeklyBriefs.programmeId, programmeId))
        .orderBy(desc(weeklyBriefs.period), weeklyBriefs.format, weeklyBriefs.locale),
    meta: async (id: number): Promise<BriefRow | undefined> =>
      (
        await db
          .select(meta)
          .from(weeklyBriefs)
          .leftJoin(users, eq(users.id, weeklyBriefs.generatedBy))
          .where(eq(weeklyBriefs.id, id))
      )[0],
    content: async (id: number) =>
      (
        await db.select({ content: weeklyBriefs.content }).from(weeklyBriefs).where(eq(weeklyBriefs.id, id))
      )[0]?.content,
    exists: async (programmeId: number, period: string, format: string, locale: string) =>
      (
        await db
          .select({ id: weeklyBriefs.id })
          .from(weeklyBriefs)
          .where(
            and(
              eq(weeklyBriefs.programmeId, programmeId),
              eq(weeklyBriefs.period, period),
              eq(weeklyBriefs.format, format),
              eq(weeklyBriefs.locale, locale),
            ),
          )
      ).length > 0,
    find: async (programmeId: number, period: string, format: string, locale: string) =>
      (
        await db
          .select(meta)
          .from(weeklyBriefs)
          .leftJoin(users, eq(users.id, weeklyBriefs.generatedBy))
          .where(
            and(
              eq(weeklyBriefs.programmeId, programmeId),
              eq(weeklyBriefs.period, period),
              eq(weeklyBriefs.format, format),
              eq(weeklyBriefs.locale, locale),
            ),
          )
      )[0],
    recipients: (programmeId: number) =>
      db
        .select()
        .from(briefRecipients)
        .where(eq(briefRecipients.programmeId, programmeId))
        .orderBy(briefRecipients.name, briefRecipients.email),
    recipient: async (id: number) =>
      (await db.select().from(briefRecipients).where(eq(briefRecipients.id, id)))[0],
    addRecipient: async (v: typeof briefRecipients.$inferInsert) =>
      (await db.insert(briefRecipients).values(v).onConflictDoNothing().returning())[0],
    removeRecipient: (id: number) => db.delete(briefRecipients).where(eq(briefRecipients.id, id)),
    recordSending: (v: typeof briefSendings.$inferInsert) =>
      db.insert(briefSendings).values(v).returning({ id: briefSendings.id }),
    /** The latest sendings of a programme (or of one brief's period), newest first. */
    sendings: (programmeId: number, limit = 200) =>
      db
        .select({
          id: briefSendings.id,
          programmeId: briefSendings.programmeId,
          briefId: briefSendings.briefId,
          period: briefSendings.period,
          format: briefSendings.format,
          locale: briefSendings.locale,
          email: briefSendings.email,
          name: briefSendings.name,
          status: briefSendings.status,
          error: briefSendings.error,
          trigger: briefSendings.trigger,
          sentAt: briefSendings.sentAt,
          sentBy: users.displayName,
        })
        .from(briefSendings)
        .leftJoin(users, eq(users.id, briefSendings.sentBy))
        .where(eq(briefSendings.programmeId, programmeId))
        .orderBy(desc(briefSendings.sentAt), desc(briefSendings.id))
        .limit(limit),
    save: async (v: typeof weeklyBriefs.$inferInsert) => {
      const { programmeId: _p, period: _k, format: _f, locale: _l, ...set } = v;
      return (
        await db
          .insert(weeklyBriefs)
          .values(v)
          .onConflictDoUpdate({
            target: [weeklyBriefs.programmeId, weeklyBriefs.period, weeklyBriefs.format, weeklyBriefs.locale],
            set: { ...set, id: sql`weekly_briefs.id` },
          })
          .returning({ id: weeklyBriefs.id })
      )[0]!.id;
    },
  };
}
export type BriefsRepo = ReturnType<typeof createBriefsRepo>;
