/**
 * A worker told to stop (SIGTERM, as a deploy or `docker stop` does) in the middle of a batch: it
 * takes no new job, finishes the ones in flight and exits 0, leaving nothing claimed. The next worker
 * does the rest; every job is completed exactly once and none is processed twice or fails. Locks
 * keep their 30 s default here: a job left active would not be recovered within the test.
 */
import { describe, expect, it } from 'vitest';
import {
  addJobs,
  countsOf,
  finishedReport,
  waitFor,
  waitUntilAllFinished,
} from '../testing/job-tracking.js';
import { syntheticNotes } from '../testing/notes.js';
import { useQueueFixture } from '../testing/queue-fixture.js';
import { loggedMessages, startWorkerProcess } from '../testing/worker-process.js';

const DOCUMENTS = 300;
const fixture = useQueueFixture();
const env = { ...fixture.env, WORKER_CONCURRENCY: '4' };

describe('a worker stopped with SIGTERM mid-batch', () => {
  it('finishes its jobs in flight and exits; with the next worker every job completes exactly once', async () => {
    const ids = await addJobs(fixture.queue, syntheticNotes(DOCUMENTS, 12));
    const leaving = await startWorkerProcess(env);
    fixture.workers.push(leaving);
    await waitFor(async () => (await fixture.queue.getCompletedCount()) >= 40, 30_000, () => 'the first worker completed too few jobs');
    // Signalled while it holds jobs, so that it has something to finish.
    await waitFor(async () => (await fixture.queue.getActiveCount()) > 0, 10_000, () => 'the first worker holds no job');

    leaving.kill('SIGTERM');
    expect(await leaving.exited).toEqual({ code: 0, signal: null });
    expect(loggedMessages(leaving)).toEqual(expect.arrayContaining(['closing: finishing jobs in flight', 'closed']));
    // Nothing left claimed: the jobs it had were finished, the rest still wait.
    const afterStop = await countsOf(fixture.queue);
    expect(afterStop).toMatchObject({ active: 0, failed: 0 });
    expect(afterStop.completed + afterStop.wait).toBe(DOCUMENTS);
    expect(afterStop.wait).toBeGreaterThan(0);

    const next = await startWorkerProcess(env);
    fixture.workers.push(next);
    await waitUntilAllFinished(fixture.queue, fixture.tracker, DOCUMENTS, 60_000);

    const report = await finishedReport(fixture.queue, fixture.tracker, ids);
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
