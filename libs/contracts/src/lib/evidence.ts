import { z } from 'zod';
import { INCONSISTENT_SPAN_MESSAGE, isConsistentSpan, textSpanShape } from './span.js';

/** A span of the submitted text that supports a proposed code. */
export const EvidenceSchema = z
  .object(textSpanShape)
  .refine(isConsistentSpan, { message: INCONSISTENT_SPAN_MESSAGE });

/** A span of the submitted text that supports a proposed code. */
export type Evidence = z.infer<typeof EvidenceSchema>;
