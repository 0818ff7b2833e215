/** Integration: `GET /metrics` over a real Redis and real HTTP, with stand-in BullMQ workers. */
import { loadTerminology, type Terminology } from '@icd/terminology';
import { UnrecoverableError } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleValue, scrapeMetrics, scrapeUntil } from './testing/prometheus.js';
import { standInWorker } from './testing/stand-in-worker.js';
import { postJson, readJson, startTestApi, type TestApi } from './testing/test-api.js';

const NOTE = 'Assessment: essential hypertension.';

let terminology: Terminology;
let api: TestApi;

beforeAll(async () => {
  terminology = await loadTerminology();
  api = await startTestApi({ codes: terminology });
});

afterAll(async () => {
  await api?.close();
});

describe('GET /metrics', () => {
  it('serves Prometheus text with the default process metrics, without authentication', async () => {
    const response = await fetch(`${api.baseUrl}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const families = await scrapeMetrics(api.baseUrl);
    const names = families.map((family) => family.name);
    expect(names).toEqual(expect.arrayContaining(['process_cpu_user_seconds_total', 'nodejs_heap_size_used_bytes', 'nodejs_eventloop_lag_seconds']));
    expect(names).toEqual(
      expect.arrayContaining([
        'icd_jobs_submitted_total',
        'icd_jobs_completed_total',
        'icd_jobs_failed_total',
        'icd_queue_depth',
        'icd_http_request_duration_seconds',
        'icd_job_latency_seconds',
      ]),
    );
    expect(families.find((family) => family.name === 'icd_job_latency_seconds')?.type).toBe('histogram');
  });

  it('counts submissions by endpoint, and completions, failures and latency from the queue events', async () => {
    const before = await scrapeMetrics(api.baseUrl);
    const submitted = (endpoint: string) => sampleValue(before, 'icd_jobs_submitted_total', { endpoint });
    expect((await postJson(`${api.baseUrl}/v1/jobs`, { text: NOTE })).status).toBe(202);
    expect((await postJson(`${api.baseUrl}/v1/jobs`, { text: 'FAIL: this one fails' })).status).toBe(202);
    expect((await postJson(`${api.baseUrl}/v1/jobs:batch`, { documents: [{ text: NOTE }, { text: NOTE }, { text: NOTE }] })).status).toBe(202);
    // Replays create nothing.
    for (let round = 0; round < 2; round++) await postJson(`${api.baseUrl}/v1/jobs`, { text: NOTE }, { 'Idempotency-Key': 'metrics-1' });

    const afterSubmit = await scrapeMetrics(api.baseUrl);
    expect(sampleValue(afterSubmit, 'icd_jobs_submitted_total', { endpoint: 'jobs' })).toBe(submitted('jobs') + 3);
    expect(sampleValue(afterSubmit, 'icd_jobs_submitted_total', { endpoint: 'batch' })).toBe(submitted('batch') + 3);
    expect(sampleValue(afterSubmit, 'icd_queue_depth', { state: 'waiting' })).toBeGreaterThanOrEqual(6);

    const worker = standInWorker(api, async (data) => {
      if (data.text.startsWith('FAIL')) throw new UnrecoverableError('detection failed (TypeError)');
      return { schemaVersion: 1, codes: [] };
    });
    try {
      const completed = sampleValue(before, 'icd_jobs_completed_total');
      const done = await scrapeUntil(api.baseUrl, (families) => sampleValue(families, 'icd_jobs_completed_total') >= completed + 5);
      expect(sampleValue(done, 'icd_jobs_completed_total')).toBe(completed + 5);
      const failed = await scrapeUntil(api.baseUrl, (families) => sampleValue(families, 'icd_jobs_failed_total') >= 1);
      expect(sampleValue(failed, 'icd_jobs_failed_total')).toBe(sampleValue(before, 'icd_jobs_failed_total') + 1);
      // Latency is observed once each completed job's timestamps have been read back.
      const latencies = await scrapeUntil(api.baseUrl, (families) => sampleValue(families, 'icd_job_latency_seconds_count') >= completed + 5);
      expect(sampleValue(latencies, 'icd_job_latency_seconds_sum')).toBeGreaterThan(0);
      expect(sampleValue(latencies, 'icd_job_latency_seconds_bucket', { le: '300' })).toBe(sampleValue(latencies, 'icd_job_latency_seconds_count'));
    } finally {
      await worker.close();
    }
  });

  it('reports the queue depth as waiting and active jobs, read when scraped', async () => {
    const own = await startTestApi({ codes: terminology });
    let release = () => undefined as void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const worker = standInWorker(own, async () => held.then(() => ({ schemaVersion: 1, codes: [] })));
    try {
      for (let index = 0; index < 3; index++) await postJson(`${own.baseUrl}/v1/jobs`, { text: NOTE });
      const busy = await scrapeUntil(own.baseUrl, (families) => sampleValue(families, 'icd_queue_depth', { state: 'active' }) === 1);
      expect(sampleValue(busy, 'icd_queue_depth', { state: 'waiting' })).toBe(2);
      release();
      const idle = await scrapeUntil(own.baseUrl, (families) => sampleValue(families, 'icd_jobs_completed_total') === 3);
      expect(sampleValue(idle, 'icd_queue_depth', { state: 'waiting' }) + sampleValue(idle, 'icd_queue_depth', { state: 'active' })).toBe(0);
    } finally {
      release();
      await worker.close();
      await own.close();
    }
  });

  it('times requests by route pattern and status, never by the raw path', async () => {
    const { id } = await readJson(await postJson(`${api.baseUrl}/v1/jobs`, { text: NOTE }));
    await fetch(`${api.baseUrl}/v1/jobs/${id}`);
    await fetch(`${api.baseUrl}/v1/jobs/unknown-job-id`);
    await fetch(`${api.baseUrl}/no/such/route/${id}`);
    const families = await scrapeMetrics(api.baseUrl);
    const labelled = (route: string, status: string) => sampleValue(families, 'icd_http_request_duration_seconds_count', { method: 'GET', route, status });
    expect(labelled('/v1/jobs/:id', '200')).toBeGreaterThanOrEqual(1);
    expect(labelled('/v1/jobs/:id', '404')).toBeGreaterThanOrEqual(1);
    expect(labelled('unmatched', '404')).toBeGreaterThanOrEqual(1);
    const routes = families.find((family) => family.name === 'icd_http_request_duration_seconds')?.samples.map((sample) => sample.labels.route);
    expect(routes?.some((route) => route?.includes(id))).toBe(false);
  });
});

describe('METRICS_ENABLED=false', () => {
  it('serves no /metrics and does not document it', async () => {
    const quiet = await startTestApi({ codes: terminology, config: { metricsEnabled: false } });
    try {
      expect(quiet.metrics).toBeUndefined();
      expect((await fetch(`${quiet.baseUrl}/metrics`)).status).toBe(404);
      const document = await readJson(await fetch(`${quiet.baseUrl}/openapi.json`));
      expect(document.paths['/metrics']).toBeUndefined();
      expect((await postJson(`${quiet.baseUrl}/v1/jobs`, { text: NOTE })).status).toBe(202);
    } finally {
      await quiet.close();
    }
  });
});
