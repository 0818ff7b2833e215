/**
 * A worker told to stop (SIGTERM, as a deploy or `docker stop` does) in the middle of a batch: it
 * takes no new job, finishes the ones in flight and exits 0, leaving nothing claimed. The next worker
 * does the rest; every job is completed exactly once and none is processed twice or fails. Locks
 * keep their 30 s default here: a job left active would not be recovered within the test.
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
const env = { REDIS_URL: redisUrl, QUEUE_PREFIX: queuePrefix, WORKER_CONCURRENCY: '4' };

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

describe('a worker stopped with SIGTERM mid-batch', () => {
  it('finishes its jobs in flight and exits; with the next worker every job completes exactly once', async () => {
    const ids = await addJobs(queue, syntheticNotes(DOCUMENTS, 12));
    const leaving = await startWorkerProcess(env);
    workers.push(leaving);
    await waitFor(async () => (await queue.getCompletedCount()) >= 40, 30_000, () => 'the first worker completed too few jobs');
    // Signalled while it holds jobs, so that it has something to finish.
    await waitFor(async () => (await queue.getActiveCount()) > 0, 10_000, () => 'the first worker holds no job');

    leaving.kill('SIGTERM');
    expect(await leaving.exited).toEqual({ code: 0, signal: null });
    expect(loggedMessages(leaving)).toEqual(expect.arrayContaining(['closing: finishing jobs in flight', 'closed']));
    // Nothing left claimed: the jobs it had were finished, the rest still wait.
    const afterStop = await countsOf(queue);
    expect(afterStop).toMatchObject({ active: 0, failed: 0 });
    expect(afterStop.completed + afterStop.wait).toBe(DOCUMENTS);
    expect(afterStop.wait).toBeGreaterThan(0);

    const next = await startWorkerProcess(env);
    workers.push(next);
    await waitUntilAllFinished(queue, tracker!, DOCUMENTS, 60_000);

    const report = await finishedReport(queue, tracker!, ids);
    expect(report).toMatchObject({
      completed: DOCUMENTS,
      failed: 0,
      notCompleted: [],
      notCompletedExactlyOnce: [],
      failedEvents: [],
      startedTwice: [],
      stalled: [],
    });
    expect(report.byWorker).toEqual({ [leaving.name]: afterStop.completed, [next.name]: DOCUMENTS - afterStop.completed });
  });
});
