/**
 * A worker process killed with SIGKILL while it holds jobs: its claims (locks) expire, the stalled
 * check of the next worker puts those jobs back in the fixture.queue, and every job completes once. The lock
 * and the check are shortened through the worker's environment so the test does not wait 30 s.
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
const env = {
  ...fixture.env,
  // More jobs in flight at the kill, each a few tens of milliseconds of detection.
  WORKER_CONCURRENCY: '4',
  WORKER_LOCK_DURATION_MS: '3000',
  WORKER_STALLED_INTERVAL_MS: '1000',
  // A busy test machine can starve a live worker's lock renewal; such a job is merely run again.
  WORKER_MAX_STALLED_COUNT: '3',
};

describe('a worker killed with SIGKILL mid-batch', () => {
  it('leaves its jobs to the next worker, and every job completes exactly once', async () => {
    const ids = await addJobs(fixture.queue, syntheticNotes(DOCUMENTS, 12));
    const doomed = await startWorkerProcess(env);
    fixture.workers.push(doomed);
    await waitFor(async () => (await fixture.queue.getCompletedCount()) >= 40, 30_000, () => 'the first worker completed too few jobs');
    await waitFor(async () => (await fixture.queue.getActiveCount()) > 0, 10_000, () => 'the first worker holds no job');

    doomed.kill('SIGKILL');
    expect(await doomed.exited).toEqual({ code: null, signal: 'SIGKILL' });
    const inFlight = (await fixture.queue.getJobs(['active'])).map((job) => job.id!);
    // The test means something only if the kill caught jobs in the middle.
    expect(inFlight.length).toBeGreaterThan(0);
    const { completed: completedBefore } = await countsOf(fixture.queue);
    expect(completedBefore).toBeLessThan(DOCUMENTS);

    const rescuer = await startWorkerProcess(env);
    fixture.workers.push(rescuer);
    await waitUntilAllFinished(fixture.queue, fixture.tracker, DOCUMENTS, 60_000);

    const report = await finishedReport(fixture.queue, fixture.tracker, ids);
    expect(report).toMatchObject({ completed: DOCUMENTS, failed: 0, notCompleted: [], notCompletedExactlyOnce: [], failedEvents: [] });
    // The jobs caught by the kill were recovered as stalled and finished by the new worker...
    expect(report.stalled).toEqual(expect.arrayContaining(inFlight));
    // ...and were run twice (at least once delivery): the checks the other tests rely on see it.
    expect(report.startedTwice).toEqual(expect.arrayContaining(inFlight));
    const finishedBy = await Promise.all(inFlight.map(async (id) => (await fixture.queue.getJob(id))?.processedBy));
    expect(new Set(finishedBy)).toEqual(new Set([rescuer.name]));
    expect(loggedMessages(rescuer).filter((msg) => msg.startsWith('job stalled')).length).toBeGreaterThanOrEqual(inFlight.length);
    expect(report.byWorker[doomed.name]).toBe(completedBefore);
    expect(report.byWorker[rescuer.name]).toBe(DOCUMENTS - completedBefore);
  });
});
