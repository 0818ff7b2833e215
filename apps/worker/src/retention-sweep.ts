/**
 * The retention sweep each worker process runs. Redis itself deletes every job hash (document,
 * result, review) when its time-to-live runs out, `RETENTION_SECONDS` after submission, whether
 * or not any process runs. What that leaves behind is BullMQ's bookkeeping: the lists and sets that
 * name the job. A worker that took a waiting job whose hash had expired would even recreate it
 * (empty, without a time-to-live). So every worker regularly removes, with BullMQ's `clean`, the
 * jobs of every state but active that are older than the retention period, and ids whose hash is
 * gone. Several workers sweeping at once is harmless: each clean is one atomic script.
 */
import { DETECT_QUEUE } from '@icd/contracts';
import { Queue } from 'bullmq';
import type { Logger } from 'pino';
import type { WorkerConfig } from './config.js';

/** Every state a job can wait or rest in. Active jobs are the stalled-job check's business. */
const SWEPT_STATES = ['wait', 'prioritized', 'delayed', 'completed', 'failed'] as const;

export interface RetentionSweep {
  /** Sweeps now; resolves to the number of jobs removed. */
  sweep(): Promise<number>;
  /** Stops the timer, waits for a sweep in progress, and closes the sweep's connection. */
  stop(): Promise<void>;
}

/** A tenth of the retention period, between a second and an hour. */
export function sweepIntervalMs(retentionSeconds: number): number {
  return Math.min(3_600_000, Math.max(1_000, (retentionSeconds * 1_000) / 10));
}

type SweepConfig = Pick<WorkerConfig, 'redisUrl' | 'queuePrefix' | 'retentionSeconds'>;

/** Sweeps at once, then every {@link sweepIntervalMs}. Failures are logged and retried next time. */
export function startRetentionSweep(config: SweepConfig, logger: Logger, intervalMs = sweepIntervalMs(config.retentionSeconds)): RetentionSweep {
  const queue = new Queue(DETECT_QUEUE, { connection: { url: config.redisUrl }, prefix: config.queuePrefix });
  // Connection errors are the worker's to report; the next sweep simply tries again.
  queue.on('error', () => undefined);
  let running: Promise<number> | undefined;
  const sweep = () => (running ??= sweepOnce(queue, config.retentionSeconds).finally(() => (running = undefined)));
  const tick = () =>
    sweep().then(
      (removed) => removed > 0 && logger.info({ removed, retentionSeconds: config.retentionSeconds }, 'retention sweep removed expired jobs'),
      (error: unknown) => logger.warn({ errorMessage: error instanceof Error ? error.message : String(error) }, 'retention sweep failed'),
    );
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  void tick();
  return {
    sweep,
    stop: async () => {
      clearInterval(timer);
      await running?.catch(() => undefined);
      await queue.close();
    },
  };
}

async function sweepOnce(queue: Queue, retentionSeconds: number): Promise<number> {
  const counts = await queue.getJobCounts(...SWEPT_STATES);
  let removed = 0;
  for (const state of SWEPT_STATES) {
    // `clean` also writes a `cleaned` event: skip the states with nothing in them.
    if (!counts[state]) continue;
    // No limit: BullMQ cleans in scripts of at most 10,000 jobs each until none is left.
    removed += (await queue.clean(retentionSeconds * 1_000, 0, state)).length;
  }
  return removed;
}
