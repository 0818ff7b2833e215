/**
 * Integration: the jobs API over a real Redis and real HTTP. No worker runs here (see the worker
 * project's service test for the full path), so submitted jobs stay queued unless a test adds a
 * stand-in BullMQ worker.
 */
import { DETECT_QUEUE } from '@icd/contracts';
import { loadTerminology, type Terminology } from '@icd/terminology';
import { Queue, UnrecoverableError, Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJson, readJson, startTestApi, type TestApi } from './testing/test-api.js';

const NOTE = 'Assessment: type 2 diabetes mellitus with CKD stage 3.\nPlan: metformin.';

let terminology: Terminology;
let api: TestApi;

beforeAll(async () => {
  terminology = await loadTerminology();
  api = await startTestApi({ codes: terminology, config: { maxDocumentChars: 1_000 } });
});

afterAll(async () => {
  await api?.close();
});

describe('POST /v1/jobs', () => {
  it('accepts a JSON DetectionRequest with 202, a Location and the job id', async () => {
    const response = await postJson(`${api.baseUrl}/v1/jobs`, { text: NOTE, externalId: 'doc-1', options: { minScore: 0.2 } });
    expect(response.status).toBe(202);
    const body = await readJson(response);
    expect(body).toEqual({ id: expect.any(String), status: 'queued', statusUrl: `/v1/jobs/${body.id}`, resultUrl: `/v1/jobs/${body.id}/result` });
    expect(response.headers.get('location')).toBe(body.statusUrl);
    expect(response.headers.get('cache-control')).toBe('no-store');

    const status = await readJson(await fetch(`${api.baseUrl}${body.statusUrl}`));
    expect(status).toEqual({ id: body.id, status: 'queued', progress: 0, createdAt: expect.any(String), finishedAt: null, externalId: 'doc-1' });
    expect(Date.parse(status.createdAt)).toBeGreaterThan(Date.now() - 60_000);

    const stored = await api.queue.find(body.id);
    expect(stored?.data).toMatchObject({ text: NOTE, externalId: 'doc-1', options: { minScore: 0.2 }, requestId: body.id });
    // A transient failure is retried with growing delays rather than failing the job.
    const bull = new Queue(DETECT_QUEUE, { connection: { url: api.config.redisUrl }, prefix: api.config.queuePrefix });
    try {
      expect((await bull.getJob(body.id))?.opts).toMatchObject({ attempts: 3, backoff: { type: 'exponential', delay: 1_000 } });
    } finally {
      await bull.close();
    }
  });

  it('takes a text/plain body as the text, exactly as sent', async () => {
    const text = 'Dx: HTN.\r\n  Café — naïve 😀 patient.\n';
    const response = await fetch(`${api.baseUrl}/v1/jobs`, { method: 'POST', headers: { 'content-type': 'text/plain; charset=utf-8' }, body: text });
    expect(response.status).toBe(202);
    const { id } = await readJson(response);
    expect((await api.queue.find(id))?.data.text).toBe(text);
  });

  it('returns the same job for the same Idempotency-Key, and refuses the key for another request', async () => {
    const submit = (key: string, text = NOTE) => postJson(`${api.baseUrl}/v1/jobs`, { text }, { 'Idempotency-Key': key });
    const first = await submit('order-42');
    const again = await submit('order-42');
    const other = await submit('order-43');
    expect(first.status).toBe(202);
    expect(again.status).toBe(202);
    const [firstBody, againBody, otherBody] = await Promise.all([readJson(first), readJson(again), readJson(other)]);
    expect(againBody.id).toBe(firstBody.id);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(otherBody.id).not.toBe(firstBody.id);

    const reused = await submit('order-42', 'another document');
    expect(reused.status).toBe(422);
    expect((await readJson(reused)).error).toMatchObject({ code: 'idempotency_key_reused', field: 'Idempotency-Key' });
  });

  it('collapses concurrent submissions with one Idempotency-Key onto one job', async () => {
    const responses = await Promise.all(
      Array.from({ length: 5 }, () => postJson(`${api.baseUrl}/v1/jobs`, { text: NOTE }, { 'Idempotency-Key': 'burst-1' })),
    );
    const ids = await Promise.all(responses.map(async (response) => (await readJson(response)).id));
    expect(new Set(ids).size).toBe(1);
  });

  it.each([
    ['a missing text', { externalId: 'x' }, 'text'],
    ['a text of the wrong type', { text: 42 }, 'text'],
    ['an out-of-range option', { text: NOTE, options: { minScore: 2 } }, 'options.minScore'],
    ['an unknown option', { text: NOTE, options: { minscore: 0.5 } }, 'options.minscore'],
    ['an unknown encounter setting', { text: NOTE, options: { setting: 'emergency' } }, 'options.setting'],
    ['an unknown top-level key', { text: NOTE, priority: 1 }, 'priority'],
    ['an empty externalId', { text: NOTE, externalId: '' }, 'externalId'],
  ])('answers %s with 400 naming the field', async (_case, body, field) => {
    const response = await postJson(`${api.baseUrl}/v1/jobs`, body);
    expect(response.status).toBe(400);
    const { error } = await readJson(response);
    expect(error).toMatchObject({ code: 'validation_failed', field });
    expect(error.message).toContain(field);
  });

  it('answers malformed JSON with 400 and does not echo the body', async () => {
    const response = await fetch(`${api.baseUrl}/v1/jobs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"text": "patient has secret-diagnosis',
    });
    expect(response.status).toBe(400);
    const raw = await response.text();
    expect(JSON.parse(raw).error.code).toBe('invalid_json');
    expect(raw).not.toContain('secret-diagnosis');
  });

  it('answers a bad Idempotency-Key with 400 naming the header', async () => {
    const response = await postJson(`${api.baseUrl}/v1/jobs`, { text: NOTE }, { 'Idempotency-Key': 'x'.repeat(300) });
    expect(response.status).toBe(400);
    expect((await readJson(response)).error.field).toBe('Idempotency-Key');
  });

  it('answers a document over MAX_DOCUMENT_CHARS with 413, as JSON or text/plain', async () => {
    const long = 'a'.repeat(1_001);
    const asJson = await postJson(`${api.baseUrl}/v1/jobs`, { text: long });
    const asText = await fetch(`${api.baseUrl}/v1/jobs`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: long });
    for (const response of [asJson, asText]) {
      expect(response.status).toBe(413);
      expect((await readJson(response)).error).toMatchObject({ code: 'document_too_long', field: 'text' });
    }
    const atLimit = await postJson(`${api.baseUrl}/v1/jobs`, { text: 'a'.repeat(1_000) });
    expect(atLimit.status).toBe(202);
  });

  it('answers a body over the byte limit with 413 before reading it all', async () => {
    const response = await postJson(`${api.baseUrl}/v1/jobs`, { text: 'a'.repeat(200_000) });
    expect(response.status).toBe(413);
    expect((await readJson(response)).error.code).toBe('payload_too_large');
  });

  it.each(['application/xml', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x'])(
    'answers content type %s with 415',
    async (contentType) => {
      const response = await fetch(`${api.baseUrl}/v1/jobs`, { method: 'POST', headers: { 'content-type': contentType }, body: 'text=abc' });
      expect(response.status).toBe(415);
      expect((await readJson(response)).error.code).toBe('unsupported_media_type');
    },
  );
});

describe('GET /v1/jobs/:id and /result', () => {
  it('answers 404 JSON for unknown and malformed ids', async () => {
    for (const path of ['/v1/jobs/3f0c1d9e-0000-4000-8000-000000000000', '/v1/jobs/no:such:job', '/v1/jobs/unknown/result']) {
      const response = await fetch(`${api.baseUrl}${path}`);
      expect(response.status).toBe(404);
      expect((await readJson(response)).error.code).toBe('job_not_found');
    }
  });

  it('answers 202 with Retry-After while the result is not ready', async () => {
    const { id } = await readJson(await postJson(`${api.baseUrl}/v1/jobs`, { text: NOTE }));
    const response = await fetch(`${api.baseUrl}/v1/jobs/${id}/result`);
    expect(response.status).toBe(202);
    expect(response.headers.get('retry-after')).toBe('1');
    expect(await readJson(response)).toMatchObject({ id, status: 'queued' });
  });

  it('reports a failed job with its reason, and its result as 409', async () => {
    // A private queue prefix, so this stand-in worker takes only the job submitted here.
    const failing = await startTestApi({ codes: terminology });
    const worker = new Worker(DETECT_QUEUE, async () => Promise.reject(new UnrecoverableError('invalid job data: text: too short')), {
      connection: { url: failing.config.redisUrl },
      prefix: failing.config.queuePrefix,
    });
    try {
      const { id } = await readJson(await postJson(`${failing.baseUrl}/v1/jobs`, { text: NOTE }));
      const status = await pollStatus(failing.baseUrl, id, 'failed');
      expect(status).toMatchObject({ status: 'failed', error: { code: 'job_failed', message: 'invalid job data: text: too short' } });
      expect(status.finishedAt).toEqual(expect.any(String));
      const result = await fetch(`${failing.baseUrl}/v1/jobs/${id}/result`);
      expect(result.status).toBe(409);
      expect((await readJson(result)).error.code).toBe('job_failed');
    } finally {
      await worker.close();
      await failing.close();
    }
  });
});

describe('backpressure', () => {
  it('answers 429 with Retry-After once QUEUE_LIMIT jobs wait, but still replays known keys', async () => {
    const small = await startTestApi({ codes: terminology, config: { queueLimit: 2, retryAfterSeconds: 7 } });
    try {
      const submit = (key: string) => postJson(`${small.baseUrl}/v1/jobs`, { text: NOTE }, { 'Idempotency-Key': key });
      expect((await submit('a')).status).toBe(202);
      expect((await submit('b')).status).toBe(202);
      const refused = await submit('c');
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toBe('7');
      expect((await readJson(refused)).error.code).toBe('queue_full');
      expect((await submit('a')).status).toBe(202);
    } finally {
      await small.close();
    }
  });
});

async function pollStatus(baseUrl: string, id: string, until: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await readJson(await fetch(`${baseUrl}/v1/jobs/${id}`));
    if (status.status === until || Date.now() > deadline) return status;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
