/**
 * Encryption at rest, end to end: a note with a unique marker phrase goes through the real API and
 * worker (processes), is coded and reviewed; then every key of the Redis, whatever its type (the
 * BullMQ event stream included), is read and none holds the marker, the externalId, or the words
 * the result and review would quote.
 */
import { JOB_HASH_FIELDS, StoredDetectJobDataSchema } from '@icd/contracts';
import { parseEncryptionKeys } from '@icd/phi';
import { TEST_ENCRYPTION_KEY } from '@icd/phi/testing';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJson } from '../testing/api-process.js';
import { findInRedis } from '../testing/redis-scan.js';
import { call, serviceStack, submitAndComplete } from '../testing/service-stack.js';

const RUN = randomBytes(4).toString('hex');
/** Unique to this run: no other test, and nothing but this note, can put it in Redis. */
const MARKER = `quokka marmalade ${RUN}`;
const EXTERNAL_ID = `capybara-${RUN}`;
const NOTE = [
  'CHIEF COMPLAINT: fatigue.',
  `Patient reports ${MARKER} at home.`,
  'ASSESSMENT AND PLAN:',
  '1. Type 2 diabetes mellitus with diabetic chronic kidney disease, stage 3a.',
  '2. Essential hypertension.',
].join('\n');
/** What the result (evidence) and the review (titles) would quote in plaintext. */
const QUOTED = ['chronic kidney disease', 'essential hypertension', 'without complications', '"status":"replaced"', 'E11.22'];

const stack = serviceStack();
const keyId = parseEncryptionKeys({ ENCRYPTION_KEY: TEST_ENCRYPTION_KEY })!.keyId;

beforeAll(async () => {
  await stack.start();
});

afterAll(async () => {
  await stack.stop();
});

describe('the Redis scan', () => {
  it('finds a phrase in every kind of key, so that finding nothing means something', async () => {
    const redis = new Redis(stack.redisUrl);
    const canary = `canary ${RUN}`;
    const key = (type: string) => `${stack.queuePrefix}:canary:${type}`;
    try {
      await redis.set(key('string'), `a ${canary}`);
      await redis.hset(key('hash'), 'field', canary);
      await redis.rpush(key('list'), canary);
      await redis.sadd(key('set'), canary);
      await redis.zadd(key('zset'), 1, canary);
      await redis.xadd(key('stream'), '*', 'event', canary);
      const found = await findInRedis(stack.redisUrl, [canary]);
      expect(found.map((line) => line.split(' ')[1]).sort()).toEqual(['(hash):', '(list):', '(set):', '(stream):', '(string):', '(zset):']);
    } finally {
      await redis.del(...['string', 'hash', 'list', 'set', 'zset', 'stream'].map(key));
      redis.disconnect();
    }
  });
});

