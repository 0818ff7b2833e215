/** Which spans of a coded note the document view highlights, and how they nest. */
import type { Assertion, CodeProposal, DetectionResult, Evidence, Mention } from '@icd/contracts';
import type { HighlightSpan } from './segments.js';
import { findSections } from './section-headings.js';

export type AssertionFlag = keyof Assertion;

/** The assertion flags in the order the UI lists them. */
export const ASSERTION_FLAGS: readonly AssertionFlag[] = ['negated', 'uncertain', 'hypothetical', 'historical', 'family'];

export type Highlight =
  | { kind: 'section'; label: string }
  | { kind: 'heading'; label: string }
  | { kind: 'evidence'; proposal: CodeProposal; evidence: Evidence }
  | { kind: 'mention'; mention: Mention; flags: AssertionFlag[] };

/** Sections enclose everything; evidence encloses a set-apart mention on the same words. */
const LAYER: Record<Highlight['kind'], number> = { section: 0, heading: 1, evidence: 2, mention: 3 };

export function flagsOf(assertion: Assertion): AssertionFlag[] {
  return ASSERTION_FLAGS.filter((flag) => assertion[flag]);
}

/**
 * Mentions shown apart from the evidence: those not coded because of how they are asserted (denied,
 * possible, past, a relative's). A historical mention that was coded (a persisting condition) is
 * shown as the evidence of its code instead.
 */
export function setApartMentions(result: DetectionResult): Mention[] {
  return result.mentions.filter((mention) => !mention.coded && flagsOf(mention.assertion).length > 0);
}

/** Proposals best first; ties in code order so that colours and order are stable. */
export function proposalsByScore(result: DetectionResult): CodeProposal[] {
  return [...result.codes].sort((a, b) => b.score - a.score || a.code.localeCompare(b.code));
}

export function documentHighlights(text: string, result: DetectionResult): HighlightSpan<Highlight>[] {
  const spans: HighlightSpan<Highlight>[] = [];
  const add = (begin: number, end: number, value: Highlight) => spans.push({ begin, end, layer: LAYER[value.kind], value });
  for (const section of findSections(text)) {
    add(section.begin, section.sectionEnd, { kind: 'section', label: section.label });
    add(section.begin, section.end, { kind: 'heading', label: section.label });
  }
  // Best first, so that of two codes on the same words the better one is the outer highlight.
  for (const proposal of proposalsByScore(result)) {
    for (const evidence of proposal.evidence) add(evidence.begin, evidence.end, { kind: 'evidence', proposal, evidence });
  }
  for (const mention of setApartMentions(result)) add(mention.begin, mention.end, { kind: 'mention', mention, flags: flagsOf(mention.assertion) });
  return spans;
}

/** The mention found on exactly the same words as an evidence span, if any: it tells how it was asserted. */
export function mentionAt(result: DetectionResult, evidence: Evidence): Mention | undefined {
  return result.mentions.find((mention) => mention.begin === evidence.begin && mention.end === evidence.end);
}
