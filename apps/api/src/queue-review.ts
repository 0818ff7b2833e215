/**
 * A coder's review of a job, sealed (encrypted and bound to the job id) in one field of the BullMQ
 * job's own hash: it lives exactly as long as the job (retention or deletion removes the hash,
 * review included) and no other key has to be kept in step. BullMQ reads only the fields it knows
 * and never rewrites the hash whole.
 */
import { JOB_HASH_FIELDS, type ReviewDecisions } from '@icd/contracts';
import type { Queue } from 'bullmq';
import type { JobCodec } from './job-codec.js';
import { clientWith, runScript, type RedisScript } from './redis-commands.js';

/**
 * Writes the field only while the job hash exists and was not deleted: an HSET on a job that
 * retention has just removed would leave behind a stray hash that nothing ever deletes.
 */
const SAVE_IF_JOB_EXISTS: RedisScript = {
  name: 'icdSaveReviewIfJobExists',
  numberOfKeys: 1,
  lua: `if redis.call('EXISTS', KEYS[1]) == 0 or redis.call('HEXISTS', KEYS[1], ARGV[3]) == 1 then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
return 1`,
};

type ReviewedQueue = Pick<Queue, 'toKey' | 'getBackend'>;

/** Stores the review on the job; false when the job no longer exists. */
export async function saveReview(queue: ReviewedQueue, codec: JobCodec, jobId: string, review: ReviewDecisions): Promise<boolean> {
  const client = await clientWith(queue, SAVE_IF_JOB_EXISTS);
  const sealed = codec.encodeReview(jobId, review);
  const saved = await runScript(client, SAVE_IF_JOB_EXISTS, [queue.toKey(jobId), JOB_HASH_FIELDS.review, sealed, JOB_HASH_FIELDS.deleted]);
  return saved === 1;
}

/** The reviews of the given jobs, in order; null where none was saved (or the job is gone). */
export async function readReviews(queue: ReviewedQueue, codec: JobCodec, jobIds: string[]): Promise<(ReviewDecisions | null)[]> {
  const client = await clientWith(queue);
  const sealed = await Promise.all(jobIds.map((jobId) => client.hget(queue.toKey(jobId), JOB_HASH_FIELDS.review)));
  return sealed.map((value, index) => (value === null ? null : codec.decodeReview(jobIds[index], value)));
}
