/**
 * The worklist: the server's most recent jobs (`GET /v1/jobs`), so it shows notes submitted from any
 * browser or by an integration, not only this one's. Polled while the page is visible; rows are
 * updated in place so that keyboard focus on a row's link survives a refresh.
 */
import { ApiError, listJobs } from '../api/client.js';
import type { JobListEntry, JobStatus } from '../api/types.js';
import { el, formatTime, replaceChildren } from '../dom.js';

const LIST_LIMIT = 50;
/** Fast while a job is being coded (it takes a second or two), slow otherwise. */
const BUSY_POLL_MS = 1_500;
const IDLE_POLL_MS = 5_000;

export const STATUS_LABELS: Record<JobStatus, string> = { queued: 'Queued', active: 'Coding…', completed: 'Ready', failed: 'Failed' };

interface Row {
  element: HTMLTableRowElement;
  cells: { status: HTMLElement; codes: HTMLElement; review: HTMLElement };
  signature: string;
}

export function mountJobList(): { element: HTMLElement; refresh(): void; stop(): void } {
  const body = el('tbody');
  const empty = el('p', { class: 'empty' }, 'No notes yet: paste one, or drop .txt files.');
  const problem = el('p', { class: 'problem', attrs: { role: 'alert' } });
  const table = el(
    'table',
    { class: 'job-table' },
    el('caption', { class: 'visually-hidden' }, 'Recent notes, newest first'),
    el('thead', {}, el('tr', {}, ...['Note', 'Submitted', 'Status', 'Codes', 'Review'].map((name) => el('th', { attrs: { scope: 'col' } }, name)))),
    body,
  );
  const element = el('section', { class: 'card job-list', attrs: { 'aria-labelledby': 'jobs-heading' } }, el('h2', { attrs: { id: 'jobs-heading' } }, 'Recent notes'), problem, empty, table);
  // Until a list has loaded nothing is known: "no notes yet" would be a claim.
  empty.hidden = true;
  table.hidden = true;
  const rows = new Map<string, Row>();
  let timer: number | undefined;
  let stopped = false;

  const refresh = async () => {
    window.clearTimeout(timer);
    let busy = false;
    try {
      const jobs = await listJobs(LIST_LIMIT);
      if (stopped) return;
      renderRows(body, rows, jobs);
      empty.hidden = jobs.length > 0;
      table.hidden = jobs.length === 0;
      problem.textContent = '';
      busy = jobs.some((job) => job.status === 'queued' || job.status === 'active');
    } catch (error) {
      const unauthorized = error instanceof ApiError && error.status === 401;
      problem.textContent = unauthorized ? 'An API key is needed to list the notes: use the API key button above.' : 'The job list could not be loaded; retrying.';
      // Without a key the list is not ours to show; other failures keep what was last loaded.
      if (unauthorized) {
        empty.hidden = true;
        table.hidden = true;
      }
    }
    if (!stopped) timer = window.setTimeout(() => void refresh(), document.hidden ? IDLE_POLL_MS * 2 : busy ? BUSY_POLL_MS : IDLE_POLL_MS);
  };
  const onVisible = () => !document.hidden && void refresh();
  document.addEventListener('visibilitychange', onVisible);
  void refresh();
  return {
    element,
    refresh: () => void refresh(),
    stop: () => {
      stopped = true;
      window.clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisible);
    },
  };
}

function renderRows(body: HTMLTableSectionElement, rows: Map<string, Row>, jobs: JobListEntry[]): void {
  const shown = new Set(jobs.map((job) => job.id));
  for (const [id, row] of rows) {
    if (!shown.has(id)) {
      row.element.remove();
      rows.delete(id);
    }
  }
  jobs.forEach((job, index) => {
    const row = rows.get(job.id) ?? createRow(job);
    rows.set(job.id, row);
    updateRow(row, job);
    // Moved only when out of place: moving a row would take keyboard focus off its link.
    if (body.children[index] !== row.element) body.insertBefore(row.element, body.children[index] ?? null);
  });
}

function createRow(job: JobListEntry): Row {
  const label = job.externalId ?? 'Untitled note';
  const cells = { status: el('td'), codes: el('td', { class: 'numeric' }), review: el('td') };
  const element = el(
    'tr',
    { attrs: { 'data-job-id': job.id } },
    el('th', { attrs: { scope: 'row' } }, el('a', { attrs: { href: `/review/${encodeURIComponent(job.id)}` } }, label), el('span', { class: 'job-id' }, ` #${job.id.slice(0, 8)}`)),
    el('td', {}, el('time', { attrs: { datetime: job.createdAt } }, formatTime(job.createdAt))),
    cells.status,
    cells.codes,
    cells.review,
  );
  return { element, cells, signature: '' };
}

function updateRow(row: Row, job: JobListEntry): void {
  const signature = JSON.stringify([job.status, job.codeCount, job.review]);
  if (signature === row.signature) return;
  row.signature = signature;
  row.element.dataset.status = job.status;
  replaceChildren(row.cells.status, el('span', { class: `badge status-${job.status}` }, STATUS_LABELS[job.status]));
  row.cells.codes.textContent = job.codeCount === undefined ? '—' : String(job.codeCount);
  row.cells.review.textContent = reviewLabel(job);
}

function reviewLabel(job: JobListEntry): string {
  if (job.status !== 'completed') return '—';
  if (!job.review || job.review.decisions === 0) return 'To review';
  const total = job.codeCount ?? job.review.decisions;
  return job.review.decisions >= total ? 'Reviewed' : `${job.review.decisions} of ${total} decided`;
}
