import { Router } from 'express';
import { audit } from '../audit.js';
import { notFound } from '../errors.js';
import { tenantOf } from '../job-intake.js';
import type { JobQueue } from '../queue.js';
import { JOB_ID_PATTERN } from './jobs.js';

/**
 * `DELETE /v1/jobs/:id`: the caller's job (document, result, review) goes at once; 204. A missing
 * job and another tenant's job both answer 404. A job a worker is coding right now (milliseconds,
 * usually) has its content erased at once as well and answers 204 too; the worker then discards its
 * result and removes what is left (ids and times) as soon as it finishes.
 */
export function deleteJobRoutes(queue: Pick<JobQueue, 'remove'>): Router {
  const router = Router();

  router.delete('/v1/jobs/:id', async (req, res) => {
    const id = req.params.id;
    const removal = JOB_ID_PATTERN.test(id) ? await queue.remove(id, tenantOf(req)) : 'missing';
    if (removal === 'missing') throw notFound('job_not_found', 'no job with this id (finished jobs are kept for a limited time)');
    res.locals.jobId = id;
    audit(res, 'delete', id);
    res.status(204).end();
  });

  return router;
}
