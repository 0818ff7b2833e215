/**
 * Retention with a short period (RETENTION_SECONDS=3), the API and worker as processes: each job's
 * hash (document, result, review) carries a time-to-live from its submission and Redis deletes it
 * then, whether or not anything runs; a job that waited longer than that is swept, not coded.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJson } from '../testing/api-process.js';
import { openQueue, waitFor, type DetectQueue } from '../testing/job-tracking.js';
import { call, serviceStack, submitAndComplete } from '../testing/service-stack.js';
import { loggedMessages } from '../testing/worker-process.js';

const RETENTION_SECONDS = 3;
const NOTE = 'Assessment: essential hypertension.';

const stack = serviceStack({ RETENTION_SECONDS: String(RETENTION_SECONDS) });
let redis: Redis;
let queue: DetectQueue;

beforeAll(async () => {
  await stack.start();
  redis = new Redis(stack.redisUrl);
  queue = openQueue(stack.redisUrl, stack.queuePrefix);
});

afterAll(async () => {
  redis?.disconnect();
  await queue?.close();
  await stack.stop();
});

describe(`RETENTION_SECONDS=${RETENTION_SECONDS}`, () => {
  it('gives a job hash a time-to-live from its submission; document, result and review expire with it', async () => {
    const id = await submitAndComplete(stack, { text: NOTE });
    expect((await call(stack, `/v1/jobs/${id}/review`, { method: 'PUT', body: { decisions: [{ code: 'I10', status: 'accepted' }] } })).status).toBe(200);
    const { timestamp } = await queue.getJob(id).then((job) => job!);
    const expiresAt = await redis.pexpiretime(queue.toKey(id));
    expect(expiresAt).toBe(timestamp + RETENTION_SECONDS * 1_000);

    await waitFor(async () => (await call(stack, `/v1/jobs/${id}`)).status === 404, 10_000, () => 'the job is still there');
    expect(Date.now()).toBeGreaterThanOrEqual(expiresAt);
    expect(await redis.exists(queue.toKey(id))).toBe(0);
    for (const path of ['/result', '/document', '/review']) expect((await call(stack, `/v1/jobs/${id}${path}`)).status, path).toBe(404);
    // The sweep (every second at this retention) takes it out of BullMQ's completed set too.
    await waitFor(async () => (await queue.getJobState(id)) === 'unknown', 10_000, () => 'the job id is still in a BullMQ set');
  });

  it('drops a job that waited past the retention period instead of coding it', async () => {
    await stack.stopProcesses({ api: false });
    const { id } = await readJson(await call(stack, '/v1/jobs', { body: { text: NOTE } }));
    await waitFor(async () => (await redis.exists(queue.toKey(id))) === 0, 10_000, () => 'the waiting job did not expire');
    expect(await queue.getJobState(id)).toBe('waiting');

    await stack.start({}, { api: false });
    await waitFor(async () => (await queue.getJobState(id)) === 'unknown', 10_000, () => 'the expired job was not swept');
    expect(await queue.getJobCounts('wait', 'active', 'completed', 'failed')).toEqual({ wait: 0, active: 0, completed: 0, failed: 0 });
    expect(await redis.exists(queue.toKey(id))).toBe(0);
    expect(loggedMessages(stack.worker!)).toContain('retention sweep removed expired jobs');
    expect(loggedMessages(stack.worker!)).not.toContain('job processed');
  });
});
