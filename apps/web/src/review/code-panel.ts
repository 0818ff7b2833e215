/** The side panel: proposed codes best first, each with accept, reject and replace. */
import type { CodeProposal } from '@icd/contracts';
import { buildCodeSearchBox } from '../codes/code-search-box.js';
import { el, formatScore, formatTime, replaceChildren } from '../dom.js';
import { decisionText } from './highlight-details.js';
import { reviewProgress, type DecisionChange, type DecisionMap } from './review-state.js';

export type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: string } | { kind: 'failed'; message: string };

export interface CodePanelOptions {
  proposals: CodeProposal[];
  colorOf(code: string): string;
  onSelect(code: string): void;
  onDecide(code: string, change: DecisionChange): void;
  onExport(format: 'json' | 'fhir'): void;
  onRetrySave(): void;
}

export interface CodePanel {
  element: HTMLElement;
  setSelected(code: string | null, options?: { focus?: boolean }): void;
  setDecisions(decisions: DecisionMap): void;
  setSaveState(state: SaveState): void;
  openReplace(code: string): void;
}

interface CodeItem {
  element: HTMLLIElement;
  select: HTMLButtonElement;
  accept: HTMLButtonElement;
  reject: HTMLButtonElement;
  replace: HTMLButtonElement;
  note: HTMLElement;
  replaceBox: HTMLElement;
}

export function buildCodePanel(options: CodePanelOptions): CodePanel {
  const items = new Map(options.proposals.map((proposal) => [proposal.code, buildCodeItem(proposal, options)]));
  const progress = el('p', { class: 'progress' });
  const saveState = el('p', { class: 'save-state', attrs: { role: 'status', 'aria-live': 'polite', 'data-save-state': 'idle' } });
  const element = el(
    'aside',
    { class: 'code-panel', attrs: { 'aria-labelledby': 'codes-heading' } },
    el('div', { class: 'panel-head' }, el('h2', { attrs: { id: 'codes-heading' } }, 'Proposed codes'), saveState),
    progress,
    options.proposals.length === 0 ? el('p', { class: 'empty' }, 'No code was proposed for this note.') : el('ol', { class: 'code-list' }, ...[...items.values()].map((item) => item.element)),
    buildExportActions(options.onExport),
    buildShortcutHelp(),
  );
  return {
    element,
    setSelected(code, { focus = false } = {}) {
      for (const [itemCode, item] of items) {
        const selected = itemCode === code;
        item.element.classList.toggle('is-selected', selected);
        if (selected) item.select.setAttribute('aria-current', 'true');
        else item.select.removeAttribute('aria-current');
      }
      const item = code ? items.get(code) : undefined;
      item?.element.scrollIntoView({ block: 'nearest' });
      if (focus) item?.select.focus({ preventScroll: true });
    },
    setDecisions(decisions) {
      for (const [code, item] of items) showDecision(item, decisions.get(code));
      const counts = reviewProgress(decisions, options.proposals);
      progress.textContent = `${counts.total - counts.pending} of ${counts.total} reviewed · ${counts.accepted} accepted · ${counts.rejected} rejected · ${counts.replaced} replaced`;
    },
    setSaveState: (state) => showSaveState(saveState, state, options.onRetrySave),
    openReplace(code) {
      const item = items.get(code);
      if (item) toggleReplace(item, true);
    },
  };
}

function buildCodeItem(proposal: CodeProposal, options: CodePanelOptions): CodeItem {
  const { code } = proposal;
  const decide = (change: DecisionChange) => () => options.onDecide(code, change);
  const button = (className: string, label: string, onClick: () => void, attrs: Record<string, string> = {}) =>
    el('button', { class: `button small ${className}`, attrs: { type: 'button', ...attrs }, on: { click: onClick } }, label);
  const evidenceCount = `${proposal.evidence.length} evidence span${proposal.evidence.length === 1 ? '' : 's'}`;
  const select = el(
    'button',
    { class: 'code-select', attrs: { type: 'button', 'aria-describedby': `decision-${code}` }, on: { click: () => options.onSelect(code) } },
    el('span', { class: 'swatch', attrs: { 'aria-hidden': 'true' } }),
    el('span', { class: 'code-id' }, code),
    el('span', { class: 'code-title' }, proposal.title),
    el('span', { class: 'code-meta' }, `${formatScore(proposal.score)} · ${proposal.billable ? 'billable' : 'not billable'} · ${evidenceCount}`),
  );
  const replaceBoxId = `replace-${code}`;
  const item: CodeItem = {
    element: el('li', { class: `code-item ${options.colorOf(code)}`, attrs: { 'data-code': code } }),
    select,
    accept: button('accept', 'Accept', decide({ kind: 'accept' }), { 'aria-pressed': 'false', 'aria-label': `Accept ${code}` }),
    reject: button('reject', 'Reject', decide({ kind: 'reject' }), { 'aria-pressed': 'false', 'aria-label': `Reject ${code}` }),
    replace: button('replace', 'Replace…', () => toggleReplace(item), { 'aria-expanded': 'false', 'aria-controls': replaceBoxId, 'aria-label': `Replace ${code}` }),
    note: el('p', { class: 'decision-note', attrs: { id: `decision-${code}` } }, 'Not reviewed yet'),
    replaceBox: buildReplaceBox(proposal, replaceBoxId, options, () => toggleReplace(item, false)),
  };
  replaceChildren(
    item.element,
    select,
    el('div', { class: 'decision-buttons', attrs: { role: 'group', 'aria-label': `Decision on ${code}` } }, item.accept, item.reject, item.replace),
    el('div', { class: 'item-foot' }, item.note, el('a', { class: 'lookup-link', attrs: { href: `/codes/${encodeURIComponent(code)}` } }, `Look up ${code}`)),
    item.replaceBox,
  );
  return item;
}

