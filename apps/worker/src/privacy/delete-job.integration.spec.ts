/**
 * `DELETE /v1/jobs/:id` with the API as a process (two tenants) and a real worker: document, result
 * and review go at once, and afterwards no key of the Redis (names, values, sets, lists, the event
 * stream, the tenant's worklist) mentions the job id. Another tenant's job is a 404. A job deleted
 * while a worker holds it loses its content at once, and the rest when the worker finishes.
 */
import { JOB_HASH_FIELDS } from '@icd/contracts';
import { createDetector } from '@icd/detector';
import { loadTerminology } from '@icd/terminology';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWorkerConfig } from '../config.js';
import { createDetectProcessor, type DetectProcessor } from '../processor.js';
import { readJson } from '../testing/api-process.js';
import { openQueue, waitFor } from '../testing/job-tracking.js';
import { findInRedis } from '../testing/redis-scan.js';
import { testSealer } from '../testing/sealed-jobs.js';
import { call, serviceStack, submitAndComplete } from '../testing/service-stack.js';
import { createDetectWorker } from '../worker.js';

const ACME = `icd10_${randomBytes(32).toString('base64url')}`;
const GLOBEX = `icd10_${randomBytes(32).toString('base64url')}`;
const as = (key: string) => ({ authorization: `Bearer ${key}` });
const NOTE = 'Assessment: essential hypertension. Asthma, well controlled.';

const stack = serviceStack({ API_KEYS: `acme:${ACME},globex:${GLOBEX}` });

afterAll(async () => {
  await stack.stop();
});

/** Every key's name and contents that mention the id. */
const traces = (id: string) => findInRedis(stack.redisUrl, [id]);

describe('DELETE /v1/jobs/:id', () => {
  beforeAll(async () => {
    await stack.start();
  });

  it("removes a completed job's document, result and review, leaving no trace of it in Redis", async () => {
    const id = await submitAndComplete(stack, { text: NOTE, externalId: 'visit-1' }, as(ACME));
    const review = await call(stack, `/v1/jobs/${id}/review`, { method: 'PUT', body: { decisions: [{ code: 'I10', status: 'accepted' }] }, headers: as(ACME) });
    expect(review.status).toBe(200);
    expect(await traces(id)).not.toEqual([]);

    const deleted = await call(stack, `/v1/jobs/${id}`, { method: 'DELETE', headers: as(ACME) });
    expect(deleted.status).toBe(204);
    expect(await deleted.text()).toBe('');
    for (const path of ['', '/result', '/document', '/review']) {
      expect((await call(stack, `/v1/jobs/${id}${path}`, { headers: as(ACME) })).status, path).toBe(404);
    }
    expect((await call(stack, `/v1/jobs/${id}`, { method: 'DELETE', headers: as(ACME) })).status).toBe(404);
    expect(await traces(id)).toEqual([]);
    const list = await readJson(await call(stack, '/v1/jobs', { headers: as(ACME) }));
    expect(list.jobs.map((job: { id: string }) => job.id)).not.toContain(id);
  });

  it("answers 404 for another tenant's job, which stays", async () => {
    const id = await submitAndComplete(stack, { text: NOTE }, as(ACME));
    const refused = await call(stack, `/v1/jobs/${id}`, { method: 'DELETE', headers: as(GLOBEX) });
    expect(refused.status).toBe(404);
    expect((await readJson(refused)).error.code).toBe('job_not_found');
    expect((await call(stack, `/v1/jobs/${id}/document`, { headers: as(ACME) })).status).toBe(200);
    expect((await call(stack, `/v1/jobs/${id}`, { method: 'DELETE' })).status).toBe(401);
    expect((await call(stack, '/v1/jobs/not%20an%20id', { method: 'DELETE', headers: as(ACME) })).status).toBe(404);
  });

  it('removes a job that is still waiting, so that no worker codes it', async () => {
    await stack.stopProcesses({ api: false });
    const submitted = await call(stack, '/v1/jobs', { body: { text: NOTE }, headers: as(ACME) });
    const { id } = await readJson(submitted);
    expect((await readJson(await call(stack, `/v1/jobs/${id}`, { headers: as(ACME) }))).status).toBe('queued');
    expect((await call(stack, `/v1/jobs/${id}`, { method: 'DELETE', headers: as(ACME) })).status).toBe(204);
    expect(await traces(id)).toEqual([]);
    await stack.start({}, { api: false });
  });
});

describe('DELETE of a job a worker is coding', () => {
  const silent = pino({ level: 'silent' });
  let release: () => void = () => undefined;
  let started: () => void = () => undefined;

  it('erases its content at once, and the worker discards its result and removes it when done', async () => {
    await stack.stopProcesses({ api: false });
    const detector = createDetector(await loadTerminology());
    const real = createDetectProcessor(detector, silent, testSealer());
    const gate = new Promise<void>((resolve) => (release = resolve));
    const running = new Promise<void>((resolve) => (started = resolve));
    // The real processor, held open until the test has deleted the job.
    const held: DetectProcessor = async (job) => {
      started();
      await gate;
      return real(job);
    };
    const config = { ...loadWorkerConfig({}), redisUrl: stack.redisUrl, queuePrefix: stack.queuePrefix };
    const worker = createDetectWorker({ config, processor: held, logger: silent });
    const queue = openQueue(stack.redisUrl, stack.queuePrefix);
    const redis = new Redis(stack.redisUrl);
    try {
      const { id } = await readJson(await call(stack, '/v1/jobs', { body: { text: NOTE }, headers: as(ACME) }));
      await running;
      expect((await readJson(await call(stack, `/v1/jobs/${id}`, { headers: as(ACME) }))).status).toBe('active');
      expect((await call(stack, `/v1/jobs/${id}`, { method: 'DELETE', headers: as(ACME) })).status).toBe(204);
      expect((await call(stack, `/v1/jobs/${id}`, { headers: as(ACME) })).status).toBe(404);
      const held = await redis.hgetall(queue.toKey(id));
      expect(JSON.parse(held.data)).toEqual({ deleted: true });
      expect(held[JOB_HASH_FIELDS.result]).toBeUndefined();

      release();
      await waitFor(async () => (await redis.exists(queue.toKey(id))) === 0, 10_000, () => 'the worker did not remove the deleted job');
      expect(await queue.getJobState(id)).toBe('unknown');
      // What is left are the event stream's entries about the job: its id and state changes only.
      const left = await traces(id);
      expect(left.every((line) => line.startsWith(`${stack.queuePrefix}:icd-detect:events (stream)`)), left.join('\n')).toBe(true);
    } finally {
      release();
      await worker.close();
      await queue.close();
      redis.disconnect();
    }
  });
});
