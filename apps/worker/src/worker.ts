import { DETECT_QUEUE, type DetectionResult } from '@icd/contracts';
import { Worker } from 'bullmq';
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import type { WorkerConfig } from './config.js';
import type { DetectProcessor } from './processor.js';

export interface DetectWorkerOptions {
  config: Pick<
    WorkerConfig,
    | 'redisUrl'
    | 'queuePrefix'
    | 'concurrency'
    | 'resultRetentionSeconds'
    | 'failedRetentionSeconds'
    | 'maxRetainedJobs'
    | 'lockDurationMs'
    | 'stalledIntervalMs'
    | 'maxStalledCount'
  >;
  processor: DetectProcessor;
  logger: Logger;
  /** Defaults to true; tests pass false to register the worker before it takes jobs. */
  autorun?: boolean;
}

/**
 * The BullMQ worker on the detection queue. Finished jobs are removed by age and count (here rather
 * than per job, so the API need not know the retention policy) to keep results, which quote PHI,
 * from piling up in Redis.
 */
export function createDetectWorker({ config, processor, logger, autorun = true }: DetectWorkerOptions): Worker<unknown, DetectionResult> {
  const worker = new Worker<unknown, DetectionResult>(DETECT_QUEUE, processor, {
    connection: { url: config.redisUrl },
    prefix: config.queuePrefix,
    concurrency: config.concurrency,
    autorun,
    name: `${hostname()}:${process.pid}`,
    removeOnComplete: { age: config.resultRetentionSeconds, count: config.maxRetainedJobs },
    removeOnFail: { age: config.failedRetentionSeconds, count: config.maxRetainedJobs },
    lockDuration: config.lockDurationMs,
    stalledInterval: config.stalledIntervalMs,
    maxStalledCount: config.maxStalledCount,
  });
  logWorkerEvents(worker, logger);
  return worker;
}

function logWorkerEvents(worker: Worker<unknown, DetectionResult>, logger: Logger): void {
  // Failure reasons are written by the processor or BullMQ and name fields only, never text.
  worker.on('failed', (job, error) =>
    logger.warn({ jobId: job?.id, attemptsMade: job?.attemptsMade, reason: error.message }, 'job failed'),
  );
  // Seen by whichever worker's check finds it: the job's own worker died or stopped renewing its lock.
  worker.on('stalled', (jobId) => logger.warn({ jobId }, 'job stalled: its worker stopped renewing the lock; back in the queue'));
  // Connection errors repeat while Redis is away; BullMQ keeps reconnecting by itself.
  worker.on('error', (error) => logger.error({ errorName: error.name, errorMessage: error.message }, 'worker error'));
}

/**
 * Closes the worker on SIGTERM/SIGINT: `worker.close()` stops taking jobs and waits for the ones in
 * flight, so a deploy or Ctrl-C does not leave jobs to be detected as stalled. A second signal exits
 * at once for an operator who does not want to wait.
 */
export function closeOnSignals(close: () => Promise<void>, logger: Logger, signals: NodeJS.Signals[] = ['SIGTERM', 'SIGINT']): void {
  let closing = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) {
      logger.warn({ signal }, 'second signal: exiting without waiting for jobs in flight');
      process.exit(1);
    }
    closing = true;
    logger.info({ signal }, 'closing: finishing jobs in flight');
    close().then(
      () => {
        logger.info('closed');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ errorMessage: error instanceof Error ? error.message : String(error) }, 'close failed');
        process.exit(1);
      },
    );
  };
  for (const signal of signals) process.on(signal, onSignal);
}
