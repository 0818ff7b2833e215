import { DETECT_JOB, DETECT_QUEUE, type DetectJobData, type DetectionResult, type ReviewDecisions } from '@icd/contracts';
import { Queue, type Job } from 'bullmq';
import type { ApiConfig } from './config.js';
import { QueueUnavailableError } from './errors.js';
import { onFinishedJobs, openQueueEventStream, waitForFinish, type FinishedJobEvent, type QueueEventStream } from './queue-events.js';
import { readReviews, saveReview } from './queue-review.js';

/**
 * A transient failure (a worker lost mid-job, Redis unreachable for a moment) is retried with
 * growing delays; input the worker cannot process fails at once (it throws UnrecoverableError).
 */
const RETRY_OPTIONS = { attempts: 3, backoff: { type: 'exponential', delay: 1_000 } } as const;

export type JobStatus = 'queued' | 'active' | 'completed' | 'failed';

/** A job as the API reports it, read from Redis in one go. */
export interface JobSnapshot {
  id: string;
  status: JobStatus;
  progress: number;
  createdAt: Date;
  finishedAt: Date | null;
  /** The payload as stored (for idempotency checks); contains the text, so never log or return it. */
  data: DetectJobData;
  result?: DetectionResult;
  failedReason?: string;
}

/** The API's whole use of the queue: the HTTP layer never touches BullMQ or Redis directly. */
export interface JobQueue {
  /** Adds the job; when `jobId` already exists BullMQ keeps the existing job and this returns it. */
  submit(data: DetectJobData): Promise<JobSnapshot>;
  /**
   * Adds all jobs with one BullMQ `addBulk` (one pipelined round trip: not a transaction, others may
   * see some of the jobs before all are there), returned in the same order. Like `submit`, a
   * `requestId` that already names a job keeps (and returns) the existing job.
   */
  submitMany(data: DetectJobData[]): Promise<JobSnapshot[]>;
  find(id: string): Promise<JobSnapshot | null>;
  /** The most recently submitted jobs in any state, newest first, at most `limit`. */
  listRecent(limit: number): Promise<JobSnapshot[]>;
  /** The coder's saved review of each job, in order; null where none was saved. */
  reviewsOf(ids: string[]): Promise<(ReviewDecisions | null)[]>;
  /** Saves the review with the job (kept as long as the job); false when the job is gone. */
  saveReview(id: string, review: ReviewDecisions): Promise<boolean>;
  /**
   * The job once a worker has finished it, or as it stands after `timeoutMs`; null if it is gone.
   * Only reading the state at the end can fail (with {@link QueueUnavailableError}).
   */
  waitUntilFinished(id: string, timeoutMs: number): Promise<JobSnapshot | null>;
  /** Jobs not yet picked up by a worker: the backpressure signal. */
  waitingCount(): Promise<number>;
  /** Jobs waiting for a worker and jobs being worked on. */
  depth(): Promise<{ waiting: number; active: number }>;
  /** Calls `listener` for each job any worker finishes, from now on (one event stream per process). */
  onJobFinished(listener: (event: FinishedJobEvent) => void): void;
  /** Workers connected to this queue, as Redis sees their connections. */
  workerCount(): Promise<number>;
  close(): Promise<void>;
}

type DetectQueue = Queue<DetectJobData, DetectionResult>;

/**
 * The BullMQ queue behind {@link JobQueue}. Commands fail fast when Redis is away
 * (`enableOfflineQueue: false`) and every call has a deadline, so an outage becomes a quick 503
 * rather than a hung request.
 */
export function createJobQueue(config: Pick<ApiConfig, 'redisUrl' | 'queuePrefix' | 'redisTimeoutMs'>): JobQueue {
  const queue: DetectQueue = new Queue(DETECT_QUEUE, {
    connection: { url: config.redisUrl, enableOfflineQueue: false },
    prefix: config.queuePrefix,
  });
  // Without a listener an unreachable Redis would crash the process; outages surface per request.
  queue.on('error', () => undefined);
  // The event stream takes its own connection, so it is opened only once something needs it.
  let events: QueueEventStream | undefined;
  const queueEvents = () => (events ??= openQueueEventStream(queue, config));
  const call = <T>(operation: () => Promise<T>) => withDeadline(operation, config.redisTimeoutMs);
  return {
    submit: (data) => call(() => addJob(queue, data)),
    submitMany: (data) => call(() => addJobs(queue, data)),
    find: (id) => call(() => findJob(queue, id)),
    listRecent: (limit) => call(() => listRecentJobs(queue, limit)),
    reviewsOf: (ids) => call(() => readReviews(queue, ids)),
    saveReview: (id, review) => call(() => saveReview(queue, id, review)),
    waitUntilFinished: async (id, timeoutMs) => {
      await waitForFinish(queueEvents(), id, timeoutMs, () => call(() => isFinished(queue, id)));
      return call(() => findJob(queue, id));
    },
    waitingCount: () => call(() => queue.getWaitingCount()),
    depth: () => call(() => countDepth(queue)),
    onJobFinished: (listener) => onFinishedJobs(queueEvents(), listener),
    workerCount: () => call(async () => (await queue.getWorkers()).length),
    close: async () => {
      await Promise.all([queue.close(), events?.close()]);
    },
  };
}

