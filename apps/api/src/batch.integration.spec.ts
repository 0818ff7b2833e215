/** Integration: `POST /v1/jobs:batch` over a real Redis and real HTTP (no worker: jobs stay queued). */
import { loadTerminology, type Terminology } from '@icd/terminology';
import { Queue } from 'bullmq';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { batchJobIds } from './batch.js';
import { jobDataFor } from './submission.js';
import { postJson, readJson, startTestApi, type TestApi } from './testing/test-api.js';

const documents = (count: number, prefix = 'note') =>
  Array.from({ length: count }, (_, index) => ({ text: `${prefix} ${index}: essential hypertension.`, externalId: `${prefix}-${index}` }));

let terminology: Terminology;
let api: TestApi;

beforeAll(async () => {
  terminology = await loadTerminology();
  api = await startTestApi({ codes: terminology, config: { maxDocumentChars: 1_000, maxBatchChars: 20_000 } });
});

afterAll(async () => {
  await api?.close();
});

afterEach(() => {
  vi.restoreAllMocks();
});

const submitBatch = (body: unknown, headers: Record<string, string> = {}, base = api.baseUrl) => postJson(`${base}/v1/jobs:batch`, body, headers);

describe('POST /v1/jobs:batch', () => {
  it('answers 202 with one job per document, in order, added with one addBulk call', async () => {
    const addBulk = vi.spyOn(Queue.prototype, 'addBulk');
    const add = vi.spyOn(Queue.prototype, 'add');
    const sent: { text: string; externalId?: string }[] = [...documents(3), { text: 'Asthma, no externalId.' }];
    const response = await submitBatch({ documents: sent });
    expect(response.status).toBe(202);
    const { jobs } = await readJson(response);
    expect(addBulk).toHaveBeenCalledTimes(1);
    expect(add).not.toHaveBeenCalled();

    expect(jobs).toHaveLength(4);
    expect(new Set(jobs.map((job: { id: string }) => job.id)).size).toBe(4);
    jobs.forEach((job: { id: string }, index: number) => {
      const externalId = sent[index].externalId;
      expect(job).toEqual({ id: expect.any(String), status: 'queued', statusUrl: `/v1/jobs/${job.id}`, ...(externalId && { externalId }) });
    });
    for (const [index, job] of jobs.entries()) {
      expect((await api.queue.find(job.id))?.data).toMatchObject({ text: sent[index].text, requestId: job.id });
      const status = await readJson(await fetch(`${api.baseUrl}${job.statusUrl}`));
      expect(status).toMatchObject({ id: job.id, status: 'queued' });
    }
  });

  it('accepts 100 documents and refuses 101, or none, with 400 on documents', async () => {
    const hundred = await submitBatch({ documents: documents(100, 'h') });
    expect(hundred.status).toBe(202);
    expect((await readJson(hundred)).jobs).toHaveLength(100);
    for (const body of [{ documents: documents(101) }, { documents: [] }, {}, { documents: documents(1), priority: 1 }]) {
      const response = await submitBatch(body);
      expect(response.status).toBe(400);
      expect((await readJson(response)).error).toMatchObject({ code: 'validation_failed', field: expect.stringMatching(/^(documents|priority)$/) });
    }
  });

  it('names the index of a bad document, and adds none of the batch', async () => {
    const before = await api.queue.depth();
    const cases = [
      [{ text: 42 }, 'documents.3.text'],
      [{ externalId: 'no-text' }, 'documents.3.text'],
      [{ text: 'ok', options: { minScore: 3 } }, 'documents.3.options.minScore'],
      [{ text: 'ok', colour: 'red' }, 'documents.3.colour'],
      ['just a string', 'documents.3'],
    ] as const;
    for (const [bad, field] of cases) {
      const response = await submitBatch({ documents: [...documents(3), bad, ...documents(2, 'after')] });
      expect(response.status).toBe(400);
      const { error } = await readJson(response);
      expect(error).toMatchObject({ code: 'validation_failed', field });
      expect(error.message).toContain(field);
    }
    expect(await api.queue.depth()).toEqual(before);
  });

  it('answers 413 for a document over the limit (naming it) and for a batch over its total', async () => {
    const long = await submitBatch({ documents: [...documents(2), { text: 'a'.repeat(1_001) }] });
    expect(long.status).toBe(413);
    expect((await readJson(long)).error).toMatchObject({ code: 'document_too_long', field: 'documents.2.text' });
    const heavy = await submitBatch({ documents: Array.from({ length: 21 }, () => ({ text: 'a'.repeat(1_000) })) });
    expect(heavy.status).toBe(413);
    expect((await readJson(heavy)).error).toMatchObject({ code: 'batch_too_long', field: 'documents' });
  });

  it('answers 415 to anything but JSON', async () => {
    const response = await fetch(`${api.baseUrl}/v1/jobs:batch`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'asthma' });
    expect(response.status).toBe(415);
    expect((await readJson(response)).error.code).toBe('unsupported_media_type');
  });

  it('matches the path literally: the colon is not a route parameter', async () => {
    for (const path of ['/v1/jobsXbatch', '/v1/jobs:other', '/v1/jobs-batch']) {
      const response = await postJson(`${api.baseUrl}${path}`, { documents: documents(1) });
      expect(response.status).toBe(404);
      expect((await readJson(response)).error.code).toBe('not_found');
    }
  });
});

