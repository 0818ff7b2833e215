import { AFFIRMED_ASSERTION, type Assertion } from '@icd/contracts';
import type { AssertionCue, ContextCategory, DetectorDoc, DetectorMention, TextRange } from './detector-doc.js';
import { sectionCategoryAt } from './doc-queries.js';

/**
 * A mention of `range` in `doc`, affirmed until assert-context runs, with its text and section
 * filled in. Stages that find mentions build them with this so that the slice invariant holds.
 */
export function createMention(doc: Pick<DetectorDoc, 'text' | 'sections'>, range: TextRange): DetectorMention {
  if (!Number.isInteger(range.begin) || !Number.isInteger(range.end) || range.begin < 0 || range.end > doc.text.length || range.begin > range.end) {
    throw new RangeError(`mention [${range.begin}, ${range.end}) is not a span of a ${doc.text.length}-character text`);
  }
  return {
    begin: range.begin,
    end: range.end,
    text: doc.text.slice(range.begin, range.end),
    section: sectionCategoryAt(doc, range.begin),
    assertion: AFFIRMED_ASSERTION,
    assertionCues: [],
  };
}

const FLAG_OF_CATEGORY: Readonly<Record<ContextCategory, keyof Assertion>> = {
  NEGATED_EXISTENCE: 'negated',
  POSSIBLE_EXISTENCE: 'uncertain',
  HYPOTHETICAL: 'hypothetical',
  HISTORICAL: 'historical',
  FAMILY: 'family',
};

/** The assertion that a set of cues amounts to: each cue sets the flag of its category. */
export function assertionFromCues(cues: readonly AssertionCue[]): Assertion {
  const assertion: Assertion = { ...AFFIRMED_ASSERTION };
  for (const cue of cues) assertion[FLAG_OF_CATEGORY[cue.category]] = true;
  return assertion;
}
