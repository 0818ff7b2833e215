/** `/review/:jobId`: waits for the job, then shows the note with its evidence beside the proposed codes. */
import type { ReviewDecisions } from '@icd/contracts';
import { ApiError, getJob, getJobDocument, getReview } from '../api/client.js';
import type { JobDocument, JobView } from '../api/types.js';
import { el, formatTime, link, replaceChildren } from '../dom.js';
import { STATUS_LABELS } from '../home/job-list.js';
import { startReview } from './review-session.js';

const POLL_MS = 750;

export function mountReviewPage(main: HTMLElement, jobId: string): () => void {
  document.title = 'Review · ICD-10-CM review';
  const root = el('div', { class: 'review-page', attrs: { 'data-state': 'loading' } });
  const heading = el('h1', {}, 'Note');
  const meta = el('p', { class: 'job-meta', attrs: { role: 'status' } }, 'Loading…');
  replaceChildren(main, el('p', { class: 'back' }, link('/', '← All notes')), heading, meta, root);
  let stopped = false;
  let stopReview: () => void = () => undefined;

  const load = async () => {
    const job = await waitForResult(jobId, (current) => (meta.textContent = `${STATUS_LABELS[current.status]} · submitted ${formatTime(current.createdAt)}`), () => stopped);
    if (stopped || !job) return;
    heading.textContent = job.externalId ?? 'Untitled note';
    document.title = `${heading.textContent} · ICD-10-CM review`;
    if (job.status === 'failed' || !job.result) {
      root.dataset.state = 'failed';
      meta.textContent = `The note could not be coded: ${job.error?.message ?? 'the job failed'}`;
      return;
    }
    const [note, review] = await Promise.all([getJobDocument(jobId), getReview(jobId)]);
    if (stopped) return;
    meta.textContent = describeJob(job, note, review);
    stopReview = startReview(root, { jobId, job: { ...job, result: job.result }, text: note.text, review });
    root.dataset.state = 'ready';
  };
  load().catch((error: unknown) => {
    root.dataset.state = 'failed';
    meta.textContent = failureMessage(error);
  });
  return () => {
    stopped = true;
    stopReview();
  };
}

function failureMessage(error: unknown): string {
  if (error instanceof ApiError && error.status === 404) return 'No such note: it was never submitted, is no longer kept, or belongs to another tenant.';
  if (error instanceof ApiError && error.status === 401) return 'An API key is needed to open this note: use the API key button above.';
  return 'The note could not be loaded; reload to try again.';
}

/** Polls until the job is completed or failed; null once the page was left. */
async function waitForResult(jobId: string, onProgress: (job: JobView) => void, isStopped: () => boolean): Promise<JobView | null> {
  for (;;) {
    const job = await getJob(jobId);
    if (isStopped()) return null;
    if (job.status === 'completed' || job.status === 'failed') return job;
    onProgress(job);
    await new Promise((resolve) => window.setTimeout(resolve, POLL_MS));
  }
}

function describeJob(job: JobView, note: JobDocument, review: ReviewDecisions): string {
  const codes = job.result?.codes.length ?? 0;
  const parts = [
    `Submitted ${formatTime(job.createdAt)}`,
    `${note.text.length.toLocaleString()} characters`,
    `${codes} code${codes === 1 ? '' : 's'} proposed`,
    `ICD-10-CM ${job.result?.terminology.version ?? ''}`.trim(),
  ];
  if (review.updatedAt) parts.push(`last reviewed ${formatTime(review.updatedAt)}`);
  return parts.join(' · ');
}
