/**
 * Integration: `DELETE /v1/jobs/:id` over real HTTP and a real Redis, with a stand-in worker (the
 * worker project runs the real one, and the case of a job deleted while a worker holds it).
 */
import { DETECT_QUEUE } from '@icd/contracts';
import { loadTerminology, type Terminology } from '@icd/terminology';
import { Queue, type Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { standInWorker } from './testing/stand-in-worker.js';
import { postJson, readJson, startTestApi, type TestApi } from './testing/test-api.js';

const NOTE = 'Assessment: essential hypertension.';
const result = (documentLength: number) => ({
  schemaVersion: 1,
  terminology: { system: 'ICD-10-CM', version: 'test' },
  documentLength,
  codes: [{ code: 'I10', title: 'Essential (primary) hypertension', billable: true, score: 0.9, evidence: [{ begin: 12, end: 34, text: 'essential hypertension', section: null }], rationale: 'r', alternatives: [] }],
  mentions: [],
});

let terminology: Terminology;
let api: TestApi;
let worker: Worker;
let queue: Queue;
let redis: Redis;

beforeAll(async () => {
  terminology = await loadTerminology();
  api = await startTestApi({ codes: terminology });
  worker = standInWorker(api, async (data) => result(data.text.length));
  queue = new Queue(DETECT_QUEUE, { connection: { url: api.config.redisUrl }, prefix: api.config.queuePrefix });
  redis = new Redis(api.config.redisUrl);
});

afterAll(async () => {
  redis?.disconnect();
  await queue?.close();
  await worker?.close();
  await api?.close();
});

const remove = (id: string) => fetch(`${api.baseUrl}/v1/jobs/${id}`, { method: 'DELETE' });

/** Keys of the queue whose name or contents mention `id`. */
async function keysMentioning(id: string): Promise<string[]> {
  const keys = await redis.keys(`${api.config.queuePrefix}:*`);
  const mentioning: string[] = [];
  for (const key of keys) {
    const type = await redis.type(key);
    const contents =
      type === 'hash' ? Object.entries(await redis.hgetall(key)).flat()
      : type === 'zset' ? await redis.zrange(key, '0', '-1')
      : type === 'list' ? await redis.lrange(key, 0, -1)
      : type === 'stream' ? (await redis.xrange(key, '-', '+')).flatMap(([, fields]) => fields)
      : type === 'set' ? await redis.smembers(key)
      : [(await redis.get(key)) ?? ''];
    if ([key, ...contents].some((value) => value.includes(id))) mentioning.push(key);
  }
  return mentioning;
}

describe('DELETE /v1/jobs/:id', () => {
  it('deletes a completed job with its result and review: 204, then 404 everywhere, and no key names it', async () => {
    const { id } = await readJson(await postJson(`${api.baseUrl}/v1/jobs`, { text: NOTE }));
    const deadline = Date.now() + 10_000;
    while ((await readJson(await fetch(`${api.baseUrl}/v1/jobs/${id}`))).status !== 'completed') {
      if (Date.now() > deadline) throw new Error('the job did not complete');
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const review = await fetch(`${api.baseUrl}/v1/jobs/${id}/review`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ decisions: [{ code: 'I10', status: 'accepted' }] }) });
    expect(review.status).toBe(200);
    expect(await keysMentioning(id)).not.toEqual([]);

    const deleted = await remove(id);
    expect(deleted.status).toBe(204);
    expect(deleted.headers.get('content-length') ?? '0').toBe('0');
    for (const path of ['', '/result', '/document', '/review']) expect((await fetch(`${api.baseUrl}/v1/jobs/${id}${path}`)).status, path).toBe(404);
    expect(await keysMentioning(id)).toEqual([]);
    const again = await remove(id);
    expect(again.status).toBe(404);
    expect((await readJson(again)).error.code).toBe('job_not_found');
  });

  it('deletes a job still waiting (no worker takes it afterwards), and a repeated Idempotency-Key then makes a new job', async () => {
    await worker.pause();
    try {
      const send = () => postJson(`${api.baseUrl}/v1/jobs`, { text: NOTE }, { 'Idempotency-Key': 'delete-me' });
      const { id } = await readJson(await send());
      expect(await queue.getJobState(id)).toBe('waiting');
      expect((await remove(id)).status).toBe(204);
      expect(await queue.getJobState(id)).toBe('unknown');
      expect(await keysMentioning(id)).toEqual([]);
      const resubmitted = await send();
      expect(resubmitted.status).toBe(202);
      expect(resubmitted.headers.get('idempotent-replayed')).toBeNull();
    } finally {
      worker.resume();
    }
  });

  it('answers 404 for an id that cannot name a job', async () => {
    expect((await remove('no-such-job')).status).toBe(404);
    expect((await remove('a%3Ab')).status).toBe(404);
    expect((await remove('x'.repeat(200))).status).toBe(404);
  });
});
