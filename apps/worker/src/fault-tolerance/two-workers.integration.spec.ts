/**
 * Scale-out: the API and TWO worker processes on one fixture.queue. 1,000 documents submitted over HTTP are
 * each completed exactly once (one `completed` event, one processing start), and both workers work.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJson, startApiProcess, type ApiProcess } from '../testing/api-process.js';
import {
  finishedReport,
  submitOverHttp,
  waitUntilAllFinished,
} from '../testing/job-tracking.js';
import { syntheticNotes } from '../testing/notes.js';
import { storedResultOf } from '../testing/sealed-jobs.js';
import { useQueueFixture } from '../testing/queue-fixture.js';
import { settleAll, startWorkerProcess } from '../testing/worker-process.js';

const DOCUMENTS = 1_000;
const fixture = useQueueFixture();
const { env, workers } = fixture;

let api: ApiProcess | undefined;

beforeAll(async () => {
  await settleAll([
    startApiProcess({ ...env, QUEUE_LIMIT: String(DOCUMENTS * 2) }).then((started) => (api = started)),
    ...[1, 2].map(() => startWorkerProcess(env).then((worker) => workers.push(worker))),
  ]);
});

afterAll(async () => {
  await api?.stop();
});

describe('two worker processes on one queue', () => {
  it('both count as ready workers', async () => {
    const ready = await readJson(await fetch(`${api!.baseUrl}/readyz`));
    expect(ready).toMatchObject({ status: 'ready', checks: { workers: 2 } });
  });

  it(`complete ${DOCUMENTS} documents submitted over HTTP, each exactly once`, async () => {
    const ids = await submitOverHttp(api!.baseUrl, syntheticNotes(DOCUMENTS), 16);
    expect(new Set(ids).size).toBe(DOCUMENTS);
    await waitUntilAllFinished(fixture.queue, fixture.tracker, DOCUMENTS, 90_000);

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
    // Both processes took a real share of the work, and no one else did.
    expect(Object.keys(report.byWorker).sort()).toEqual(workers.map((worker) => worker.name).sort());
    for (const worker of workers) expect(report.byWorker[worker.name]).toBeGreaterThan(DOCUMENTS / 10);
  });

  it('serves the results over HTTP', async () => {
    const [job] = await fixture.queue.getJobs(['completed'], 0, 0);
    const response = await fetch(`${api!.baseUrl}/v1/jobs/${job.id}/result`);
    expect(response.status).toBe(200);
    expect(await readJson(response)).toEqual(await storedResultOf(fixture.queue, job.id!));
  });

  it('logged no failure', () => {
    for (const worker of workers) expect(worker.output.filter((line) => line.includes('"level":40') || line.includes('"level":50'))).toEqual([]);
  });
});
