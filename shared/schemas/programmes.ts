import { z } from 'zod';
import { isoDate, localizedName } from './common.js';

export const programmeGroupSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  name: localizedName,
  sort: z.number().int(),
});
export const steeringMemberSchema = z.object({
  id: z.number().int(),
  position: z.enum(['chair', 'deputy', 'standing_deputy', 'member']),
  personName: z.string(),
  title: z.string().nullable(),
  unitId: z.number().int().nullable(),
});

export const programmeSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  name: localizedName,
  description: z.string().nullable(),
  standingUnitId: z.number().int().nullable(),
  rootUnitId: z.number().int().nullable(),
  cadence: z.enum(['weekly', 'monthly', 'quarterly']),
  reportDueWeekday: z.number().int().min(1).max(7),
  reportDueTime: z.string(),
  timeZone: z.string(),
  startsOn: isoDate.nullable(),
  endsOn: isoDate.nullable(),
  groups: z.array(programmeGroupSchema),
  steering: z.array(steeringMemberSchema),
});
export type Programme = z.infer<typeof programmeSchema>;

export const directiveSchema = z.object({
  id: z.number().int(),
  programmeId: z.number().int(),
  number: z.string(),
  issuedOn: isoDate.nullable(),
  issuer: z.string().nullable(),
  title: z.string(),
  url: z.string().nullable(),
});
export type Directive = z.infer<typeof directiveSchema>;
