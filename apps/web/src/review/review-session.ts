/** One coder working through one note: selection, decisions, saving, export and shortcuts. */
import type { CodeProposal, DetectionResult, ReviewDecisions } from '@icd/contracts';
import type { JobView } from '../api/types.js';
import { el, replaceChildren } from '../dom.js';
import { downloadJson, exportFileName } from '../export/download.js';
import { randomUuid, toFhirBundle } from '../export/fhir.js';
import { buildReviewExport } from '../export/review-export.js';
import { proposalsByScore } from '../highlight/highlight-spans.js';
import { buildAssertionToggles } from './assertion-toggles.js';
import { buildCodePanel } from './code-panel.js';
import { buildDocumentView } from './document-view.js';
import { listenForReviewKeys } from './review-keys.js';
import { createReviewSaver } from './review-saver.js';
import { applyChange, decisionMapOf, decisionsToSave, type DecisionChange } from './review-state.js';

export interface ReviewInput {
  jobId: string;
  job: JobView & { result: DetectionResult };
  text: string;
  review: ReviewDecisions;
}

/** Colours cycle through the palette in score order, so the best codes get the most distinct ones. */
const PALETTE_SIZE = 8;

export function startReview(container: HTMLElement, input: ReviewInput): () => void {
  const { jobId, job, text } = input;
  const proposals = proposalsByScore(job.result);
  const colorIndex = new Map(proposals.map((proposal, index) => [proposal.code, index % PALETTE_SIZE]));
  const colorOf = (code: string) => `code-color-${colorIndex.get(code) ?? 0}`;
  const state = { decisions: decisionMapOf(input.review.decisions), selected: null as string | null, reviewedAt: input.review.updatedAt ?? null };

  const select = (code: string, how: { reveal?: boolean; focusPanel?: boolean } = {}) => {
    state.selected = code;
    documentView.setSelected(code);
    panel.setSelected(code, { focus: how.focusPanel });
    if (how.reveal) documentView.revealEvidence(code);
  };
  const decide = (code: string, change: DecisionChange) => {
    state.decisions = applyChange(state.decisions, code, change);
    documentView.setDecisions(state.decisions);
    panel.setDecisions(state.decisions);
    if (state.selected !== code) select(code);
    saver.save(decisionsToSave(state.decisions, proposals));
  };
  const saver = createReviewSaver(jobId, (saveState) => {
    if (saveState.kind === 'saved') state.reviewedAt = saveState.at;
    panel.setSaveState(saveState);
  });
  const exportAs = (format: 'json' | 'fhir') => {
    const review = buildReviewExport({ jobId, externalId: job.externalId, result: job.result, decisions: decisionsToSave(state.decisions, proposals), reviewedAt: state.reviewedAt, now: new Date() });
    if (format === 'json') downloadJson(exportFileName(job.externalId, jobId, 'review.json'), review);
    else downloadJson(exportFileName(job.externalId, jobId, 'fhir.json'), toFhirBundle(review, randomUuid), 'application/fhir+json');
  };
  const documentView = buildDocumentView({ text, result: job.result, colorOf, onSelectCode: (code) => select(code) });
  const panel = buildCodePanel({ proposals, colorOf, onSelect: (code) => select(code, { reveal: true }), onDecide: decide, onExport: exportAs, onRetrySave: saver.retry });
  documentView.setDecisions(state.decisions);
  panel.setDecisions(state.decisions);
  panel.setSaveState(state.reviewedAt ? { kind: 'saved', at: state.reviewedAt } : { kind: 'idle' });
  layOut(container, job.result, documentView.element, panel.element, documentView.setHiddenFlags);

  const stopKeys = listenForReviewKeys({
    move: (step) => proposals.length > 0 && select(neighbour(proposals, state.selected, step), { reveal: true, focusPanel: true }),
    decide: (change) => proposals.length > 0 && decide(state.selected ?? proposals[0].code, change),
    openReplace: () => state.selected && panel.openReplace(state.selected),
  });
  const warnUnsaved = (event: BeforeUnloadEvent) => saver.unsaved && event.preventDefault();
  window.addEventListener('beforeunload', warnUnsaved);
  return () => {
    stopKeys();
    documentView.destroy();
    window.removeEventListener('beforeunload', warnUnsaved);
  };
}

function layOut(container: HTMLElement, result: DetectionResult, documentElement: HTMLElement, panelElement: HTMLElement, onHiddenFlags: Parameters<typeof buildAssertionToggles>[1]): void {
  const documentColumn = el(
    'section',
    { class: 'doc-column', attrs: { 'aria-labelledby': 'document-heading' } },
    el('h2', { class: 'visually-hidden', attrs: { id: 'document-heading' } }, 'Document'),
    buildAssertionToggles(result, onHiddenFlags),
    documentElement,
  );
  replaceChildren(container, el('div', { class: 'review-layout' }, documentColumn, panelElement));
}

/** The next (or previous) code in panel order, wrapping; the first when none is selected. */
function neighbour(proposals: CodeProposal[], selected: string | null, step: 1 | -1): string {
  const index = proposals.findIndex((proposal) => proposal.code === selected);
  if (index < 0) return proposals[step === 1 ? 0 : proposals.length - 1].code;
  return proposals[(index + step + proposals.length) % proposals.length].code;
}