async function addJob(queue: DetectQueue, data: DetectJobData): Promise<JobSnapshot> {
  // The request id is the job id: it is what the client polls, and what makes idempotent submissions
  // collapse onto one job. Retention of finished jobs is the worker's policy (removeOnComplete/Fail).
  await queue.add(DETECT_JOB, data, { ...RETRY_OPTIONS, jobId: data.requestId });
  const stored = await findJob(queue, data.requestId);
  if (!stored) throw new QueueUnavailableError('job vanished right after it was added');
  return stored;
}

async function addJobs(queue: DetectQueue, data: DetectJobData[]): Promise<JobSnapshot[]> {
  await queue.addBulk(data.map((job) => ({ name: DETECT_JOB, data: job, opts: { ...RETRY_OPTIONS, jobId: job.requestId } })));
  // Read back rather than trusting addBulk's answer: for an id that already existed, BullMQ returns
  // the job as given, not the job as stored.
  const stored = await Promise.all(data.map((job) => findJob(queue, job.requestId)));
  if (stored.some((job) => job === null)) throw new QueueUnavailableError('a job vanished right after it was added');
  return stored as JobSnapshot[];
}

async function isFinished(queue: DetectQueue, id: string): Promise<boolean> {
  const state = await queue.getJobState(id);
  return state === 'completed' || state === 'failed' || state === 'unknown';
}

async function countDepth(queue: DetectQueue): Promise<{ waiting: number; active: number }> {
  const counts = await queue.getJobCounts('waiting', 'active');
  return { waiting: counts.waiting ?? 0, active: counts.active ?? 0 };
}

/**
 * State first, then the job hash: a job can finish between the two reads, and in this order the
 * snapshot may lag (active with the result already there) but never claims completed without it.
 */
async function findJob(queue: DetectQueue, id: string): Promise<JobSnapshot | null> {
  const state = await queue.getJobState(id);
  if (state === 'unknown') return null;
  const job = await queue.getJob(id);
  return job ? snapshotOf(job, state) : null;
}

function snapshotOf(job: Job<DetectJobData, DetectionResult>, state: string): JobSnapshot {
  const status = statusOf(state);
  return {
    id: job.id ?? '',
    status,
    progress: status === 'completed' ? 100 : typeof job.progress === 'number' ? job.progress : 0,
    createdAt: new Date(job.timestamp),
    finishedAt: job.finishedOn ? new Date(job.finishedOn) : null,
    data: job.data,
    result: status === 'completed' ? job.returnvalue : undefined,
    failedReason: status === 'failed' ? job.failedReason : undefined,
  };
}

/** The BullMQ states a detection job can be in (no flows here, so never `waiting-children`). */
const LISTED_STATES = ['active', 'waiting', 'prioritized', 'delayed', 'completed', 'failed'] as const;
const STATUS_ORDER: Record<JobStatus, number> = { queued: 0, active: 1, completed: 2, failed: 2 };

/**
 * The newest `limit` jobs of each state, merged and cut to the newest `limit` by submission time.
 * A job that moved on between the reads shows once, in its later state. It reads up to six times
 * `limit` job hashes, texts included: fine for a worklist of tens, not for paging through thousands.
 */
async function listRecentJobs(queue: DetectQueue, limit: number): Promise<JobSnapshot[]> {
  const byState = await Promise.all(
    LISTED_STATES.map(async (state) => (await queue.getJobs(state, 0, limit - 1)).map((job) => snapshotOf(job, state))),
  );
  const latest = new Map<string, JobSnapshot>();
  for (const job of byState.flat()) {
    const seen = latest.get(job.id);
    if (!seen || STATUS_ORDER[job.status] > STATUS_ORDER[seen.status]) latest.set(job.id, job);
  }
  return [...latest.values()].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime()).slice(0, limit);
}

/** BullMQ's states folded into the four the API promises; delayed (retry backoff) is still queued. */
function statusOf(state: string): JobStatus {
  if (state === 'active' || state === 'completed' || state === 'failed') return state;
  return 'queued';
}

async function withDeadline<T>(operation: () => Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new QueueUnavailableError(`Redis did not answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    return await Promise.race([operation(), deadline]);
  } catch (error) {
    if (error instanceof QueueUnavailableError) throw error;
    throw new QueueUnavailableError(`Redis call failed: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    clearTimeout(timer);
  }
}
