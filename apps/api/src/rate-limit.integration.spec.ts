/**
 * Integration: limits per API key, counted in the real Redis (so shared by API replicas), with the
 * RateLimit header fields; and what happens when that Redis is gone.
 */
import { loadTerminology, type Terminology } from '@icd/terminology';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseApiKeysEnv } from './api-keys.js';
import { closedPort } from './testing/closed-port.js';
import { bearer } from './testing/api-keys.js';
import { postJson, readJson, startTestApi, type TestApi } from './testing/test-api.js';

const ACME = 'icd10_acme-rate-limit-test-key-000000000000';
const GLOBEX = 'icd10_globex-rate-limit-test-key-0000000000';
const apiKeys = parseApiKeysEnv(`acme:${ACME},globex:${GLOBEX}`);
const LIMIT = { rateLimitPoints: 5, rateLimitWindowSeconds: 60 };

let terminology: Terminology;
let api: TestApi;

beforeAll(async () => {
  terminology = await loadTerminology();
  api = await startTestApi({ codes: terminology, config: { apiKeys, ...LIMIT } });
});

afterAll(async () => {
  await api?.close();
});

const lookup = (baseUrl: string, key: string) => fetch(`${baseUrl}/v1/codes/I10`, { headers: bearer(key) });

describe('rate limits per API key', () => {
  it('counts each key on its own, announces the policy, and answers 429 with Retry-After past it', async () => {
    for (let used = 1; used <= LIMIT.rateLimitPoints; used += 1) {
      const response = await lookup(api.baseUrl, ACME);
      expect(response.status).toBe(200);
      expect(response.headers.get('ratelimit-policy')).toBe('5;w=60');
      expect(response.headers.get('ratelimit-limit')).toBe('5');
      expect(response.headers.get('ratelimit-remaining')).toBe(String(LIMIT.rateLimitPoints - used));
      expect(Number(response.headers.get('ratelimit-reset'))).toBeGreaterThan(0);
      expect(Number(response.headers.get('ratelimit-reset'))).toBeLessThanOrEqual(60);
      await response.arrayBuffer();
    }
    const refused = await lookup(api.baseUrl, ACME);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect(refused.headers.get('ratelimit-remaining')).toBe('0');
    expect((await readJson(refused)).error).toEqual({ code: 'rate_limited', message: expect.stringContaining('5 requests in 60 s') });
    // Every /v1 route counts, submissions included.
    expect((await postJson(`${api.baseUrl}/v1/jobs`, { text: 'Asthma.' }, bearer(ACME))).status).toBe(429);

    expect((await lookup(api.baseUrl, GLOBEX)).status).toBe(200);
    // Neither public routes nor refused keys are counted against anyone.
    for (let i = 0; i < 10; i += 1) expect((await fetch(`${api.baseUrl}/healthz`)).status).toBe(200);
    expect((await fetch(`${api.baseUrl}/v1/codes/I10`, { headers: bearer('icd10_not-a-key-at-all-0000000000') })).status).toBe(401);
  });

  it('shares the count between API processes on the same Redis', async () => {
    const replica = await startTestApi({ codes: terminology, config: { apiKeys, ...LIMIT, queuePrefix: api.config.queuePrefix, redisUrl: api.config.redisUrl } });
    try {
      // acme used its window up through the first API in the test above.
      expect((await lookup(replica.baseUrl, ACME)).status).toBe(429);
      const globexLeft = Number((await lookup(api.baseUrl, GLOBEX)).headers.get('ratelimit-remaining'));
      expect(Number((await lookup(replica.baseUrl, GLOBEX)).headers.get('ratelimit-remaining'))).toBe(globexLeft - 1);
    } finally {
      await replica.close();
    }
  });
});

describe('when Redis does not answer', () => {
  let down: TestApi;

  beforeAll(async () => {
    down = await startTestApi({ codes: terminology, config: { apiKeys, rateLimitPoints: 3, rateLimitWindowSeconds: 60, redisUrl: `redis://127.0.0.1:${await closedPort()}`, redisTimeoutMs: 300 } });
  });

  afterAll(async () => {
    await down?.close();
  });

  it('keeps counting in memory: no crash, no unlimited access, and 503 only where the queue is needed', async () => {
    const submitted = await postJson(`${down.baseUrl}/v1/jobs`, { text: 'Asthma.' }, bearer(GLOBEX));
    expect(submitted.status).toBe(503);
    expect((await readJson(submitted)).error.code).toBe('queue_unavailable');

    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      const response = await lookup(down.baseUrl, ACME);
      statuses.push(response.status);
      await response.arrayBuffer();
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect((await fetch(`${down.baseUrl}/healthz`)).status).toBe(200);
  });
});

