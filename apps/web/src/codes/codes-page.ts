/** `/codes` and `/codes/:code`: search the terminology, and everything it says about one code. */
import { ApiError, getCode, searchCodes } from '../api/client.js';
import type { CodeRecord, CodeSummary } from '../api/types.js';
import { el, formatScore, link, replaceChildren } from '../dom.js';
import { navigate } from '../router.js';
import { looksLikeCode } from './code-references.js';
import { buildCodeRecordView } from './code-record-view.js';
import { buildCodeSearchBox } from './code-search-box.js';

/** Parents above a code, for the breadcrumbs; the Tabular List is at most this deep. */
const MAX_DEPTH = 8;

export function mountCodesPage(main: HTMLElement, code: string | undefined, query: string | undefined): () => void {
  document.title = `${code ?? 'Code lookup'} · ICD-10-CM review`;
  const search = buildCodeSearchBox({
    id: 'code-search',
    label: 'Search ICD-10-CM codes',
    placeholder: 'A code (E11.22) or words (type 2 diabetes kidney)',
    limit: 15,
    onChoose: (choice) => navigate(`/codes/${encodeURIComponent(choice.code)}`),
    onSubmitText: (text) => navigate(looksLikeCode(text) ? `/codes/${encodeURIComponent(text.trim())}` : `/codes?q=${encodeURIComponent(text)}`),
  });
  const content = el('div', { class: 'code-content', attrs: { 'data-state': 'loading' } });
  replaceChildren(main, el('div', { class: 'code-search card' }, search.element), content);
  let stopped = false;
  const show = async () => {
    if (code) await showRecord(content, code, () => stopped);
    else if (query) await showResults(content, query, () => stopped);
    else showIntro(content);
    if (!stopped) content.dataset.state = 'ready';
  };
  show().catch((error: unknown) => {
    content.dataset.state = 'failed';
    const notFound = error instanceof ApiError && error.status === 404;
    const unauthorized = error instanceof ApiError && error.status === 401;
    const explanation = notFound
      ? 'It is not an ICD-10-CM code of this release. Try searching for it by words.'
      : unauthorized
        ? 'An API key is needed to look codes up: use the API key button above.'
        : 'The terminology could not be reached; reload to try again.';
    replaceChildren(content, el('h1', {}, notFound ? `No code ${code}` : 'Lookup failed'), el('p', {}, explanation));
  });
  if (!code && !query) search.input.focus();
  return () => (stopped = true);
}

async function showRecord(content: HTMLElement, code: string, isStopped: () => boolean): Promise<void> {
  const record = await getCode(code);
  const ancestors = await ancestorsOf(record);
  if (isStopped()) return;
  document.title = `${record.code} ${record.title} · ICD-10-CM review`;
  replaceChildren(content, buildCodeRecordView(record, ancestors));
}

/** Root first, parent last. */
async function ancestorsOf(record: CodeRecord): Promise<CodeSummary[]> {
  const chain: CodeSummary[] = [];
  for (let parent = record.parent; parent && chain.length < MAX_DEPTH; ) {
    chain.unshift(parent);
    parent = (await getCode(parent.code)).parent;
  }
  return chain;
}

async function showResults(content: HTMLElement, query: string, isStopped: () => boolean): Promise<void> {
  const hits = await searchCodes(query, 50);
  if (isStopped()) return;
  document.title = `“${query}” · ICD-10-CM review`;
  replaceChildren(
    content,
    el('h1', {}, `Codes for “${query}”`),
    hits.length === 0
      ? el('p', {}, 'No code matches.')
      : el(
          'ol',
          { class: 'result-list' },
          ...hits.map((hit) =>
            el('li', {}, link(`/codes/${encodeURIComponent(hit.code)}`, el('span', { class: 'code-id' }, hit.code), ` ${hit.title}`), el('span', { class: 'option-meta' }, ` ${hit.billable ? 'billable' : 'not billable'} · ${formatScore(hit.score)} · matched ${hit.matched.source}: ${hit.matched.text}`)),
          ),
        ),
  );
}

function showIntro(content: HTMLElement): void {
  document.title = 'Code lookup · ICD-10-CM review';
  replaceChildren(
    content,
    el('h1', {}, 'Code lookup'),
    el('p', {}, 'Type a code or words above. A code shows its title, whether it is billable, where it sits in the Tabular List, its notes, seventh characters and the Alphabetic Index entries that lead to it.'),
  );
}
