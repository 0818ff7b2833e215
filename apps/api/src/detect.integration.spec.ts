/**
 * Integration: `POST /v1/detect` over a real Redis and real HTTP. The detector is not available to
 * the API project, so stand-in BullMQ workers answer here; the worker project checks the real result.
 */
import type { DetectJobData } from '@icd/contracts';
import { loadTerminology, type Terminology } from '@icd/terminology';
import { UnrecoverableError, type Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { standInWorker } from './testing/stand-in-worker.js';
import { postJson, readJson, startTestApi, type TestApi } from './testing/test-api.js';

const NOTE = 'Assessment: essential hypertension. Asthma.';
const TIMEOUT_MS = 400;

let terminology: Terminology;

beforeAll(async () => {
  terminology = await loadTerminology();
});

const fakeResult = (data: DetectJobData) => Promise.resolve({ schemaVersion: 1, documentLength: data.text.length, codes: [] });

describe('POST /v1/detect without a worker', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi({ codes: terminology, config: { syncTimeoutMs: TIMEOUT_MS, syncMaxDocumentChars: 500, maxDocumentChars: 1_000 } });
  });

  afterAll(async () => {
    await api?.close();
  });

  it('answers 504 after the timeout with the job to poll, and the job is then coded like any other', async () => {
    const started = Date.now();
    const response = await postJson(`${api.baseUrl}/v1/detect`, { text: NOTE, externalId: 'late-1' });
    expect(response.status).toBe(504);
    expect(Date.now() - started).toBeGreaterThanOrEqual(TIMEOUT_MS - 20);
    const body = await readJson(response);
    const id = body.job.id;
    expect(body).toEqual({
      error: { code: 'detect_timeout', message: expect.stringContaining(`${TIMEOUT_MS} ms`) },
      job: { id, status: 'queued', statusUrl: `/v1/jobs/${id}`, resultUrl: `/v1/jobs/${id}/result` },
    });
    expect(response.headers.get('location')).toBe(`/v1/jobs/${id}`);
    expect(response.headers.get('retry-after')).toBe('1');

    const status = await readJson(await fetch(`${api.baseUrl}/v1/jobs/${id}`));
    expect(status).toMatchObject({ id, status: 'queued', externalId: 'late-1' });
    const worker = standInWorker(api, fakeResult);
    try {
      const result = await pollResult(api.baseUrl, id);
      expect(result).toEqual({ schemaVersion: 1, documentLength: NOTE.length, codes: [] });
    } finally {
      await worker.close();
    }
  });

  it('answers 413 above SYNC_MAX_DOCUMENT_CHARS, which is lower than the asynchronous limit', async () => {
    const long = 'a'.repeat(501);
    const asJson = await postJson(`${api.baseUrl}/v1/detect`, { text: long });
    const asText = await fetch(`${api.baseUrl}/v1/detect`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: long });
    for (const response of [asJson, asText]) {
      expect(response.status).toBe(413);
      expect((await readJson(response)).error).toMatchObject({ code: 'document_too_long', field: 'text', message: expect.stringContaining('500') });
    }
    expect((await postJson(`${api.baseUrl}/v1/jobs`, { text: long })).status).toBe(202);
  });

  it('validates like POST /v1/jobs: 400 naming the field, 415 for other content types', async () => {
    const invalid = await postJson(`${api.baseUrl}/v1/detect`, { text: NOTE, options: { minScore: -1 } });
    expect(invalid.status).toBe(400);
    expect((await readJson(invalid)).error).toMatchObject({ code: 'validation_failed', field: 'options.minScore' });
    const xml = await fetch(`${api.baseUrl}/v1/detect`, { method: 'POST', headers: { 'content-type': 'application/xml' }, body: '<a/>' });
    expect(xml.status).toBe(415);
  });
});

describe('POST /v1/detect with a worker', () => {
  let api: TestApi;
  let worker: Worker;

  beforeAll(async () => {
    api = await startTestApi({ codes: terminology, config: { syncTimeoutMs: 5_000 } });
    worker = standInWorker(api, async (data) => {
      if (data.text.startsWith('FAIL')) throw new UnrecoverableError('detection failed (TypeError)');
      return fakeResult(data);
    });
    await worker.waitUntilReady();
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('answers 200 with what the worker returned, as soon as it is done', async () => {
    const started = Date.now();
    const response = await fetch(`${api.baseUrl}/v1/detect`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: NOTE });
    expect(response.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await readJson(response)).toEqual({ schemaVersion: 1, documentLength: NOTE.length, codes: [] });
    expect(response.headers.get('content-location')).toMatch(/^\/v1\/jobs\/[\w-]+\/result$/);
  });

  it('answers 502 with the job when the worker fails it', async () => {
    const response = await postJson(`${api.baseUrl}/v1/detect`, { text: 'FAIL this one' });
    expect(response.status).toBe(502);
    const body = await readJson(response);
    expect(body).toMatchObject({ error: { code: 'job_failed', message: 'detection failed (TypeError)' }, job: { status: 'failed' } });
  });

  it('replays a finished job for a repeated Idempotency-Key without submitting again', async () => {
    const send = () => postJson(`${api.baseUrl}/v1/detect`, { text: NOTE }, { 'Idempotency-Key': 'sync-1' });
    const first = await send();
    expect(first.status).toBe(200);
    const again = await send();
    expect(again.status).toBe(200);
    expect(await readJson(again)).toEqual(await readJson(first));
    expect(again.headers.get('content-location')).toBe(first.headers.get('content-location'));
  });
});

describe('POST /v1/detect under backpressure', () => {
  it('answers 429 when the queue is already full', async () => {
    const full = await startTestApi({ codes: terminology, config: { queueLimit: 1, syncTimeoutMs: 100 } });
    try {
      expect((await postJson(`${full.baseUrl}/v1/jobs`, { text: NOTE })).status).toBe(202);
      const refused = await postJson(`${full.baseUrl}/v1/detect`, { text: NOTE });
      expect(refused.status).toBe(429);
      expect((await readJson(refused)).error.code).toBe('queue_full');
    } finally {
      await full.close();
    }
  });
});

async function pollResult(baseUrl: string, id: string, timeoutMs = 10_000): Promise<unknown> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await fetch(`${baseUrl}/v1/jobs/${id}/result`);
    if (response.status === 200) return response.json();
    if (Date.now() > deadline) throw new Error(`job ${id} has no result after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
