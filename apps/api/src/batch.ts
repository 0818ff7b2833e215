import { DetectionRequestSchema, type DetectionRequest } from '@icd/contracts';
import type { Request } from 'express';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ApiError, fieldIssues, validationError, type FieldIssue } from './errors.js';
import { idempotencyKeyReused } from './job-intake.js';
import type { JobQueue, JobSnapshot } from './queue.js';
import { JSON_TYPES, jobIdFor, textProblem } from './submission.js';

/** Most documents one `POST /v1/jobs:batch` may carry. */
export const MAX_BATCH_DOCUMENTS = 100;

/** The envelope only: each document is checked on its own, so that problems name its index. */
const BatchEnvelopeSchema = z.strictObject({
  documents: z.array(z.unknown()).min(1).max(MAX_BATCH_DOCUMENTS),
});

export interface BatchLimits {
  maxDocumentChars: number;
  maxBatchChars: number;
}

/**
 * The documents of a `POST /v1/jobs:batch` body, each checked like a `POST /v1/jobs` body: 415 for a
 * non-JSON body, 413 for a document over the limit (or a batch over its total), 400 with
 * `documents.<index>.<field>` otherwise.
 */
export function parseBatch(req: Request, limits: BatchLimits): DetectionRequest[] {
  const kind = req.is(JSON_TYPES);
  if (kind === null) throw validationError([{ field: 'documents', message: 'a request body is required' }]);
  if (kind === false) throw new ApiError(415, 'unsupported_media_type', 'send application/json: { "documents": [DetectionRequest, ...] }');
  const envelope = BatchEnvelopeSchema.safeParse(req.body);
  if (!envelope.success) throw validationError(fieldIssues(envelope.error.issues));
  const { documents } = envelope.data;
  documents.forEach((document, index) => rejectLongDocument(document, index, limits.maxDocumentChars));
  const issues: FieldIssue[] = [];
  const requests = documents.map((document, index) => {
    const parsed = DetectionRequestSchema.safeParse(document);
    if (!parsed.success) {
      issues.push(...fieldIssues(parsed.error.issues.map((issue) => ({ ...issue, path: ['documents', index, ...issue.path] }))));
      return undefined;
    }
    const problem = textProblem(parsed.data.text);
    if (problem) issues.push({ field: `documents.${index}.text`, message: problem });
    return parsed.data;
  });
  if (issues.length > 0) throw validationError(issues);
  rejectLongBatch(requests as DetectionRequest[], limits.maxBatchChars);
  return requests as DetectionRequest[];
}

function rejectLongDocument(document: unknown, index: number, maxChars: number): void {
  const text = typeof document === 'object' && document !== null ? (document as { text?: unknown }).text : undefined;
  if (typeof text === 'string' && text.length > maxChars) {
    throw new ApiError(413, 'document_too_long', `document ${index}: text has ${text.length} characters; the limit is ${maxChars}`, {
      field: `documents.${index}.text`,
    });
  }
}

function rejectLongBatch(requests: DetectionRequest[], maxChars: number): void {
  const total = requests.reduce((sum, request) => sum + request.text.length, 0);
  if (total > maxChars) {
    throw new ApiError(413, 'batch_too_long', `the documents have ${total} characters in all; the limit is ${maxChars}`, {
      field: 'documents',
    });
  }
}

/**
 * Job ids for a batch of `count` documents: random without an `Idempotency-Key`. With one, derived
 * from the key (as `POST /v1/jobs` derives its id) plus `-<index>`, the last one `-<index>-end`: a
 * repeated batch lands on the same jobs, and the jobs tell how long the batch first sent was.
 */
export function batchJobIds(tenant: string, idempotencyKey: string | undefined, count: number): string[] {
  if (idempotencyKey === undefined) return Array.from({ length: count }, () => randomUUID());
  const base = jobIdFor(tenant, idempotencyKey);
  return Array.from({ length: count }, (_, index) => (index === count - 1 ? `${base}-${index}-end` : `${base}-${index}`));
}

/** Ids that exist only if the key was first used for a batch longer or shorter than `count`. */
function otherLengthIds(tenant: string, idempotencyKey: string, count: number): string[] {
  const base = jobIdFor(tenant, idempotencyKey);
  const longer = `${base}-${count - 1}`;
  const shorter = Array.from({ length: count - 1 }, (_, index) => `${base}-${index}-end`);
  return [longer, ...shorter];
}

/**
 * The jobs of an earlier batch with the same key, in order, when all of them are there; null when
 * none or only some are, and the batch is to be added (again). Only some: a concurrent request with
 * the same batch is adding it (`addBulk` is one pipeline, not a transaction), an earlier attempt was
 * cut short, or retention removed some; adding keeps the jobs that exist. 422 when the key was used
 * for other documents or another number of them.
 */
export async function findBatchReplay(queue: JobQueue, tenant: string, idempotencyKey: string, requests: DetectionRequest[]): Promise<JobSnapshot[] | null> {
  const findAll = (ids: string[]) => Promise.all(ids.map((id) => queue.find(id)));
  const [existing, otherLength] = await Promise.all([
    findAll(batchJobIds(tenant, idempotencyKey, requests.length)),
    findAll(otherLengthIds(tenant, idempotencyKey, requests.length)),
  ]);
  if (otherLength.some((job) => job !== null)) throw idempotencyKeyReused();
  existing.forEach((job, index) => {
    if (job && !queue.isSameRequest(job, requests[index])) throw idempotencyKeyReused();
  });
  return existing.every((job) => job !== null) ? (existing as JobSnapshot[]) : null;
}

/** The jobs, provided each was made from the document at its index (a concurrent batch may have won). */
export function checkedBatchReplay(queue: Pick<JobQueue, 'isSameRequest'>, jobs: JobSnapshot[], requests: DetectionRequest[]): JobSnapshot[] {
  if (jobs.some((job, index) => !queue.isSameRequest(job, requests[index]))) throw idempotencyKeyReused();
  return jobs;
}
