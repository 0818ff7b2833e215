import type { CodeProposal, Evidence } from '@icd/contracts';
import { rangesOverlap } from '../doc-queries.js';

const UNSPECIFIED = /\bunspecified\b/gi;

/** How many of its axes a title leaves unspecified: "Otitis media, unspecified, unspecified ear" two, its left-ear sibling one. */
function unspecifiedCount(title: string): number {
  return title.match(UNSPECIFIED)?.length ?? 0;
}

/**
 * Drops a code that another proposed code of its category says more about, from the same words:
 * an "unspecified" code beside one that leaves fewer axes unspecified (the resolver narrowed the
 * header by what the note says: "CKD stage 3b" is N18.32, and N18.30 beside it says less about
 * the same thing), and a condition a proposed "with" combination already names.
 * `namesComponent(combination, component)` says whether `combination` is an Index "with"
 * combination that names what `component` codes.
 */
export function dropAlternativeSiblings(
  proposals: readonly CodeProposal[],
  isFirstChoice: (code: string) => boolean,
  namesComponent: (combination: string, component: string) => boolean = () => false,
): CodeProposal[] {
  return proposals.filter(
    (proposal) => !proposals.some((other) => isNarrowerSiblingReading(other, proposal, isFirstChoice)) && !isComponentOfCombinations(proposal, proposals, isFirstChoice, namesComponent),
  );
}

/**
 * Whether `component` is one of the conditions that proposed Index "with" combinations of its
 * category, which some mention chose first, code from the same or wider words around each of its
 * mentions: "nausea and vomiting" is R11.2, which names the nausea (R11.0) and the vomiting
 * (R11.10) too; "acute and chronic respiratory failure" twice, once with hypoxia (J96.21) and
 * once with hypercapnia (J96.22), leaves no J96.20. Only a proposed combination counts, so that
 * one the ranker rejects leaves its components standing.
 */
function isComponentOfCombinations(
  component: CodeProposal,
  proposals: readonly CodeProposal[],
  isFirstChoice: (code: string) => boolean,
  namesComponent: (combination: string, component: string) => boolean,
): boolean {
  const category = component.code.slice(0, 3);
  const naming = proposals.filter(
    (other) => other !== component && other.code.slice(0, 3) === category && isFirstChoice(other.code) && namesComponent(other.code, component.code),
  );
  return naming.length > 0 && component.evidence.every((span) => naming.some((combination) => insideSpan(span, combination.evidence)));
}

/**
 * Whether `other` reads the words of the unspecified `alternative` more narrowly: a sibling from
 * the same words where the alternative is only a mention's second choice, or, where a mention
 * chose it, a code of its category from wider words around every one of its mentions
 * ("gestational diabetes, diet controlled" is O24.410, and its "gestational diabetes" no O24.419
 * beside it; "nicotine dependence, cigarettes" F17.210, with no F17.200).
 */
function isNarrowerSiblingReading(other: CodeProposal, alternative: CodeProposal, isFirstChoice: (code: string) => boolean): boolean {
  if (other === alternative || !isFirstChoice(other.code) || other.code.slice(0, 3) !== alternative.code.slice(0, 3)) return false;
  if (unspecifiedCount(other.title) >= unspecifiedCount(alternative.title)) return false;
  if (isFirstChoice(alternative.code)) return alternative.evidence.every((span) => overlapsWiderOrSameSpan(span, other.evidence));
  return headerOf(other.code) === headerOf(alternative.code) && alternative.evidence.every((span) => overlapsAny(span, other.evidence));
}

/**
 * Whether one of `evidence` reads `span`'s words or more: wider or as wide (but not the very same
 * span), or beginning before it, as a condition read with its kind before it and its side or
 * trimester after it does ("Acute suppurative otitis media" against "suppurative otitis media of
 * right ear").
 */
function overlapsWiderOrSameSpan(span: Evidence, evidence: readonly Evidence[]): boolean {
  return evidence.some(
    (other) => rangesOverlap(span, other) && (other.begin < span.begin || (other.end - other.begin >= span.end - span.begin && (other.begin !== span.begin || other.end !== span.end))),
  );
}

/** Whether `span` lies within one of `evidence`, or is one of them: the words a mention chose the combination for. */
function insideSpan(span: Evidence, evidence: readonly Evidence[]): boolean {
  return evidence.some((other) => other.begin <= span.begin && span.end <= other.end);
}

/** The code one level up: N18.32 -> N18.3; a category has none of its own here. */
function headerOf(code: string): string {
  return code.length > 4 ? code.slice(0, -1) : code;
}

function overlapsAny(span: Evidence, evidence: readonly Evidence[]): boolean {
  return evidence.some((other) => rangesOverlap(span, other));
}
