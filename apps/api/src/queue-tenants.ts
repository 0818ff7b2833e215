/**
 * Each tenant's recent jobs, for its worklist: one sorted set per tenant under the queue's prefix,
 * job ids scored by submission time. BullMQ knows nothing of tenants, and filtering its own lists
 * would read every other tenant's jobs to find a quiet tenant's few.
 *
 * The set is only an index: the job hash stays the truth (and holds the tenant, which every read
 * checks). Ids whose job retention or deletion has removed are dropped as the list is read, and
 * each set is trimmed to its newest {@link INDEX_KEEP} ids as jobs are added, so it never grows
 * without bound. It holds ids only, never text.
 */
import type { Queue } from 'bullmq';
import { OPEN_MODE_TENANT } from './auth.js';
import { clientWith, runScript, type RedisScript } from './redis-commands.js';

/** Newest job ids kept per tenant: far more than the worklist's largest page (100). */
const INDEX_KEEP = 1_000;
/** Pages read past removed jobs before giving up on filling the list (each page is `limit` ids). */
const MAX_PAGES = 5;

type IndexedQueue = Pick<Queue, 'toKey' | 'getBackend'>;

export interface IndexedJob {
  id: string;
  tenant: string;
  createdAt: Date;
}

/**
 * ARGV: how many to keep, then score and id pairs. NX keeps the first submission time of a job that
 * an `Idempotency-Key` returned again; the trim keeps the newest ids.
 */
const INDEX_SCRIPT: RedisScript = {
  name: 'icdIndexTenantJobs',
  numberOfKeys: 1,
  lua: `for i = 2, #ARGV, 2 do redis.call('ZADD', KEYS[1], 'NX', ARGV[i], ARGV[i + 1]) end
redis.call('ZREMRANGEBYRANK', KEYS[1], 0, -(tonumber(ARGV[1]) + 1))
return 1`,
};
const UNINDEX_SCRIPT: RedisScript = { name: 'icdUnindexTenantJobs', numberOfKeys: 1, lua: `return redis.call('ZREM', KEYS[1], unpack(ARGV))` };

const redisOf = (queue: IndexedQueue) => clientWith(queue, INDEX_SCRIPT, UNINDEX_SCRIPT);

const indexKey = (queue: IndexedQueue, tenant: string) => queue.toKey(`icd-tenant-jobs:${tenant}`);

/**
 * Adds the jobs to their tenants' indexes. Done after the jobs are added: if it fails, the jobs
 * exist and can be read by id, they only miss from the worklist.
 */
export async function indexJobs(queue: IndexedQueue, jobs: readonly IndexedJob[]): Promise<void> {
  const client = await redisOf(queue);
  for (const tenant of new Set(jobs.map((job) => job.tenant))) {
    const members = jobs.filter((job) => job.tenant === tenant).flatMap((job) => [String(job.createdAt.getTime()), job.id]);
    await runScript(client, INDEX_SCRIPT, [indexKey(queue, tenant), INDEX_KEEP, ...members]);
  }
}

/**
 * The tenant's newest `limit` jobs that still exist, newest first, read with `find` (which gives
 * null for a job that is gone). Gone ids are removed from the index on the way.
 */
export async function recentJobsOf<T extends { id: string }>(
  queue: IndexedQueue,
  tenant: string,
  limit: number,
  find: (id: string) => Promise<T | null>,
): Promise<T[]> {
  const client = await redisOf(queue);
  const key = indexKey(queue, tenant);
  const found: T[] = [];
  for (let page = 0, start = 0; page < MAX_PAGES && found.length < limit; page += 1) {
    const ids = await client.zrevrange(key, start, start + limit - 1);
    if (ids.length === 0) break;
    const jobs = await Promise.all(ids.map(find));
    const gone = ids.filter((_id, index) => jobs[index] === null);
    for (const job of jobs) if (job !== null) found.push(job);
    if (gone.length > 0) await runScript(client, UNINDEX_SCRIPT, [key, ...gone]);
    // The removed ids no longer take up ranks: the next page starts after the kept ones only.
    start += ids.length - gone.length;
  }
  return found.slice(0, limit);
}

/** Takes deleted jobs out of their tenant's index at once (reading the worklist would drop them too, later). */
export async function unindexJobs(queue: IndexedQueue, tenant: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const client = await redisOf(queue);
  await runScript(client, UNINDEX_SCRIPT, [indexKey(queue, tenant), ...ids]);
}

/** The tenant that owns a job; jobs from before tenants existed belong to the open-mode tenant. */
export function tenantOfJob(data: { tenant?: string }): string {
  return data.tenant ?? OPEN_MODE_TENANT;
}
