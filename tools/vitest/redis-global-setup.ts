/**
 * Vitest global setup for the projects whose integration tests need Redis (api, worker): makes sure
 * one answers on REDIS_URL (default 127.0.0.1:6379), starting a throwaway `redis-server` for the run
 * when none does, and hands its URL to the tests through REDIS_URL.
 */
import { DEFAULT_REDIS_URL, describeRedisUrl, ensureRedis, type LocalRedis } from '../local-redis.js';

interface SharedRedis {
  redis: Promise<LocalRedis>;
  users: number;
}

// Each project runs this setup; the projects share one process, so they share one Redis too.
const registry = globalThis as typeof globalThis & { __icdTestRedis?: SharedRedis };

export default async function setupRedis(): Promise<() => Promise<void>> {
  const shared = (registry.__icdTestRedis ??= { redis: startOnce(), users: 0 });
  shared.users += 1;
  const redis = await shared.redis;
  process.env.REDIS_URL = redis.url;
  return async () => {
    shared.users -= 1;
    if (shared.users > 0) return;
    delete registry.__icdTestRedis;
    await redis.stop();
  };
}

async function startOnce(): Promise<LocalRedis> {
  const redis = await ensureRedis(process.env.REDIS_URL || DEFAULT_REDIS_URL);
  if (redis.started) process.stderr.write(`test setup: no Redis answered; started redis-server on ${describeRedisUrl(redis.url)} for this run\n`);
  return redis;
}
