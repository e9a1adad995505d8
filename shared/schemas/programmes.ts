import { z } from 'zod';
import { DIRECTIVE_KINDS } from '../vocabulary.js';
import { isoDate, localizedName, shortText } from './common.js';
import { slugSchema } from './publication.js';

export const programmeGroupSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  name: localizedName,
  sort: z.number().int(),
});
export const STEERING_POSITIONS = ['chair', 'deputy', 'standing_deputy', 'member'] as const;
export const steeringMemberSchema = z.object({
  id: z.number().int(),
  position: z.enum(STEERING_POSITIONS),
  personName: z.string(),
  title: z.string().nullable(),
  unitId: z.number().int().nullable(),
});

export const programmeSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  /** The public address /public/<slug> (the page shows only when publication is on). */
  slug: z.string(),
  name: localizedName,
  description: z.string().nullable(),
  steeringBody: localizedName.nullable(),
  standingUnitId: z.number().int().nullable(),
  rootUnitId: z.number().int().nullable(),
  cadence: z.enum(['weekly', 'monthly', 'quarterly']),
  reportDueWeekday: z.number().int().min(1).max(7),
  reportDueTime: z.string(),
  warningGraceHours: z.number().int(),
  reminderDaysBefore: z.number().int(),
  timeZone: z.string(),
  startsOn: isoDate.nullable(),
  endsOn: isoDate.nullable(),
  publicationEnabled: z.boolean(),
  archivedAt: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
  /** What the reader may do with the settings (the server refuses the rest anyway). */
  may: z.object({ edit: z.boolean(), archive: z.boolean() }),
  groups: z.array(programmeGroupSchema),
  steering: z.array(steeringMemberSchema),
});
export type Programme = z.infer<typeof programmeSchema>;

/** A name the zone database knows ("Asia/Ho_Chi_Minh"); Intl refuses the others. */
export function isIanaTimeZone(tz: string): boolean {
  if (!/^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)*$/.test(tz) && tz !== 'UTC') return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
export const timeZoneSchema = z.string().max(64).refine(isIanaTimeZone, { message: 'time_zone_format' });
export const clockTimeSchema = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, { message: 'time_format' });

const nameInput = z.object({
  vi: shortText(300),
  en: shortText(300).nullable().default(null),
  ar: shortText(300).nullable().default(null),
});
const optionalName = z.object({
  vi: shortText(300),
  en: shortText(300).nullable().default(null),
  ar: shortText(300).nullable().default(null),
});

export const groupInput = z.object({ code: shortText(50), name: nameInput }).strict();
export type GroupInput = z.infer<typeof groupInput>;
export const updateGroupBody = groupInput.partial().strict();
export const groupOrderBody = z.object({ ids: z.array(z.number().int().positive()).max(100) }).strict();

export const steeringMemberInput = z
  .object({
    position: z.enum(STEERING_POSITIONS),
    personName: shortText(200),
    title: shortText(300).nullable().default(null),
    unitId: z.number().int().positive().nullable().default(null),
  })
  .strict();
export type SteeringMemberInput = z.infer<typeof steeringMemberInput>;
export const steeringBody = z.object({ members: z.array(steeringMemberInput).max(100) }).strict();

const settingsFields = {
  slug: slugSchema,
  name: nameInput,
  description: z.string().trim().max(5000).nullable().default(null),
  steeringBody: optionalName.nullable().default(null),
  standingUnitId: z.number().int().positive(),
  rootUnitId: z.number().int().positive(),
  cadence: z.enum(['weekly', 'monthly', 'quarterly']).default('weekly'),
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  reportDueWeekday: z.number().int().min(1).max(7).default(5),
  reportDueTime: clockTimeSchema.default('17:00'),
  /** Hours after the due moment at which the warning list is drawn. */
  warningGraceHours: z.number().int().min(0).max(168).default(0),
  reminderDaysBefore: z.number().int().min(0).max(14).default(2),
  timeZone: timeZoneSchema.default('Asia/Ho_Chi_Minh'),
  startsOn: isoDate.nullable().default(null),
  endsOn: isoDate.nullable().default(null),
  publicationEnabled: z.boolean().default(false),
};

export const createProgrammeBody = z
  .object({
    code: z
      .string()
      .trim()
      .min(1)
      .max(50)
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { message: 'slug_format' }),
    ...settingsFields,
    groups: z.array(groupInput).max(50).default([]),
    steering: z.array(steeringMemberInput).max(100).default([]),
  })
  .strict();
export type CreateProgrammeInput = z.infer<typeof createProgrammeBody>;

export const updateProgrammeBody = z
  .object({
    ...Object.fromEntries(
      Object.entries(settingsFields).map(([k, v]) => [
        k,
        (v instanceof z.ZodDefault ? (v.unwrap() as z.ZodTypeAny) : v).optional(),
      ]),
    ),
    version: z.number().int().positive(),
  })
  .strict() as unknown as z.ZodType<UpdateProgrammeInput>;
export type UpdateProgrammeInput = Partial<Omit<CreateProgrammeInput, 'code' | 'groups' | 'steering'>> & {
  version: number;
};

export const programmeListQuery = z
  .object({ includeArchived: z.enum(['true', 'false']).optional() })
  .strict();

// ——— Directives register ———

export const directiveKindSchema = z.enum(DIRECTIVE_KINDS);

export const directiveSchema = z.object({
  id: z.number().int(),
  programmeId: z.number().int(),
  number: z.string(),
  kind: directiveKindSchema,
  /** The date the document was signed (ngày ký, ban hành). */
  issuedOn: isoDate.nullable(),
  issuer: z.string().nullable(),
  title: z.string(),
  summary: z.string().nullable(),
  url: z.string().nullable(),
  supersedes: z.object({ id: z.number().int(), number: z.string() }).nullable(),
  supersededBy: z.object({ id: z.number().int(), number: z.string() }).nullable(),
  file: z
    .object({
      name: z.string(),
      mediaType: z.string(),
      size: z.number().int(),
      sha256: z.string(),
      uploadedAt: z.string(),
      url: z.string(),
    })
    .nullable(),
  /** All its tasks, for readers of the whole programme; null for a unit's users (they see their own). */
  taskCount: z.number().int().nullable(),
  version: z.number().int(),
  may: z.object({ edit: z.boolean() }),
});
export type Directive = z.infer<typeof directiveSchema>;

const directiveFields = {
  number: shortText(100),
  kind: directiveKindSchema,
  issuedOn: isoDate.nullable().default(null),
  issuer: shortText(300).nullable().default(null),
  title: shortText(1000),
  summary: z.string().trim().max(10_000).nullable().default(null),
  url: z.string().trim().url().max(2000).nullable().default(null),
  supersedesId: z.number().int().positive().nullable().default(null),
};
export const createDirectiveBody = z.object(directiveFields).strict();
export type CreateDirectiveInput = z.infer<typeof createDirectiveBody>;
export const updateDirectiveBody = z
  .object({
    ...Object.fromEntries(
      Object.entries(directiveFields).map(([k, v]) => [
        k,
        (v instanceof z.ZodDefault ? v.unwrap() : v).optional(),
      ]),
    ),
    version: z.number().int().positive(),
  })
  .strict() as unknown as z.ZodType<UpdateDirectiveInput>;
export type UpdateDirectiveInput = Partial<CreateDirectiveInput> & { version: number };
