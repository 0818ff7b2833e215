import { z } from 'zod';

/** Results stay readable for a week unless configured otherwise. */
const SEVEN_DAYS_SECONDS = 7 * 24 * 3_600;

/** Where a Redis started by `npm start` or the test setup would be looked for first. */
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

/** Unset and empty variables both mean "use the default" (compose files often pass `VAR=`). */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

const positiveInt = z.coerce.number().int().positive();

const WorkerEnvSchema = z.object({
  REDIS_URL: optional(z.url({ protocol: /^rediss?$/ })),
  QUEUE_PREFIX: optional(z.string().regex(/^[\w.{}-]{1,64}$/, 'letters, digits, _ . - and {} (a Redis Cluster hash tag) only')),
  WORKER_CONCURRENCY: optional(positiveInt.max(64)),
  RETENTION_SECONDS: optional(positiveInt),
  MAX_RETAINED_JOBS: optional(positiveInt),
  WORKER_LOCK_DURATION_MS: optional(positiveInt.min(1_000)),
  WORKER_STALLED_INTERVAL_MS: optional(positiveInt.min(500)),
  WORKER_MAX_STALLED_COUNT: optional(z.coerce.number().int().min(0).max(100)),
  LOG_LEVEL: optional(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])),
});

export interface WorkerConfig {
  redisUrl: string;
  /** Redis key prefix of the queue; lets several deployments (or test runs) share one Redis. */
  queuePrefix: string;
  /** Jobs one process runs at once. Detection is synchronous, so this mostly overlaps Redis round trips. */
  concurrency: number;
  /**
   * How long a job (its document, result and review: PHI) may stay in Redis after submission. The
   * API gives each job hash this time-to-live; the worker removes finished jobs this old, and its
   * sweep removes jobs of any state past it. Set the same value on the API and every worker.
   */
  retentionSeconds: number;
  /** Upper bound on kept completed (and, separately, failed) jobs, whatever their age. */
  maxRetainedJobs: number;
  /**
   * How long a job stays claimed by a worker that stops renewing the claim (a crashed or killed
   * process, a lost network) before the stalled-job check hands it to another worker. Renewed at
   * half this while the job runs, so a healthy worker keeps it however long detection takes.
   */
  lockDurationMs: number;
  /** How often each worker looks for jobs whose claim has expired and puts them back in the queue. */
  stalledIntervalMs: number;
  /** Times a job may be recovered from a dead worker before it is failed (a poison pill guard). */
  maxStalledCount: number;
  logLevel: string;
}

/** Reads the worker's settings from the environment; throws one message naming every bad variable. */
export function loadWorkerConfig(env: NodeJS.ProcessEnv = process.env): WorkerConfig {
  const parsed = WorkerEnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`invalid worker configuration: ${problems.join('; ')}`);
  }
  const vars = parsed.data;
  return {
    redisUrl: vars.REDIS_URL ?? DEFAULT_REDIS_URL,
    queuePrefix: vars.QUEUE_PREFIX ?? 'bull',
    concurrency: vars.WORKER_CONCURRENCY ?? 2,
    retentionSeconds: vars.RETENTION_SECONDS ?? SEVEN_DAYS_SECONDS,
    maxRetainedJobs: vars.MAX_RETAINED_JOBS ?? 100_000,
    lockDurationMs: vars.WORKER_LOCK_DURATION_MS ?? 30_000,
    stalledIntervalMs: vars.WORKER_STALLED_INTERVAL_MS ?? 30_000,
    maxStalledCount: vars.WORKER_MAX_STALLED_COUNT ?? 1,
    logLevel: vars.LOG_LEVEL ?? 'info',
  };
}
