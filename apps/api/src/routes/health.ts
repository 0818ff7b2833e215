import { Router } from 'express';
import { QueueUnavailableError } from '../errors.js';
import type { JobQueue } from '../queue.js';

/**
 * `GET /healthz`: the process answers (liveness). `GET /readyz`: jobs submitted now would be
 * processed, i.e. Redis answers and at least one worker is connected to the queue (readiness).
 */
export function healthRoutes(queue: Pick<JobQueue, 'workerCount'>): Router {
  const router = Router();

  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/readyz', async (_req, res) => {
    let workers: number;
    try {
      workers = await queue.workerCount();
    } catch (error) {
      if (!(error instanceof QueueUnavailableError)) throw error;
      res.status(503).json({
        error: { code: 'redis_unavailable', message: 'Redis does not answer' },
        checks: { redis: 'unreachable', workers: null },
      });
      return;
    }
    if (workers === 0) {
      res.status(503).json({ error: { code: 'no_workers', message: 'no worker is connected to the queue' }, checks: { redis: 'ok', workers } });
      return;
    }
    res.json({ status: 'ready', checks: { redis: 'ok', workers } });
  });

  return router;
}
