/**
 * Integration: API keys and tenants over real HTTP and a real Redis. Keys come from a keys file made
 * with the real `icd10 apikey` CLI and from API_KEYS, through the same configuration loading as the
 * API process. No worker runs: jobs stay queued, which is enough for who may see them.
 */
import { loadTerminology, type Terminology } from '@icd/terminology';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadApiKeys } from './api-keys.js';
import { loadApiConfig } from './config.js';
import { bearer, createKeyWithCli, revokeKeyWithCli } from './testing/api-keys.js';
import { postJson, readJson, startTestApi, type TestApi } from './testing/test-api.js';

const NOTE = 'Assessment: type 2 diabetes mellitus with CKD stage 3.';

let terminology: Terminology;
let dir: string;
let api: TestApi;
/** acme's key from the file, globex's from API_KEYS, and a revoked one of acme's. */
const keys = { acme: '', globex: `icd10_${randomBytes(32).toString('base64url')}`, revoked: '' };

beforeAll(async () => {
  terminology = await loadTerminology();
  dir = mkdtempSync(path.join(tmpdir(), 'icd-auth-'));
  const file = path.join(dir, 'keys.json');
  keys.acme = createKeyWithCli(file, 'acme', 'acme-app');
  keys.revoked = createKeyWithCli(file, 'acme', 'acme-old');
  revokeKeyWithCli(file, 'acme-old');
  const { apiKeys, apiKeysFile } = loadApiConfig({ API_KEYS_FILE: file, API_KEYS: `globex:${keys.globex}` });
  api = await startTestApi({ codes: terminology, config: { apiKeys, apiKeysFile, syncTimeoutMs: 200 } });
});

