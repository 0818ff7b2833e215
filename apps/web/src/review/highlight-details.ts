/** What the tooltip says about a highlight: the code and why, or how a mention was asserted. */
import type { CodeProposal, DetectionResult, Evidence, Mention, ReviewDecision } from '@icd/contracts';
import { el, formatScore, type Child } from '../dom.js';
import { mentionAt, type AssertionFlag } from '../highlight/highlight-spans.js';

export const FLAG_LABELS: Record<AssertionFlag, string> = {
  negated: 'Negated',
  uncertain: 'Uncertain',
  hypothetical: 'Hypothetical',
  historical: 'Historical',
  family: 'Family history',
};

/** Short badges drawn before a set-apart mention (CSS `content`, so not part of the text). */
export const FLAG_BADGES: Record<AssertionFlag, string> = { negated: 'NEG', uncertain: 'UNC', hypothetical: 'HYP', historical: 'HX', family: 'FAM' };

export const sectionName = (section: string | null) => (section ? section.replaceAll('_', ' ') : 'before the first section');

export function evidenceDetails(result: DetectionResult, proposal: CodeProposal, evidence: Evidence, decision: ReviewDecision | undefined, alsoHere: string[]): Child[] {
  const mention = mentionAt(result, evidence);
  const asserted = mention ? Object.entries(mention.assertion).filter(([, on]) => on).map(([flag]) => FLAG_LABELS[flag as AssertionFlag]) : [];
  return [
    el('p', { class: 'tip-head' }, el('strong', {}, proposal.code), ` · ${formatScore(proposal.score)} · ${proposal.billable ? 'billable' : 'not billable'}`),
    el('p', { class: 'tip-title' }, proposal.title),
    el('p', {}, el('span', { class: 'tip-label' }, 'Why: '), proposal.rationale || '—'),
    el('p', {}, el('span', { class: 'tip-label' }, 'Section: '), sectionName(evidence.section), asserted.length > 0 && ` · stated as ${asserted.join(', ').toLowerCase()}`),
    proposal.alternatives.length > 0 &&
      el(
        'div',
        {},
        el('span', { class: 'tip-label' }, 'Alternatives:'),
        el('ul', { class: 'tip-list' }, ...proposal.alternatives.map((alt) => el('li', {}, `${alt.code} ${alt.title} (${formatScore(alt.score)})`))),
      ),
    decision && el('p', { class: 'tip-decision' }, decisionText(decision)),
    alsoHere.length > 0 && el('p', { class: 'tip-also' }, `Also highlighted here: ${alsoHere.join(', ')}`),
  ];
}

export function mentionDetails(mention: Mention, flags: AssertionFlag[]): Child[] {
  return [
    el('p', { class: 'tip-head' }, el('strong', {}, flags.map((flag) => FLAG_LABELS[flag]).join(' · ')), ' mention, not coded'),
    el('p', {}, el('span', { class: 'tip-label' }, 'Why: '), mention.reason),
    el('p', {}, el('span', { class: 'tip-label' }, 'Section: '), sectionName(mention.section)),
    mention.candidates.length > 0 &&
      el(
        'div',
        {},
        el('span', { class: 'tip-label' }, 'Candidates:'),
        el('ul', { class: 'tip-list' }, ...mention.candidates.slice(0, 3).map((candidate) => el('li', {}, `${candidate.code} ${candidate.title} (${formatScore(candidate.score)})`))),
      ),
  ];
}

export function decisionText(decision: ReviewDecision): string {
  if (decision.status === 'accepted') return 'Accepted';
  if (decision.status === 'rejected') return 'Rejected';
  return `Replaced by ${decision.replacement.code} ${decision.replacement.title ?? ''}`.trim();
}
