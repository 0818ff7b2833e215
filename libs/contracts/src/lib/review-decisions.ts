import { z } from 'zod';
import { Icd10CmCodeSchema } from './icd-code.js';

/** Most decisions one review holds: far above the codes one document gets proposed. */
export const MAX_REVIEW_DECISIONS = 500;

/** The code a coder chose instead of a proposed one. */
export const ReviewReplacementSchema = z.strictObject({
  code: Icd10CmCodeSchema,
  /**
   * Tabular List title. Optional when saving: the API fills it in from the terminology, so a stored
   * review always carries the title of the release that checked the code.
   */
  title: z.string().min(1).max(1_000).optional(),
});

/** The code a coder chose instead of a proposed one. */
export type ReviewReplacement = z.infer<typeof ReviewReplacementSchema>;

/**
 * What a coder decided about one proposed code (`code` is the proposal's): keep it, drop it, or
 * code something else instead. A proposal without a decision is still to be reviewed.
 */
export const ReviewDecisionSchema = z.discriminatedUnion('status', [
  z.strictObject({ code: Icd10CmCodeSchema, status: z.literal('accepted') }),
  z.strictObject({ code: Icd10CmCodeSchema, status: z.literal('rejected') }),
  z.strictObject({ code: Icd10CmCodeSchema, status: z.literal('replaced'), replacement: ReviewReplacementSchema }),
]);

/** What a coder decided about one proposed code. */
export type ReviewDecision = z.infer<typeof ReviewDecisionSchema>;

/** The states a decision can put a proposed code in. */
export type ReviewStatus = ReviewDecision['status'];

/** A coder's review of one job's proposed codes, saved whole (`PUT /v1/jobs/:id/review`). */
export const ReviewDecisionsSchema = z.strictObject({
  /** At most one decision per proposed code. */
  decisions: z
    .array(ReviewDecisionSchema)
    .max(MAX_REVIEW_DECISIONS)
    .refine((decisions) => new Set(decisions.map((decision) => decision.code)).size === decisions.length, {
      message: 'each code may have one decision only',
    }),
  /** When the review was last saved, ISO 8601 in UTC; set by the API, ignored when sent. */
  updatedAt: z.iso.datetime().optional(),
});

/** A coder's review of one job's proposed codes. */
export type ReviewDecisions = z.infer<typeof ReviewDecisionsSchema>;
