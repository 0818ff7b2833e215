import { MAX_TEXT_LENGTH } from '@icd/contracts';
import { isIP } from 'node:net';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseApiKeysEnv, type ApiKeyEntry } from './api-keys.js';

export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

/** Where `vite build` puts the review UI (apps/web/dist), found from this file so any cwd works. */
export const DEFAULT_WEB_DIST_DIR = fileURLToPath(new URL('../../web/dist', import.meta.url));

/** Unset and empty variables both mean "use the default" (compose files often pass `VAR=`). */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

const positiveInt = z.coerce.number().int().positive();
const flag = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');

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
  METRICS_ENABLED: optional(flag),
  LOG_LEVEL: optional(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])),
  WEB_DIST_DIR: optional(z.string().min(1)),
  RETENTION_SECONDS: optional(positiveInt),
  API_KEYS_FILE: optional(z.string().min(1)),
  // Never echoed in an error: parsed (and hashed) by parseApiKeysEnv, whose messages name no key.
  API_KEYS: optional(z.string()),
  AUTH_REQUIRED: optional(flag),
  OPEN_MODE_ALLOW_REMOTE: optional(flag),
  METRICS_REQUIRE_AUTH: optional(flag),
  RATE_LIMIT_POINTS: optional(z.coerce.number().int().min(0)),
  RATE_LIMIT_WINDOW_SECONDS: optional(positiveInt.max(86_400)),
  CORS_ORIGINS: optional(z.string()),
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
  /** Redis deletes a job's hash (document, result, review) this long after its submission. */
  retentionSeconds: number;
  /** JSON file of hashed API keys (`icd10 apikey create` writes its entries); read at start and on SIGHUP. */
  apiKeysFile?: string;
  /** Keys from `API_KEYS`, already hashed: the plaintext is not kept. */
  apiKeys: ApiKeyEntry[];
  /** Refuse to start without keys instead of falling back to open local mode. */
  authRequired: boolean;
  /** Let open local mode (no keys) listen on a non-loopback address. */
  openModeAllowRemote: boolean;
  /** `GET /metrics` asks for an API key too (any tenant's). */
  metricsRequireAuth: boolean;
  /** Requests one API key may make per window; 0 turns rate limiting off. */
  rateLimitPoints: number;
  rateLimitWindowSeconds: number;
  /** Origins (`https://host[:port]`) whose pages may call the API from a browser; none by default. */
  corsOrigins: string[];
}

export const API_DEFAULTS: ApiConfig = {
  port: 3000,
  // Open local mode (the default, without keys) listens on loopback only; with keys it is 0.0.0.0.
  host: '127.0.0.1',
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
  retentionSeconds: 7 * 24 * 3_600,
  apiKeys: [],
  authRequired: false,
  openModeAllowRemote: false,
  metricsRequireAuth: false,
  rateLimitPoints: 1_200,
  rateLimitWindowSeconds: 60,
  corsOrigins: [],
};

/** Where a server with API keys listens unless `HOST` says otherwise. */
export const AUTHENTICATED_DEFAULT_HOST = '0.0.0.0';

/** Reads the API's settings from the environment; throws one message naming every bad variable. */
export function loadApiConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const parsed = ApiEnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`invalid API configuration: ${problems.join('; ')}`);
  }
  const vars = parsed.data;
  const apiKeys = vars.API_KEYS === undefined ? [] : parseApiKeysEnv(vars.API_KEYS);
  const authenticated = apiKeys.length > 0 || vars.API_KEYS_FILE !== undefined;
  const config: ApiConfig = {
    port: vars.PORT ?? API_DEFAULTS.port,
    host: vars.HOST ?? (authenticated ? AUTHENTICATED_DEFAULT_HOST : API_DEFAULTS.host),
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
    retentionSeconds: vars.RETENTION_SECONDS ?? API_DEFAULTS.retentionSeconds,
    ...(vars.API_KEYS_FILE !== undefined && { apiKeysFile: vars.API_KEYS_FILE }),
    apiKeys,
    authRequired: vars.AUTH_REQUIRED ?? API_DEFAULTS.authRequired,
    openModeAllowRemote: vars.OPEN_MODE_ALLOW_REMOTE ?? API_DEFAULTS.openModeAllowRemote,
    metricsRequireAuth: vars.METRICS_REQUIRE_AUTH ?? API_DEFAULTS.metricsRequireAuth,
    rateLimitPoints: vars.RATE_LIMIT_POINTS ?? API_DEFAULTS.rateLimitPoints,
    rateLimitWindowSeconds: vars.RATE_LIMIT_WINDOW_SECONDS ?? API_DEFAULTS.rateLimitWindowSeconds,
    corsOrigins: vars.CORS_ORIGINS === undefined ? [] : parseOrigins(vars.CORS_ORIGINS),
  };
  checkOpenMode(config);
  return config;
}

/** True when the settings name API keys; without any the API runs in open local mode. */
export function hasApiKeys(config: Pick<ApiConfig, 'apiKeys' | 'apiKeysFile'>): boolean {
  return config.apiKeys.length > 0 || config.apiKeysFile !== undefined;
}

/**
 * Open local mode trusts every caller, so it may only be reached from this machine: it refuses a
 * non-loopback `HOST` unless `OPEN_MODE_ALLOW_REMOTE` says the network in front is trusted (a
 * container whose port is published on the host's loopback only, say), and refuses to run at all
 * with `AUTH_REQUIRED`.
 */
function checkOpenMode(config: ApiConfig): void {
  if (hasApiKeys(config)) return;
  if (config.authRequired) throw new Error('invalid API configuration: AUTH_REQUIRED is set but neither API_KEYS nor API_KEYS_FILE names a key');
  if (!isLoopback(config.host) && !config.openModeAllowRemote) {
    throw new Error(
      `invalid API configuration: HOST ${config.host} is not a loopback address and no API keys are configured; ` +
        'set API_KEYS or API_KEYS_FILE (see `npx icd10 apikey create`), or OPEN_MODE_ALLOW_REMOTE=true to accept every caller anyway',
    );
  }
}

export function isLoopback(host: string): boolean {
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  return host === '::1' || host === '::ffff:127.0.0.1';
}

/** `CORS_ORIGINS=https://a.example,http://localhost:5173`: exact origins, as browsers send them. */
function parseOrigins(value: string): string[] {
  const origins = value
    .split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin !== '');
  for (const origin of origins) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = undefined;
    }
    if (!parsed || !/^https?:$/.test(parsed.protocol) || parsed.origin !== origin) {
      throw new Error(`invalid API configuration: CORS_ORIGINS: ${JSON.stringify(origin)} is not an origin such as https://app.example.org`);
    }
  }
  return origins;
}
