import { z } from 'zod';
import { isoDate } from './common.js';

export const dayOffSchema = z.object({ day: isoDate, name: z.string().trim().min(1).max(200) }).strict();
export const yearParams = z.object({ year: z.coerce.number().int().min(2000).max(2100) }).strict();
export const setDaysOffBody = z.object({ days: z.array(dayOffSchema).max(60) }).strict();
