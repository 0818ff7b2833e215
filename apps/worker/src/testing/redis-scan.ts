/**
 * Reads everything a Redis holds, key by key, whatever the type (string, hash, list, set, sorted
 * set, stream), for tests that prove what is not there: clinical text at rest, or a deleted job.
 */
import { Redis } from 'ioredis';

/** One key and every string it holds: its name, members, fields, values, stream entry fields. */
export interface KeyContents {
  key: string;
  type: string;
  strings: string[];
}

async function contentsOf(redis: Redis, key: string): Promise<KeyContents> {
  const type = await redis.type(key);
  const read: Record<string, () => Promise<string[]>> = {
    string: async () => [(await redis.get(key)) ?? ''],
    hash: async () => Object.entries(await redis.hgetall(key)).flat(),
    list: () => redis.lrange(key, 0, -1),
    set: () => redis.smembers(key),
    zset: () => redis.zrange(key, '0', '-1', 'WITHSCORES'),
    stream: async () => (await redis.xrange(key, '-', '+')).flatMap(([id, fields]) => [id, ...fields]),
  };
  const strings = read[type] ? await read[type]() : [];
  return { key, type, strings: [key, ...strings] };
}

/** Every key matching `match` (all keys by default) with its contents. */
export async function readAllKeys(redisUrl: string, match = '*'): Promise<KeyContents[]> {
  const redis = new Redis(redisUrl);
  try {
    const keys = new Set<string>();
    for await (const batch of redis.scanStream({ match, count: 1_000 })) for (const key of batch as string[]) keys.add(key);
    return await Promise.all([...keys].map((key) => contentsOf(redis, key)));
  } finally {
    redis.disconnect();
  }
}

/** `key (type): needle` for each needle found anywhere in a key's name or contents (case-insensitive). */
export async function findInRedis(redisUrl: string, needles: readonly string[], match = '*'): Promise<string[]> {
  const found: string[] = [];
  for (const { key, type, strings } of await readAllKeys(redisUrl, match)) {
    const haystack = strings.join('\n').toLowerCase();
    for (const needle of needles) if (haystack.includes(needle.toLowerCase())) found.push(`${key} (${type}): ${needle}`);
  }
  return found;
}
