import {
  DETECT_JOB,
  DETECT_QUEUE,
  type DetectJobData,
  type DetectionRequest,
  type DetectionResult,
  type ReviewDecisions,
  type StoredDetectJobData,
} from '@icd/contracts';
import type { RecordSealer } from '@icd/phi';
import { Queue, type Job } from 'bullmq';
import type { ApiConfig } from './config.js';
import { ApiError, QueueUnavailableError } from './errors.js';
import { createJobCodec, type JobCodec } from './job-codec.js';
import { deleteOwnedJob, type JobRemoval } from './queue-delete.js';
import { onFinishedJobs, openQueueEventStream, waitForFinish, type FinishedJobEvent, type QueueEventStream } from './queue-events.js';
import { readReviews, saveReview } from './queue-review.js';
import { expireFromSubmission, readServiceFields } from './queue-store.js';
import { indexJobs, recentJobsOf, tenantOfJob } from './queue-tenants.js';

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
  /**
   * The payload, decrypted: contains the text (redacted when the request asked), so never log it;
   * only `GET /v1/jobs/:id/document` returns it.
   */
  data: DetectJobData;
  /** Keyed digest of the request as submitted, for {@link JobQueue.isSameRequest}. */
  fingerprint: string;
  result?: DetectionResult;
  failedReason?: string;
}

