import { z } from 'zod';

/**
 * Fields shared by every span of the submitted text. Offsets are JavaScript string indices
 * (UTF-16 code units), `end` exclusive, so `text.slice(begin, end) === span.text`.
 */
export const textSpanShape = {
  begin: z.number().int().min(0),
  end: z.number().int().min(0),
  /** The covered text, verbatim. */
  text: z.string(),
  /** Section category (snake_case, e.g. `past_medical_history`) or null before the first header. */
  section: z.string().min(1).nullable(),
};

/** Refinement shared by span schemas: the span is not inverted and its text has the span's length. */
export function isConsistentSpan(span: { begin: number; end: number; text: string }): boolean {
  return span.begin <= span.end && span.text.length === span.end - span.begin;
}

/** The refinement message for {@link isConsistentSpan}. */
export const INCONSISTENT_SPAN_MESSAGE = 'span must have begin <= end and text.length === end - begin';
