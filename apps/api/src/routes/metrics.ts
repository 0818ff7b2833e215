import { Router } from 'express';
import type { Registry } from 'prom-client';

/** `GET /metrics`: the registry in Prometheus text format (queue depth is read from Redis now). */
export function metricsRoutes(registry: Registry): Router {
  const router = Router();

  router.get('/metrics', async (_req, res) => {
    const text = await registry.metrics();
    res.set('Content-Type', registry.contentType).send(text);
  });

  return router;
}