/** The API's whole use of the queue: the HTTP layer never touches BullMQ or Redis directly. */
export interface JobQueue {
  /**
   * Adds the job; when `jobId` already exists BullMQ keeps the existing job and this returns it. The
   * text (redacted first when `options.redact` is set) and externalId are stored encrypted, and the
   * job's hash expires `retentionSeconds` after submission.
   */
  submit(data: DetectJobData): Promise<JobSnapshot>;
  /**
   * Adds all jobs with one BullMQ `addBulk` (one pipelined round trip: not a transaction, others may
   * see some of the jobs before all are there), returned in the same order. Like `submit`, a
   * `requestId` that already names a job keeps (and returns) the existing job.
   */
  submitMany(data: DetectJobData[]): Promise<JobSnapshot[]>;
  find(id: string): Promise<JobSnapshot | null>;
  /** True when the job was made from `request` (compared by keyed fingerprint: the stored text may be redacted). */
  isSameRequest(job: JobSnapshot, request: DetectionRequest): boolean;
  /**
   * Deletes the tenant's job: its document, result and review at once (see {@link JobRemoval}).
   * Another tenant's job is `missing`, as a job that does not exist.
   */
  remove(id: string, tenant: string): Promise<JobRemoval>;
  /** The tenant's most recently submitted jobs in any state, newest first, at most `limit`. */
  listRecent(limit: number, tenant: string): Promise<JobSnapshot[]>;
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

type DetectQueue = Queue<StoredDetectJobData, unknown>;

/** What reading and writing jobs needs besides the BullMQ queue. */
interface Store {
  queue: DetectQueue;
  codec: JobCodec;
  retentionSeconds: number;
}

/**
 * The BullMQ queue behind {@link JobQueue}. Commands fail fast when Redis is away
 * (`enableOfflineQueue: false`) and every call has a deadline, so an outage becomes a quick 503
 * rather than a hung request. `sealer` encrypts what is PHI before it reaches Redis (job-codec.ts);
 * the workers must have the same keys.
 */
export function createJobQueue(config: Pick<ApiConfig, 'redisUrl' | 'queuePrefix' | 'redisTimeoutMs' | 'retentionSeconds'>, sealer: RecordSealer): JobQueue {
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
  const store: Store = { queue, codec: createJobCodec(sealer), retentionSeconds: config.retentionSeconds };
  return {
    submit: (data) => call(async () => (await indexed(queue, [await addJob(store, data)]))[0]),
    submitMany: (data) => call(async () => indexed(queue, await addJobs(store, data))),
    find: (id) => call(() => findJob(store, id)),
    isSameRequest: (job, request) => store.codec.isSameRequest(job.fingerprint, request),
    remove: (id, tenant) => call(() => deleteOwnedJob(queue, id, tenant)),
    listRecent: (limit, tenant) => call(() => recentJobsOf(queue, tenant, limit, (id) => findJob(store, id))),
    reviewsOf: (ids) => call(() => readReviews(queue, store.codec, ids)),
    saveReview: (id, review) => call(() => saveReview(queue, store.codec, id, review)),
    waitUntilFinished: async (id, timeoutMs) => {
      await waitForFinish(queueEvents(), id, timeoutMs, () => call(() => isFinished(queue, id)));
      return call(() => findJob(store, id));
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

async function addJob(store: Store, data: DetectJobData): Promise<JobSnapshot> {
  // The request id is the job id: it is what the client polls, and what makes idempotent submissions
  // collapse onto one job. The hash expires with retention; the worker also removes finished jobs.
  await store.queue.add(DETECT_JOB, store.codec.encode(data), { ...RETRY_OPTIONS, jobId: data.requestId });
  await expireFromSubmission(store.queue, [data.requestId], store.retentionSeconds);
  const stored = await findJob(store, data.requestId);
  if (!stored) throw new QueueUnavailableError('job vanished right after it was added');
  return stored;
}

async function addJobs(store: Store, data: DetectJobData[]): Promise<JobSnapshot[]> {
  const jobs = data.map((job) => ({ name: DETECT_JOB, data: store.codec.encode(job), opts: { ...RETRY_OPTIONS, jobId: job.requestId } }));
  await store.queue.addBulk(jobs);
  const ids = data.map((job) => job.requestId);
  await expireFromSubmission(store.queue, ids, store.retentionSeconds);
  // Read back rather than trusting addBulk's answer: for an id that already existed, BullMQ returns
  // the job as given, not the job as stored.
  const stored = await Promise.all(ids.map((id) => findJob(store, id)));
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
 * State first, then the job hash, then the result field: a job can finish between the reads, and
 * in this order the snapshot may lag (active with the result already there) but never claims
 * completed without it. A job deleted while a worker held it is gone already.
 */
async function findJob({ queue, codec }: Store, id: string): Promise<JobSnapshot | null> {
  const state = await queue.getJobState(id);
  if (state === 'unknown') return null;
  const job = await queue.getJob(id);
  if (!job) return null;
  const { sealedResult, deleted } = await readServiceFields(queue, id);
  if (deleted) return null;
  const status = statusOf(state);
  const { data, fingerprint } = codec.decode(id, job.data);
  return {
    ...snapshotOf(job, status),
    data,
    fingerprint,
    result: status === 'completed' && sealedResult !== null ? codec.decodeResult(id, sealedResult) : undefined,
  };
}

function snapshotOf(job: Job<StoredDetectJobData, unknown>, status: JobStatus): Omit<JobSnapshot, 'data' | 'fingerprint'> {
  return {
    id: job.id ?? '',
    status,
    progress: status === 'completed' ? 100 : typeof job.progress === 'number' ? job.progress : 0,
    createdAt: new Date(job.timestamp),
    finishedAt: job.finishedOn ? new Date(job.finishedOn) : null,
    failedReason: status === 'failed' ? job.failedReason : undefined,
  };
}

/** Records the jobs in their tenants' worklists (queue-tenants.ts), and returns them. */
async function indexed(queue: DetectQueue, jobs: JobSnapshot[]): Promise<JobSnapshot[]> {
  await indexJobs(queue, jobs.map((job) => ({ id: job.id, tenant: tenantOfJob(job.data), createdAt: job.createdAt })));
  return jobs;
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
    // An ApiError (a stored job this server cannot decrypt) is not Redis's fault.
    if (error instanceof QueueUnavailableError || error instanceof ApiError) throw error;
    throw new QueueUnavailableError(`Redis call failed: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    clearTimeout(timer);
  }
}
