import type { CodeSummary } from '@icd/terminology';
import type { CodePriors } from './code-candidates.js';

/**
 * What ranking reads of one code, behind one lookup. A lookup keyed by code costs more than what
 * is read through it: the tokenizer pushes these caches out of the CPU's caches between
 * documents, so ranking asks one cache per code, not one per fact.
 */
export interface CodeFacts {
  readonly summary: CodeSummary | null;
  readonly priors: CodePriors;
}

/** {@link CodeFacts} of each code, gathered on first ask from the caches per fact. Bounded by the code set. */
export function createCodeFacts(summaryOf: (code: string) => CodeSummary | null, priorsOf: (code: string) => CodePriors): (code: string) => CodeFacts {
  const facts = new Map<string, CodeFacts>();
  return (code) => {
    let known = facts.get(code);
    if (!known) {
      known = Object.freeze({ summary: summaryOf(code), priors: priorsOf(code) });
      facts.set(code, known);
    }
    return known;
  };
}