afterAll(async () => {
  await api?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const call = (method: string, route: string, headers: Record<string, string> = {}, body?: unknown) =>
  fetch(`${api.baseUrl}${route}`, {
    method,
    headers: { ...(body !== undefined && { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

const submit = async (key: string, headers: Record<string, string> = {}) => {
  const response = await postJson(`${api.baseUrl}/v1/jobs`, { text: NOTE }, { ...bearer(key), ...headers });
  expect(response.status).toBe(202);
  return (await readJson(response)).id as string;
};

/** Every /v1 operation, with a body where it takes one. */
const V1_ROUTES: [string, string, unknown?][] = [
  ['POST', '/v1/jobs', { text: NOTE }],
  ['GET', '/v1/jobs'],
  ['POST', '/v1/jobs:batch', { documents: [{ text: NOTE }] }],
  ['POST', '/v1/detect', { text: NOTE }],
  ['GET', '/v1/jobs/3f0c1d9e-0000-4000-8000-000000000000'],
  ['GET', '/v1/jobs/3f0c1d9e-0000-4000-8000-000000000000/result'],
  ['GET', '/v1/jobs/3f0c1d9e-0000-4000-8000-000000000000/document'],
  ['GET', '/v1/jobs/3f0c1d9e-0000-4000-8000-000000000000/review'],
  ['PUT', '/v1/jobs/3f0c1d9e-0000-4000-8000-000000000000/review', { decisions: [] }],
  ['GET', '/v1/codes/E11.22'],
  ['GET', '/v1/codes?q=asthma'],
  ['GET', '/v1/no-such-route'],
];

async function expectUnauthorized(response: Response, code: string, challenge: RegExp): Promise<void> {
  expect(response.status).toBe(401);
  expect(response.headers.get('www-authenticate')).toMatch(challenge);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const { error } = await readJson(response);
  expect(error).toEqual({ code, message: expect.any(String) });
}

describe('without a valid key', () => {
  it.each(V1_ROUTES)('%s %s answers 401 with a Bearer challenge when no key is sent', async (method, route, body) => {
    await expectUnauthorized(await call(method, route, {}, body), 'missing_api_key', /^Bearer realm="icd10"$/);
  });

  it.each(V1_ROUTES)('%s %s answers 401 to a wrong key', async (method, route, body) => {
    const wrong = `icd10_${randomBytes(32).toString('base64url')}`;
    await expectUnauthorized(await call(method, route, bearer(wrong), body), 'invalid_api_key', /^Bearer realm="icd10", error="invalid_token"$/);
  });

  it.each(V1_ROUTES)('%s %s answers 401 revoked_api_key to a revoked key', async (method, route, body) => {
    await expectUnauthorized(await call(method, route, bearer(keys.revoked), body), 'revoked_api_key', /error="invalid_token"/);
  });

  it.each([
    ['another scheme', () => `Basic ${Buffer.from(`acme:${keys.acme}`).toString('base64')}`],
    ['the scheme alone', () => 'Bearer'],
    ['a token with a space', () => `Bearer ${keys.acme} extra`],
    ['a token with characters outside b64token', () => `Bearer ${keys.acme}!`],
    ['another scheme name', () => `Token ${keys.acme}`],
    ['a key split across two headers', () => `Bearer ${keys.acme.slice(0, 10)}, Bearer ${keys.acme.slice(10)}`],
    ['a token of 600 characters', () => `Bearer ${'a'.repeat(600)}`],
  ])('answers 401 to an Authorization header with %s', async (_case, header) => {
    await expectUnauthorized(await call('GET', '/v1/jobs', { authorization: header() }), 'invalid_api_key', /^Bearer /);
  });

  it('takes the scheme in any case, as RFC 7235 says', async () => {
    expect((await call('GET', '/v1/jobs', { authorization: `bearer ${keys.acme}` })).status).toBe(200);
    expect((await call('GET', '/v1/jobs', { authorization: `BEARER  ${keys.acme}` })).status).toBe(200);
  });

  it('leaves probes, documentation, the UI pages and metrics public', async () => {
    for (const route of ['/healthz', '/openapi.json', '/docs', '/docs/init.js', '/metrics']) {
      const response = await fetch(`${api.baseUrl}${route}`);
      expect(response.status, route).toBe(200);
      await response.arrayBuffer();
    }
    // The UI may be unbuilt here (503 with how to build it): either way it asks for no key.
    for (const route of ['/', '/review/abc', '/codes/E11.22']) expect((await fetch(`${api.baseUrl}${route}`)).status, route).not.toBe(401);
    expect((await fetch(`${api.baseUrl}/readyz`)).status).not.toBe(401);
  });
});

describe('with a valid key', () => {
  it('accepts the key from the file and the key from API_KEYS, each as its own tenant', async () => {
    const acmeJob = await submit(keys.acme);
    const globexJob = await submit(keys.globex);
    expect((await api.queue.find(acmeJob))?.data.tenant).toBe('acme');
    expect((await api.queue.find(globexJob))?.data.tenant).toBe('globex');
    expect((await call('GET', '/v1/codes/E11.22', bearer(keys.globex))).status).toBe(200);
  });

  it("answers 404 on every job route for another tenant's job, exactly as for a missing one", async () => {
    const id = await submit(keys.acme);
    const missing = '3f0c1d9e-0000-4000-8000-000000000000';
    const routes: [string, string, unknown?][] = [
      ['GET', ''],
      ['GET', '/result'],
      ['GET', '/document'],
      ['GET', '/review'],
      ['PUT', '/review', { decisions: [{ code: 'E11.22', status: 'accepted' }] }],
    ];
    for (const [method, suffix, body] of routes) {
      const foreign = await call(method, `/v1/jobs/${id}${suffix}`, bearer(keys.globex), body);
      const absent = await call(method, `/v1/jobs/${missing}${suffix}`, bearer(keys.globex), body);
      expect(foreign.status, `${method} ${suffix}`).toBe(404);
      expect(await readJson(foreign), `${method} ${suffix}`).toEqual(await readJson(absent));
      // The owner still sees it (a queued job: its result is not ready, nor can it be reviewed yet).
      expect((await call(method, `/v1/jobs/${id}${suffix}`, bearer(keys.acme), body)).status, `${method} ${suffix}`).toBeOneOf([200, 202, 409]);
    }
  });

  it("lists only the caller's jobs in the worklist", async () => {
    const acmeJobs = [await submit(keys.acme), await submit(keys.acme)];
    const globexJob = await submit(keys.globex);
    const listed = async (key: string) => (await readJson(await call('GET', '/v1/jobs?limit=100', bearer(key)))).jobs.map((job: { id: string }) => job.id);
    const acmeList = await listed(keys.acme);
    const globexList = await listed(keys.globex);
    expect(acmeList).toEqual(expect.arrayContaining(acmeJobs));
    expect(acmeList).not.toContain(globexJob);
    expect(globexList).toContain(globexJob);
    expect(globexList.some((id: string) => acmeList.includes(id))).toBe(false);
    expect(acmeList.slice(0, 2)).toEqual([acmeJobs[1], acmeJobs[0]]);
  });

  it('keeps Idempotency-Keys apart between tenants: jobs, batches and detect', async () => {
    const headers = { 'Idempotency-Key': 'order-1' };
    const acmeJob = await submit(keys.acme, headers);
    const globexJob = await submit(keys.globex, headers);
    expect(globexJob).not.toBe(acmeJob);

    const batch = (key: string, text: string) => postJson(`${api.baseUrl}/v1/jobs:batch`, { documents: [{ text }] }, { ...bearer(key), 'Idempotency-Key': 'batch-1' });
    const acmeBatch = await batch(keys.acme, NOTE);
    // Another document under the same key is no reuse for another tenant: a batch of its own.
    const globexBatch = await batch(keys.globex, 'Asthma.');
    expect([acmeBatch.status, globexBatch.status]).toEqual([202, 202]);
    const [acmeIds, globexIds] = [(await readJson(acmeBatch)).jobs[0].id, (await readJson(globexBatch)).jobs[0].id];
    expect(globexIds).not.toBe(acmeIds);
    expect((await call('GET', `/v1/jobs/${acmeIds}`, bearer(keys.globex))).status).toBe(404);

    // No worker runs: detect answers 504 with its job, which is the caller's own.
    const detect = async (key: string) => {
      const response = await postJson(`${api.baseUrl}/v1/detect`, { text: NOTE }, { ...bearer(key), 'Idempotency-Key': 'detect-1' });
      expect(response.status).toBe(504);
      return (await readJson(response)).job.id as string;
    };
    const [acmeDetect, globexDetect] = [await detect(keys.acme), await detect(keys.globex)];
    expect(globexDetect).not.toBe(acmeDetect);
    expect((await api.queue.find(globexDetect))?.data.tenant).toBe('globex');
    expect(await detect(keys.globex)).toBe(globexDetect);
  });

  it('refuses keys revoked or removed while the API runs (the keys file reloaded, as on SIGHUP)', async () => {
    const configured = loadApiKeys(api.config);
    const reloaded = configured.filter((entry) => entry.id !== 'acme-app').map((entry) => (entry.tenant === 'globex' ? { ...entry, revoked: true } : entry));
    api.keys!.replace(reloaded);
    try {
      await expectUnauthorized(await call('GET', '/v1/jobs', bearer(keys.globex)), 'revoked_api_key', /invalid_token/);
      await expectUnauthorized(await call('GET', '/v1/jobs', bearer(keys.acme)), 'invalid_api_key', /invalid_token/);
    } finally {
      api.keys!.replace(configured);
    }
    expect((await call('GET', '/v1/jobs', bearer(keys.globex))).status).toBe(200);
  });
});

describe('METRICS_REQUIRE_AUTH', () => {
  it('asks for a key on /metrics, any tenant\'s', async () => {
    const guarded = await startTestApi({ codes: terminology, config: { apiKeys: api.config.apiKeys, metricsRequireAuth: true } });
    try {
      await expectUnauthorized(await fetch(`${guarded.baseUrl}/metrics`), 'missing_api_key', /^Bearer/);
      const scraped = await fetch(`${guarded.baseUrl}/metrics`, { headers: bearer(keys.globex) });
      expect(scraped.status).toBe(200);
      expect(await scraped.text()).toContain('icd_jobs_submitted_total');
      expect((await fetch(`${guarded.baseUrl}/healthz`)).status).toBe(200);
    } finally {
      await guarded.close();
    }
  });
});
