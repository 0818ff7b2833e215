import { Router, type Response } from 'express';
import { documentBody } from '../body-parsers.js';
import type { ApiConfig } from '../config.js';
import { notFound } from '../errors.js';
import { submitDocument, type IntakeDeps } from '../job-intake.js';
import { jobFailure, jobPath, jobReceipt } from '../job-view.js';
import type { JobSnapshot } from '../queue.js';
import { bodyLimitBytes, parseSubmission } from '../submission.js';

export interface DetectRoutesDeps extends IntakeDeps {
  config: IntakeDeps['config'] & Pick<ApiConfig, 'syncMaxDocumentChars' | 'syncTimeoutMs'>;
}

/**
 * `POST /v1/detect`: one short document coded while the client waits. It goes through the queue and
 * the workers like any job (same backpressure, same `Idempotency-Key`), and the answer is the
 * `DetectionResult` itself. When no worker finishes it within `syncTimeoutMs` the job stays queued
 * and the answer is 504 with where to poll it.
 */
export function detectRoutes(deps: DetectRoutesDeps): Router {
  const { queue, config } = deps;
  const router = Router();
  const parseBody = documentBody(bodyLimitBytes(config.syncMaxDocumentChars));

  router.post('/v1/detect', ...parseBody, async (req, res) => {
    const request = parseSubmission(req, config.syncMaxDocumentChars);
    const { job: submitted } = await submitDocument(deps, req, res, request, 'detect');
    res.locals.jobId = submitted.id;
    const finished = isFinished(submitted) ? submitted : await queue.waitUntilFinished(submitted.id, config.syncTimeoutMs);
    if (!finished) throw notFound('job_not_found', 'the job was removed before its result could be read');
    if (finished.status === 'completed') {
      res.set('Content-Location', `${jobPath(finished.id)}/result`).json(finished.result);
      return;
    }
    if (finished.status === 'failed') return sendJobError(res, 502, jobFailure(finished), finished);
    res.set('Retry-After', '1').location(jobPath(finished.id));
    sendJobError(res, 504, { code: 'detect_timeout', message: `no result within ${config.syncTimeoutMs} ms; the job goes on: poll it` }, finished);
  });

  return router;
}

const isFinished = (job: JobSnapshot) => job.status === 'completed' || job.status === 'failed';

/** The error shape, plus the job so the client can follow it. */
function sendJobError(res: Response, status: number, error: { code: string; message: string }, job: JobSnapshot): void {
  res.status(status).json({ error, job: jobReceipt(job) });
}
