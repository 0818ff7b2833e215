import express, { type Express } from 'express';
import type { Logger } from 'pino';
import type { ApiConfig } from './config.js';
import { createErrorHandler, notFoundHandler } from './error-handler.js';
import type { JobQueue } from './queue.js';
import { requestContext } from './request-context.js';
import { codeRoutes, type CodeCatalog } from './routes/codes.js';
import { healthRoutes } from './routes/health.js';
import { jobRoutes } from './routes/jobs.js';

export interface AppDeps {
  config: Pick<ApiConfig, 'maxDocumentChars' | 'queueLimit' | 'retryAfterSeconds'>;
  queue: JobQueue;
  codes: CodeCatalog;
  logger: Logger;
}

/** The HTTP API over a job queue and the terminology; it holds no state of its own. */
export function createApp({ config, queue, codes, logger }: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(requestContext(logger));
  app.use(healthRoutes(queue));
  app.use(jobRoutes({ queue, config }));
  app.use(codeRoutes(codes));
  app.use(notFoundHandler);
  app.use(createErrorHandler(config.retryAfterSeconds));
  return app;
}
