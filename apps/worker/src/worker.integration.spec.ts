/** Integration: the real worker and detector on a private queue in the test Redis. */
import { DETECT_JOB, DETECT_QUEUE, type DetectionResult } from '@icd/contracts';
import { createDetector, type Detector } from '@icd/detector';
import { loadTerminology } from '@icd/terminology';
import { Queue, type Worker } from 'bullmq';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWorkerConfig } from './config.js';
import { createDetectProcessor } from './processor.js';
import { deleteKeysUnder, randomQueuePrefix, testRedisUrl, waitForFinishedJob } from './testing/test-queue.js';
import { createDetectWorker } from './worker.js';

const silent = pino({ level: 'silent' });
const NOTE = 'History: type 2 diabetes mellitus with diabetic nephropathy. Essential hypertension.';

const redisUrl = testRedisUrl();
const queuePrefix = randomQueuePrefix();
let detector: Detector;
let queue: Queue<unknown, DetectionResult>;
let worker: Worker<unknown, DetectionResult>;

beforeAll(async () => {
  detector = createDetector(await loadTerminology());
  queue = new Queue(DETECT_QUEUE, { connection: { url: redisUrl }, prefix: queuePrefix });
  const config = { ...loadWorkerConfig({}), redisUrl, queuePrefix, maxRetainedJobs: 2 };
  worker = createDetectWorker({ config, processor: createDetectProcessor(detector, silent), logger: silent });
  await worker.waitUntilReady();
});

afterAll(async () => {
  await worker?.close();
  await queue?.close();
  await deleteKeysUnder(redisUrl, queuePrefix);
});

const validJob = (id: string, text = NOTE) => ({ text, requestId: id, submittedAt: new Date().toISOString() });

describe('detect worker', () => {
  it('completes a job with the DetectionResult of the text', async () => {
    await queue.add(DETECT_JOB, validJob('valid-1'), { jobId: 'valid-1' });
    const { job, state } = await waitForFinishedJob(queue, 'valid-1');
    expect(state).toBe('completed');
    expect(job.returnvalue).toEqual(detector.detect(NOTE));
  });

  it('fails an invalid payload at once, without using its retries', async () => {
    const attempts = 5;
    await queue.add(DETECT_JOB, { requestId: 'bad-1', submittedAt: 'not a date' }, { jobId: 'bad-1', attempts, backoff: { type: 'fixed', delay: 10 } });
    const { job, state } = await waitForFinishedJob(queue, 'bad-1');
    expect(state).toBe('failed');
    expect(job.attemptsMade).toBe(1);
    expect(job.failedReason).toMatch(/^invalid job data: .*text: .*submittedAt: /);
  });

  it('keeps no more finished jobs than the retention allows', async () => {
    for (const id of ['keep-1', 'keep-2', 'keep-3']) {
      await queue.add(DETECT_JOB, validJob(id, 'Asthma.'), { jobId: id });
      await waitForFinishedJob(queue, id);
    }
    expect(await queue.getCompletedCount()).toBe(2);
    expect(await queue.getJob('keep-3')).toBeDefined();
  });
});
