/**
 * A bounded fuzz run against the API process (authentication on, a real worker, loopback): a fixed
 * number of random requests from a seeded generator, so that a failure repeats with the same seed.
 * None may get a 5xx or an answer that shows the server's insides, and afterwards the service is
 * still ready and the jobs submitted before are all there.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRandom } from '@icd/phi/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJson, startApiProcess, type ApiProcess } from '../testing/api-process.js';
import { syntheticNotes } from '../testing/notes.js';
import { deleteKeysUnder, randomQueuePrefix, testRedisUrl } from '../testing/test-queue.js';
import { settleAll, startWorkerProcess, type WorkerProcess } from '../testing/worker-process.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_127);
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 500);
const CONCURRENCY = 8;

const ACME_KEY = `icd10_${randomBytes(32).toString('base64url')}`;
const GLOBEX_KEY = `icd10_${randomBytes(32).toString('base64url')}`;
const redisUrl = testRedisUrl();
const queuePrefix = randomQueuePrefix();
let api: ApiProcess | undefined;
let worker: WorkerProcess | undefined;
/** A UI build of the run's own: a rebuild of apps/web/dist by another run must not show here as a 503. */
let webDist: string;
/** Jobs of acme's submitted before the run, with their texts. */
const before = new Map<string, string>();

beforeAll(async () => {
  webDist = mkdtempSync(path.join(tmpdir(), 'icd-fuzz-web-'));
  mkdirSync(path.join(webDist, 'assets'));
  writeFileSync(path.join(webDist, 'index.html'), '<!DOCTYPE html><title>review</title><script type="module" src="/assets/app.js"></script>');
  writeFileSync(path.join(webDist, 'assets', 'app.js'), 'export {};');
  const env = { REDIS_URL: redisUrl, QUEUE_PREFIX: queuePrefix };
  // A generous detect timeout: on a loaded machine a 504 would be slowness, not the fault looked for.
  const apiEnv = { API_KEYS: `acme:${ACME_KEY},globex:${GLOBEX_KEY}`, RATE_LIMIT_POINTS: '100000', MAX_DOCUMENT_CHARS: '20000', SYNC_TIMEOUT_MS: '60000', WEB_DIST_DIR: webDist };
  await settleAll([
    startApiProcess({ ...env, ...apiEnv }).then((started) => (api = started)),
    startWorkerProcess(env).then((started) => (worker = started)),
  ]);
  for (const text of syntheticNotes(5)) {
    const response = await fetch(`${api!.baseUrl}/v1/jobs`, { method: 'POST', headers: { authorization: `Bearer ${ACME_KEY}`, 'content-type': 'text/plain' }, body: text });
    before.set((await readJson(response)).id, text);
  }
});

afterAll(async () => {
  await Promise.allSettled([api?.stop(), worker?.stop()]);
  await deleteKeysUnder(redisUrl, queuePrefix);
  if (webDist) rmSync(webDist, { recursive: true, force: true });
});

interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}

