import { DETECT_JOB, DETECT_QUEUE, type DetectJobData, type DetectionResult } from '@icd/contracts';
import { Queue, type Job } from 'bullmq';
import type { ApiConfig } from './config.js';
import { QueueUnavailableError } from './errors.js';

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
  find(id: string): Promise<JobSnapshot | null>;
  /** Jobs not yet picked up by a worker: the backpressure signal. */
  waitingCount(): Promise<number>;
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
  const call = <T>(operation: () => Promise<T>) => withDeadline(operation, config.redisTimeoutMs);
  return {
    submit: (data) => call(() => addJob(queue, data)),
    find: (id) => call(() => findJob(queue, id)),
    waitingCount: () => call(() => queue.getWaitingCount()),
    workerCount: () => call(async () => (await queue.getWorkers()).length),
    close: () => queue.close(),
  };
}

async function addJob(queue: DetectQueue, data: DetectJobData): Promise<JobSnapshot> {
  // The request id is the job id: it is what the client polls, and what makes idempotent submissions
  // collapse onto one job. Retention of finished jobs is the worker's policy (removeOnComplete/Fail).
  await queue.add(DETECT_JOB, data, { jobId: data.requestId });
  const stored = await findJob(queue, data.requestId);
  if (!stored) throw new QueueUnavailableError('job vanished right after it was added');
  return stored;
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
