import { z } from 'zod';
import { UNIT_KINDS } from '../vocabulary.js';
import { localizedName, shortText } from './common.js';

export { UNIT_KINDS };

export const unitKindSchema = z.enum(UNIT_KINDS);

export const unitSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  name: localizedName,
  kind: unitKindSchema,
  parentId: z.number().int().nullable(),
  depth: z.number().int(),
  leaderName: z.string().nullable(),
  contactEmail: z.string().nullable(),
  contactPhone: z.string().nullable(),
  /** Merged into another unit on a day (history: hidden from pickers, readable). */
  mergedInto: z.object({ id: z.number().int(), on: z.string() }).nullable().optional(),
});
export type Unit = z.infer<typeof unitSchema>;

/** A unit with the counts of tasks it leads in a programme as of a date (the unit tree page). */
export const unitWithCountsSchema = unitSchema.extend({
  childCount: z.number().int(),
  counts: z.object({ total: z.number().int(), overdue: z.number().int(), done: z.number().int() }).nullable(),
});
export type UnitWithCounts = z.infer<typeof unitWithCountsSchema>;

export const unitListQuery = z
  .object({
    parentId: z.coerce.number().int().positive().optional(),
    /** Whole subtree below this unit (inclusive). */
    subtreeOf: z.coerce.number().int().positive().optional(),
    q: z.string().max(200).optional(),
    programmeId: z.coerce.number().int().positive().optional(),
    asOf: z.string().optional(),
    roots: z.enum(['true', 'false']).optional(),
  })
  .strict();

export const createUnitBody = z
  .object({
    code: shortText(50),
    name: z.object({
      vi: shortText(300),
      en: shortText(300).nullable().default(null),
      ar: shortText(300).nullable().default(null),
    }),
    kind: unitKindSchema,
    parentId: z.number().int().positive().nullable(),
    leaderName: shortText(200).nullable().default(null),
    contactEmail: z.string().email().max(200).nullable().default(null),
    contactPhone: z.string().max(50).nullable().default(null),
  })
  .strict();
export type CreateUnitInput = z.infer<typeof createUnitBody>;

export const updateUnitBody = createUnitBody.partial().omit({ code: true }).strict();
export type UpdateUnitInput = z.infer<typeof updateUnitBody>;
