/** Integration: code lookup and search, health and readiness, and the answers when Redis is down. */
import { DETECT_QUEUE } from '@icd/contracts';
import { loadTerminology, type Terminology } from '@icd/terminology';
import { Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedPort } from './testing/closed-port.js';
import { parsePrometheusText } from './testing/prometheus.js';
import { postJson, readJson, startTestApi, type TestApi } from './testing/test-api.js';

let terminology: Terminology;
let api: TestApi;

beforeAll(async () => {
  terminology = await loadTerminology();
  api = await startTestApi({ codes: terminology });
});

afterAll(async () => {
  await api?.close();
});

describe('GET /v1/codes', () => {
  it('returns the full record of a code written in any common form', async () => {
    for (const written of ['E11.22', 'e1122']) {
      const response = await fetch(`${api.baseUrl}/v1/codes/${written}`);
      expect(response.status).toBe(200);
      expect(await readJson(response)).toMatchObject({
        code: 'E11.22',
        title: 'Type 2 diabetes mellitus with diabetic chronic kidney disease',
        billable: true,
        parent: { code: 'E11.2' },
      });
    }
  });

  it('answers 404 JSON for an unknown code', async () => {
    const response = await fetch(`${api.baseUrl}/v1/codes/Q99.999`);
    expect(response.status).toBe(404);
    expect((await readJson(response)).error.code).toBe('code_not_found');
  });

  it('searches with a limit', async () => {
    const response = await fetch(`${api.baseUrl}/v1/codes?q=${encodeURIComponent('type 2 diabetes kidney')}&limit=3`);
    expect(response.status).toBe(200);
    const body = await readJson(response);
    expect(body.query).toBe('type 2 diabetes kidney');
    expect(body.results).toHaveLength(3);
    expect(body.results[0]).toEqual({ code: expect.stringMatching(/^E11\./), title: expect.any(String), billable: expect.any(Boolean), score: 1, matched: expect.any(Object) });
    expect(body.results.map((hit: { code: string }) => hit.code)).toContain('E11.22');
  });

  it.each([
    ['', 'q'],
    ['?q=', 'q'],
    ['?q=asthma&limit=0', 'limit'],
    ['?q=asthma&limit=many', 'limit'],
  ])('answers the search %j with 400 naming %s', async (query, field) => {
    const response = await fetch(`${api.baseUrl}/v1/codes${query}`);
    expect(response.status).toBe(400);
    expect((await readJson(response)).error).toMatchObject({ code: 'validation_failed', field });
  });
});

describe('health', () => {
  it('GET /healthz answers while the process is up', async () => {
    const response = await fetch(`${api.baseUrl}/healthz`);
    expect(response.status).toBe(200);
    expect(await readJson(response)).toEqual({ status: 'ok' });
  });

  it('GET /readyz is 503 without a worker and 200 once one is connected', async () => {
    const before = await fetch(`${api.baseUrl}/readyz`);
    expect(before.status).toBe(503);
    expect(await readJson(before)).toMatchObject({ error: { code: 'no_workers' }, checks: { redis: 'ok', workers: 0 } });

    // A stand-in worker (the real one is covered by the worker project's service test).
    const worker = new Worker(DETECT_QUEUE, async () => null, { connection: { url: api.config.redisUrl }, prefix: api.config.queuePrefix });
    try {
      await worker.waitUntilReady();
      const after = await fetch(`${api.baseUrl}/readyz`);
      expect(after.status).toBe(200);
      expect(await readJson(after)).toEqual({ status: 'ready', checks: { redis: 'ok', workers: 1 } });
    } finally {
      await worker.close();
    }
  });

  it('answers unknown routes with 404 JSON and echoes X-Request-Id', async () => {
    const response = await fetch(`${api.baseUrl}/v2/nothing`, { headers: { 'X-Request-Id': 'req-123' } });
    expect(response.status).toBe(404);
    expect(response.headers.get('x-request-id')).toBe('req-123');
    expect((await readJson(response)).error.code).toBe('not_found');
  });
});

describe('when Redis does not answer', () => {
  let down: TestApi;

  beforeAll(async () => {
    down = await startTestApi({ codes: terminology, config: { redisUrl: `redis://127.0.0.1:${await closedPort()}`, redisTimeoutMs: 300 } });
  });

  afterAll(async () => {
    await down?.close();
  });

  it('answers queue routes with 503 and Retry-After', async () => {
    const responses = [
      await postJson(`${down.baseUrl}/v1/jobs`, { text: 'asthma' }),
      await postJson(`${down.baseUrl}/v1/jobs:batch`, { documents: [{ text: 'asthma' }] }),
      await postJson(`${down.baseUrl}/v1/detect`, { text: 'asthma' }),
      await fetch(`${down.baseUrl}/v1/jobs/abc`),
    ];
    for (const response of responses) {
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe(String(down.config.retryAfterSeconds));
      expect((await readJson(response)).error.code).toBe('queue_unavailable');
    }
  });

  it('is not ready, but alive and still serves codes', async () => {
    const ready = await fetch(`${down.baseUrl}/readyz`);
    expect(ready.status).toBe(503);
    expect(await readJson(ready)).toMatchObject({ error: { code: 'redis_unavailable' }, checks: { redis: 'unreachable' } });
    expect((await fetch(`${down.baseUrl}/healthz`)).status).toBe(200);
    expect((await fetch(`${down.baseUrl}/v1/codes/I10`)).status).toBe(200);
  });

  it('still serves /metrics, with no queue depth rather than a stale one', async () => {
    const response = await fetch(`${down.baseUrl}/metrics`);
    expect(response.status).toBe(200);
    const depth = parsePrometheusText(await response.text()).find((family) => family.name === 'icd_queue_depth');
    expect(depth?.samples).toEqual([]);
  });
});

describe('unexpected errors', () => {
  it('answer 500 JSON without message or stack', async () => {
    const broken = await startTestApi({
      codes: {
        lookup: () => {
          throw new Error('lookup exploded on patient Jane Doe');
        },
        search: () => [],
      },
    });
    try {
      const response = await fetch(`${broken.baseUrl}/v1/codes/I10`);
      expect(response.status).toBe(500);
      const raw = await response.text();
      expect(JSON.parse(raw)).toEqual({ error: { code: 'internal_error', message: 'internal server error' } });
      expect(raw).not.toMatch(/Jane|exploded|at /);
    } finally {
      await broken.close();
    }
  });
});

