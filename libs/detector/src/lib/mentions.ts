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
  const end = withoutSentencePeriod(doc.text, range.begin, range.end);
  return {
    begin: range.begin,
    end,
    text: doc.text.slice(range.begin, end),
    section: sectionCategoryAt(doc, range.begin),
    assertion: AFFIRMED_ASSERTION,
    assertionCues: [],
  };
}

/**
 * The end of a span without the sentence's period that wink-nlp leaves on a word it takes for an
 * abbreviation ("lung mass.", "hepatitis C."): the evidence is the words. A word with another
 * period in it ("e.g.") keeps its own.
 */
function withoutSentencePeriod(text: string, begin: number, end: number): number {
  if (end - begin < 2 || text.charCodeAt(end - 1) !== 46) return end;
  let start = end - 1;
  while (start > begin && /\p{L}/u.test(text.charAt(start - 1))) start -= 1;
  const wordHasLetters = start < end - 1;
  const periodBefore = start > begin && text.charCodeAt(start - 1) === 46;
  return wordHasLetters && !periodBefore ? end - 1 : end;
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
  // Most mentions have no cue: they share the frozen affirmed assertion, as new mentions do.
  if (cues.length === 0) return AFFIRMED_ASSERTION;
  const assertion: Assertion = { ...AFFIRMED_ASSERTION };
  for (const cue of cues) assertion[FLAG_OF_CATEGORY[cue.category]] = true;
  return assertion;
}