/** Random requests: real routes with random ids, queries, headers and bodies, some valid, most not. */
function generator(random: () => number, knownIds: () => string[]) {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const int = (max: number) => Math.floor(random() * max);
  const CHARS = ['a', 'Z', '0', ' ', '\n', '\r\n', '\t', '%', '/', '..', '?', '#', '&', '=', ':', '"', "'", '<', '>', '\\', '\u0000', '\u0007', 'é', '😀', '\ud800', '𝔄', '\u202e', '{', '}', '[', ']'];
  const junk = (max = 24) => Array.from({ length: int(max) }, () => pick(CHARS)).join('');
  /** Percent-encodes the UTF-8 bytes (a lone surrogate becomes U+FFFD's), letters and digits left as they are. */
  const encode = (text: string) => Array.from(Buffer.from(text), (byte) => (/[A-Za-z0-9]/.test(String.fromCharCode(byte)) ? String.fromCharCode(byte) : `%${byte.toString(16).padStart(2, '0')}`)).join('');
  const segment = () => pick([() => encode(junk()), () => pick(knownIds().length ? knownIds() : ['none']), () => crypto.randomUUID(), () => 'x'.repeat(int(300)), () => '%E0%A4%A', () => '%00'])();
  const json = (depth: number): unknown => {
    const kind = depth > 3 ? int(4) : int(7);
    if (kind === 0) return junk();
    if (kind === 1) return random() * 10 ** int(12) * (random() < 0.5 ? -1 : 1);
    if (kind === 2) return pick([true, false, null]);
    if (kind === 3) return int(5) === 0 ? syntheticNotes(1 + int(3))[0] : '';
    if (kind === 4) return Array.from({ length: int(4) }, () => json(depth + 1));
    return Object.fromEntries(Array.from({ length: int(4) }, () => [pick(['text', 'externalId', 'options', 'documents', 'decisions', 'minScore', 'code', 'status', junk(8)]), json(depth + 1)]));
  };
  const body = (): Buffer | undefined =>
    pick([
      () => undefined,
      () => Buffer.from(JSON.stringify({ text: pick(syntheticNotes(8)) + junk(40), ...(random() < 0.3 && { externalId: junk(30) || 'x' }), ...(random() < 0.3 && { options: json(2) }) })),
      () => Buffer.from(JSON.stringify({ documents: Array.from({ length: int(4) }, () => (random() < 0.7 ? { text: pick(syntheticNotes(8)) } : json(2))) })),
      () => Buffer.from(JSON.stringify({ decisions: Array.from({ length: int(3) }, () => ({ code: pick(['I10', 'E11.22', junk(6)]), status: pick(['accepted', 'rejected', 'replaced', junk(5)]) })) })),
      () => Buffer.from(JSON.stringify(json(0))),
      () => Buffer.from(JSON.stringify(json(0))).subarray(0, int(40)),
      () => randomBytesSeeded(int(2_000)),
      () => Buffer.from(junk(200)),
    ])();
  const randomBytesSeeded = (length: number) => Buffer.from(Array.from({ length }, () => int(256)));
  const route = () =>
    pick([
      () => '/v1/jobs',
      () => `/v1/jobs/${segment()}`,
      () => `/v1/jobs/${segment()}/${pick(['result', 'document', 'review', encode(junk(6))])}`,
      () => '/v1/jobs:batch',
      () => '/v1/detect',
      () => `/v1/codes/${segment()}`,
      () => '/v1/codes',
      () => pick(['/healthz', '/readyz', '/metrics', '/openapi.json', '/docs', '/', '/codes', `/review/${segment()}`, '/assets/app.js', `/assets/${segment()}`, `/docs/assets/${segment()}`]),
      () => `/${segment()}`,
    ])();
  const query = () => (random() < 0.3 ? `?${encode(pick(['limit', 'q', 'page', junk(5)]))}=${encode(junk())}${random() < 0.3 ? '&limit=2&limit=3' : ''}` : '');
  return (): FuzzRequest => {
    const method = pick(['GET', 'GET', 'GET', 'POST', 'POST', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS']);
    const headers: Record<string, string> = {};
    const auth = pick([`Bearer ${ACME_KEY}`, `Bearer ${ACME_KEY}`, `Bearer ${GLOBEX_KEY}`, 'Bearer nope', `Basic ${junk()}`, '', undefined]);
    if (auth !== undefined) headers.authorization = auth.replace(/[^\x20-\x7e]/g, '');
    const contentType = pick(['application/json', 'application/json; charset=utf-8', 'text/plain', 'text/plain; charset=utf-16le', 'application/xml', 'application/x-www-form-urlencoded', 'multipart/form-data', 'application/merge-patch+json', junk(10), undefined]);
    if (contentType !== undefined) headers['content-type'] = contentType.replace(/[^\x20-\x7e]/g, '');
    if (random() < 0.2) headers['idempotency-key'] = junk(20).replace(/[^\x20-\x7e]/g, '') || 'k';
    if (random() < 0.1) headers.origin = pick(['https://evil.example', 'null']);
    const withBody = method === 'POST' || method === 'PUT' || method === 'PATCH' || random() < 0.05;
    return { method, path: `${route()}${query()}`, headers, body: withBody && method !== 'HEAD' ? body() : undefined };
  };
}

function send(baseUrl: string, fuzz: FuzzRequest): Promise<{ status: number; body: string }> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    // Framed with Content-Length whatever the method (Node sends a GET's body unframed otherwise), on
    // a connection of its own: broken framing is the bad-input catalogue's business, not this run's.
    const headers = { ...fuzz.headers, ...(fuzz.body !== undefined && { 'content-length': String(fuzz.body.length) }) };
    const outgoing = request({ host: url.hostname, port: url.port, method: fuzz.method, path: fuzz.path, headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end(fuzz.body);
  });
}

describe(`a fuzz run of ${REQUESTS} random requests (seed ${SEED})`, () => {
  it('never answers 5xx nor shows the server\'s insides, and the service carries on', async () => {
    const accepted: string[] = [];
    // `DELETE /v1/jobs/:id` may pick a known id: that job is then rightly gone at the end.
    const deleted = new Set<string>();
    const next = generator(createRandom(SEED).next, () => [...before.keys(), ...accepted]);
    const requests = Array.from({ length: REQUESTS }, next);
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    let index = 0;
    const client = async () => {
      for (let current = index++; current < requests.length; current = index++) {
        const fuzz = requests[current];
        const { status, body } = await send(api!.baseUrl, fuzz).catch((error: Error) => {
          throw new Error(`#${current} ${fuzz.method} ${fuzz.path} ${JSON.stringify(fuzz.headers)} body ${fuzz.body?.length}: ${error.message}`);
        });
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        const described = `#${current} ${fuzz.method} ${fuzz.path.slice(0, 80)} -> ${status} ${body.slice(0, 120)}`;
        if (status >= 500) failures.push(described);
        if (/\s+at\s+\S+\s+\(|node_modules|\.ts:\d+/.test(body) && !fuzz.path.startsWith('/docs/assets')) failures.push(`stack in ${described}`);
        if (status === 202 && fuzz.path === '/v1/jobs') accepted.push((JSON.parse(body) as { id: string }).id);
        if (status === 204 && fuzz.method === 'DELETE') deleted.add(decodeURIComponent(fuzz.path.split('?')[0].split('/')[3]));
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, client));
    expect(failures, `seed ${SEED}; statuses ${JSON.stringify([...statuses])}`).toEqual([]);
    // The run reached past validation, not only the front door.
    expect([...statuses.keys()]).toEqual(expect.arrayContaining([200, 400, 401, 404]));

    expect((await fetch(`${api!.baseUrl}/readyz`)).status).toBe(200);
    for (const [id, text] of [...before].filter(([id]) => !deleted.has(id))) {
      const document = await fetch(`${api!.baseUrl}/v1/jobs/${id}/document`, { headers: { authorization: `Bearer ${ACME_KEY}` } });
      expect(document.status).toBe(200);
      expect((await readJson(document)).text).toBe(text);
    }
    expect(api!.output.filter((line) => line.includes('"msg":"unhandled error"'))).toEqual([]);
  });
});
