import type { DetectionRequest } from '@icd/contracts';
import express, { Router, type Request, type Response } from 'express';
import type { ApiConfig } from '../config.js';
import { ApiError, notFound } from '../errors.js';
import { jobFailure, jobPath, jobReceipt, jobStatusView } from '../job-view.js';
import type { JobQueue, JobSnapshot } from '../queue.js';
import {
  JSON_TYPES,
  TEXT_TYPES,
  bodyLimitBytes,
  idempotencyKeyOf,
  isSameRequest,
  jobDataFor,
  jobIdFor,
  parseSubmission,
} from '../submission.js';

export interface JobRoutesDeps {
  queue: JobQueue;
  config: Pick<ApiConfig, 'maxDocumentChars' | 'queueLimit' | 'retryAfterSeconds'>;
}

/** Ids this API hands out (UUIDs and `idem-<hash>`); anything else cannot name a job. */
const JOB_ID_PATTERN = /^[\w-]{1,128}$/;

/**
 * Whose request this is. There is no authentication yet, so every caller is the one local tenant;
 * idempotency keys are already scoped by tenant so that adding auth changes only this function.
 */
function tenantOf(_req: Request): string {
  return 'local';
}

/** `POST /v1/jobs`, `GET /v1/jobs/:id`, `GET /v1/jobs/:id/result`. */
export function jobRoutes({ queue, config }: JobRoutesDeps): Router {
  const router = Router();
  const limit = bodyLimitBytes(config.maxDocumentChars);
  const parseBody = [express.json({ limit, type: JSON_TYPES }), express.text({ limit, type: TEXT_TYPES })];

  router.post('/v1/jobs', ...parseBody, async (req, res) => {
    const request = parseSubmission(req, config.maxDocumentChars);
    const idempotencyKey = idempotencyKeyOf(req);
    const jobId = jobIdFor(tenantOf(req), idempotencyKey);
    if (idempotencyKey !== undefined) {
      const existing = await queue.find(jobId);
      if (existing) return sendReceipt(res, checkedReplay(existing, request), true);
    }
    await ensureCapacity(queue, config);
    const job = await queue.submit(jobDataFor(request, jobId));
    // A concurrent submission with the same key may have created the job first.
    if (idempotencyKey !== undefined) checkedReplay(job, request);
    res.locals.log.info({ jobId: job.id, chars: request.text.length, idempotent: idempotencyKey !== undefined }, 'job submitted');
    sendReceipt(res, job, false);
  });

  router.get('/v1/jobs/:id', async (req, res) => {
    const job = await findJobOr404(queue, req.params.id, res);
    res.json(jobStatusView(job));
  });

  router.get('/v1/jobs/:id/result', async (req, res) => {
    const job = await findJobOr404(queue, req.params.id, res);
    if (job.status === 'completed') return void res.json(job.result);
    if (job.status === 'failed') throw new ApiError(409, jobFailure(job).code, jobFailure(job).message);
    // Detection takes milliseconds once a worker picks the job up: poll again soon.
    res.status(202).set('Retry-After', '1').json(jobReceipt(job));
  });

  return router;
}

function sendReceipt(res: Response, job: JobSnapshot, replayed: boolean): void {
  res.locals.jobId = job.id;
  if (replayed) res.set('Idempotent-Replayed', 'true');
  res.status(202).location(jobPath(job.id)).json(jobReceipt(job));
}

/** The stored job for a repeated key, provided it was made from the same request. */
function checkedReplay(job: JobSnapshot, request: DetectionRequest): JobSnapshot {
  if (!isSameRequest(job.data, request)) {
    throw new ApiError(422, 'idempotency_key_reused', 'this Idempotency-Key was already used with a different request', {
      field: 'Idempotency-Key',
    });
  }
  return job;
}

/** Backpressure: refuse new work while the queue already holds `queueLimit` waiting jobs. */
async function ensureCapacity(queue: JobQueue, config: JobRoutesDeps['config']): Promise<void> {
  const waiting = await queue.waitingCount();
  if (waiting >= config.queueLimit) {
    throw new ApiError(429, 'queue_full', `${waiting} jobs are waiting; retry later`, {
      headers: { 'Retry-After': String(config.retryAfterSeconds) },
    });
  }
}

async function findJobOr404(queue: JobQueue, id: string, res: Response): Promise<JobSnapshot> {
  const job = JOB_ID_PATTERN.test(id) ? await queue.find(id) : null;
  if (!job) throw notFound('job_not_found', 'no job with this id (finished jobs are kept for a limited time)');
  res.locals.jobId = job.id;
  return job;
}
