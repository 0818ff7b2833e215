/**
 * The note with its highlights. The text is only ever put in text nodes, sliced by offset, so each
 * highlight's text is exactly `note.slice(data-begin, data-end)` and markup in the note stays text.
 */
import type { DetectionResult } from '@icd/contracts';
import { el, prefersReducedMotion } from '../dom.js';
import { documentHighlights, type AssertionFlag, type Highlight } from '../highlight/highlight-spans.js';
import { segmentText, type SegmentNode, type SpanNode } from '../highlight/segments.js';
import type { DecisionMap } from './review-state.js';
import { evidenceDetails, FLAG_BADGES, mentionDetails, sectionName } from './highlight-details.js';
import { createTooltip, type Tooltip } from './tooltip.js';

export interface DocumentViewOptions {
  text: string;
  result: DetectionResult;
  /** Colour class of each proposed code. */
  colorOf(code: string): string;
  onSelectCode(code: string): void;
}

export interface DocumentView {
  element: HTMLElement;
  setSelected(code: string | null): void;
  setDecisions(decisions: DecisionMap): void;
  /** Scrolls the code's first evidence into view and flashes all of it. */
  revealEvidence(code: string): void;
  /** Shows set-apart mentions unless one of their flags is hidden (their text always stays). */
  setHiddenFlags(hidden: ReadonlySet<AssertionFlag>): void;
  destroy(): void;
}

const FLASH_MS = 1_400;

export function buildDocumentView(options: DocumentViewOptions): DocumentView {
  const { text, result } = options;
  const body = el('div', { class: 'doc-text', attrs: { 'data-document': true } });
  renderNodes(body, segmentText(text.length, documentHighlights(text, result)), options);
  const tooltip = createTooltip('highlight-tooltip');
  let decisions: DecisionMap = new Map();
  const marksOf = (code: string) => [...body.querySelectorAll<HTMLElement>(`mark[data-code="${CSS.escape(code)}"]`)];
  const describe = (mark: HTMLElement) => {
    const value = pieceByElement.get(mark)?.span.value;
    if (!value || mark.hasAttribute('data-hidden')) return;
    if (value.kind === 'mention') tooltip.show(mark, ...mentionDetails(value.mention, value.flags));
    else if (value.kind === 'evidence') {
      tooltip.show(mark, ...evidenceDetails(result, value.proposal, value.evidence, decisions.get(value.proposal.code), enclosingCodes(mark, body)));
    }
  };
  const unwire = wireHighlightEvents(body, tooltip, describe, options.onSelectCode);
  return {
    element: el('div', { class: 'doc' }, body, tooltip.element),
    setSelected(code) {
      for (const mark of body.querySelectorAll('mark.is-selected')) mark.classList.remove('is-selected');
      if (code) marksOf(code).forEach((mark) => mark.classList.add('is-selected'));
    },
    setDecisions(next) {
      decisions = next;
      for (const mark of body.querySelectorAll<HTMLElement>('mark[data-code]')) {
        const status = next.get(mark.dataset.code ?? '')?.status;
        if (status) mark.dataset.decision = status;
        else delete mark.dataset.decision;
      }
    },
    revealEvidence: (code) => flash(marksOf(code)),
    setHiddenFlags(hidden) {
      for (const mark of body.querySelectorAll<HTMLElement>('mark.hl-mention')) {
        const isHidden = (mark.dataset.assertion ?? '').split(' ').some((flag) => hidden.has(flag as AssertionFlag));
        mark.toggleAttribute('data-hidden', isHidden);
        mark.tabIndex = isHidden ? -1 : 0;
      }
    },
    destroy: unwire,
  };
}

