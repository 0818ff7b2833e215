import { Router, type Response } from 'express';
import { z } from 'zod';
import { audit } from '../audit.js';
import { tenantOfResponse } from '../auth.js';
import { documentBody } from '../body-parsers.js';
import type { ApiConfig } from '../config.js';
import { ApiError, fieldIssues, notFound, validationError } from '../errors.js';
import { submitDocument, type IntakeDeps } from '../job-intake.js';
import { jobDocument, jobFailure, jobListEntry, jobPath, jobReceipt, jobStatusView } from '../job-view.js';
import type { JobQueue, JobSnapshot } from '../queue.js';
import { tenantOfJob } from '../queue-tenants.js';
import { bodyLimitBytes, parseSubmission } from '../submission.js';

export interface JobRoutesDeps extends IntakeDeps {
  config: IntakeDeps['config'] & Pick<ApiConfig, 'maxDocumentChars'>;
}

/** Ids this API hands out (UUIDs, `idem-<hash>`, `idem-<hash>-<n>[-end]`); anything else cannot name a job. */
export const JOB_ID_PATTERN = /^[\w-]{1,128}$/;

const ListQuerySchema = z.strictObject({ limit: z.coerce.number().int().min(1).max(100).default(20) });

/** `POST /v1/jobs`, `GET /v1/jobs`, `GET /v1/jobs/:id`, `GET /v1/jobs/:id/result`, `GET /v1/jobs/:id/document`. */
export function jobRoutes(deps: JobRoutesDeps): Router {
  const { queue, config } = deps;
  const router = Router();
  const parseBody = documentBody(bodyLimitBytes(config.maxDocumentChars));

  router.post('/v1/jobs', ...parseBody, async (req, res) => {
    const request = parseSubmission(req, config.maxDocumentChars);
    const { job, replayed } = await submitDocument(deps, req, res, request, 'jobs');
    sendReceipt(res, job, replayed);
  });

  // The worklist: the caller's tenant's jobs only. Listing is not audited as reading: it shows no
  // text or result, only ids, states and counts.
  router.get('/v1/jobs', async (req, res) => {
    const parsed = ListQuerySchema.safeParse(req.query);
    if (!parsed.success) throw validationError(fieldIssues(parsed.error.issues));
    const jobs = await queue.listRecent(parsed.data.limit, tenantOfResponse(res));
    const reviews = await queue.reviewsOf(jobs.map((job) => job.id));
    res.json({ jobs: jobs.map((job, index) => jobListEntry(job, reviews[index])) });
  });

  router.get('/v1/jobs/:id', async (req, res) => {
    const job = await findJobOr404(queue, req.params.id, res);
    audit(res, 'read', job.id);
    res.json(jobStatusView(job));
  });

  router.get('/v1/jobs/:id/result', async (req, res) => {
    const job = await findJobOr404(queue, req.params.id, res);
    audit(res, 'read', job.id);
    if (job.status === 'completed') return void res.json(job.result);
    if (job.status === 'failed') throw new ApiError(409, jobFailure(job).code, jobFailure(job).message);
    // Detection takes milliseconds once a worker picks the job up: poll again soon.
    res.status(202).set('Retry-After', '1').json(jobReceipt(job));
  });

  // The text itself, for the review UI: the only answer that returns a submitted document.
  router.get('/v1/jobs/:id/document', async (req, res) => {
    const job = await findJobOr404(queue, req.params.id, res);
    audit(res, 'read', job.id);
    res.json(jobDocument(job));
  });

  return router;
}

function sendReceipt(res: Response, job: JobSnapshot, replayed: boolean): void {
  res.locals.jobId = job.id;
  if (replayed) res.set('Idempotent-Replayed', 'true');
  res.status(202).location(jobPath(job.id)).json(jobReceipt(job));
}

/**
 * The caller's job, or 404. Another tenant's job is answered exactly as a missing one, so that a
 * caller cannot even learn that an id exists.
 */
export async function findJobOr404(queue: JobQueue, id: string, res: Response): Promise<JobSnapshot> {
  const tenant = tenantOfResponse(res);
  const found = JOB_ID_PATTERN.test(id) ? await queue.find(id) : null;
  const job = found && tenantOfJob(found.data) === tenant ? found : null;
  if (!job) throw notFound('job_not_found', 'no job with this id (finished jobs are kept for a limited time)');
  res.locals.jobId = job.id;
  return job;
}
