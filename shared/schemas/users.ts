import { z } from 'zod';
import { PASSWORD_MAX } from '../password-policy.js';
import { roleAssignmentSchema, roleSchema } from './auth.js';
import { idSchema, localeSchema } from './common.js';

/** People: accounts, their roles per programme, invitations and password links. */

export const ACCOUNT_STATUSES = ['active', 'invited', 'disabled'] as const;
export const accountStatusSchema = z.enum(ACCOUNT_STATUSES);
export type AccountStatus = z.infer<typeof accountStatusSchema>;

export const userRoleSchema = roleAssignmentSchema.extend({ id: z.number().int() });
export type UserRole = z.infer<typeof userRoleSchema>;

export const personSchema = z.object({
  id: z.number().int(),
  email: z.string(),
  displayName: z.string(),
  unitId: z.number().int().nullable(),
  unitName: z.string().nullable(),
  locale: localeSchema,
  /** invited: no password set yet (the invitation link has not been used). */
  status: accountStatusSchema,
  roles: z.array(userRoleSchema),
  /** When the last invitation was sent, if any. */
  invitedAt: z.string().nullable(),
  /** The reader may edit, disable or enable this account (policy.canManageAccount). */
  manageable: z.boolean(),
});
export type Person = z.infer<typeof personSchema>;

export const peopleQuery = z
  .object({
    /** Only the people of this programme (for its standing agency: required). */
    programmeId: idSchema.optional(),
    q: z.string().trim().max(200).optional(),
    status: accountStatusSchema.optional(),
  })
  .strict();
export type PeopleQuery = z.infer<typeof peopleQuery>;

export const peopleResponse = z.object({
  items: z.array(personSchema),
  total: z.number().int(),
  /** Roles the reader may grant in the programme asked about (empty: none). */
  grantable: z.array(roleSchema),
});
export type PeopleResponse = z.infer<typeof peopleResponse>;

export const updateUserBody = z
  .object({
    email: z.string().trim().toLowerCase().email().max(200).optional(),
    displayName: z.string().trim().min(1).max(200).optional(),
    unitId: z.number().int().positive().nullable().optional(),
    locale: localeSchema.optional(),
  })
  .strict();
export type UpdateUserInput = z.infer<typeof updateUserBody>;

export const addRoleBody = roleAssignmentSchema.strict();
export const roleParams = z.object({ id: idSchema, roleId: idSchema }).strict();

export const tokenParams = z.object({ token: z.string().min(20).max(200) }).strict();

/** What a valid link tells its holder before they choose a password. */
export const accountLinkSchema = z.object({
  purpose: z.enum(['invite', 'reset']),
  email: z.string(),
  displayName: z.string(),
  locale: localeSchema,
  expiresAt: z.string(),
});
export type AccountLink = z.infer<typeof accountLinkSchema>;

export const setPasswordBody = z.object({ password: z.string().min(1).max(PASSWORD_MAX) }).strict();
export const setPasswordResponse = z.object({ email: z.string() });

export const resetRequestBody = z
  .object({ email: z.string().trim().toLowerCase().email().max(200) })
  .strict();
