/**
 * BullMQ's own ceiling on a Redis: jobs with an empty processor, the same worker options as the
 * service (concurrency, retention), on a queue of their own under the benchmark's prefix.
 */
import { Queue, Worker } from 'bullmq';

export interface NoopOptions {
  redisUrl: string;
  queuePrefix: string;
  jobs: number;
  workers: number;
  concurrency: number;
}

export interface NoopResult {
  /** Jobs added per second (addBulk, 500 a call). */
  addedPerSecond: number;
  /** Jobs completed per second by the no-op workers, from a full queue. */
  completedPerSecond: number;
}

export async function noopThroughput({ redisUrl, queuePrefix, jobs, workers, concurrency }: NoopOptions): Promise<NoopResult> {
  const connection = { url: redisUrl };
  const queue = new Queue('bench-noop', { connection, prefix: queuePrefix });
  const pool = Array.from(
    { length: workers },
    () =>
      new Worker('bench-noop', async () => undefined, {
        connection,
        prefix: queuePrefix,
        concurrency,
        autorun: false,
        removeOnComplete: { age: 3_600, count: 10_000 },
      }),
  );
  try {
    const addStarted = performance.now();
    for (let first = 0; first < jobs; first += 500) {
      const batch = Array.from({ length: Math.min(500, jobs - first) }, (_, offset) => ({ name: 'noop', data: { n: first + offset } }));
      await queue.addBulk(batch);
    }
    const addSeconds = (performance.now() - addStarted) / 1000;
    await Promise.all(pool.map((worker) => worker.waitUntilReady()));

    let completed = 0;
    const allDone = new Promise<void>((resolve) => {
      for (const worker of pool) worker.on('completed', () => ++completed === jobs && resolve());
    });
    const started = performance.now();
    for (const worker of pool) void worker.run();
    await allDone;
    const seconds = (performance.now() - started) / 1000;
    return { addedPerSecond: jobs / addSeconds, completedPerSecond: jobs / seconds };
  } finally {
    await Promise.all(pool.map((worker) => worker.close()));
    await queue.obliterate({ force: true });
    await queue.close();
  }
}
