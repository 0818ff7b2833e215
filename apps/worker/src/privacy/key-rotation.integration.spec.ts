/**
 * Key rotation across restarts, with the API and worker as processes: jobs written under key A are
 * still read (document, result, review, idempotent replays) after a restart with key B current and A
 * in ENCRYPTION_KEY_PREVIOUS, while everything written from then on is sealed under B. Once A is
 * dropped, A's jobs can no longer be read (500 job_unreadable) but can still be deleted.
 */
import { JOB_HASH_FIELDS, StoredDetectJobDataSchema } from '@icd/contracts';
import { parseEncryptionKeys } from '@icd/phi';
import { TEST_ENCRYPTION_KEY, TEST_NEXT_ENCRYPTION_KEY } from '@icd/phi/testing';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJson } from '../testing/api-process.js';
import { call, serviceStack, submitAndComplete } from '../testing/service-stack.js';

const KEY_A = { ENCRYPTION_KEY: TEST_ENCRYPTION_KEY, ENCRYPTION_KEY_PREVIOUS: '' };
const KEY_B_AFTER_A = { ENCRYPTION_KEY: TEST_NEXT_ENCRYPTION_KEY, ENCRYPTION_KEY_PREVIOUS: TEST_ENCRYPTION_KEY };
const KEY_B_ONLY = { ENCRYPTION_KEY: TEST_NEXT_ENCRYPTION_KEY, ENCRYPTION_KEY_PREVIOUS: '' };
const idA = parseEncryptionKeys({ ENCRYPTION_KEY: TEST_ENCRYPTION_KEY })!.keyId;
const idB = parseEncryptionKeys({ ENCRYPTION_KEY: TEST_NEXT_ENCRYPTION_KEY })!.keyId;

const NOTE = 'Assessment: essential hypertension. Asthma, well controlled.';
const LATER_NOTE = 'Assessment: type 2 diabetes mellitus without complications.';
const REPLAY_KEY = { 'Idempotency-Key': 'rotation-1' };

const stack = serviceStack();
let redis: Redis;

/** The key id of each sealed value the job's hash holds. */
async function keyIdsOf(id: string): Promise<{ document: string; result: string; review?: string }> {
  const hash = await redis.hgetall(`${stack.queuePrefix}:icd-detect:${id}`);
  const keyIdOf = (sealed: string | undefined) => sealed?.split('.')[1];
  return {
    document: keyIdOf(StoredDetectJobDataSchema.parse(JSON.parse(hash.data)).document)!,
    result: keyIdOf(hash[JOB_HASH_FIELDS.result])!,
    ...(hash[JOB_HASH_FIELDS.review] !== undefined && { review: keyIdOf(hash[JOB_HASH_FIELDS.review]) }),
  };
}

const putReview = (id: string, code: string) => call(stack, `/v1/jobs/${id}/review`, { method: 'PUT', body: { decisions: [{ code, status: 'accepted' }] } });

beforeAll(() => {
  redis = new Redis(stack.redisUrl);
});

afterAll(async () => {
  redis?.disconnect();
  await stack.stop();
});

describe('rotating ENCRYPTION_KEY', () => {
  let oldId: string;
  let before: { result: unknown; review: unknown };

  it('writes under key A', async () => {
    await stack.start(KEY_A);
    oldId = await submitAndComplete(stack, { text: NOTE }, REPLAY_KEY);
    expect((await putReview(oldId, 'I10')).status).toBe(200);
    before = {
      result: await readJson(await call(stack, `/v1/jobs/${oldId}/result`)),
      review: await readJson(await call(stack, `/v1/jobs/${oldId}/review`)),
    };
    expect(await keyIdsOf(oldId)).toEqual({ document: idA, result: idA, review: idA });
    await stack.stopProcesses();
  });

  it('after a restart with B current and A previous, reads what A sealed', async () => {
    await stack.start(KEY_B_AFTER_A);
    expect(await readJson(await call(stack, `/v1/jobs/${oldId}/result`))).toEqual(before.result);
    expect(await readJson(await call(stack, `/v1/jobs/${oldId}/review`))).toEqual(before.review);
    expect((await readJson(await call(stack, `/v1/jobs/${oldId}/document`))).text).toBe(NOTE);
    // The fingerprint of A's request still compares: a replay finds the job, another request is refused.
    const replay = await call(stack, '/v1/jobs', { body: { text: NOTE }, headers: REPLAY_KEY });
    expect(replay.status).toBe(202);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect((await readJson(replay)).id).toBe(oldId);
    expect((await call(stack, '/v1/jobs', { body: { text: LATER_NOTE }, headers: REPLAY_KEY })).status).toBe(422);
  });

  it('seals everything new under B, rewrites included, and leaves the rest under A', async () => {
    const newId = await submitAndComplete(stack, { text: LATER_NOTE });
    expect((await putReview(newId, 'E11.9')).status).toBe(200);
    expect(await keyIdsOf(newId)).toEqual({ document: idB, result: idB, review: idB });
    expect((await putReview(oldId, 'I10')).status).toBe(200);
    expect(await keyIdsOf(oldId)).toEqual({ document: idA, result: idA, review: idB });
    await stack.stopProcesses();
  });

  it('once A is dropped, reading what A sealed is a clear 500, and deleting it still works', async () => {
    await stack.start(KEY_B_ONLY, { worker: false });
    const unreadable = await call(stack, `/v1/jobs/${oldId}/document`);
    expect(unreadable.status).toBe(500);
    const { error } = await readJson(unreadable);
    expect(error.code).toBe('job_unreadable');
    expect(error.message).toContain(idA);
    expect((await call(stack, `/v1/jobs/${oldId}`, { method: 'DELETE' })).status).toBe(204);
    expect((await call(stack, `/v1/jobs/${oldId}`)).status).toBe(404);
  });
});
