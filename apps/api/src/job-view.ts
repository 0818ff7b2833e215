import type { ReviewDecisions } from '@icd/contracts';
import type { JobSnapshot } from './queue.js';

export const jobPath = (id: string) => `/v1/jobs/${encodeURIComponent(id)}`;

/** Answer to `POST /v1/jobs` and to a result that is not ready yet. */
export function jobReceipt(job: JobSnapshot) {
  return { id: job.id, status: job.status, statusUrl: jobPath(job.id), resultUrl: `${jobPath(job.id)}/result` };
}

/** Answer to `GET /v1/jobs/:id`. */
export function jobStatusView(job: JobSnapshot) {
  return {
    id: job.id,
    status: job.status,
    progress: job.progress,
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
    ...(job.data.externalId !== undefined && { externalId: job.data.externalId }),
    ...(job.result !== undefined && { result: job.result }),
    ...(job.status === 'failed' && { error: jobFailure(job) }),
  };
}

/** Why a job failed; the reason is written by the worker or BullMQ and names no text. */
export function jobFailure(job: JobSnapshot) {
  return { code: 'job_failed', message: job.failedReason || 'the job failed' };
}

/** One entry of the answer to `POST /v1/jobs:batch`, in the order of the documents. */
export function batchEntry(job: JobSnapshot) {
  return {
    id: job.id,
    status: job.status,
    statusUrl: jobPath(job.id),
    ...(job.data.externalId !== undefined && { externalId: job.data.externalId }),
  };
}

/** One entry of `GET /v1/jobs`: what a worklist shows, without the text. */
export function jobListEntry(job: JobSnapshot, review: ReviewDecisions | null) {
  return {
    id: job.id,
    status: job.status,
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
    ...(job.data.externalId !== undefined && { externalId: job.data.externalId }),
    ...(job.result !== undefined && { codeCount: job.result.codes.length }),
    review: review && { decisions: review.decisions.length, updatedAt: review.updatedAt ?? null },
  };
}

/** Answer to `GET /v1/jobs/:id/document`: the submitted text, exactly as evidence offsets index it. */
export function jobDocument(job: JobSnapshot) {
  return {
    id: job.id,
    ...(job.data.externalId !== undefined && { externalId: job.data.externalId }),
    text: job.data.text,
  };
}
