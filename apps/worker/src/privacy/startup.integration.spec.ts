/**
 * Without an encryption key neither the API nor a worker starts (they would store PHI unencrypted,
 * or under keys the other processes lack), unless explicitly told to use the public development key.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { startApiProcess } from '../testing/api-process.js';
import { deleteKeysUnder, randomQueuePrefix, testRedisUrl } from '../testing/test-queue.js';
import { loggedMessages, startWorkerProcess } from '../testing/worker-process.js';

const redisUrl = testRedisUrl();
const queuePrefix = randomQueuePrefix();
const NO_KEY = { REDIS_URL: redisUrl, QUEUE_PREFIX: queuePrefix, ENCRYPTION_KEY: '', ENCRYPTION_KEY_PREVIOUS: '' };

afterAll(async () => {
  await deleteKeysUnder(redisUrl, queuePrefix);
});

describe('starting without ENCRYPTION_KEY', () => {
  it('the API and the worker refuse, saying what to set', async () => {
    await expect(startApiProcess(NO_KEY)).rejects.toThrow(/API exited \(1\)[\s\S]*ENCRYPTION_KEY is not set[\s\S]*openssl rand -base64 32/);
    await expect(startWorkerProcess(NO_KEY)).rejects.toThrow(/worker exited \(1\)[\s\S]*ENCRYPTION_KEY is not set/);
  });

  it('a malformed key, or previous keys without a current one, is refused too, without echoing it', async () => {
    const attempt = startApiProcess({ ...NO_KEY, ENCRYPTION_KEY: 'not-a-real-key-value' });
    await expect(attempt).rejects.toThrow(/ENCRYPTION_KEY must be base64 of exactly 32 bytes/);
    await expect(attempt).rejects.not.toThrow(/not-a-real-key-value/);
    await expect(startWorkerProcess({ ...NO_KEY, ENCRYPTION_KEY_PREVIOUS: 'xLG85RQZjEVT4y4DUcOFQHiJI+qcs2c255J/Mcl9+Bo=' })).rejects.toThrow(
      /ENCRYPTION_KEY_PREVIOUS is set but ENCRYPTION_KEY is not/,
    );
  });

  it('with INSECURE_DEV_ENCRYPTION_KEY=true both start, warning that nothing is protected', async () => {
    const env = { ...NO_KEY, INSECURE_DEV_ENCRYPTION_KEY: 'true' };
    const [api, worker] = await Promise.all([startApiProcess(env), startWorkerProcess(env)]);
    try {
      for (const output of [api.output, worker.output]) expect(output.join('\n')).toMatch(/INSECURE_DEV_ENCRYPTION_KEY: .*NOT protected/);
      expect(loggedMessages(worker)).toContain('worker listening for jobs');
    } finally {
      await Promise.all([api.stop(), worker.stop()]);
    }
  });
});
