import { z } from 'zod';

/**
 * How a mention is asserted in its context (ConText): each flag is independent, so a mention can
 * be both historical and negated ("no history of stroke").
 */
export const AssertionSchema = z.object({
  /** Stated as absent: "denies chest pain", "no evidence of pneumonia". */
  negated: z.boolean(),
  /** Stated as possible but not established: "rule out MI", "possible pneumonia". */
  uncertain: z.boolean(),
  /** Stated as a condition that may occur: "return if fever recurs". */
  hypothetical: z.boolean(),
  /** Stated as in the past: "history of breast cancer", a past medical history section. */
  historical: z.boolean(),
  /** Experienced by someone else, a relative: "mother had colon cancer". */
  family: z.boolean(),
});

/** How a mention is asserted in its context. */
export type Assertion = z.infer<typeof AssertionSchema>;

/** The assertion of a mention that nothing in its context modifies: present, certain, current, the patient's. */
export const AFFIRMED_ASSERTION: Readonly<Assertion> = Object.freeze({
  negated: false,
  uncertain: false,
  hypothetical: false,
  historical: false,
  family: false,
});

/** True when nothing in the assertion keeps a mention from being coded as a current condition of the patient. */
export function isAffirmed(assertion: Assertion): boolean {
  return !(
    assertion.negated ||
    assertion.uncertain ||
    assertion.hypothetical ||
    assertion.historical ||
    assertion.family
  );
}
