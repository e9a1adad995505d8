import type { Db } from '../db/client.js';
import { programmePublications } from '../db/schema/index.js';

/** Hanoi publishes its figures (as article 002 asks: "a transparent measurement system"). */
export async function seedPublication(db: Db, programmeId: number, indicatorCodes: string[] = []) {
  await db.insert(programmePublications).values({
    programmeId,
    slug: 'hanoi-nq57',
    enabled: true,
    taskCounts: true,
    warningLists: true,
    serviceIndicators: true,
    indicatorCodes,
  });
}
