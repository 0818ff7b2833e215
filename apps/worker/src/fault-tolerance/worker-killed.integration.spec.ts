/**
 * A worker process killed with SIGKILL while it holds jobs: its claims (locks) expire, the stalled
 * check of the next worker puts those jobs back in the queue, and every job completes once. The lock
 * and the check are shortened through the worker's environment so the test does not wait 30 s.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addJobs,
  countsOf,
  finishedReport,
  openQueue,
  trackCompletions,
  waitFor,
  waitUntilAllFinished,
  type CompletionTracker,
  type DetectQueue,
} from '../testing/job-tracking.js';
import { syntheticNotes } from '../testing/notes.js';
import { deleteKeysUnder, randomQueuePrefix, testRedisUrl } from '../testing/test-queue.js';
import { loggedMessages, startWorkerProcess, type WorkerProcess } from '../testing/worker-process.js';

const DOCUMENTS = 300;
const redisUrl = testRedisUrl();
const queuePrefix = randomQueuePrefix();
const env = {
  REDIS_URL: redisUrl,
  QUEUE_PREFIX: queuePrefix,
  // More jobs in flight at the kill, each a few tens of milliseconds of detection.
  WORKER_CONCURRENCY: '4',
  WORKER_LOCK_DURATION_MS: '3000',
  WORKER_STALLED_INTERVAL_MS: '1000',
  // A busy test machine can starve a live worker's lock renewal; such a job is merely run again.
  WORKER_MAX_STALLED_COUNT: '3',
};

const workers: WorkerProcess[] = [];
let queue: DetectQueue;
let tracker: CompletionTracker | undefined;

beforeAll(async () => {
  queue = openQueue(redisUrl, queuePrefix);
  tracker = await trackCompletions(redisUrl, queuePrefix);
});

afterAll(async () => {
  await Promise.all(workers.map((worker) => worker.stop()));
  await tracker?.close();
  await queue?.close();
  await deleteKeysUnder(redisUrl, queuePrefix);
});

describe('a worker killed with SIGKILL mid-batch', () => {
  it('leaves its jobs to the next worker, and every job completes exactly once', async () => {
    const ids = await addJobs(queue, syntheticNotes(DOCUMENTS, 12));
    const doomed = await startWorkerProcess(env);
    workers.push(doomed);
    await waitFor(async () => (await queue.getCompletedCount()) >= 40, 30_000, () => 'the first worker completed too few jobs');
    await waitFor(async () => (await queue.getActiveCount()) > 0, 10_000, () => 'the first worker holds no job');

    doomed.kill('SIGKILL');
    expect(await doomed.exited).toEqual({ code: null, signal: 'SIGKILL' });
    const inFlight = (await queue.getJobs(['active'])).map((job) => job.id!);
    // The test means something only if the kill caught jobs in the middle.
    expect(inFlight.length).toBeGreaterThan(0);
    const { completed: completedBefore } = await countsOf(queue);
    expect(completedBefore).toBeLessThan(DOCUMENTS);

    const rescuer = await startWorkerProcess(env);
    workers.push(rescuer);
    await waitUntilAllFinished(queue, tracker!, DOCUMENTS, 60_000);

    const report = await finishedReport(queue, tracker!, ids);
    expect(report).toMatchObject({ completed: DOCUMENTS, failed: 0, notCompleted: [], notCompletedExactlyOnce: [], failedEvents: [] });
    // The jobs caught by the kill were recovered as stalled and finished by the new worker...
    expect(report.stalled).toEqual(expect.arrayContaining(inFlight));
    // ...and were run twice (at least once delivery): the checks the other tests rely on see it.
    expect(report.startedTwice).toEqual(expect.arrayContaining(inFlight));
    const finishedBy = await Promise.all(inFlight.map(async (id) => (await queue.getJob(id))?.processedBy));
    expect(new Set(finishedBy)).toEqual(new Set([rescuer.name]));
    expect(loggedMessages(rescuer).filter((msg) => msg.startsWith('job stalled')).length).toBeGreaterThanOrEqual(inFlight.length);
    expect(report.byWorker[doomed.name]).toBe(completedBefore);
    expect(report.byWorker[rescuer.name]).toBe(DOCUMENTS - completedBefore);
  });
});
