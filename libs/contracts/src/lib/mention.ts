import { z } from 'zod';
import { AssertionSchema } from './assertion.js';
import { ScoredCodeSchema } from './icd-code.js';
import { INCONSISTENT_SPAN_MESSAGE, isConsistentSpan, textSpanShape } from './span.js';

/** A clinical concept found in the text, coded or not, with its assertion and candidate codes. */
export const MentionSchema = z
  .object({
    ...textSpanShape,
    assertion: AssertionSchema,
    /** Codes considered for the mention, best first. */
    candidates: z.array(ScoredCodeSchema),
    /** True when the mention supports one of the proposed codes. */
    coded: z.boolean(),
    /** Why it was or was not coded, e.g. `negated`, `below minScore`. */
    reason: z.string(),
  })
  .refine(isConsistentSpan, { message: INCONSISTENT_SPAN_MESSAGE });

/** A clinical concept found in the text, coded or not. */
export type Mention = z.infer<typeof MentionSchema>;
