/**
 * Integration: the worklist (`GET /v1/jobs`), a job's document, and review decisions saved with the
 * job, over a real Redis. A stand-in BullMQ worker completes jobs with a fixed result (the real
 * detector runs in the worker project's tests).
 */
import { DETECT_QUEUE, type DetectionResult } from '@icd/contracts';
import { loadTerminology, type Terminology } from '@icd/terminology';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { standInWorker } from './testing/stand-in-worker.js';
import { postJson, readJson, startTestApi, testSealer, type TestApi } from './testing/test-api.js';

const NOTE = 'PMH: T2DM with CKD stage 3.\r\nHTN 😀 <b>bold</b>';

function resultFor(text: string): DetectionResult {
  const span = (needle: string) => ({ begin: text.indexOf(needle), end: text.indexOf(needle) + needle.length, text: needle, section: 'past_medical_history' });
  const proposal = (code: string, title: string, needle: string) => ({ code, title, billable: true, score: 0.9, evidence: [span(needle)], rationale: title, alternatives: [] });
  return {
    schemaVersion: 1,
    terminology: { system: 'ICD-10-CM', version: 'test' },
    documentLength: text.length,
    codes: [proposal('E11.22', 'Type 2 diabetes mellitus with diabetic chronic kidney disease', 'T2DM'), proposal('I10', 'Essential (primary) hypertension', 'HTN')],
    mentions: [],
  };
}

let terminology: Terminology;
let api: TestApi;
let worker: Worker;

beforeAll(async () => {
  terminology = await loadTerminology();
  api = await startTestApi({ codes: terminology });
  worker = standInWorker(api, async (data) => resultFor(data.text));
});

afterAll(async () => {
  await worker?.close();
  await api?.close();
});

