import { loadTerminology } from '@icd/terminology';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { createApp } from './app.js';
import { loadApiConfig } from './config.js';
import { createLogger } from './logger.js';
import { createApiMetrics } from './metrics.js';
import { createJobQueue, type JobQueue } from './queue.js';

/** API process: terminology loaded once, one BullMQ queue, one HTTP server. */
async function main(): Promise<void> {
  const config = loadApiConfig();
  const logger = createLogger(config.logLevel);
  const terminology = await loadTerminology({
    onProgress: (event) => logger.info({ phase: event.phase }, `terminology: ${event.message}`),
  });
  // Built now so the first search request does not pay for it.
  terminology.prepareSearch();
  // Until API keys exist every request is trusted: say so loudly rather than let it pass unnoticed.
  logger.warn('no API keys configured: open local mode, every request is accepted; do not expose this port');
  const queue = createJobQueue(config);
  const metrics = config.metricsEnabled ? createApiMetrics(queue) : undefined;
  const app = createApp({ config, queue, codes: terminology, logger, metrics });
  const server = app.listen(config.port, config.host, (error?: Error) => {
    if (error) {
      logger.fatal({ errorMessage: error.message }, 'cannot listen');
      process.exit(1);
    }
    const { port } = server.address() as AddressInfo;
    logger.info({ host: config.host, port, terminology: terminology.version.version, queuePrefix: config.queuePrefix }, 'api listening');
  });
  closeOnSignals(server, queue, logger);
}

/**
 * SIGTERM/SIGINT: stop accepting connections, let requests in flight finish, then close the queue.
 * A second signal exits at once.
 */
function closeOnSignals(server: Server, queue: JobQueue, logger: Logger): void {
  let closing = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) process.exit(1);
    closing = true;
    logger.info({ signal }, 'closing');
    server.close(() => {
      // An unreachable Redis must not keep the process from exiting.
      const giveUp = new Promise((resolve) => setTimeout(resolve, 5_000).unref());
      Promise.race([queue.close(), giveUp]).finally(() => {
        logger.info('closed');
        process.exit(0);
      });
    });
    server.closeIdleConnections();
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}

main().catch((error: unknown) => {
  process.stderr.write(`api: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
