import { z } from 'zod';
import { isoDate, localizedName } from './common.js';
import { serviceIndicatorValue } from './cockpit.js';
import { assignedLevelSchema, stateCounts } from './tasks.js';

export const slugSchema = z
  .string()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?$/, { message: 'slug_format' })
  .describe('lower-case letters, digits and dashes');

/** What a programme chooses to show the public. */
export const publicationSchema = z.object({
  programmeId: z.number().int(),
  slug: slugSchema,
  enabled: z.boolean(),
  taskCounts: z.boolean(),
  warningLists: z.boolean(),
  serviceIndicators: z.boolean(),
  indicatorCodes: z.array(z.string()),
  updatedAt: z.string().nullable(),
});
export type Publication = z.infer<typeof publicationSchema>;

export const publicationBody = z
  .object({
    slug: slugSchema,
    enabled: z.boolean(),
    taskCounts: z.boolean(),
    warningLists: z.boolean(),
    serviceIndicators: z.boolean(),
    indicatorCodes: z.array(z.string().trim().min(1).max(100)).max(50),
  })
  .strict();
export type PublicationInput = z.infer<typeof publicationBody>;

export const publicIndicatorSchema = z.object({
  code: z.string(),
  name: z.string(),
  measure: z.string().nullable(),
  period: z.string().nullable(),
  value: z.number().nullable(),
  baseline: z.number().nullable(),
  target: z.number().nullable(),
});
export type PublicIndicator = z.infer<typeof publicIndicatorSchema>;

/** The public page's data: aggregated figures only, as of a date, in the reader's language. */
export const publicProgrammeSchema = z.object({
  slug: z.string(),
  name: localizedName,
  description: z.string().nullable(),
  /** The programme's time zone: every date and time of the page is read in it, wherever the reader is. */
  timeZone: z.string(),
  asOf: isoDate,
  taskCounts: z
    .object({
      total: z.number().int(),
      byState: stateCounts,
      byLevel: z.array(
        z.object({ level: assignedLevelSchema, total: z.number().int(), byState: stateCounts }),
      ),
    })
    .nullable(),
  warningList: z
    .object({
      period: z.string(),
      publishedAt: z.string(),
      units: z.array(
        z.object({
          code: z.string(),
          name: z.string(),
          streak: z.number().int(),
          daysOverdue: z.number().int(),
          reasons: z.array(z.object({ code: z.string(), count: z.number().int() })),
        }),
      ),
    })
    .nullable(),
  services: z
    .object({
      from: isoDate,
      to: isoDate,
      totals: z.array(serviceIndicatorValue),
      months: z.array(z.object({ month: z.string(), indicators: z.array(serviceIndicatorValue) })),
    })
    .nullable(),
  indicators: z.array(publicIndicatorSchema),
});
export type PublicProgramme = z.infer<typeof publicProgrammeSchema>;

export const publicParams = z.object({ slug: slugSchema }).strict();
export const publicQuery = z.object({ asOf: isoDate.optional() }).strict();
export const publicListSchema = z.array(z.object({ slug: z.string(), name: localizedName }));
