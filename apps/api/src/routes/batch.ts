import { Router, type Response } from 'express';
import { audit } from '../audit.js';
import { batchJobIds, checkedBatchReplay, findBatchReplay, parseBatch } from '../batch.js';
import { jsonBody } from '../body-parsers.js';
import type { ApiConfig } from '../config.js';
import { ensureCapacity, tenantOf, type IntakeDeps } from '../job-intake.js';
import { batchEntry } from '../job-view.js';
import type { JobSnapshot } from '../queue.js';
import { bodyLimitBytes, idempotencyKeyOf, jobDataFor } from '../submission.js';

export interface BatchRoutesDeps extends IntakeDeps {
  config: IntakeDeps['config'] & Pick<ApiConfig, 'maxDocumentChars' | 'maxBatchChars'>;
}

/**
 * The batch route's path. Express 5 reads `:name` as a parameter anywhere in a path, so the colon of
 * the Google-style custom method is escaped: only `/v1/jobs:batch` itself matches.
 */
export const BATCH_ROUTE = '/v1/jobs\\:batch';

/**
 * `POST /v1/jobs:batch`: up to `MAX_BATCH_DOCUMENTS` documents in, one job each, all added with one
 * BullMQ `addBulk`; 202 with the jobs in document order.
 */
export function batchRoutes(deps: BatchRoutesDeps): Router {
  const { queue, config } = deps;
  const router = Router();
  // JSON can spend six bytes per character; the character limits proper are checked after parsing.
  const parseJson = jsonBody(bodyLimitBytes(config.maxBatchChars));

  router.post(BATCH_ROUTE, parseJson, async (req, res) => {
    const requests = parseBatch(req, config);
    const idempotencyKey = idempotencyKeyOf(req);
    const tenant = tenantOf(req);
    const ids = batchJobIds(tenant, idempotencyKey, requests.length);
    if (idempotencyKey !== undefined) {
      const replay = await findBatchReplay(queue, tenant, idempotencyKey, requests);
      if (replay) return sendBatchReceipt(res, replay, true);
    }
    await ensureCapacity(deps);
    const submittedAt = new Date();
    const jobs = await queue.submitMany(requests.map((request, index) => jobDataFor(request, ids[index], tenant, submittedAt)));
    if (idempotencyKey !== undefined) checkedBatchReplay(queue, jobs, requests);
    deps.metrics?.jobsSubmitted.inc({ endpoint: 'batch' }, jobs.length);
    const chars = requests.reduce((sum, request) => sum + request.text.length, 0);
    res.locals.log.info({ jobs: jobs.length, firstJobId: jobs[0].id, chars, idempotent: idempotencyKey !== undefined }, 'batch submitted');
    sendBatchReceipt(res, jobs, false);
  });

  return router;
}

function sendBatchReceipt(res: Response, jobs: JobSnapshot[], replayed: boolean): void {
  audit(res, 'submit', jobs.map((job) => job.id));
  if (replayed) res.set('Idempotent-Replayed', 'true');
  res.status(202).json({ jobs: jobs.map(batchEntry) });
}
