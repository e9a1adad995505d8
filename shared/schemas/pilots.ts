import { z } from 'zod';
import { isoDate } from './common.js';
import { summaryResponse, taskStateSchema } from './tasks.js';

export const pilotsQuery = z
  .object({ programmeId: z.coerce.number().int().positive(), asOf: isoDate.optional() })
  .strict();

/** Pilot models (tasks of kind 'pilot'): counts by state per programme and group, and those to accelerate. */
export const pilotsOverviewSchema = z.object({
  programmeId: z.number().int(),
  asOf: isoDate,
  summary: summaryResponse,
  accelerate: z.array(
    z.object({
      id: z.number().int(),
      code: z.string(),
      title: z.string(),
      leadUnit: z.object({ id: z.number().int(), code: z.string(), name: z.string() }),
      deadline: isoDate,
      progress: z.number().int(),
      state: taskStateSchema,
      note: z.string().nullable(),
    }),
  ),
  can: z.object({ mark: z.boolean() }),
});
export type PilotsOverview = z.infer<typeof pilotsOverviewSchema>;

export const accelerateBody = z
  .object({ accelerate: z.boolean(), note: z.string().trim().max(2000).nullable().optional() })
  .strict();
