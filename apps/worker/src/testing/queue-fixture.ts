import { afterAll, beforeAll } from 'vitest';
import { openQueue, trackCompletions, type CompletionTracker, type DetectQueue } from './job-tracking.js';
import { deleteKeysUnder, randomQueuePrefix, testRedisUrl } from './test-queue.js';
import type { WorkerProcess } from './worker-process.js';

/** What a fault-tolerance test works with; `queue` and `tracker` are there once its `beforeAll` ran. */
export interface QueueFixture {
  readonly redisUrl: string;
  readonly queuePrefix: string;
  /** Environment that points a worker or API process at this queue. */
  readonly env: { REDIS_URL: string; QUEUE_PREFIX: string };
  /** Worker processes the test starts: push them here and they are stopped after the file's tests. */
  readonly workers: WorkerProcess[];
  readonly queue: DetectQueue;
  readonly tracker: CompletionTracker;
}

/**
 * A queue under a fresh prefix on the test Redis with a completion tracker on it, opened before the
 * file's tests; afterwards its workers are stopped and everything under the prefix is deleted.
 * After-hooks run last-registered first, so processes a test file stops in its own `afterAll`
 * (an API) are gone before the queue closes.
 */
export function useQueueFixture(): QueueFixture {
  const redisUrl = testRedisUrl();
  const queuePrefix = randomQueuePrefix();
  const workers: WorkerProcess[] = [];
  let queue: DetectQueue | undefined;
  let tracker: CompletionTracker | undefined;
  beforeAll(async () => {
    queue = openQueue(redisUrl, queuePrefix);
    tracker = await trackCompletions(redisUrl, queuePrefix);
  });
  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.stop()));
    await tracker?.close();
    await queue?.close();
    await deleteKeysUnder(redisUrl, queuePrefix);
  });
  return {
    redisUrl,
    queuePrefix,
    env: { REDIS_URL: redisUrl, QUEUE_PREFIX: queuePrefix },
    workers,
    get queue() {
      if (!queue) throw new Error('the queue fixture is used before its beforeAll ran');
      return queue;
    },
    get tracker() {
      if (!tracker) throw new Error('the queue fixture is used before its beforeAll ran');
      return tracker;
    },
  };
}
