import { z } from 'zod';
import { RECOMMENDATION_STATES } from '../registers.js';
import { isoDate } from './common.js';

export const recommendationStateSchema = z.enum(RECOMMENDATION_STATES);
const id = z.number().int().positive();
const ref = z.object({ id: z.number().int(), code: z.string(), name: z.string() });

export const createRecommendationBody = z
  .object({
    programmeId: id,
    fromUnitId: id,
    toUnitId: id,
    content: z.string().trim().min(1).max(8000),
    /** The day it was sent; today by default, never in the future. */
    submittedOn: isoDate.optional(),
    /** Overrides the programme's working-day rule (15 working days by default). */
    answerDueOn: isoDate.optional(),
  })
  .strict();
export type CreateRecommendationInput = z.infer<typeof createRecommendationBody>;

export const answerRecommendationBody = z
  .object({
    version: z.number().int(),
    answer: z.string().trim().min(1).max(8000),
    /** The day of the answer; today by default, never in the future nor before it was sent. */
    answeredOn: isoDate.optional(),
  })
  .strict();
export type AnswerRecommendationInput = z.infer<typeof answerRecommendationBody>;

export const recommendationSchema = z.object({
  id: z.number().int(),
  programmeId: z.number().int(),
  from: ref,
  to: ref,
  content: z.string(),
  submittedOn: isoDate,
  answerDueOn: isoDate,
  answer: z.string().nullable(),
  answeredOn: isoDate.nullable(),
  answeredBy: z.string().nullable(),
  /** As of the date asked. */
  state: recommendationStateSchema,
  /** Working days left to answer as of that date (negative when late); null once answered. */
  workingDaysLeft: z.number().int().nullable(),
  version: z.number().int(),
  can: z.object({ answer: z.boolean() }),
});
export type Recommendation = z.infer<typeof recommendationSchema>;

export const recommendationListQuery = z
  .object({
    programmeId: z.coerce.number().int().positive(),
    asOf: isoDate.optional(),
    state: recommendationStateSchema.optional(),
    /** From or to this unit or one below it. */
    unitId: z.coerce.number().int().positive().optional(),
    direction: z.enum(['from', 'to']).optional(),
  })
  .strict();
export type RecommendationListQuery = z.infer<typeof recommendationListQuery>;

export const recommendationSummarySchema = z.object({
  programmeId: z.number().int(),
  asOf: isoDate,
  total: z.number().int(),
  byState: z.record(z.string(), z.number().int()),
  /** Per handling agency: still unanswered past the due day, answered late, both counted late. */
  byAgency: z.array(
    z.object({
      agency: ref,
      total: z.number().int(),
      overdue: z.number().int(),
      answeredLate: z.number().int(),
      late: z.number().int(),
    }),
  ),
});
export type RecommendationSummary = z.infer<typeof recommendationSummarySchema>;

export const recommendationSettingsSchema = z.object({
  programmeId: z.number().int(),
  answerWorkingDays: z.number().int().min(1).max(120),
});
export const recommendationSettingsBody = z
  .object({ answerWorkingDays: z.number().int().min(1).max(120) })
  .strict();
