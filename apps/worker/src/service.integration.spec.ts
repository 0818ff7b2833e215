/**
 * End to end: the API (child process, real HTTP) and the worker (in-process, real detector) on a
 * private queue in the test Redis. Results must equal the detector run in this process.
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
const NOTE = [
  'CHIEF COMPLAINT: shortness of breath.',
  'ASSESSMENT AND PLAN:',
  '1. Type 2 diabetes mellitus with diabetic chronic kidney disease, stage 3a.',
  '2. Essential hypertension. No evidence of heart failure.',
].join('\n');

const redisUrl = testRedisUrl();
const queuePrefix = randomQueuePrefix();
let detector: Detector;
let api: ApiProcess;
let worker: DetectWorker | undefined;

beforeAll(async () => {
  [api, detector] = await Promise.all([
    startApiProcess({ REDIS_URL: redisUrl, QUEUE_PREFIX: queuePrefix }),
    loadTerminology().then((terminology) => createDetector(terminology)),
  ]);
});

afterAll(async () => {
  await worker?.close();
  await api?.stop();
  await deleteKeysUnder(redisUrl, queuePrefix);
});

/** Starts the in-process worker on first use, so that each test can also run alone. */
async function ensureWorker(): Promise<void> {
  if (worker) return;
  const config = { ...loadWorkerConfig({}), redisUrl, queuePrefix };
  worker = createDetectWorker({ config, processor: createDetectProcessor(detector, silent, testSealer()), logger: silent });
  await worker.waitUntilReady();
}

async function submit(init: RequestInit): Promise<string> {
  await ensureWorker();
  const response = await fetch(`${api.baseUrl}/v1/jobs`, { method: 'POST', ...init });
  expect(response.status).toBe(202);
  return (await readJson(response)).id;
}

/** Polls the result URL as a client would, honouring 202 until the 200. */
async function resultOf(id: string, timeoutMs = 15_000): Promise<DetectionResult> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await fetch(`${api.baseUrl}/v1/jobs/${id}/result`);
    if (response.status === 200) return (await response.json()) as DetectionResult;
    expect(response.status).toBe(202);
    if (Date.now() > deadline) throw new Error(`job ${id} has no result after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('API and worker together', () => {
  it('is not ready until a worker connects', async () => {
    const before = await fetch(`${api.baseUrl}/readyz`);
    expect(before.status).toBe(503);
    await ensureWorker();
    const after = await fetch(`${api.baseUrl}/readyz`);
    expect(after.status).toBe(200);
    expect(await readJson(after)).toMatchObject({ checks: { redis: 'ok', workers: 1 } });
  });

  it('codes a JSON submission: submit, poll, result equal to the detector in-process', async () => {
    const options = { includeMentions: true };
    const id = await submit({
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: NOTE, externalId: 'note-7', options }),
    });
    const result = await resultOf(id);
    expect(result).toEqual(detector.detect(NOTE, options));
    expect(result.codes.length).toBeGreaterThan(0);

    const status = await readJson(await fetch(`${api.baseUrl}/v1/jobs/${id}`));
    expect(status).toMatchObject({ id, status: 'completed', progress: 100, externalId: 'note-7', result });
    expect(Date.parse(status.finishedAt)).toBeGreaterThanOrEqual(Date.parse(status.createdAt));
  });

  it('codes a text/plain submission the same way', async () => {
    const id = await submit({ headers: { 'content-type': 'text/plain' }, body: NOTE });
    expect(await resultOf(id)).toEqual(detector.detect(NOTE));
  });

  it('replays a finished job for a repeated Idempotency-Key', async () => {
    const init = { headers: { 'content-type': 'text/plain', 'Idempotency-Key': 'visit-1' }, body: NOTE };
    const id = await submit(init);
    await resultOf(id);
    const again = await fetch(`${api.baseUrl}/v1/jobs`, { method: 'POST', ...init });
    expect(await readJson(again)).toMatchObject({ id, status: 'completed' });
  });

  it('never logs the text', () => {
    const logged = api.output.join('\n');
    expect(logged).toContain('"msg":"job submitted"');
    expect(logged).not.toContain('diabetic chronic kidney');
  });
});
