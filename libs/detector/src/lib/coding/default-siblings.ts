import type { CodeProposal, Evidence } from '@icd/contracts';
import { rangesOverlap } from '../doc-queries.js';

const UNSPECIFIED = /\bunspecified\b/i;

/**
 * Drops an "unspecified" code that no mention chose first ({@link CodeCandidate.firstChoice} 0: it is only an
 * alternative) when a sibling under the same header that is no unspecified code, read from the same words, is proposed: the
 * resolver narrowed the header by what the note says ("CKD stage 3b" is N18.32), and the header's
 * default beside it (N18.30, stage 3 unspecified) says less than the note about the same thing.
 */
export function dropAlternativeSiblings(proposals: readonly CodeProposal[], isFirstChoice: (code: string) => boolean): CodeProposal[] {
  return proposals.filter((proposal) => isFirstChoice(proposal.code) || !proposals.some((other) => isNarrowerSiblingReading(other, proposal, isFirstChoice)));
}

function isNarrowerSiblingReading(other: CodeProposal, alternative: CodeProposal, isFirstChoice: (code: string) => boolean): boolean {
  return (
    other !== alternative &&
    isFirstChoice(other.code) &&
    headerOf(other.code) === headerOf(alternative.code) &&
    UNSPECIFIED.test(alternative.title) &&
    !UNSPECIFIED.test(other.title) &&
    alternative.evidence.every((span) => overlapsAny(span, other.evidence))
  );
}

/** The code one level up: N18.32 -> N18.3; a category has none of its own here. */
function headerOf(code: string): string {
  return code.length > 4 ? code.slice(0, -1) : code;
}

function overlapsAny(span: Evidence, evidence: readonly Evidence[]): boolean {
  return evidence.some((other) => rangesOverlap(span, other));
}
