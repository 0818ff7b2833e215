import type { DetectionRequest } from '@icd/contracts';
import type { Request, Response } from 'express';
import { audit } from './audit.js';
import { tenantOfResponse } from './auth.js';
import type { ApiConfig } from './config.js';
import { ApiError } from './errors.js';
import type { ApiMetrics, SubmitEndpoint } from './metrics.js';
import type { JobQueue, JobSnapshot } from './queue.js';
import { idempotencyKeyOf, jobDataFor, jobIdFor } from './submission.js';

/** What every route that puts documents on the queue needs. */
export interface IntakeDeps {
  queue: JobQueue;
  config: Pick<ApiConfig, 'queueLimit' | 'retryAfterSeconds'>;
  /** Absent when metrics are disabled. */
  metrics?: ApiMetrics;
}

export interface Intake {
  job: JobSnapshot;
  /** True when an `Idempotency-Key` named a job that already existed. */
  replayed: boolean;
}

/**
 * Whose request this is: the tenant of the API key that authentication accepted (the one `local`
 * tenant in open local mode). Jobs, idempotency keys and the worklist are all scoped by it.
 */
export function tenantOf(req: Request): string {
  return tenantOfResponse(req.res!);
}

/**
 * One document onto the queue: the existing job for a repeated `Idempotency-Key` (even when the queue
 * is full), otherwise a new job once the queue has room (429 when it has not).
 */
export async function submitDocument(deps: IntakeDeps, req: Request, res: Response, request: DetectionRequest, endpoint: SubmitEndpoint): Promise<Intake> {
  const { queue } = deps;
  const idempotencyKey = idempotencyKeyOf(req);
  const tenant = tenantOf(req);
  const jobId = jobIdFor(tenant, idempotencyKey);
  if (idempotencyKey !== undefined) {
    const existing = await queue.find(jobId);
    if (existing) {
      checkedReplay(queue, existing, request);
      audit(res, 'submit', existing.id);
      return { job: existing, replayed: true };
    }
  }
  await ensureCapacity(deps);
  const job = await queue.submit(jobDataFor(request, jobId, tenant));
  // A concurrent submission with the same key may have created the job first.
  if (idempotencyKey !== undefined) checkedReplay(queue, job, request);
  deps.metrics?.jobsSubmitted.inc({ endpoint });
  res.locals.jobId = job.id;
  audit(res, 'submit', job.id);
  res.locals.log.info({ jobId: job.id, endpoint, chars: request.text.length, idempotent: idempotencyKey !== undefined }, 'job submitted');
  return { job, replayed: false };
}

/** The stored job for a repeated key, provided it was made from the same request. */
export function checkedReplay(queue: Pick<JobQueue, 'isSameRequest'>, job: JobSnapshot, request: DetectionRequest): JobSnapshot {
  if (!queue.isSameRequest(job, request)) throw idempotencyKeyReused();
  return job;
}

export function idempotencyKeyReused(): ApiError {
  return new ApiError(422, 'idempotency_key_reused', 'this Idempotency-Key was already used with a different request', {
    field: 'Idempotency-Key',
  });
}

/** Backpressure: refuse new work while the queue already holds `queueLimit` waiting jobs. */
export async function ensureCapacity({ queue, config }: IntakeDeps): Promise<void> {
  const waiting = await queue.waitingCount();
  if (waiting >= config.queueLimit) {
    throw new ApiError(429, 'queue_full', `${waiting} jobs are waiting; retry later`, {
      headers: { 'Retry-After': String(config.retryAfterSeconds) },
    });
  }
}
