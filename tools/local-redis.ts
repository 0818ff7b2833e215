/**
 * A Redis for local use and test runs: the one on REDIS_URL when it answers, else a throwaway
 * `redis-server` (no snapshots, no AOF) that the caller stops when done.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { Redis } from 'ioredis';

export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

export interface LocalRedis {
  url: string;
  /** True when this process started the server (and `stop` ends it). */
  started: boolean;
  stop(): Promise<void>;
}

/** True when a Redis on `url` answers PING within `timeoutMs`. */
export async function redisAnswers(url: string, timeoutMs = 1_000): Promise<boolean> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    commandTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

export function isRedisServerInstalled(): boolean {
  return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** The URL with any password masked, for messages. */
export function describeRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparsable REDIS_URL)';
  }
}

/**
 * The Redis on `requestedUrl` if it answers; otherwise a `redis-server` started on 127.0.0.1, on
 * the requested local port when that is free (so the usual URL keeps working), else on a free one.
 */
export async function ensureRedis(requestedUrl: string): Promise<LocalRedis> {
  if (await redisAnswers(requestedUrl)) return { url: requestedUrl, started: false, stop: async () => undefined };
  if (!isRedisServerInstalled()) {
    throw new Error(
      `no Redis answers on ${describeRedisUrl(requestedUrl)} and redis-server is not installed: ` +
        'start a Redis and set REDIS_URL, or install redis-server',
    );
  }
  const wanted = localPortOf(requestedUrl);
  const port = wanted !== undefined && (await isPortFree(wanted)) ? wanted : await freePort();
  return startRedisServer(port);
}

function localPortOf(url: string): number | undefined {
  try {
    const parsed = new URL(url);
    const local = ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname);
    return local ? Number(parsed.port || 6379) : undefined;
  } catch {
    return undefined;
  }
}

async function isPortFree(port: number): Promise<boolean> {
  const server = createServer();
  try {
    server.listen(port, '127.0.0.1');
    await once(server, 'listening');
  } catch {
    return false;
  }
  // Released before redis-server tries to bind it.
  await new Promise((resolve) => server.close(resolve));
  return true;
}

export async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Starts `redis-server` on 127.0.0.1:`port` and waits until it answers. */
export async function startRedisServer(port: number): Promise<LocalRedis> {
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', tmpdir()];
  // Own process group: a Ctrl-C in the terminal must not stop Redis before the apps have closed.
  const server = spawn('redis-server', args, { stdio: 'ignore', detached: true });
  const url = `redis://127.0.0.1:${port}`;
  const stop = () => stopProcess(server);
  for (let waited = 0; waited < 10_000; waited += 50) {
    if (server.exitCode !== null) break;
    if (await redisAnswers(url, 200)) return { url, started: true, stop };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await stop();
  throw new Error(`redis-server did not start on port ${port}`);
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
