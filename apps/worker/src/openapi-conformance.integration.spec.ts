/**
 * The API's answers match its OpenAPI document: real requests to the API (child process, real HTTP,
 * real Redis) with the real worker in-process, each body checked against the JSON Schema the
 * document declares for its path, method and status.
 */
import { DETECT_QUEUE, type DetectionResult } from '@icd/contracts';
import { createDetector, type Detector } from '@icd/detector';
import { loadTerminology } from '@icd/terminology';
import { Queue } from 'bullmq';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWorkerConfig } from './config.js';
import { createDetectProcessor } from './processor.js';
import { startApiProcess, type ApiProcess } from './testing/api-process.js';
import { OpenApiValidator } from './testing/openapi-validator.js';
import { deleteKeysUnder, randomQueuePrefix, testRedisUrl, waitForFinishedJob } from './testing/test-queue.js';
import { testSealer } from './testing/sealed-jobs.js';
import { createDetectWorker, type DetectWorker } from './worker.js';

const silent = pino({ level: 'silent' });
const NOTE = 'Assessment: type 2 diabetes mellitus with diabetic chronic kidney disease. Essential hypertension.';
const QUEUE_LIMIT = 2;

const redisUrl = testRedisUrl();
const queuePrefix = randomQueuePrefix();
let api: ApiProcess;
let detector: Detector;
let validator: OpenApiValidator;
let queue: Queue<unknown, DetectionResult>;
let worker: DetectWorker | undefined;

beforeAll(async () => {
  [api, detector] = await Promise.all([
    startApiProcess({
      REDIS_URL: redisUrl,
      QUEUE_PREFIX: queuePrefix,
      QUEUE_LIMIT: String(QUEUE_LIMIT),
      MAX_DOCUMENT_CHARS: '2000',
      SYNC_MAX_DOCUMENT_CHARS: '1000',
    }),
    loadTerminology().then((terminology) => createDetector(terminology)),
  ]);
  validator = await OpenApiValidator.fetch(api.baseUrl);
  queue = new Queue(DETECT_QUEUE, { connection: { url: redisUrl }, prefix: queuePrefix });
});

afterAll(async () => {
  await worker?.close();
  await queue?.close();
  await api?.stop();
  await deleteKeysUnder(redisUrl, queuePrefix);
});

async function ensureWorker(): Promise<void> {
  if (worker) return;
  const config = { ...loadWorkerConfig({}), redisUrl, queuePrefix };
  worker = createDetectWorker({ config, processor: createDetectProcessor(detector, silent, testSealer()), logger: silent });
  await worker.waitUntilReady();
}

const url = (path: string) => `${api.baseUrl}${path}`;
const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url(path), { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

/** Checks the answer against the document and returns its body for further assertions. */
async function conforming(path: string, method: string, response: Response, status: number) {
  expect(response.status).toBe(status);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- shapes were just checked against the schema
  return (await validator.check(path, method, response)).body as any;
}

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 with the contracts as components', () => {
    expect(validator.document.openapi).toBe('3.1.0');
    expect(Object.keys(validator.document.paths)).toEqual(
      expect.arrayContaining(['/v1/jobs', '/v1/jobs:batch', '/v1/jobs/{id}', '/v1/jobs/{id}/result', '/v1/detect', '/v1/redact', '/metrics', '/docs']),
    );
  });

  it('makes the validator refuse what it does not declare', async () => {
    const answer = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    await expect(validator.check('/healthz', 'get', answer({ status: 'ok', extra: 1 }))).rejects.toThrow(/additional properties/);
    await expect(validator.check('/v1/jobs/{id}', 'get', answer({ id: 'x', status: 'done' }))).rejects.toThrow(/status/);
    await expect(validator.check('/v1/jobs', 'post', answer({ error: { message: 'no code' } }, 400))).rejects.toThrow(/code/);
    await expect(validator.check('/healthz', 'get', answer({}, 418))).rejects.toThrow(/no response 418/);
    await expect(validator.check('/v1/nothing', 'get', answer({}))).rejects.toThrow(/no operation/);
  });
});

