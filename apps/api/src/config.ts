import { MAX_TEXT_LENGTH } from '@icd/contracts';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

/** Where `vite build` puts the review UI (apps/web/dist), found from this file so any cwd works. */
export const DEFAULT_WEB_DIST_DIR = fileURLToPath(new URL('../../web/dist', import.meta.url));

/** Unset and empty variables both mean "use the default" (compose files often pass `VAR=`). */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

const positiveInt = z.coerce.number().int().positive();

const ApiEnvSchema = z.object({
  PORT: optional(z.coerce.number().int().min(0).max(65_535)),
  HOST: optional(z.string().min(1)),
  REDIS_URL: optional(z.url({ protocol: /^rediss?$/ })),
  QUEUE_PREFIX: optional(z.string().regex(/^[\w.{}-]{1,64}$/, 'letters, digits, _ . - and {} (a Redis Cluster hash tag) only')),
  MAX_DOCUMENT_CHARS: optional(positiveInt.max(MAX_TEXT_LENGTH)),
  QUEUE_LIMIT: optional(positiveInt),
  RETRY_AFTER_SECONDS: optional(positiveInt),
  REDIS_TIMEOUT_MS: optional(positiveInt),
  MAX_BATCH_CHARS: optional(positiveInt.max(MAX_TEXT_LENGTH)),
  SYNC_MAX_DOCUMENT_CHARS: optional(positiveInt.max(MAX_TEXT_LENGTH)),
  SYNC_TIMEOUT_MS: optional(positiveInt.max(300_000)),
  METRICS_ENABLED: optional(z.enum(['true', 'false', '1', '0']).transform((flag) => flag === 'true' || flag === '1')),
  LOG_LEVEL: optional(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])),
  WEB_DIST_DIR: optional(z.string().min(1)),
});

export interface ApiConfig {
  /** 0 picks a free port (tests). */
  port: number;
  host: string;
  redisUrl: string;
  /** Redis key prefix of the queue; must match the workers'. */
  queuePrefix: string;
  /** Longest document accepted, in UTF-16 code units (the unit evidence offsets count in). */
  maxDocumentChars: number;
  /** Longest sum of document lengths one `POST /v1/jobs:batch` may carry. */
  maxBatchChars: number;
  /** Longest document `POST /v1/detect` accepts: it holds a connection open while a worker runs. */
  syncMaxDocumentChars: number;
  /** How long `POST /v1/detect` waits for the worker before answering 504 with the job to poll. */
  syncTimeoutMs: number;
  /** Serve `GET /metrics` and record the metrics behind it. */
  metricsEnabled: boolean;
  /** Submissions are refused with 429 while this many jobs are already waiting. */
  queueLimit: number;
  /** Sent as `Retry-After` with 429 and 503. */
  retryAfterSeconds: number;
  /** How long a Redis call may take before the request is answered with 503. */
  redisTimeoutMs: number;
  logLevel: string;
  /** The built review UI served at `/`, `/review/:id` and `/codes`. */
  webDistDir: string;
}

export const API_DEFAULTS: ApiConfig = {
  port: 3000,
  host: '0.0.0.0',
  redisUrl: DEFAULT_REDIS_URL,
  queuePrefix: 'bull',
  maxDocumentChars: 100_000,
  maxBatchChars: 1_000_000,
  syncMaxDocumentChars: 20_000,
  syncTimeoutMs: 10_000,
  metricsEnabled: true,
  queueLimit: 1_000,
  retryAfterSeconds: 5,
  redisTimeoutMs: 2_000,
  logLevel: 'info',
  webDistDir: DEFAULT_WEB_DIST_DIR,
};

/** Reads the API's settings from the environment; throws one message naming every bad variable. */
export function loadApiConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const parsed = ApiEnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`invalid API configuration: ${problems.join('; ')}`);
  }
  const vars = parsed.data;
  return {
    port: vars.PORT ?? API_DEFAULTS.port,
    host: vars.HOST ?? API_DEFAULTS.host,
    redisUrl: vars.REDIS_URL ?? API_DEFAULTS.redisUrl,
    queuePrefix: vars.QUEUE_PREFIX ?? API_DEFAULTS.queuePrefix,
    maxDocumentChars: vars.MAX_DOCUMENT_CHARS ?? API_DEFAULTS.maxDocumentChars,
    maxBatchChars: vars.MAX_BATCH_CHARS ?? API_DEFAULTS.maxBatchChars,
    syncMaxDocumentChars: vars.SYNC_MAX_DOCUMENT_CHARS ?? API_DEFAULTS.syncMaxDocumentChars,
    syncTimeoutMs: vars.SYNC_TIMEOUT_MS ?? API_DEFAULTS.syncTimeoutMs,
    metricsEnabled: vars.METRICS_ENABLED ?? API_DEFAULTS.metricsEnabled,
    queueLimit: vars.QUEUE_LIMIT ?? API_DEFAULTS.queueLimit,
    retryAfterSeconds: vars.RETRY_AFTER_SECONDS ?? API_DEFAULTS.retryAfterSeconds,
    redisTimeoutMs: vars.REDIS_TIMEOUT_MS ?? API_DEFAULTS.redisTimeoutMs,
    logLevel: vars.LOG_LEVEL ?? API_DEFAULTS.logLevel,
    webDistDir: vars.WEB_DIST_DIR ?? API_DEFAULTS.webDistDir,
  };
}
