/** Integration: the real worker and detector on a private queue in the test Redis. */
import { DETECT_JOB, DETECT_QUEUE, JOB_HASH_FIELDS } from '@icd/contracts';
import { createDetector, type Detector } from '@icd/detector';
import { loadTerminology } from '@icd/terminology';
import { Queue } from 'bullmq';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWorkerConfig } from './config.js';
import { createDetectProcessor } from './processor.js';
import { sealedJobData, storedResultOf, testSealer } from './testing/sealed-jobs.js';
import { deleteKeysUnder, randomQueuePrefix, testRedisUrl, waitForFinishedJob } from './testing/test-queue.js';
import { createDetectWorker, type DetectWorker } from './worker.js';

const silent = pino({ level: 'silent' });
const NOTE = 'History: type 2 diabetes mellitus with diabetic nephropathy. Essential hypertension.';

const redisUrl = testRedisUrl();
const queuePrefix = randomQueuePrefix();
let detector: Detector;
let queue: Queue;
let worker: DetectWorker;

beforeAll(async () => {
  detector = createDetector(await loadTerminology());
  queue = new Queue(DETECT_QUEUE, { connection: { url: redisUrl }, prefix: queuePrefix });
  const config = { ...loadWorkerConfig({}), redisUrl, queuePrefix, maxRetainedJobs: 2 };
  worker = createDetectWorker({ config, processor: createDetectProcessor(detector, silent, testSealer()), logger: silent });
  await worker.waitUntilReady();
});

afterAll(async () => {
  await worker?.close();
  await queue?.close();
  await deleteKeysUnder(redisUrl, queuePrefix);
});

describe('detect worker', () => {
  it('completes a job with the DetectionResult of the text, sealed in the job hash and not in its return value', async () => {
    await queue.add(DETECT_JOB, sealedJobData('valid-1', NOTE), { jobId: 'valid-1' });
    const { job, state } = await waitForFinishedJob(queue, 'valid-1');
    expect(state).toBe('completed');
    expect(job.returnvalue).toEqual({ result: 'stored' });
    expect(await storedResultOf(queue, 'valid-1')).toEqual(detector.detect(NOTE));
    const client = await queue.getBackend().client;
    expect(await client.hget(queue.toKey('valid-1'), JOB_HASH_FIELDS.result)).not.toContain('diabetes');
  });

  it('gives a job hash without a time-to-live one from its submission when it stores the result', async () => {
    await queue.add(DETECT_JOB, sealedJobData('ttl-1', 'Asthma.'), { jobId: 'ttl-1' });
    await waitForFinishedJob(queue, 'ttl-1');
    const client = (await queue.getBackend().client) as unknown as { pttl(key: string): Promise<number> };
    const ttl = await client.pttl(queue.toKey('ttl-1'));
    expect(ttl).toBeGreaterThan(loadWorkerConfig({}).retentionSeconds * 1_000 - 60_000);
    expect(ttl).toBeLessThanOrEqual(loadWorkerConfig({}).retentionSeconds * 1_000);
  });

  it('fails an invalid payload at once, without using its retries, naming fields only', async () => {
    const attempts = 5;
    await queue.add(DETECT_JOB, { text: NOTE, requestId: 'bad-1', submittedAt: 'not a date' }, { jobId: 'bad-1', attempts, backoff: { type: 'fixed', delay: 10 } });
    const { job, state } = await waitForFinishedJob(queue, 'bad-1');
    expect(state).toBe('failed');
    expect(job.attemptsMade).toBe(1);
    expect(job.failedReason).toMatch(/^invalid job data: .*submittedAt: .*document: /);
    expect(job.failedReason).not.toContain('diabetes');
  });

  it('keeps no more finished jobs than the retention allows', async () => {
    for (const id of ['keep-1', 'keep-2', 'keep-3']) {
      await queue.add(DETECT_JOB, sealedJobData(id, 'Asthma.'), { jobId: id });
      await waitForFinishedJob(queue, id);
    }
    expect(await queue.getCompletedCount()).toBe(2);
    expect(await queue.getJob('keep-3')).toBeDefined();
  });
});
