import express, { type Express, type RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { ApiKeyStore } from './api-keys.js';
import { authenticate } from './auth.js';
import type { ApiConfig } from './config.js';
import { createErrorHandler, notFoundHandler } from './error-handler.js';
import { httpMetrics, type ApiMetrics } from './metrics.js';
import { buildOpenApiDocument } from './openapi/document.js';
import type { JobQueue } from './queue.js';
import type { RateLimiter } from './rate-limit.js';
import { requestContext } from './request-context.js';
import { batchRoutes } from './routes/batch.js';
import { codeRoutes, type CodeCatalog } from './routes/codes.js';
import { deleteJobRoutes } from './routes/delete-job.js';
import { detectRoutes } from './routes/detect.js';
import { docsRoutes } from './routes/docs.js';
import { healthRoutes } from './routes/health.js';
import { jobRoutes } from './routes/jobs.js';
import { metricsRoutes } from './routes/metrics.js';
import { redactRoutes } from './routes/redact.js';
import { reviewRoutes } from './routes/review.js';
import { webRoutes } from './routes/web.js';
import { corsPolicy, securityHeaders } from './security.js';

export interface AppDeps {
  config: Pick<
    ApiConfig,
    | 'maxDocumentChars'
    | 'maxBatchChars'
    | 'syncMaxDocumentChars'
    | 'syncTimeoutMs'
    | 'queueLimit'
    | 'retryAfterSeconds'
    | 'metricsEnabled'
    | 'webDistDir'
    | 'metricsRequireAuth'
    | 'corsOrigins'
  >;
  queue: JobQueue;
  codes: CodeCatalog;
  logger: Logger;
  /** Made by {@link createApiMetrics} when `config.metricsEnabled`; no `/metrics` without it. */
  metrics?: ApiMetrics;
  /** The API keys `/v1` takes; null is open local mode, where every caller is the tenant `local`. */
  keys: ApiKeyStore | null;
  /** Limits per API key; none without it. */
  rateLimiter?: RateLimiter;
}

/**
 * The HTTP API over a job queue and the terminology, and the review UI that uses it; apart from its
 * metrics it holds no state.
 */
export function createApp({ config, queue, codes, logger, metrics, keys, rateLimiter }: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(requestContext(logger));
  app.use(securityHeaders());
  app.use(corsPolicy(config.corsOrigins));
  if (metrics) app.use(httpMetrics(metrics.httpRequestDuration));
  // Public: probes, documentation and the UI's pages and assets (which hold no data: the pages ask
  // for a key and call /v1 with it). Metrics too, unless METRICS_REQUIRE_AUTH.
  app.use(healthRoutes(queue));
  if (metrics && config.metricsRequireAuth) app.use('/metrics', authenticate(keys));
  if (metrics) app.use(metricsRoutes(metrics.registry));
  app.use(docsRoutes(buildOpenApiDocument({ ...config, metricsEnabled: metrics !== undefined })));
  app.use(webRoutes(config.webDistDir));
  // Everything under /v1 needs a key, even a path that does not exist (401 before 404).
  const guards: RequestHandler[] = [authenticate(keys), ...(rateLimiter ? [rateLimiter.middleware] : [])];
  app.use('/v1', ...guards);
  const intake = { queue, config, metrics };
  app.use(jobRoutes(intake));
  app.use(batchRoutes(intake));
  app.use(detectRoutes(intake));
  app.use(reviewRoutes({ queue, codes }));
  app.use(deleteJobRoutes(queue));
  app.use(redactRoutes(config));
  app.use(codeRoutes(codes));
  app.use(notFoundHandler);
  app.use(createErrorHandler(config.retryAfterSeconds));
  return app;
}
