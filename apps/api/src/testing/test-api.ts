/** Helpers for the API's integration tests: a real app on 127.0.0.1:0 over a real, private queue. */
import { createRecordSealer, parseEncryptionKeys, type RecordSealer } from '@icd/phi';
import { TEST_ENCRYPTION_KEY } from '@icd/phi/testing';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { createApiKeyStore, loadApiKeys, type ApiKeyStore } from '../api-keys.js';
import { createApp } from '../app.js';
import { API_DEFAULTS, DEFAULT_REDIS_URL, hasApiKeys, type ApiConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { createApiMetrics, type ApiMetrics } from '../metrics.js';
import { createJobQueue, type JobQueue } from '../queue.js';
import { createRateLimiter } from '../rate-limit.js';
import type { CodeCatalog } from '../routes/codes.js';
import { hardenServer } from '../security.js';

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

export interface TestApi {
  baseUrl: string;
  queue: JobQueue;
  config: ApiConfig;
  /** Present unless the test turned `metricsEnabled` off. */
  metrics?: ApiMetrics;
  /** Null in open local mode (no `apiKeys` or `apiKeysFile` in the config). */
  keys: ApiKeyStore | null;
  close(): Promise<void>;
}

export interface TestApiOptions {
  codes: CodeCatalog;
  /** `apiKeys` (see `parseApiKeysEnv`) or `apiKeysFile` turn authentication on, as in the real app. */
  config?: Partial<ApiConfig>;
  /** Where the app logs; silent (or TEST_LOG_LEVEL) by default. */
  logger?: Logger;
  /** Seals what the queue stores; {@link testSealer} by default. */
  sealer?: RecordSealer;
}

/** A sealer as a deployment would configure it, with the public test key (and previous keys, if given). */
export function testSealer(key = TEST_ENCRYPTION_KEY, previous?: string): RecordSealer {
  return createRecordSealer(parseEncryptionKeys({ ENCRYPTION_KEY: key, ENCRYPTION_KEY_PREVIOUS: previous })!);
}

/** Starts the app on a free port with its own queue prefix; `close` also deletes the queue's keys. */
export async function startTestApi({ codes, config: overrides = {}, logger: given, sealer = testSealer() }: TestApiOptions): Promise<TestApi> {
  const config: ApiConfig = { ...API_DEFAULTS, redisUrl: testRedisUrl(), queuePrefix: randomQueuePrefix(), ...overrides };
  const logger = given ?? createLogger(process.env.TEST_LOG_LEVEL || 'silent');
  const queue = createJobQueue(config, sealer);
  const metrics = config.metricsEnabled ? createApiMetrics(queue) : undefined;
  const keys = hasApiKeys(config) ? createApiKeyStore(loadApiKeys(config)) : null;
  const rateLimiter = keys && config.rateLimitPoints > 0 ? await createRateLimiter(config, logger) : undefined;
  const app = createApp({ config, queue, codes, metrics, logger, keys, rateLimiter });
  const server: Server = app.listen(0, '127.0.0.1');
  hardenServer(server);
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    queue,
    config,
    metrics,
    keys,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await Promise.all([queue.close(), rateLimiter?.close()]);
      if (overrides.redisUrl === undefined) await deleteKeysUnder(config.redisUrl, config.queuePrefix);
    },
  };
}

/** `fetch` with a JSON body. */
export function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

/**
 * A response body for assertions. Loosely typed on purpose: tests read fields they then check with
 * `expect`, and the shapes are what is under test.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export const readJson = (response: Response): Promise<any> => response.json();
