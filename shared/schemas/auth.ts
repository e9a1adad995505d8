import { z } from 'zod';
import { ROLES } from '../vocabulary.js';
import { localeSchema } from './common.js';

export { ROLES };

export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const roleAssignmentSchema = z.object({
  role: roleSchema,
  unitId: z.number().int().nullable(),
  programmeId: z.number().int().nullable(),
});
export type RoleAssignment = z.infer<typeof roleAssignmentSchema>;

export const loginBody = z
  .object({ email: z.string().trim().toLowerCase().email().max(200), password: z.string().min(1).max(200) })
  .strict();

export const meSchema = z.object({
  id: z.number().int(),
  email: z.string(),
  displayName: z.string(),
  locale: localeSchema,
  unitId: z.number().int().nullable(),
  roles: z.array(roleAssignmentSchema),
  /** What the UI may offer; the server checks again on every request. */
  can: z.object({
    manageUsers: z.boolean(),
    manageUnits: z.boolean(),
    manageTasks: z.boolean(),
    readAudit: z.boolean(),
  }),
});
export type Me = z.infer<typeof meSchema>;

export const createUserBody = z
  .object({
    email: z.string().trim().toLowerCase().email().max(200),
    displayName: z.string().trim().min(1).max(200),
    /** Without one, the person is sent an invitation to set it (the policy: shared/password-policy.ts). */
    password: z.string().min(1).max(200).optional(),
    unitId: z.number().int().positive().nullable().default(null),
    locale: localeSchema.default('vi'),
    roles: z.array(roleAssignmentSchema).min(1).max(20),
  })
  .strict();
export type CreateUserInput = z.infer<typeof createUserBody>;

export const userSchema = z.object({
  id: z.number().int(),
  email: z.string(),
  displayName: z.string(),
  unitId: z.number().int().nullable(),
  locale: localeSchema,
  active: z.boolean(),
  roles: z.array(roleAssignmentSchema),
});
export type User = z.infer<typeof userSchema>;

export const preferencesBody = z.object({ locale: localeSchema }).strict();
