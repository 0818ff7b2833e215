import type { Request, RequestHandler } from 'express';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { JobQueue } from './queue.js';

/** The routes that create jobs, as the `endpoint` label of the submission counter. */
export const SUBMIT_ENDPOINTS = ['jobs', 'batch', 'detect'] as const;
export type SubmitEndpoint = (typeof SUBMIT_ENDPOINTS)[number];

/** The API's Prometheus metrics, in a registry of their own (not prom-client's global one). */
export interface ApiMetrics {
  registry: Registry;
  jobsSubmitted: Counter<'endpoint'>;
  jobsCompleted: Counter;
  jobsFailed: Counter;
  jobLatency: Histogram;
  httpRequestDuration: Histogram<'method' | 'route' | 'status'>;
}

type ObservedQueue = Pick<JobQueue, 'depth' | 'find' | 'onJobFinished'>;

/**
 * Creates the metrics and starts following the queue's events. Completions and failures are those of
 * the whole queue as this process hears of them: with several API replicas each one counts every job,
 * so aggregate them with `max`, not `sum`.
 */
export function createApiMetrics(queue: ObservedQueue): ApiMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const metrics: ApiMetrics = {
    registry,
    jobsSubmitted: new Counter({
      name: 'icd_jobs_submitted_total',
      help: 'Jobs created by this API process (idempotent replays excluded), by endpoint',
      labelNames: ['endpoint'],
      registers,
    }),
    jobsCompleted: new Counter({ name: 'icd_jobs_completed_total', help: 'Jobs completed by any worker on the queue', registers }),
    jobsFailed: new Counter({ name: 'icd_jobs_failed_total', help: 'Jobs failed for good (retries exhausted) on the queue', registers }),
    jobLatency: new Histogram({
      name: 'icd_job_latency_seconds',
      help: 'Time from submission to completion of completed jobs, from the job timestamps',
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
      registers,
    }),
    httpRequestDuration: new Histogram({
      name: 'icd_http_request_duration_seconds',
      help: 'HTTP request duration by route pattern and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    }),
  };
  for (const endpoint of SUBMIT_ENDPOINTS) metrics.jobsSubmitted.inc({ endpoint }, 0);
  registerQueueDepth(registry, queue);
  followFinishedJobs(metrics, queue);
  return metrics;
}

/** Queue depth, read from Redis on each scrape; no sample at all (rather than a stale one) when Redis does not answer. */
function registerQueueDepth(registry: Registry, queue: ObservedQueue): void {
  new Gauge({
    name: 'icd_queue_depth',
    help: 'Jobs waiting for a worker and jobs being worked on (sum over state for the whole depth)',
    labelNames: ['state'],
    registers: [registry],
    async collect() {
      try {
        const { waiting, active } = await queue.depth();
        this.set({ state: 'waiting' }, waiting);
        this.set({ state: 'active' }, active);
      } catch {
        this.reset();
      }
    },
  });
}

function followFinishedJobs(metrics: ApiMetrics, queue: ObservedQueue): void {
  queue.onJobFinished(({ jobId, outcome }) => {
    if (outcome === 'failed') return void metrics.jobsFailed.inc();
    metrics.jobsCompleted.inc();
    // The completion event carries no timestamps: read them from the job (skipped if it is gone).
    queue.find(jobId).then(
      (job) => {
        if (job?.finishedAt) metrics.jobLatency.observe((job.finishedAt.getTime() - job.createdAt.getTime()) / 1000);
      },
      () => undefined,
    );
  });
}

/** Times every request into the histogram, labelled with the route pattern (never the raw path). */
export function httpMetrics(histogram: ApiMetrics['httpRequestDuration']): RequestHandler {
  return (req, res, next) => {
    const stopTimer = histogram.startTimer();
    res.on('finish', () => stopTimer({ method: req.method, route: routeLabel(req), status: String(res.statusCode) }));
    next();
  };
}

/** `/v1/jobs/:id` rather than the id itself; escapes (`\:` in the batch route) dropped. */
function routeLabel(req: Request): string {
  const route = req.route as { path?: unknown } | undefined;
  if (typeof route?.path === 'string') return `${req.baseUrl}${route.path}`.replaceAll('\\', '');
  return req.baseUrl || 'unmatched';
}
