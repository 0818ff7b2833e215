/**
 * The service's own use of a BullMQ job hash, beside BullMQ's: the sealed result the worker writes
 * there (JOB_HASH_FIELDS.result), the deletion flag, and the time-to-live that makes Redis itself
 * delete the hash (document, result and review) once the retention period has passed.
 */
import { DELETED_JOB_DATA, JOB_HASH_FIELDS } from '@icd/contracts';
import type { Queue } from 'bullmq';
import { clientWith, runScript, type RedisScript } from './redis-commands.js';

type StoreQueue = Pick<Queue, 'toKey' | 'getBackend'>;

/**
 * Sets the hash to expire `ARGV[1]` ms after the job's BullMQ `timestamp` (its submission), unless it
 * already has a time-to-live: a job an `Idempotency-Key` returned again keeps its first deadline.
 * BullMQ only ever writes single fields (HSET), which keep it; an expired hash takes the document,
 * the result and the review with it.
 */
const EXPIRE_FROM_SUBMISSION: RedisScript = {
  name: 'icdExpireFromSubmission',
  numberOfKeys: 1,
  lua: `if redis.call('PTTL', KEYS[1]) ~= -1 then return 0 end
local submitted = tonumber(redis.call('HGET', KEYS[1], 'timestamp'))
if not submitted then return 0 end
redis.call('PEXPIREAT', KEYS[1], submitted + tonumber(ARGV[1]))
return 1`,
};

/**
 * Erases what a job holds of the document while a worker has it (BullMQ will not remove a locked
 * job): the payload becomes DELETED_JOB_DATA, result and review go, and the flag tells the worker to
 * discard its result. BullMQ does not read `data` again to finish the job.
 */
const ERASE_HELD_JOB: RedisScript = {
  name: 'icdEraseHeldJob',
  numberOfKeys: 1,
  lua: `if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('HSET', KEYS[1], 'data', ARGV[1], ARGV[2], '1')
redis.call('HDEL', KEYS[1], ARGV[3], ARGV[4])
return 1`,
};

/** The sealed result (null until the worker stores one) and whether the job was deleted. */
export interface ServiceFields {
  sealedResult: string | null;
  deleted: boolean;
}

export async function readServiceFields(queue: StoreQueue, id: string): Promise<ServiceFields> {
  const client = await clientWith(queue);
  const [sealedResult, deleted] = await client.hmget(queue.toKey(id), JOB_HASH_FIELDS.result, JOB_HASH_FIELDS.deleted);
  return { sealedResult, deleted: deleted !== null };
}

/** Gives each job's hash its time-to-live: `retentionSeconds` after it was submitted. */
export async function expireFromSubmission(queue: StoreQueue, ids: readonly string[], retentionSeconds: number): Promise<void> {
  const client = await clientWith(queue, EXPIRE_FROM_SUBMISSION);
  await Promise.all(ids.map((id) => runScript(client, EXPIRE_FROM_SUBMISSION, [queue.toKey(id), retentionSeconds * 1_000])));
}

/** Erases a job a worker holds (see ERASE_HELD_JOB); false when it is gone. */
export async function eraseHeldJob(queue: StoreQueue, id: string): Promise<boolean> {
  const client = await clientWith(queue, ERASE_HELD_JOB);
  const { result, review, deleted } = JOB_HASH_FIELDS;
  const erased = await runScript(client, ERASE_HELD_JOB, [queue.toKey(id), JSON.stringify(DELETED_JOB_DATA), deleted, result, review]);
  return erased === 1;
}
