import { DETECT_QUEUE, type DetectJobOutcome } from '@icd/contracts';
import { Worker, type Job } from 'bullmq';
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import type { WorkerConfig } from './config.js';
import type { DetectProcessor } from './processor.js';
import { storeSealedResult } from './result-store.js';

export interface DetectWorkerOptions {
  config: Pick<
    WorkerConfig,
    | 'redisUrl'
    | 'queuePrefix'
    | 'concurrency'
    | 'retentionSeconds'
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

export type DetectWorker = Worker<unknown, DetectJobOutcome>;

/**
 * The BullMQ worker on the detection queue. Each result is sealed and stored in its job's hash,
 * which expires with the job; BullMQ gets only `{ result: 'stored' }` as the job's return value
 * (it copies that into the event stream). Finished jobs are removed by age and count too, so that
 * BullMQ's sets do not keep naming jobs whose hash has expired.
 */
export function createDetectWorker({ config, processor, logger, autorun = true }: DetectWorkerOptions): DetectWorker {
  const run = async (job: Job<unknown, DetectJobOutcome>): Promise<DetectJobOutcome> => {
    const processed = await processor(job);
    if ('deleted' in processed) return { result: 'discarded' };
    const stored = await storeSealedResult(worker, job.id ?? '', processed.sealedResult, config.retentionSeconds);
    return { result: stored ? 'stored' : 'discarded' };
  };
  const worker: DetectWorker = new Worker<unknown, DetectJobOutcome>(DETECT_QUEUE, run, {
    connection: { url: config.redisUrl },
    prefix: config.queuePrefix,
    concurrency: config.concurrency,
    autorun,
    name: `${hostname()}:${process.pid}`,
    removeOnComplete: { age: config.retentionSeconds, count: config.maxRetainedJobs },
    removeOnFail: { age: config.retentionSeconds, count: config.maxRetainedJobs },
    lockDuration: config.lockDurationMs,
    stalledInterval: config.stalledIntervalMs,
    maxStalledCount: config.maxStalledCount,
  });
  logWorkerEvents(worker, logger);
  removeDiscardedJobs(worker, logger);
  return worker;
}

/**
 * A job deleted while this worker held it (its content already erased by the API) goes as soon as
 * it is finished and no longer locked.
 */
function removeDiscardedJobs(worker: DetectWorker, logger: Logger): void {
  worker.on('completed', (job, outcome) => {
    if (outcome?.result !== 'discarded') return;
    job.remove().then(
      () => logger.info({ jobId: job.id }, 'deleted job removed'),
      (error: unknown) => logger.warn({ jobId: job.id, errorMessage: error instanceof Error ? error.message : String(error) }, 'deleted job not removed'),
    );
  });
}

function logWorkerEvents(worker: DetectWorker, logger: Logger): void {
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
