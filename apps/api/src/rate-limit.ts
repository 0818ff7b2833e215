import type { RequestHandler, Response } from 'express';
import { Redis } from 'ioredis';
import { once } from 'node:events';
import type { Logger } from 'pino';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { ApiConfig } from './config.js';
import { ApiError } from './errors.js';

export interface RateLimiter {
  /** Counts the request against its API key; 429 once the key's window is used up. */
  middleware: RequestHandler;
  close(): Promise<void>;
}

type RateLimitConfig = Pick<ApiConfig, 'redisUrl' | 'queuePrefix' | 'redisTimeoutMs' | 'rateLimitPoints' | 'rateLimitWindowSeconds'>;

/**
 * A fixed-window limit per API key, counted in Redis so that every API replica shares it
 * (rate-limiter-flexible, on a connection of its own). Requests without a key id (open local mode)
 * are not limited: there is no caller to tell apart, and that mode only listens on loopback.
 *
 * Redis down: the count moves to an in-memory limiter of the same size in each process (the
 * library's insurance limiter) rather than failing the request or letting it through unlimited.
 * The routes that need Redis answer 503 by themselves; the others (code lookup) keep working,
 * still limited.
 */
export async function createRateLimiter(config: RateLimitConfig, logger: Logger): Promise<RateLimiter> {
  const redis = new Redis(config.redisUrl, {
    // Fail at once while disconnected, and never wait past the deadline the queue calls get.
    enableOfflineQueue: false,
    commandTimeout: config.redisTimeoutMs,
    maxRetriesPerRequest: 1,
  });
  let warned = false;
  redis.on('error', (error: Error) => {
    if (warned) return;
    warned = true;
    logger.warn({ reason: error.message }, 'rate limiter: Redis unreachable; counting in memory until it is back');
  });
  redis.on('ready', () => (warned = false));
  // Requests are counted in Redis only while it is connected: wait (briefly) for the connection, so
  // that the first requests after a start are not counted in memory only. Redis down must not keep
  // the API from starting, though.
  await once(redis, 'ready', { signal: AbortSignal.timeout(config.redisTimeoutMs) }).catch(() => undefined);
  const window = { points: config.rateLimitPoints, duration: config.rateLimitWindowSeconds };
  const limiter = new RateLimiterRedis({
    storeClient: redis,
    keyPrefix: `${config.queuePrefix}:icd-rate-limit`,
    rejectIfRedisNotReady: true,
    insuranceLimiter: new RateLimiterMemory(window),
    ...window,
  });
  const middleware: RequestHandler = async (_req, res, next) => {
    const keyId = res.locals.keyId;
    if (keyId === undefined) return next();
    try {
      setRateLimitHeaders(res, config, await limiter.consume(`key:${keyId}`));
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      setRateLimitHeaders(res, config, rejection);
      const retryAfter = String(Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)));
      throw new ApiError(429, 'rate_limited', `more than ${config.rateLimitPoints} requests in ${config.rateLimitWindowSeconds} s with this API key; retry later`, {
        headers: { 'Retry-After': retryAfter },
      });
    }
    next();
  };
  return {
    middleware,
    close: async () => {
      redis.disconnect();
    },
  };
}

/** The IETF RateLimit header fields (draft 6: one field each), on every limited answer. */
function setRateLimitHeaders(res: Response, config: RateLimitConfig, state: RateLimiterRes): void {
  res.set({
    'RateLimit-Policy': `${config.rateLimitPoints};w=${config.rateLimitWindowSeconds}`,
    'RateLimit-Limit': String(config.rateLimitPoints),
    'RateLimit-Remaining': String(Math.max(0, state.remainingPoints)),
    'RateLimit-Reset': String(Math.max(0, Math.ceil(state.msBeforeNext / 1000))),
  });
}