/** Pointer and keyboard on highlights: describe on hover or focus, select a code on click or Enter. */
function wireHighlightEvents(body: HTMLElement, tooltip: Tooltip, describe: (mark: HTMLElement) => void, onSelectCode: (code: string) => void): () => void {
  const markOf = (event: Event) => (event.target as Element | null)?.closest<HTMLElement>('mark.hl') ?? null;
  body.addEventListener('mouseover', (event) => {
    const mark = markOf(event);
    if (mark && mark !== tooltip.anchor) describe(mark);
  });
  body.addEventListener('mouseleave', () => tooltip.hide());
  body.addEventListener('focusin', (event) => {
    const mark = markOf(event);
    if (mark) describe(mark);
  });
  body.addEventListener('focusout', () => tooltip.hide());
  body.addEventListener('click', (event) => {
    const code = markOf(event)?.dataset.code;
    if (code) onSelectCode(code);
  });
  body.addEventListener('keydown', (event) => {
    const code = markOf(event)?.dataset.code;
    if (code && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      onSelectCode(code);
    }
  });
  const onEscape = (event: KeyboardEvent) => event.key === 'Escape' && tooltip.hide();
  const onScroll = () => tooltip.hide();
  document.addEventListener('keydown', onEscape);
  window.addEventListener('scroll', onScroll, { passive: true });
  return () => {
    document.removeEventListener('keydown', onEscape);
    window.removeEventListener('scroll', onScroll);
  };
}

function flash(marks: HTMLElement[]): void {
  marks[0]?.scrollIntoView({ block: 'center', behavior: prefersReducedMotion() ? 'auto' : 'smooth' });
  for (const mark of marks) {
    mark.classList.remove('flash');
    void mark.offsetWidth; // restarts the animation when the same code is clicked twice
    mark.classList.add('flash');
    window.setTimeout(() => mark.classList.remove('flash'), FLASH_MS);
  }
}

/** The tree node each highlight element was made from. */
const pieceByElement = new WeakMap<Element, SpanNode<Highlight>>();

/**
 * Appends the nodes to `parent`; answers how many highlights deep they nest, so that each highlight
 * can draw its underline below those inside it (`--stack`) and overlapping ones stay distinguishable.
 */
function renderNodes(parent: Element, nodes: SegmentNode<Highlight>[], options: DocumentViewOptions): number {
  let depth = 0;
  for (const node of nodes) {
    if (node.kind === 'text') {
      parent.appendChild(document.createTextNode(options.text.slice(node.begin, node.end)));
      continue;
    }
    const element = elementFor(node, options);
    pieceByElement.set(element, node);
    const inner = renderNodes(element, node.children, options);
    const isHighlight = element.tagName === 'MARK';
    // Set on every highlight: a custom property inherits, and an inner one must not take its parent's.
    if (isHighlight) element.style.setProperty('--stack', String(inner));
    depth = Math.max(depth, inner + (isHighlight ? 1 : 0));
    parent.appendChild(element);
  }
  return depth;
}

function elementFor(node: SpanNode<Highlight>, options: DocumentViewOptions): HTMLElement {
  const value = node.span.value;
  const offsets = { 'data-begin': node.begin, 'data-end': node.end };
  switch (value.kind) {
    case 'section':
      return el('span', { class: 'doc-section', attrs: { 'data-section': value.label } });
    case 'heading':
      return el('span', { class: 'doc-heading', attrs: { role: 'heading', 'aria-level': 3 } });
    case 'evidence': {
      const { proposal, evidence } = value;
      const label = `${options.text.slice(evidence.begin, evidence.end)}: evidence for ${proposal.code}, ${proposal.title}, in ${sectionName(evidence.section)}`;
      return el('mark', {
        class: `hl hl-evidence ${options.colorOf(proposal.code)}`,
        attrs: { ...offsets, 'data-code': proposal.code, 'data-evidence-begin': evidence.begin, 'data-evidence-end': evidence.end, tabindex: 0, role: 'button', 'aria-label': label },
      });
    }
    case 'mention':
      return el('mark', {
        class: 'hl hl-mention',
        attrs: {
          ...offsets,
          'data-assertion': value.flags.join(' '),
          'data-badge': value.flags.map((flag) => FLAG_BADGES[flag]).join('·'),
          tabindex: 0,
          role: 'button',
          'aria-label': `${options.text.slice(value.mention.begin, value.mention.end)}: ${value.flags.join(', ')} mention, not coded`,
        },
      });
  }
}

/** Codes of the highlights that enclose this one: what else the pointer is over. */
function enclosingCodes(mark: HTMLElement, root: HTMLElement): string[] {
  const codes: string[] = [];
  for (let parent = mark.parentElement; parent && parent !== root; parent = parent.parentElement) {
    const code = parent.dataset.code;
    if (code && !codes.includes(code) && code !== mark.dataset.code) codes.push(code);
  }
  return codes;
}