function buildReplaceBox(proposal: CodeProposal, id: string, options: CodePanelOptions, close: () => void): HTMLElement {
  const search = buildCodeSearchBox({
    id: `${id}-search`,
    label: `Replacement for ${proposal.code}`,
    placeholder: 'Type a code or words',
    suggestions: proposal.alternatives,
    onChoose: (choice) => {
      close();
      options.onDecide(proposal.code, { kind: 'replace', replacement: { code: choice.code, title: choice.title } });
    },
  });
  const box = el('div', { class: 'replace-box', attrs: { id, hidden: true } }, search.element, el('button', { class: 'button small', attrs: { type: 'button' }, on: { click: close } }, 'Cancel'));
  box.addEventListener('keydown', (event) => event.key === 'Escape' && close());
  return box;
}

function toggleReplace(item: CodeItem, open = item.replaceBox.hidden): void {
  item.replaceBox.hidden = !open;
  item.replace.setAttribute('aria-expanded', String(open));
  if (open) item.replaceBox.querySelector('input')?.focus();
  else if (item.element.contains(document.activeElement) || document.activeElement === document.body) item.replace.focus();
}

function showDecision(item: CodeItem, decision: ReturnType<DecisionMap['get']>): void {
  const status = decision?.status;
  if (status) item.element.dataset.decision = status;
  else delete item.element.dataset.decision;
  item.accept.setAttribute('aria-pressed', String(status === 'accepted'));
  item.reject.setAttribute('aria-pressed', String(status === 'rejected'));
  item.note.textContent = decision ? decisionText(decision) : 'Not reviewed yet';
}

function showSaveState(element: HTMLElement, state: SaveState, onRetry: () => void): void {
  element.dataset.saveState = state.kind;
  if (state.kind === 'idle') return replaceChildren(element);
  if (state.kind === 'saving') return replaceChildren(element, 'Saving…');
  if (state.kind === 'saved') return replaceChildren(element, `Saved ${formatTime(state.at)}`);
  replaceChildren(element, `Not saved: ${state.message} `, el('button', { class: 'button small', attrs: { type: 'button' }, on: { click: onRetry } }, 'Retry'));
}

function buildExportActions(onExport: (format: 'json' | 'fhir') => void): HTMLElement {
  return el(
    'div',
    { class: 'panel-actions', attrs: { role: 'group', 'aria-label': 'Export the reviewed codes' } },
    el('button', { class: 'button', attrs: { type: 'button', 'data-export': 'json' }, on: { click: () => onExport('json') } }, 'Export JSON'),
    el('button', { class: 'button', attrs: { type: 'button', 'data-export': 'fhir' }, on: { click: () => onExport('fhir') } }, 'Export FHIR R4'),
  );
}

const SHORTCUTS: [string, string][] = [
  ['j / k', 'next / previous code'],
  ['a', 'accept the selected code (again: undo)'],
  ['r', 'reject the selected code (again: undo)'],
  ['e', 'replace the selected code'],
  ['u', 'clear the decision'],
  ['Enter', 'on a highlight: select its code'],
  ['Esc', 'close the description or search'],
];

function buildShortcutHelp(): HTMLElement {
  return el(
    'details',
    { class: 'shortcuts' },
    el('summary', {}, 'Keyboard shortcuts'),
    el('dl', {}, ...SHORTCUTS.flatMap(([keys, action]) => [el('dt', {}, el('kbd', {}, keys)), el('dd', {}, action)])),
  );
}