describe('real answers match the document', () => {
  it('202 on submit, then 429 once the queue is full (queue paused: nothing is taken meanwhile)', async () => {
    await queue.pause();
    try {
      const accepted = await conforming('/v1/jobs', 'post', await post('/v1/jobs', { text: NOTE }), 202);
      expect(accepted.statusUrl).toBe(`/v1/jobs/${accepted.id}`);
      let refused: Response | undefined;
      for (let attempt = 0; attempt < QUEUE_LIMIT + 1 && !refused; attempt++) {
        const response = await post('/v1/jobs', { text: NOTE });
        if (response.status === 429) refused = response;
        else await conforming('/v1/jobs', 'post', response, 202);
      }
      expect(refused, 'no 429 before the queue limit').toBeDefined();
      expect((await conforming('/v1/jobs', 'post', refused!, 429)).error.code).toBe('queue_full');
    } finally {
      await queue.resume();
    }
  });

  it('200 for a completed job, with the result of the real detector', async () => {
    await ensureWorker();
    const { id } = await conforming('/v1/jobs', 'post', await post('/v1/jobs', { text: NOTE, externalId: 'note-1', options: { includeMentions: true } }), 202);
    await waitForFinishedJob(queue, id);
    const status = await conforming('/v1/jobs/{id}', 'get', await fetch(url(`/v1/jobs/${id}`)), 200);
    expect(status).toMatchObject({ id, status: 'completed', externalId: 'note-1' });
    expect(status.result).toEqual(detector.detect(NOTE, { includeMentions: true }));
    const result = await conforming('/v1/jobs/{id}/result', 'get', await fetch(url(`/v1/jobs/${id}/result`)), 200);
    expect(result.codes.length).toBeGreaterThan(0);
  });

  it('202 for a batch and 200 for a synchronous detection', async () => {
    await ensureWorker();
    const batch = await conforming('/v1/jobs:batch', 'post', await post('/v1/jobs:batch', { documents: [{ text: NOTE, externalId: 'b-0' }, { text: 'Asthma.' }] }), 202);
    expect(batch.jobs).toHaveLength(2);
    const detected = await conforming('/v1/detect', 'post', await post('/v1/detect', { text: NOTE }), 200);
    expect(detected).toEqual(detector.detect(NOTE));
  });

  it('400, 404, 413, 415 and 422 as the error shape', async () => {
    const invalid = await conforming('/v1/jobs', 'post', await post('/v1/jobs', { text: NOTE, options: { minScore: 2 } }), 400);
    expect(invalid.error.field).toBe('options.minScore');
    const badBatch = await post('/v1/jobs:batch', { documents: [{ text: 'a' }, { text: 'b' }, { text: 'c' }, { txt: 'd' }] });
    expect((await conforming('/v1/jobs:batch', 'post', badBatch, 400)).error.field).toMatch(/^documents\.3\./);
    await conforming('/v1/jobs/{id}', 'get', await fetch(url('/v1/jobs/no-such-job')), 404);
    await conforming('/v1/jobs/{id}/result', 'get', await fetch(url('/v1/jobs/no-such-job/result')), 404);
    const tooLong = await conforming('/v1/jobs', 'post', await post('/v1/jobs', { text: 'a'.repeat(2_001) }), 413);
    expect(tooLong.error.code).toBe('document_too_long');
    await conforming('/v1/detect', 'post', await post('/v1/detect', { text: 'a'.repeat(1_001) }), 413);
    const xml = await fetch(url('/v1/jobs'), { method: 'POST', headers: { 'content-type': 'application/xml' }, body: '<a/>' });
    await conforming('/v1/jobs', 'post', xml, 415);
    const first = await post('/v1/jobs', { text: NOTE }, { 'Idempotency-Key': 'conformance-422' });
    await conforming('/v1/jobs', 'post', first, 202);
    await conforming('/v1/jobs', 'post', await post('/v1/jobs', { text: 'other' }, { 'Idempotency-Key': 'conformance-422' }), 422);
  });

  it('the worklist, a job\'s document and its review', async () => {
    await ensureWorker();
    const { id } = await conforming('/v1/jobs', 'post', await post('/v1/jobs', { text: NOTE, externalId: 'review-1' }), 202);
    await waitForFinishedJob(queue, id);
    const list = await conforming('/v1/jobs', 'get', await fetch(url('/v1/jobs?limit=100')), 200);
    expect(list.jobs.find((job: { id: string }) => job.id === id)).toMatchObject({ status: 'completed', externalId: 'review-1', review: null });
    expect((await conforming('/v1/jobs/{id}/document', 'get', await fetch(url(`/v1/jobs/${id}/document`)), 200)).text).toBe(NOTE);
    expect(await conforming('/v1/jobs/{id}/review', 'get', await fetch(url(`/v1/jobs/${id}/review`)), 200)).toEqual({ decisions: [] });

    const put = (body: unknown) => fetch(url(`/v1/jobs/${id}/review`), { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const [first, second] = detector.detect(NOTE).codes;
    const saved = await conforming('/v1/jobs/{id}/review', 'put', await put({ decisions: [{ code: first.code, status: 'replaced', replacement: { code: 'E11.9' } }, { code: second.code, status: 'accepted' }] }), 200);
    expect(saved.decisions[0].replacement).toEqual({ code: 'E11.9', title: 'Type 2 diabetes mellitus without complications' });
    expect(await conforming('/v1/jobs/{id}/review', 'get', await fetch(url(`/v1/jobs/${id}/review`)), 200)).toEqual(saved);
    const listed = await conforming('/v1/jobs', 'get', await fetch(url('/v1/jobs?limit=100')), 200);
    expect(listed.jobs.find((job: { id: string }) => job.id === id).review).toEqual({ decisions: 2, updatedAt: saved.updatedAt });

    await conforming('/v1/jobs/{id}/review', 'put', await put({ decisions: [{ code: 'J45.909', status: 'accepted' }] }), 422);
    await conforming('/v1/jobs/{id}/review', 'put', await put({ decisions: 'all' }), 400);
    await conforming('/v1/jobs/{id}/review', 'get', await fetch(url('/v1/jobs/no-such-job/review')), 404);
    await conforming('/v1/jobs/{id}/document', 'get', await fetch(url('/v1/jobs/no-such-job/document')), 404);
    await conforming('/v1/jobs', 'get', await fetch(url('/v1/jobs?limit=0')), 400);
  });

  it('deleting a job: 204 without a body, then 404 for it', async () => {
    await ensureWorker();
    const { id } = await conforming('/v1/jobs', 'post', await post('/v1/jobs', { text: NOTE }), 202);
    await waitForFinishedJob(queue, id);
    const remove = () => fetch(url(`/v1/jobs/${id}`), { method: 'DELETE' });
    const deleted = await remove();
    expect(deleted.status).toBe(204);
    expect(validator.document.paths['/v1/jobs/{id}'].delete.responses['204']).toBeDefined();
    expect(await deleted.text()).toBe('');
    await conforming('/v1/jobs/{id}', 'delete', await remove(), 404);
    await conforming('/v1/jobs/{id}', 'get', await fetch(url(`/v1/jobs/${id}`)), 404);
  });

  it('redaction: the redacted text and its spans, and the error shape', async () => {
    const note = 'Patient: Jane Roe, DOB 03/15/1961. Call (217) 555-0134. Asthma.';
    const redacted = await conforming('/v1/redact', 'post', await post('/v1/redact', { text: note }), 200);
    expect(redacted.text).toBe('Patient: [NAME], DOB [DATE]/1961. Call [PHONE]. Asthma.');
    const plain = await fetch(url('/v1/redact'), { method: 'POST', headers: { 'content-type': 'text/plain' }, body: note });
    expect((await conforming('/v1/redact', 'post', plain, 200)).spans).toEqual(redacted.spans);
    await conforming('/v1/redact', 'post', await post('/v1/redact', { text: note, extra: 1 }), 400);
    await conforming('/v1/redact', 'post', await post('/v1/redact', { text: 'a'.repeat(2_001) }), 413);
    const xml = await fetch(url('/v1/redact'), { method: 'POST', headers: { 'content-type': 'application/xml' }, body: '<a/>' });
    await conforming('/v1/redact', 'post', xml, 415);
    const job = await conforming('/v1/jobs', 'post', await post('/v1/jobs', { text: note, options: { redact: true } }), 202);
    expect((await conforming('/v1/jobs/{id}/document', 'get', await fetch(url(`/v1/jobs/${job.id}/document`)), 200)).text).toBe(redacted.text);
  });

  it('codes: lookup, search, unknown code and a bad query', async () => {
    const record = await conforming('/v1/codes/{code}', 'get', await fetch(url('/v1/codes/E11.22')), 200);
    expect(record.code).toBe('E11.22');
    // Seventh characters and inherited notes (S72.001A), Table of Drugs cells (T39.011): the rest of the record.
    for (const code of ['S72.001A', 'T39.011']) await conforming('/v1/codes/{code}', 'get', await fetch(url(`/v1/codes/${code}`)), 200);
    const search = await conforming('/v1/codes', 'get', await fetch(url('/v1/codes?q=asthma&limit=5')), 200);
    expect(search.results.length).toBeGreaterThan(0);
    await conforming('/v1/codes/{code}', 'get', await fetch(url('/v1/codes/Q99.999')), 404);
    await conforming('/v1/codes', 'get', await fetch(url('/v1/codes?limit=5')), 400);
  });

  it('health, readiness and unknown routes', async () => {
    await ensureWorker();
    await conforming('/healthz', 'get', await fetch(url('/healthz')), 200);
    await conforming('/readyz', 'get', await fetch(url('/readyz')), 200);
    const metrics = await fetch(url('/metrics'));
    expect(metrics.status).toBe(200);
    expect(metrics.headers.get('content-type')).toMatch(/^text\/plain/);
    await metrics.text();
  });
});
