/** Helpers for the worker's integration tests: a private queue prefix on the test Redis. */
import type { Queue } from 'bullmq';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { DEFAULT_REDIS_URL } from '../config.js';

/** The Redis the global setup made sure of. */
export function testRedisUrl(): string {
  return process.env.REDIS_URL || DEFAULT_REDIS_URL;
}

/** A key prefix no other test run uses, so runs never see each other's jobs or workers. */
export function randomQueuePrefix(): string {
  return `test-${randomBytes(6).toString('hex')}`;
}

/** Deletes every key under `prefix` (BullMQ keeps a queue's keys under `<prefix>:<queue>:`). */
export async function deleteKeysUnder(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl);
  try {
    for await (const keys of redis.scanStream({ match: `${prefix}:*`, count: 500 })) {
      if ((keys as string[]).length) await redis.unlink(...(keys as string[]));
    }
  } finally {
    redis.disconnect();
  }
}

/** Polls until the job is completed or failed, then returns it. */
export async function waitForFinishedJob<R>(queue: Queue<unknown, R>, id: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    // State before the job hash, so a finished state always comes with the finished job's fields.
    const state = await queue.getJobState(id);
    const job = state === 'completed' || state === 'failed' ? await queue.getJob(id) : undefined;
    if (job) return { job, state };
    if (Date.now() > deadline) throw new Error(`job ${id} is still ${state} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