describe('Idempotency-Key on a batch', () => {
  it('gives the same job ids for the same key and documents, and new ones for another key', async () => {
    const sent = { documents: documents(3, 'idem') };
    const first = await submitBatch(sent, { 'Idempotency-Key': 'batch-1' });
    const again = await submitBatch(sent, { 'Idempotency-Key': 'batch-1' });
    const other = await submitBatch(sent, { 'Idempotency-Key': 'batch-2' });
    const ids = async (response: Response) => (await readJson(response)).jobs.map((job: { id: string }) => job.id);
    const [firstIds, againIds, otherIds] = await Promise.all([ids(first), ids(again), ids(other)]);
    expect(againIds).toEqual(firstIds);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(otherIds.filter((id: string) => firstIds.includes(id))).toEqual([]);
  });

  it('refuses the key for other documents, for more documents and for fewer', async () => {
    const sent = documents(3, 'reuse');
    expect((await submitBatch({ documents: sent }, { 'Idempotency-Key': 'batch-reuse' })).status).toBe(202);
    const variants = [
      [...sent.slice(0, 2), { text: 'changed' }],
      [...sent, { text: 'one more' }],
      sent.slice(0, 2),
    ];
    for (const changed of variants) {
      const response = await submitBatch({ documents: changed }, { 'Idempotency-Key': 'batch-reuse' });
      expect(response.status).toBe(422);
      expect((await readJson(response)).error).toMatchObject({ code: 'idempotency_key_reused', field: 'Idempotency-Key' });
    }
  });

  it('completes a batch that is only partly there (a concurrent or cut-short attempt), keeping those jobs', async () => {
    const sent = documents(4, 'partial');
    const ids = batchJobIds('local', 'batch-partial', sent.length);
    await api.queue.submitMany([jobDataFor(sent[0], ids[0], 'local'), jobDataFor(sent[1], ids[1], 'local')]);
    const response = await submitBatch({ documents: sent }, { 'Idempotency-Key': 'batch-partial' });
    expect(response.status).toBe(202);
    expect((await readJson(response)).jobs.map((job: { id: string }) => job.id)).toEqual(ids);
    const shorter = await submitBatch({ documents: sent.slice(0, 1) }, { 'Idempotency-Key': 'batch-partial' });
    expect(shorter.status).toBe(422);
  });

  it('collapses concurrent batches with one key onto one set of jobs', async () => {
    const sent = { documents: documents(5, 'burst') };
    const responses = await Promise.all(Array.from({ length: 4 }, () => submitBatch(sent, { 'Idempotency-Key': 'batch-burst' })));
    const idLists = await Promise.all(responses.map(async (response) => JSON.stringify((await readJson(response)).jobs.map((job: { id: string }) => job.id))));
    expect(new Set(idLists).size).toBe(1);
  });
});

describe('backpressure on batches', () => {
  it('answers 429 once the queue is full, but still replays a known key', async () => {
    const small = await startTestApi({ codes: terminology, config: { queueLimit: 3, retryAfterSeconds: 9 } });
    try {
      expect((await submitBatch({ documents: documents(2) }, { 'Idempotency-Key': 'k' }, small.baseUrl)).status).toBe(202);
      // Not yet full (2 < 3): a batch that goes past the limit is still taken whole.
      expect((await submitBatch({ documents: documents(5, 'big') }, {}, small.baseUrl)).status).toBe(202);
      const refused = await submitBatch({ documents: documents(1, 'late') }, {}, small.baseUrl);
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toBe('9');
      expect((await readJson(refused)).error.code).toBe('queue_full');
      expect((await submitBatch({ documents: documents(2) }, { 'Idempotency-Key': 'k' }, small.baseUrl)).status).toBe(202);
    } finally {
      await small.close();
    }
  });
});
