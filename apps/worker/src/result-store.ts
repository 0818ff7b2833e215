/**
 * Where the worker puts a job's result: sealed, in a field of the job's own hash
 * (JOB_HASH_FIELDS.result), not in BullMQ's `returnvalue`, which BullMQ also copies into the queue's
 * event stream where no time-to-live reaches it. The result thus lives exactly as long as the job.
 */
import { JOB_HASH_FIELDS } from '@icd/contracts';
import type { Worker } from 'bullmq';

/**
 * Writes the result unless the job is gone (retention) or was deleted meanwhile (then the result is
 * discarded). Gives the hash its time-to-live from submission if it somehow has none (the API sets
 * it right after adding the job; a crash in between would leave it unset).
 */
const STORE_RESULT = `if redis.call('EXISTS', KEYS[1]) == 0 or redis.call('HEXISTS', KEYS[1], ARGV[3]) == 1 then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
if redis.call('PTTL', KEYS[1]) == -1 then
  local submitted = tonumber(redis.call('HGET', KEYS[1], 'timestamp'))
  if submitted then redis.call('PEXPIREAT', KEYS[1], submitted + tonumber(ARGV[4])) end
end
return 1`;
const STORE_COMMAND = 'icdStoreSealedResult';

type StoringWorker = Pick<Worker, 'toKey' | 'getBackend'>;

const clientsWithScript = new WeakSet<object>();

/** True when stored; false when the result was discarded (the job is gone or was deleted). */
export async function storeSealedResult(worker: StoringWorker, jobId: string, sealedResult: string, retentionSeconds: number): Promise<boolean> {
  const client = await worker.getBackend().client;
  if (!clientsWithScript.has(client)) {
    client.defineCommand(STORE_COMMAND, { numberOfKeys: 1, lua: STORE_RESULT });
    clientsWithScript.add(client);
  }
  const { result, deleted } = JOB_HASH_FIELDS;
  const stored = await client.runCommand(STORE_COMMAND, [worker.toKey(jobId), result, sealedResult, deleted, String(retentionSeconds * 1_000)]);
  return stored === 1;
}
