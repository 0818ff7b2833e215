/**
 * A search-as-you-type combobox over `GET /v1/codes?q=` (WAI-ARIA combobox with a listbox popup):
 * arrows move through the hits, Enter chooses, Escape closes. Used to pick a replacement code and on
 * the code lookup page.
 */
import { searchCodes } from '../api/client.js';
import { el, formatScore, replaceChildren } from '../dom.js';

/** A hit, or a suggestion such as a proposal's alternative (whose billability is not known). */
export interface SearchChoice {
  code: string;
  title: string;
  billable?: boolean;
  score?: number;
}

export interface CodeSearchBoxOptions {
  id: string;
  label: string;
  placeholder?: string;
  /** Offered before anything is typed (a proposal's alternatives, say). */
  suggestions?: SearchChoice[];
  limit?: number;
  onChoose(choice: SearchChoice): void;
  /** Enter with no hit highlighted; gets the typed text. */
  onSubmitText?(query: string): void;
}

const DEBOUNCE_MS = 150;

export function buildCodeSearchBox(options: CodeSearchBoxOptions): { element: HTMLElement; input: HTMLInputElement } {
  const listId = `${options.id}-list`;
  const input = el('input', {
    class: 'search-input',
    attrs: { id: options.id, type: 'search', role: 'combobox', 'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': listId, autocomplete: 'off', spellcheck: false, placeholder: options.placeholder },
  });
  const list = el('ul', { class: 'search-results', attrs: { id: listId, role: 'listbox', 'aria-label': `${options.label}: results` } });
  const status = el('p', { class: 'visually-hidden', attrs: { role: 'status', 'aria-live': 'polite' } });
  const state = { choices: [] as SearchChoice[], active: -1 };

  const show = (choices: SearchChoice[], message: string) => {
    state.choices = choices;
    state.active = -1;
    replaceChildren(list, ...choices.map((choice, index) => optionElement(options.id, choice, index, () => choose(index))));
    list.hidden = choices.length === 0;
    input.setAttribute('aria-expanded', String(choices.length > 0));
    input.removeAttribute('aria-activedescendant');
    status.textContent = message;
  };
  const choose = (index: number) => {
    const choice = state.choices[index];
    if (!choice) return;
    show([], `${choice.code} chosen`);
    options.onChoose(choice);
  };
  const search = createSearch(options.limit ?? 10, (hits, query) => show(hits, hits.length ? `${hits.length} codes` : `No code matches “${query}”`));

  input.addEventListener('input', () => {
    const query = input.value.trim();
    if (query) search(query);
    else show(options.suggestions ?? [], '');
  });
  input.addEventListener('focus', () => !input.value.trim() && options.suggestions?.length && show(options.suggestions, 'Suggestions'));
  input.addEventListener('keydown', (event) => onKey(event, state, list, input, choose, () => show([], ''), options.onSubmitText));
  list.hidden = true;
  return { element: el('div', { class: 'search-box' }, el('label', { attrs: { for: options.id } }, options.label), input, list, status), input };
}

function optionElement(boxId: string, choice: SearchChoice, index: number, onChoose: () => void): HTMLElement {
  return el(
    'li',
    {
      attrs: { id: `${boxId}-option-${index}`, role: 'option', 'aria-selected': 'false', 'data-code': choice.code },
      // mousedown, not click: the input keeps focus, so the list does not close before the choice.
      on: { mousedown: (event) => (event.preventDefault(), onChoose()) },
    },
    el('span', { class: 'code-id' }, choice.code),
    el('span', { class: 'option-title' }, choice.title),
    el('span', { class: 'option-meta' }, [choice.billable === undefined ? '' : choice.billable ? 'billable' : 'not billable', choice.score !== undefined ? formatScore(choice.score) : ''].filter(Boolean).join(' · ')),
  );
}

/** Debounced search that drops answers to queries the user has since typed past. */
function createSearch(limit: number, onHits: (hits: SearchChoice[], query: string) => void): (query: string) => void {
  let timer: number | undefined;
  let controller: AbortController | undefined;
  return (query) => {
    window.clearTimeout(timer);
    timer = window.setTimeout(async () => {
      controller?.abort();
      controller = new AbortController();
      try {
        onHits(await searchCodes(query, limit, controller.signal), query);
      } catch (error) {
        if ((error as Error).name !== 'AbortError') onHits([], query);
      }
    }, DEBOUNCE_MS);
  };
}

function onKey(
  event: KeyboardEvent,
  state: { choices: SearchChoice[]; active: number },
  list: HTMLElement,
  input: HTMLInputElement,
  choose: (index: number) => void,
  close: () => void,
  onSubmitText?: (query: string) => void,
): void {
  const count = state.choices.length;
  if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
    event.preventDefault();
    if (count === 0) return;
    state.active = (state.active + (event.key === 'ArrowDown' ? 1 : count - 1)) % count;
    [...list.children].forEach((option, index) => option.setAttribute('aria-selected', String(index === state.active)));
    const active = list.children[state.active];
    input.setAttribute('aria-activedescendant', active.id);
    active.scrollIntoView({ block: 'nearest' });
  } else if (event.key === 'Enter') {
    event.preventDefault();
    if (state.active >= 0) choose(state.active);
    else if (onSubmitText && input.value.trim()) onSubmitText(input.value.trim());
    else if (count > 0) choose(0);
  } else if (event.key === 'Escape' && count > 0) {
    event.preventDefault();
    event.stopPropagation();
    close();
  }
}
