/**
 * A coder's review of a job, stored as one field of the BullMQ job's own hash: it lives exactly as
 * long as the job (BullMQ's retention deletes the hash, review included) and no other key has to be
 * kept in step. BullMQ reads only the fields it knows and never rewrites the hash whole.
 */
import { ReviewDecisionsSchema, type ReviewDecisions } from '@icd/contracts';
import type { Queue } from 'bullmq';

const REVIEW_FIELD = 'icdReview';
const SAVE_COMMAND = 'icdSaveReviewIfJobExists';

/**
 * Writes the field only while the job hash exists: an HSET on a job that retention has just removed
 * would leave behind a stray hash that nothing ever deletes.
 */
const SAVE_IF_JOB_EXISTS = `if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
return 1`;

type ReviewedQueue = Pick<Queue, 'toKey' | 'getBackend'>;
type RedisClient = Awaited<ReturnType<Queue['getBackend']>['client']>;

/** Clients the save script has been registered on (a queue keeps one client, but may reconnect it). */
const clientsWithScript = new WeakSet<object>();

async function redisOf(queue: ReviewedQueue): Promise<RedisClient> {
  const client = await queue.getBackend().client;
  if (!clientsWithScript.has(client)) {
    client.defineCommand(SAVE_COMMAND, { numberOfKeys: 1, lua: SAVE_IF_JOB_EXISTS });
    clientsWithScript.add(client);
  }
  return client;
}

/** Stores the review on the job; false when the job no longer exists. */
export async function saveReview(queue: ReviewedQueue, jobId: string, review: ReviewDecisions): Promise<boolean> {
  const client = await redisOf(queue);
  const saved = await client.runCommand(SAVE_COMMAND, [queue.toKey(jobId), REVIEW_FIELD, JSON.stringify(review)]);
  return saved === 1;
}

/** The reviews of the given jobs, in order; null where none was saved (or the job is gone). */
export async function readReviews(queue: ReviewedQueue, jobIds: string[]): Promise<(ReviewDecisions | null)[]> {
  const client = await redisOf(queue);
  return Promise.all(jobIds.map(async (jobId) => parseStoredReview(await client.hget(queue.toKey(jobId), REVIEW_FIELD))));
}

function parseStoredReview(raw: string | null): ReviewDecisions | null {
  if (raw === null) return null;
  try {
    const parsed = ReviewDecisionsSchema.safeParse(JSON.parse(raw));
    // A field this version cannot read (written by a newer one, say) reads as no review rather than a 500.
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
