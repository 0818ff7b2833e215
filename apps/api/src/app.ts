import express, { type Express } from 'express';
import type { Logger } from 'pino';
import type { ApiConfig } from './config.js';
import { createErrorHandler, notFoundHandler } from './error-handler.js';
import { httpMetrics, type ApiMetrics } from './metrics.js';
import { buildOpenApiDocument } from './openapi/document.js';
import type { JobQueue } from './queue.js';
import { requestContext } from './request-context.js';
import { batchRoutes } from './routes/batch.js';
import { codeRoutes, type CodeCatalog } from './routes/codes.js';
import { detectRoutes } from './routes/detect.js';
import { docsRoutes } from './routes/docs.js';
import { healthRoutes } from './routes/health.js';
import { jobRoutes } from './routes/jobs.js';
import { metricsRoutes } from './routes/metrics.js';
import { reviewRoutes } from './routes/review.js';
import { webRoutes } from './routes/web.js';

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
  >;
  queue: JobQueue;
  codes: CodeCatalog;
  logger: Logger;
  /** Made by {@link createApiMetrics} when `config.metricsEnabled`; no `/metrics` without it. */
  metrics?: ApiMetrics;
}

/**
 * The HTTP API over a job queue and the terminology, and the review UI that uses it; apart from its
 * metrics it holds no state.
 */
export function createApp({ config, queue, codes, logger, metrics }: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(requestContext(logger));
  if (metrics) app.use(httpMetrics(metrics.httpRequestDuration));
  // Public: probes, scrapes and documentation stay unauthenticated once authentication comes in,
  // which is to be mounted after them.
  app.use(healthRoutes(queue));
  if (metrics) app.use(metricsRoutes(metrics.registry));
  app.use(docsRoutes(buildOpenApiDocument({ ...config, metricsEnabled: metrics !== undefined })));
  const intake = { queue, config, metrics };
  app.use(jobRoutes(intake));
  app.use(batchRoutes(intake));
  app.use(detectRoutes(intake));
  app.use(reviewRoutes({ queue, codes }));
  app.use(codeRoutes(codes));
  app.use(webRoutes(config.webDistDir));
  app.use(notFoundHandler);
  app.use(createErrorHandler(config.retryAfterSeconds));
  return app;
}
