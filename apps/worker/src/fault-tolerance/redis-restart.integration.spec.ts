/**
 * Redis restarted while jobs wait: on a Redis of the test's own that writes every command to its
 * append-only file (`--appendonly yes --appendfsync always`), jobs submitted over HTTP with no
 * worker survive a stop and a start on the same port and folder; the API reconnects by itself, and
 * a worker started afterwards completes every job once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJson, startApiProcess, type ApiProcess } from '../testing/api-process.js';
import {
  countsOf,
  finishedReport,
  openQueue,
  submitOverHttp,
  trackCompletions,
  waitFor,
  waitUntilAllFinished,
  type CompletionTracker,
  type DetectQueue,
} from '../testing/job-tracking.js';
import { syntheticNotes } from '../testing/notes.js';
import { startOwnRedis, type OwnRedis } from '../testing/redis-server.js';
import { openedJobData } from '../testing/sealed-jobs.js';
import { randomQueuePrefix } from '../testing/test-queue.js';
import { startWorkerProcess, type WorkerProcess } from '../testing/worker-process.js';

const DOCUMENTS = 200;
const queuePrefix = randomQueuePrefix();
const texts = syntheticNotes(DOCUMENTS);

let redis: OwnRedis | undefined;
let api: ApiProcess | undefined;
let worker: WorkerProcess | undefined;
let queue: DetectQueue | undefined;
let tracker: CompletionTracker | undefined;
let ids: string[] = [];

beforeAll(async () => {
  redis = await startOwnRedis();
  api = await startApiProcess({ REDIS_URL: redis.url, QUEUE_PREFIX: queuePrefix, QUEUE_LIMIT: String(DOCUMENTS * 2) });
});

afterAll(async () => {
  await Promise.all([api?.stop(), worker?.stop()]);
  await tracker?.close();
  await queue?.close();
  // The whole Redis, append-only file and all, was the test's own.
  await redis?.destroy();
});

const readiness = async () => readJson(await fetch(`${api!.baseUrl}/readyz`));

describe('Redis restarted while jobs are queued', () => {
  it('accepts jobs with no worker running', async () => {
    ids = await submitOverHttp(api!.baseUrl, texts, 8);
    const counting = openQueue(redis!.url, queuePrefix);
    expect(await countsOf(counting)).toMatchObject({ wait: DOCUMENTS, active: 0, completed: 0 });
    await counting.close();
  });

  it('keeps every job across a stop and a start of Redis, and the API reconnects', async () => {
    await redis!.stop();
    expect(await readiness()).toMatchObject({ checks: { redis: 'unreachable' } });
    await redis!.start();
    await waitFor(async () => (await readiness()).checks?.redis === 'ok', 15_000, () => 'the API did not reconnect to Redis');

    queue = openQueue(redis!.url, queuePrefix);
    expect(await countsOf(queue)).toMatchObject({ wait: DOCUMENTS, active: 0, completed: 0, failed: 0 });
    const sample = await queue.getJob(ids[DOCUMENTS - 1]);
    expect(openedJobData(sample!)).toMatchObject({ text: texts[DOCUMENTS - 1], requestId: ids[DOCUMENTS - 1] });
  });

  it('completes every job once a worker starts', async () => {
    tracker = await trackCompletions(redis!.url, queuePrefix);
    worker = await startWorkerProcess({ REDIS_URL: redis!.url, QUEUE_PREFIX: queuePrefix });
    await waitUntilAllFinished(queue!, tracker, DOCUMENTS, 60_000);

    const report = await finishedReport(queue!, tracker, ids);
    expect(report).toMatchObject({
      completed: DOCUMENTS,
      failed: 0,
      notCompleted: [],
      notCompletedExactlyOnce: [],
      failedEvents: [],
      startedTwice: [],
    });
    const result = await fetch(`${api!.baseUrl}/v1/jobs/${ids[0]}/result`);
    expect(result.status).toBe(200);
  });
});
