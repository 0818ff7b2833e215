/**
 * End to end with the real detector: synchronous detection, batches and the metrics they move. The
 * API runs as a child process (real HTTP), the worker in-process, on a private queue in the test Redis.
 */
import type { DetectionResult } from '@icd/contracts';
import { createDetector, type Detector } from '@icd/detector';
import { loadTerminology } from '@icd/terminology';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWorkerConfig } from './config.js';
import { createDetectProcessor } from './processor.js';
import { readJson, startApiProcess, type ApiProcess } from './testing/api-process.js';
import { deleteKeysUnder, randomQueuePrefix, testRedisUrl } from './testing/test-queue.js';
import { testSealer } from './testing/sealed-jobs.js';
import { createDetectWorker, type DetectWorker } from './worker.js';

const silent = pino({ level: 'silent' });
const NOTES = [
  'ASSESSMENT: 1. Type 2 diabetes mellitus with diabetic nephropathy. 2. Essential hypertension.',
  'Asthma, mild intermittent, well controlled. Denies chest pain.',
  'History of present illness: acute cystitis without hematuria. Plan: nitrofurantoin.',
  'Chronic obstructive pulmonary disease with acute exacerbation. No pneumonia.',
];

const redisUrl = testRedisUrl();
const queuePrefix = randomQueuePrefix();
let detector: Detector;
let api: ApiProcess;
let worker: DetectWorker;

beforeAll(async () => {
  [api, detector] = await Promise.all([
    startApiProcess({ REDIS_URL: redisUrl, QUEUE_PREFIX: queuePrefix }),
    loadTerminology().then((terminology) => createDetector(terminology)),
  ]);
  const config = { ...loadWorkerConfig({}), redisUrl, queuePrefix };
  worker = createDetectWorker({ config, processor: createDetectProcessor(detector, silent, testSealer()), logger: silent });
  await worker.waitUntilReady();
});

afterAll(async () => {
  await worker?.close();
  await api?.stop();
  await deleteKeysUnder(redisUrl, queuePrefix);
});

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${api.baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

/** A sample's value from `GET /metrics` (its syntax is checked by the API project's tests). */
async function metric(sample: string): Promise<number> {
  const text = await (await fetch(`${api.baseUrl}/metrics`)).text();
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${sample} `));
  return line ? Number(line.slice(sample.length + 1)) : 0;
}

async function metricReaches(sample: string, atLeast: number, timeoutMs = 10_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await metric(sample);
    if (value >= atLeast || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function resultOf(statusUrl: string, timeoutMs = 15_000): Promise<DetectionResult> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await readJson(await fetch(`${api.baseUrl}${statusUrl}`));
    if (status.status === 'completed') return status.result;
    if (Date.now() > deadline) throw new Error(`${statusUrl} is still ${status.status}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('POST /v1/detect', () => {
  it('answers 200 with exactly what the detector gives in-process, for JSON with options and for text/plain', async () => {
    for (const [index, note] of NOTES.entries()) {
      const options = index % 2 === 0 ? { includeMentions: true } : { minScore: 0.3 };
      const response = await post('/v1/detect', { text: note, options });
      expect(response.status).toBe(200);
      expect(await readJson(response)).toEqual(detector.detect(note, options));
    }
    const plain = await fetch(`${api.baseUrl}/v1/detect`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: NOTES[0] });
    expect(plain.status).toBe(200);
    const result = await readJson(plain);
    expect(result).toEqual(detector.detect(NOTES[0]));
    expect(result.codes.map((code: { code: string }) => code.code)).toContain('I10');
    // The result stays where Content-Location says.
    const stored = await fetch(`${api.baseUrl}${plain.headers.get('content-location')}`);
    expect(await readJson(stored)).toEqual(result);
  });

  it('answers 413 above the synchronous limit (20,000 characters by default)', async () => {
    const response = await post('/v1/detect', { text: 'Asthma. '.repeat(2_501) });
    expect(response.status).toBe(413);
    expect((await readJson(response)).error).toMatchObject({ code: 'document_too_long', field: 'text' });
  });
});

describe('POST /v1/jobs:batch', () => {
  it('codes every document of a batch; each job holds the result of its own document', async () => {
    const documents = NOTES.map((text, index) => ({ text, externalId: `visit-${index}` }));
    const response = await post('/v1/jobs:batch', { documents }, { 'Idempotency-Key': 'e2e-batch' });
    expect(response.status).toBe(202);
    const { jobs } = await readJson(response);
    expect(jobs.map((job: { externalId: string }) => job.externalId)).toEqual(documents.map((document) => document.externalId));
    for (const [index, job] of jobs.entries()) {
      expect(await resultOf(job.statusUrl)).toEqual(detector.detect(NOTES[index]));
    }
    const again = await readJson(await post('/v1/jobs:batch', { documents }, { 'Idempotency-Key': 'e2e-batch' }));
    expect(again.jobs).toEqual(jobs.map((job: object) => ({ ...job, status: 'completed' })));
  });
});

describe('GET /metrics with the real worker', () => {
  it('counts submissions and completions, and observes the latency of each completed job', async () => {
    const [submitted, completed, observed] = await Promise.all([
      metric('icd_jobs_submitted_total{endpoint="detect"}'),
      metric('icd_jobs_completed_total'),
      metric('icd_job_latency_seconds_count'),
    ]);
    for (const note of NOTES.slice(0, 3)) expect((await post('/v1/detect', { text: note })).status).toBe(200);
    expect(await metric('icd_jobs_submitted_total{endpoint="detect"}')).toBe(submitted + 3);
    expect(await metricReaches('icd_jobs_completed_total', completed + 3)).toBe(completed + 3);
    expect(await metricReaches('icd_job_latency_seconds_count', observed + 3)).toBe(observed + 3);
    expect(await metric('icd_job_latency_seconds_sum')).toBeGreaterThan(0);
  });

  it('never logs the text', () => {
    const logged = api.output.join('\n');
    expect(logged).toContain('"msg":"batch submitted"');
    expect(logged).not.toContain('diabetic nephropathy');
    expect(logged).not.toContain('nitrofurantoin');
  });
});
