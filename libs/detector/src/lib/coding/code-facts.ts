import type { CodeSummary } from '@icd/terminology';
import type { CodePriors } from './code-candidates.js';
import type { Excludes1Notes } from './excludes-conflicts.js';

/**
 * What ranking reads of one code, behind one lookup. A lookup keyed by code costs more than what
 * is read through it: the tokenizer pushes these caches out of the CPU's caches between
 * documents, so ranking asks one cache per code, not one per fact.
 */
export interface CodeFacts {
  readonly summary: CodeSummary | null;
  readonly priors: CodePriors;
  readonly excludes1: Excludes1Notes;
}

/** {@link CodeFacts} of each code, gathered on first ask from the sources per fact. Bounded by the code set. */
export function createCodeFacts(
  summaryOf: (code: string) => CodeSummary | null,
  priorsOf: (code: string) => CodePriors,
  excludes1Of: (code: string) => Excludes1Notes,
): (code: string) => CodeFacts {
  const facts = new Map<string, CodeFacts>();
  return (code) => {
    let known = facts.get(code);
    if (!known) {
      known = Object.freeze({ summary: summaryOf(code), priors: priorsOf(code), excludes1: excludes1Of(code) });
      facts.set(code, known);
    }
    return known;
  };
}
