/**
 * Deleting a job on request (`DELETE /v1/jobs/:id`): its hash (document, result, review), its place
 * in BullMQ's lists, and its entries in the queue's event stream, so that nothing of it stays in
 * Redis. A job a worker holds cannot be removed by BullMQ; its content is erased at once instead
 * and the worker discards its result and removes it when it finishes.
 */
import { isDeletedJobData } from '@icd/contracts';
import type { Queue } from 'bullmq';
import { clientWith, runScript, type RedisScript } from './redis-commands.js';
import { eraseHeldJob } from './queue-store.js';
import { tenantOfJob, unindexJobs } from './queue-tenants.js';

/**
 * `removed`: nothing of the job is left. `erased`: a worker holds it; its document, result and
 * review are gone, its bookkeeping (ids, times) goes when the worker finishes. `missing`: no such job.
 */
export type JobRemoval = 'removed' | 'erased' | 'missing';

/** Stream entries read per call: each call blocks Redis for one page only. */
const PURGE_PAGE = 500;

/**
 * Deletes one page of the event stream's entries about job `ARGV[2]`, from id `ARGV[1]` on; returns
 * the last id read, or '' at the end of the stream. Entries name their job in a `jobId` field.
 */
const PURGE_JOB_EVENTS: RedisScript = {
  name: 'icdPurgeJobEvents',
  numberOfKeys: 1,
  lua: `local page = tonumber(ARGV[3])
local entries = redis.call('XRANGE', KEYS[1], ARGV[1], '+', 'COUNT', page)
local matching = {}
for _, entry in ipairs(entries) do
  local fields = entry[2]
  for i = 1, #fields, 2 do
    if fields[i] == 'jobId' and fields[i + 1] == ARGV[2] then
      table.insert(matching, entry[1])
      break
    end
  end
end
if #matching > 0 then redis.call('XDEL', KEYS[1], unpack(matching)) end
if #entries < page then return '' end
return entries[#entries][1]`,
};

type DeletingQueue = Pick<Queue, 'remove' | 'toKey' | 'getBackend' | 'keys' | 'getJob'>;

/**
 * Deletes the tenant's job; another tenant's job, like a job already deleted, is `missing`. Reads
 * only the job's plaintext bookkeeping (its tenant), never its sealed content: a job that can no
 * longer be decrypted (a key lost) can still be deleted.
 */
export async function deleteOwnedJob(queue: DeletingQueue, id: string, tenant: string): Promise<JobRemoval> {
  const job = await queue.getJob(id);
  if (!job || isDeletedJobData(job.data) || tenantOfJob(job.data as { tenant?: string }) !== tenant) return 'missing';
  const removal = await deleteJob(queue, id);
  await unindexJobs(queue, tenant, [id]);
  return removal;
}

async function deleteJob(queue: DeletingQueue, id: string): Promise<JobRemoval> {
  if ((await queue.remove(id)) !== 1) {
    if (!(await eraseHeldJob(queue, id))) return 'missing';
    // It may have finished between the two calls, and then it can go now.
    if ((await queue.remove(id)) !== 1) return 'erased';
  }
  await purgeJobEvents(queue, id);
  return 'removed';
}

/** Deletes every event stream entry about the job, BullMQ's `removed` one included. */
async function purgeJobEvents(queue: DeletingQueue, id: string): Promise<void> {
  const client = await clientWith(queue, PURGE_JOB_EVENTS);
  for (let from = '-'; from !== ''; ) {
    const last = (await runScript(client, PURGE_JOB_EVENTS, [queue.keys.events, from, id, PURGE_PAGE])) as string;
    from = last === '' ? '' : `(${last}`;
  }
}