describe('a coded and reviewed note at rest', () => {
  let id: string;

  beforeAll(async () => {
    id = await submitAndComplete(stack, { text: NOTE, externalId: EXTERNAL_ID, options: { includeMentions: true } });
    const result = await readJson(await call(stack, `/v1/jobs/${id}/result`));
    const codes = result.codes.map((code: { code: string }) => code.code);
    expect(codes).toEqual(expect.arrayContaining(['E11.22', 'I10']));
    // The words the scan looks for are really in what is stored, encrypted.
    expect(JSON.stringify(result).toLowerCase()).toContain('chronic kidney disease');
    const decisions = [{ code: 'E11.22', status: 'replaced', replacement: { code: 'E11.9' } }, { code: 'I10', status: 'accepted' }];
    const review = await call(stack, `/v1/jobs/${id}/review`, { method: 'PUT', body: { decisions } });
    expect(review.status).toBe(200);
    expect((await readJson(review)).decisions[0].replacement.title).toMatch(/without complications/);
    // The readers still get everything back in clear.
    expect((await readJson(await call(stack, `/v1/jobs/${id}/document`))).text).toBe(NOTE);
    expect((await readJson(await call(stack, `/v1/jobs/${id}`))).externalId).toBe(EXTERNAL_ID);
  });

  it('is nowhere in Redis in clear: not the marker, not the externalId, in no key at all', async () => {
    expect(await findInRedis(stack.redisUrl, [MARKER, EXTERNAL_ID, 'marmalade'])).toEqual([]);
  });

  it("leaves nothing the result or the review would quote in the queue's keys, event stream included", async () => {
    expect(await findInRedis(stack.redisUrl, QUOTED, `${stack.queuePrefix}:*`)).toEqual([]);
  });

  it('stores document, result and review as AES-GCM values tagged with the key id', async () => {
    const redis = new Redis(stack.redisUrl);
    try {
      const hash = await redis.hgetall(`${stack.queuePrefix}:icd-detect:${id}`);
      const data = StoredDetectJobDataSchema.parse(JSON.parse(hash.data));
      for (const sealed of [data.document, hash[JOB_HASH_FIELDS.result], hash[JOB_HASH_FIELDS.review]]) {
        expect(sealed).toMatch(new RegExp(`^v1\\.${keyId}\\.[\\w-]{16}\\.[\\w-]{22}\\.[\\w-]+$`));
      }
      expect(JSON.parse(hash.returnvalue)).toEqual({ result: 'stored' });
    } finally {
      redis.disconnect();
    }
  });
});

describe('a note submitted with options.redact', () => {
  // A surname of this run only, letters alone as names are written.
  const SURNAME = `Okafor${RUN.replace(/\d/g, (digit) => 'abcdefghij'[Number(digit)])}`;
  const IDENTIFIED = [
    `Patient: Jane ${SURNAME}, MRN A${RUN.slice(0, 6)}7. DOB: 03/15/1961. Phone (217) 555-0134.`,
    'Seen March 3, 2024 by Dr. Brennan.',
    'ASSESSMENT: Type 2 diabetes mellitus with diabetic chronic kidney disease. Essential hypertension.',
  ].join('\n');
  const IDENTIFIERS = [SURNAME, `A${RUN.slice(0, 6)}7`, '03/15', '555-0134', 'March 3', 'Brennan'];
  let id: string;
  let stored: string;

  beforeAll(async () => {
    id = await submitAndComplete(stack, { text: IDENTIFIED, options: { redact: true } }, { 'Idempotency-Key': `redact-${RUN}` });
    stored = (await readJson(await call(stack, `/v1/jobs/${id}/document`))).text;
  });

  it('stores, and codes, the text with typed placeholders in place of the identifiers', async () => {
    for (const identifier of IDENTIFIERS) expect(stored).not.toContain(identifier);
    expect(stored).toContain('Patient: [NAME], MRN [MRN]. DOB: [DATE]/1961. Phone [PHONE].');
    expect(stored).toContain('Seen [DATE], 2024 by Dr. [NAME].');
    const result = await readJson(await call(stack, `/v1/jobs/${id}/result`));
    expect(result.documentLength).toBe(stored.length);
    expect(result.codes.map((code: { code: string }) => code.code)).toEqual(expect.arrayContaining(['E11.22', 'I10']));
    for (const code of result.codes) {
      for (const evidence of code.evidence) expect(stored.slice(evidence.begin, evidence.end)).toBe(evidence.text);
    }
  });

  it('keeps the identifiers out of Redis altogether, and still replays the same request', async () => {
    // The identifiers unique to this run, searched for in every key.
    expect(await findInRedis(stack.redisUrl, IDENTIFIERS.slice(0, 2))).toEqual([]);
    const replay = await call(stack, '/v1/jobs', { body: { text: IDENTIFIED, options: { redact: true } }, headers: { 'Idempotency-Key': `redact-${RUN}` } });
    expect(replay.status).toBe(202);
    expect((await readJson(replay)).id).toBe(id);
  });
});
