/**
 * Lua scripts run on the queue's own Redis client, registered once per client (a queue keeps one
 * client, but may reconnect it), so that each read-check-write on a job hash is atomic.
 */
import type { Queue } from 'bullmq';

export type QueueClient = Awaited<ReturnType<Queue['getBackend']>['client']>;
type ClientOwner = Pick<Queue, 'getBackend'>;

/** A named script over `numberOfKeys` keys. */
export interface RedisScript {
  name: string;
  numberOfKeys: number;
  lua: string;
}

const registered = new WeakMap<object, Set<string>>();

/** The queue's client with `scripts` defined on it. */
export async function clientWith(queue: ClientOwner, ...scripts: RedisScript[]): Promise<QueueClient> {
  const client = await queue.getBackend().client;
  const names = registered.get(client) ?? new Set<string>();
  registered.set(client, names);
  for (const script of scripts) {
    if (names.has(script.name)) continue;
    client.defineCommand(script.name, { numberOfKeys: script.numberOfKeys, lua: script.lua });
    names.add(script.name);
  }
  return client;
}

/** Runs a script defined with {@link clientWith}. */
export function runScript(client: QueueClient, script: RedisScript, args: (string | number)[]): Promise<unknown> {
  return client.runCommand(script.name, args.map(String));
}
