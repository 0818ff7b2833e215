/**
 * The API process with authentication, as deployed: a keys file made with `icd10 apikey`, a real
 * worker, real HTTP. Every submission, read and review leaves an audit line naming the tenant, the
 * key id and the jobs, and no log line carries the text or the key; SIGHUP reloads the keys file;
 * open local mode refuses to listen beyond loopback.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJson, startApiProcess, type ApiProcess } from '../testing/api-process.js';
import { waitFor } from '../testing/job-tracking.js';
import { deleteKeysUnder, randomQueuePrefix, testRedisUrl } from '../testing/test-queue.js';
import { settleAll, startWorkerProcess, type WorkerProcess } from '../testing/worker-process.js';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
/** A phrase no log line may ever show: it stands for the clinical text. */
const MARKER = 'Zebrafinch-7731';
const NOTE = `PMH: ${MARKER} essential hypertension. Type 2 diabetes mellitus with diabetic chronic kidney disease.`;

const redisUrl = testRedisUrl();
const queuePrefix = randomQueuePrefix();
let dir: string;
let keysFile: string;
let key: string;
let api: ApiProcess | undefined;
let worker: WorkerProcess | undefined;

const cli = (...args: string[]) => execFileSync(process.execPath, ['bin/icd10.mjs', 'apikey', ...args], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'icd-audit-'));
  keysFile = path.join(dir, 'keys.json');
  key = (JSON.parse(cli('create', '--tenant', 'acme', '--id', 'acme-app', '--file', keysFile)) as { key: string }).key;
  const env = { REDIS_URL: redisUrl, QUEUE_PREFIX: queuePrefix };
  await settleAll([
    startApiProcess({ ...env, API_KEYS_FILE: keysFile }).then((started) => (api = started)),
    startWorkerProcess(env).then((started) => (worker = started)),
  ]);
});

afterAll(async () => {
  await Promise.allSettled([api?.stop(), worker?.stop()]);
  await deleteKeysUnder(redisUrl, queuePrefix);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const call = (method: string, route: string, body?: unknown) =>
  fetch(`${api!.baseUrl}${route}`, {
    method,
    headers: { authorization: `Bearer ${key}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

interface AuditLine {
  requestId: string;
  audit: { action: string; tenant: string; keyId: string | null; jobIds: string[] };
}

function auditLines(): AuditLine[] {
  return api!.output.flatMap((line) => {
    try {
      const entry = JSON.parse(line) as Partial<AuditLine>;
      return entry.audit ? [entry as AuditLine] : [];
    } catch {
      return [];
    }
  });
}

describe('the audit trail', () => {
  it('records who submitted, read and reviewed which job, and never the text or the key', async () => {
    const { id } = await readJson(await call('POST', '/v1/jobs', { text: NOTE, externalId: 'visit-1' }));
    await waitFor(async () => (await readJson(await call('GET', `/v1/jobs/${id}`))).status === 'completed', 20_000, () => `job ${id} not completed`);
    const result = await readJson(await call('GET', `/v1/jobs/${id}/result`));
    expect((await call('GET', `/v1/jobs/${id}/document`)).status).toBe(200);
    expect((await call('GET', `/v1/jobs/${id}/review`)).status).toBe(200);
    expect((await call('PUT', `/v1/jobs/${id}/review`, { decisions: [{ code: result.codes[0].code, status: 'accepted' }] })).status).toBe(200);
    const batch = await readJson(await call('POST', '/v1/jobs:batch', { documents: [{ text: NOTE }, { text: `${NOTE} Asthma.` }] }));
    const detect = await call('POST', '/v1/detect', { text: NOTE });
    expect(detect.status).toBe(200);
    const detectJob = detect.headers.get('content-location')!.split('/')[3];

    await waitFor(() => auditLines().some((line) => line.audit.action === 'review'), 5_000, () => 'no review audit line');
    const lines = auditLines();
    for (const line of lines) {
      expect(line.audit.tenant).toBe('acme');
      expect(line.audit.keyId).toBe('acme-app');
      expect(line.audit.jobIds.length).toBeGreaterThan(0);
      expect(line.requestId).toEqual(expect.any(String));
    }
    const actionsOf = (jobId: string) => lines.filter((line) => line.audit.jobIds.includes(jobId)).map((line) => line.audit.action);
    expect(actionsOf(id)).toEqual(expect.arrayContaining(['submit', 'read', 'review']));
    expect(actionsOf(id).filter((action) => action === 'read').length).toBeGreaterThanOrEqual(4);
    expect(lines.find((line) => line.audit.action === 'submit' && line.audit.jobIds.length === 2)?.audit.jobIds).toEqual(batch.jobs.map((job: { id: string }) => job.id));
    expect(actionsOf(detectJob)).toContain('submit');

    const everything = [...api!.output, ...worker!.output].join('\n');
    expect(everything).not.toContain(MARKER);
    expect(everything).not.toContain(key);
    expect(everything).not.toContain('visit-1');
  });
});

describe('the keys file', () => {
  it('is read again on SIGHUP: a key revoked there is refused without a restart', async () => {
    expect((await call('GET', '/v1/jobs')).status).toBe(200);
    cli('revoke', 'acme-app', '--file', keysFile);
    api!.kill('SIGHUP');
    await waitFor(async () => (await call('GET', '/v1/jobs')).status === 401, 5_000, () => 'the revoked key is still accepted');
    const refused = await call('GET', '/v1/jobs');
    expect((await readJson(refused)).error.code).toBe('revoked_api_key');
    expect(api!.output.some((line) => line.includes('"msg":"API keys reloaded"'))).toBe(true);
  });
});

describe('open local mode', () => {
  it.each([
    ['a non-loopback HOST without keys', { HOST: '0.0.0.0' }, /HOST 0\.0\.0\.0 is not a loopback address/],
    ['AUTH_REQUIRED without keys', { AUTH_REQUIRED: 'true' }, /AUTH_REQUIRED is set/],
  ])('refuses to start with %s', async (_case, env, message) => {
    await expect(startApiProcess({ REDIS_URL: redisUrl, QUEUE_PREFIX: queuePrefix, ...env })).rejects.toThrow(message);
  });
});
