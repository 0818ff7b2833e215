/**
 * Helpers for the fault-tolerance tests: submit many jobs, count how often each one completes (from
 * the queue's event stream), and summarize the finished jobs as Redis holds them.
 */
import { DETECT_JOB, DETECT_QUEUE, type DetectJobOutcome } from '@icd/contracts';
import { Queue, QueueEvents } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { sealedJobData } from './sealed-jobs.js';

export type DetectQueue = Queue<unknown, DetectJobOutcome>;

export function openQueue(redisUrl: string, prefix: string): DetectQueue {
  return new Queue(DETECT_QUEUE, { connection: { url: redisUrl }, prefix });
}

/** Counts `completed` and `failed` events per job id. */
export interface CompletionTracker {
  completions: Map<string, number>;
  failures: Map<string, number>;
  close(): Promise<void>;
}

/**
 * Listens to the queue's event stream from its very beginning (`lastEventId: '0'`), so no event is
 * missed however late the listener starts. A job completing twice shows up as a count of 2.
 */
export async function trackCompletions(redisUrl: string, prefix: string): Promise<CompletionTracker> {
  const events = new QueueEvents(DETECT_QUEUE, { connection: { url: redisUrl }, prefix, lastEventId: '0' });
  const completions = new Map<string, number>();
  const failures = new Map<string, number>();
  events.on('completed', ({ jobId }) => completions.set(jobId, (completions.get(jobId) ?? 0) + 1));
  events.on('failed', ({ jobId }) => failures.set(jobId, (failures.get(jobId) ?? 0) + 1));
  await events.waitUntilReady();
  return { completions, failures, close: () => events.close() };
}

/** Polls `condition` until it holds; throws with `describe()` when `timeoutMs` passes first. */
export async function waitFor(condition: () => Promise<boolean> | boolean, timeoutMs: number, describe: () => string | Promise<string>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms: ${await describe()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export const countsOf = (queue: DetectQueue) => queue.getJobCounts('wait', 'active', 'delayed', 'completed', 'failed');

/** Waits until `total` jobs are completed or failed, and the tracker has seen every completion. */
export async function waitUntilAllFinished(queue: DetectQueue, tracker: CompletionTracker, total: number, timeoutMs: number): Promise<void> {
  await waitFor(
    async () => {
      const counts = await countsOf(queue);
      return counts.completed + counts.failed >= total && tracker.completions.size >= counts.completed;
    },
    timeoutMs,
    async () => `job counts ${JSON.stringify(await countsOf(queue))}, completion events for ${tracker.completions.size} jobs`,
  );
}

/** POSTs each text to `/v1/jobs` (at most `concurrency` at once); the job ids, in order. */
export async function submitOverHttp(baseUrl: string, texts: string[], concurrency = 16): Promise<string[]> {
  const ids: string[] = new Array(texts.length);
  let next = 0;
  const client = async () => {
    for (let index = next++; index < texts.length; index = next++) {
      const response = await fetch(`${baseUrl}/v1/jobs`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text: texts[index] }),
      });
      const body = (await response.json()) as { id?: string; error?: { code: string } };
      if (response.status !== 202 || !body.id) throw new Error(`submission ${index}: HTTP ${response.status} ${body.error?.code ?? ''}`);
      ids[index] = body.id;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  return ids;
}

/** Adds jobs as the API does (random id, payload sealed per the contract), straight to the queue. */
export async function addJobs(queue: DetectQueue, texts: string[]): Promise<string[]> {
  const jobs = texts.map((text) => {
    const id = randomUUID();
    return { name: DETECT_JOB, data: sealedJobData(id, text), opts: { jobId: id } };
  });
  await queue.addBulk(jobs);
  return jobs.map((job) => job.opts.jobId);
}

export interface FinishedReport {
  completed: number;
  failed: number;
  /** Submitted ids that are not completed. */
  notCompleted: string[];
  /** Submitted ids without exactly one `completed` event. */
  notCompletedExactlyOnce: string[];
  /** Ids with a `failed` event. */
  failedEvents: string[];
  /** Ids whose processing was started more than once (a stalled job picked up again). */
  startedTwice: string[];
  /** Ids recovered from a worker that stopped renewing its lock. */
  stalled: string[];
  /** Completed jobs per worker name (`processedBy`). */
  byWorker: Record<string, number>;
}

/** Every submitted job as Redis holds it now, checked against the events the tracker saw. */
export async function finishedReport(queue: DetectQueue, tracker: CompletionTracker, ids: string[]): Promise<FinishedReport> {
  const counts = await countsOf(queue);
  const completedJobs = await queue.getJobs(['completed'], 0, -1);
  const byId = new Map(completedJobs.map((job) => [job.id!, job]));
  const byWorker: Record<string, number> = {};
  for (const job of completedJobs) byWorker[job.processedBy ?? '?'] = (byWorker[job.processedBy ?? '?'] ?? 0) + 1;
  const completedOnce = (id: string) => byId.get(id)?.finishedOn !== undefined && byId.get(id)?.returnvalue?.result === 'stored';
  return {
    completed: counts.completed,
    failed: counts.failed,
    notCompleted: ids.filter((id) => !completedOnce(id)),
    notCompletedExactlyOnce: ids.filter((id) => tracker.completions.get(id) !== 1),
    failedEvents: [...tracker.failures.keys()],
    startedTwice: completedJobs.filter((job) => job.attemptsStarted !== 1).map((job) => job.id!),
    stalled: completedJobs.filter((job) => job.stalledCounter > 0).map((job) => job.id!),
    byWorker,
  };
}