async function completedJob(text = NOTE, externalId?: string): Promise<string> {
  const { id } = await readJson(await postJson(`${api.baseUrl}/v1/jobs`, { text, externalId }));
  const deadline = Date.now() + 10_000;
  while ((await readJson(await fetch(`${api.baseUrl}/v1/jobs/${id}`))).status !== 'completed') {
    if (Date.now() > deadline) throw new Error(`job ${id} did not complete`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return id;
}

const putReview = (id: string, body: unknown) =>
  fetch(`${api.baseUrl}/v1/jobs/${id}/review`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('GET /v1/jobs/:id/document', () => {
  it('returns the text exactly as submitted, with the externalId', async () => {
    const id = await completedJob(NOTE, 'note-1.txt');
    const response = await fetch(`${api.baseUrl}/v1/jobs/${id}/document`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await readJson(response)).toEqual({ id, externalId: 'note-1.txt', text: NOTE });
    expect((await fetch(`${api.baseUrl}/v1/jobs/no-such-job/document`)).status).toBe(404);
  });
});

describe('review decisions', () => {
  it('starts empty, saves with a server time and terminology titles, and reads back', async () => {
    const id = await completedJob();
    expect(await readJson(await fetch(`${api.baseUrl}/v1/jobs/${id}/review`))).toEqual({ decisions: [] });
    const decisions = [
      { code: 'E11.22', status: 'replaced', replacement: { code: 'E11.21', title: 'sent by the client' } },
      { code: 'I10', status: 'accepted' },
    ];
    const saved = await putReview(id, { decisions, updatedAt: '2000-01-01T00:00:00.000Z' });
    expect(saved.status).toBe(200);
    const body = await readJson(saved);
    expect(body.decisions).toEqual([
      { code: 'E11.22', status: 'replaced', replacement: { code: 'E11.21', title: terminology.lookup('E11.21')!.title } },
      { code: 'I10', status: 'accepted' },
    ]);
    expect(Date.parse(body.updatedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(await readJson(await fetch(`${api.baseUrl}/v1/jobs/${id}/review`))).toEqual(body);

    const replaced = await readJson(await putReview(id, { decisions: [{ code: 'I10', status: 'rejected' }] }));
    expect(replaced.decisions).toEqual([{ code: 'I10', status: 'rejected' }]);
  });

  it.each([
    ['a code the job did not propose', { decisions: [{ code: 'J45.909', status: 'accepted' }] }, 422, 'code_not_proposed', 'decisions.0.code'],
    ['an unknown replacement', { decisions: [{ code: 'I10', status: 'replaced', replacement: { code: 'Q99.99' } }] }, 422, 'unknown_code', 'decisions.0.replacement.code'],
    ['two decisions for one code', { decisions: [{ code: 'I10', status: 'accepted' }, { code: 'I10', status: 'rejected' }] }, 400, 'validation_failed', 'decisions'],
    ['an unknown status', { decisions: [{ code: 'I10', status: 'maybe' }] }, 400, 'validation_failed', 'decisions.0.status'],
  ])('refuses %s', async (_case, body, status, code, field) => {
    const id = await completedJob();
    const response = await putReview(id, body);
    expect(response.status).toBe(status);
    expect((await readJson(response)).error).toMatchObject({ code, field });
    expect(await readJson(await fetch(`${api.baseUrl}/v1/jobs/${id}/review`))).toEqual({ decisions: [] });
  });

  it('answers 404 for an unknown job, 415 for a non-JSON body, 409 before the job completes', async () => {
    expect((await putReview('no-such-job', { decisions: [] })).status).toBe(404);
    expect((await fetch(`${api.baseUrl}/v1/jobs/no-such-job/review`)).status).toBe(404);
    const id = await completedJob();
    const asText = await fetch(`${api.baseUrl}/v1/jobs/${id}/review`, { method: 'PUT', headers: { 'content-type': 'text/plain' }, body: 'I10' });
    expect(asText.status).toBe(415);

    const idle = await startTestApi({ codes: terminology });
    try {
      const { id: queued } = await readJson(await postJson(`${idle.baseUrl}/v1/jobs`, { text: NOTE }));
      const response = await fetch(`${idle.baseUrl}/v1/jobs/${queued}/review`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{"decisions":[]}' });
      expect(response.status).toBe(409);
      expect((await readJson(response)).error.code).toBe('job_not_completed');
    } finally {
      await idle.close();
    }
  });

  it('is kept sealed in the job hash, so it goes when the job goes, and is never written to a removed job', async () => {
    const id = await completedJob();
    await putReview(id, { decisions: [{ code: 'I10', status: 'accepted' }] });
    const bull = new Queue(DETECT_QUEUE, { connection: { url: api.config.redisUrl }, prefix: api.config.queuePrefix });
    const redis = new Redis(api.config.redisUrl);
    try {
      const jobKey = bull.toKey(id);
      const sealed = (await redis.hget(jobKey, 'icdReview'))!;
      expect(sealed).not.toContain('I10');
      expect(JSON.parse(testSealer().open(sealed, { record: id, field: 'review' }))).toMatchObject({ decisions: [{ code: 'I10', status: 'accepted' }] });
      await bull.remove(id);
      expect(await redis.exists(jobKey)).toBe(0);
      expect(await api.queue.saveReview(id, { decisions: [] })).toBe(false);
      expect(await redis.exists(jobKey)).toBe(0);
      expect((await fetch(`${api.baseUrl}/v1/jobs/${id}/review`)).status).toBe(404);
    } finally {
      redis.disconnect();
      await bull.close();
    }
  });
});

describe('GET /v1/jobs', () => {
  it('lists recent jobs newest first, with their code counts and review state, never their text', async () => {
    const fresh = await startTestApi({ codes: terminology });
    const freshWorker = standInWorker(fresh, async (data) => resultFor(data.text));
    try {
      const ids: string[] = [];
      for (const name of ['a.txt', 'b.txt', 'c.txt']) {
        ids.push((await readJson(await postJson(`${fresh.baseUrl}/v1/jobs`, { text: NOTE, externalId: name }))).id);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      await waitUntil(async () => (await readJson(await fetch(`${fresh.baseUrl}/v1/jobs`))).jobs.every((job: { status: string }) => job.status === 'completed'));
      await fetch(`${fresh.baseUrl}/v1/jobs/${ids[1]}/review`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{"decisions":[{"code":"I10","status":"accepted"}]}' });

      const response = await fetch(`${fresh.baseUrl}/v1/jobs?limit=2`);
      expect(response.status).toBe(200);
      const raw = await response.text();
      expect(raw).not.toContain('T2DM');
      const { jobs } = JSON.parse(raw);
      expect(jobs.map((job: { id: string }) => job.id)).toEqual([ids[2], ids[1]]);
      expect(jobs[0]).toEqual({ id: ids[2], status: 'completed', createdAt: expect.any(String), finishedAt: expect.any(String), externalId: 'c.txt', codeCount: 2, review: null });
      expect(jobs[1].review).toEqual({ decisions: 1, updatedAt: expect.any(String) });
      expect((await readJson(await fetch(`${fresh.baseUrl}/v1/jobs`))).jobs).toHaveLength(3);
    } finally {
      await freshWorker.close();
      await fresh.close();
    }
  });

  it('shows queued jobs too, and checks its limit', async () => {
    const idle = await startTestApi({ codes: terminology });
    try {
      const { id } = await readJson(await postJson(`${idle.baseUrl}/v1/jobs`, { text: NOTE }));
      expect((await readJson(await fetch(`${idle.baseUrl}/v1/jobs`))).jobs).toEqual([
        { id, status: 'queued', createdAt: expect.any(String), finishedAt: null, review: null },
      ]);
      for (const query of ['?limit=0', '?limit=101', '?limit=x', '?page=2']) {
        const response = await fetch(`${idle.baseUrl}/v1/jobs${query}`);
        expect(response.status, query).toBe(400);
        expect((await readJson(response)).error.code).toBe('validation_failed');
      }
    } finally {
      await idle.close();
    }
  });
});

async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
