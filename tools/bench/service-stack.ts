/**
 * The service as deployed, for the benchmark: a Redis (REDIS_URL, or a throwaway redis-server of
 * its own), the API and N worker processes on a private queue prefix, all on 127.0.0.1. Children
 * log to files in a temp folder (nothing to read on the benchmark's event loop); `stop` ends every
 * process it started, deletes the queue's keys and the folder.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { describeRedisUrl, freePort, redisAnswers, startRedisServer, type LocalRedis } from '../local-redis.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface StackOptions {
  workers: number;
  /** Extra environment for the API and the workers (WORKER_CONCURRENCY, LOG_LEVEL...). */
  env: Record<string, string>;
}

export interface ServiceStack {
  baseUrl: string;
  redisUrl: string;
  queuePrefix: string;
  /** Where the Redis came from, for the report. */
  redisLabel: string;
  /** CPU seconds used so far by each app process and by Redis (Linux /proc; INFO cpu), for profiling. */
  cpuSeconds(): Promise<Record<string, number>>;
  stop(): Promise<void>;
}

interface Child {
  name: string;
  process: ChildProcess;
  log: string;
}

export async function startStack({ workers, env }: StackOptions): Promise<ServiceStack> {
  const redis = await benchRedis();
  const queuePrefix = `bench-${randomBytes(4).toString('hex')}`;
  const logDir = mkdtempSync(path.join(tmpdir(), 'icd-bench-service-'));
  const port = await freePort();
  // A key of the run's own unless one is given: the apps refuse to start without one.
  const encryption = process.env.ENCRYPTION_KEY?.trim() ? {} : { ENCRYPTION_KEY: randomBytes(32).toString('base64') };
  const shared = { ...process.env, REDIS_URL: redis.url, QUEUE_PREFIX: queuePrefix, ...encryption, ...env };
  const children = [
    startChild('api', 'apps/api/src/main.ts', { ...shared, PORT: String(port), HOST: '127.0.0.1' }, logDir),
    ...Array.from({ length: workers }, (_, index) => startChild(`worker-${index + 1}`, 'apps/worker/src/main.ts', shared, logDir)),
  ];
  const stop = async () => {
    await Promise.all(children.map((child) => stopChild(child.process)));
    await deleteKeysUnder(redis.url, queuePrefix);
    await redis.stop();
    rmSync(logDir, { recursive: true, force: true });
  };
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitUntilReady(baseUrl, workers, children);
  } catch (error) {
    await stop();
    throw error;
  }
  const redisLabel = redis.started ? `own redis-server on ${redis.url}` : describeRedisUrl(redis.url);
  const cpuSeconds = async () => {
    const used: Record<string, number> = Object.fromEntries(children.map((child) => [child.name, processCpuSeconds(child.process.pid)]));
    return { ...used, redis: await redisCpuSeconds(redis.url) };
  };
  return { baseUrl, redisUrl: redis.url, queuePrefix, redisLabel, cpuSeconds, stop };
}

/** User plus system time of a process from /proc (clock ticks of 1/100 s on Linux); NaN elsewhere. */
function processCpuSeconds(pid: number | undefined): number {
  try {
    // Fields after the command name, which is in parentheses and may contain spaces.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

async function redisCpuSeconds(url: string): Promise<number> {
  const redis = new Redis(url);
  try {
    const info = await redis.info('cpu');
    const value = (name: string) => Number(new RegExp(`^${name}:([\\d.]+)`, 'm').exec(info)?.[1]);
    return value('used_cpu_user') + value('used_cpu_sys');
  } finally {
    redis.disconnect();
  }
}

/** REDIS_URL when set (it must answer); otherwise a redis-server of the benchmark's own. */
async function benchRedis(): Promise<LocalRedis> {
  const requested = process.env.REDIS_URL;
  if (requested) {
    if (!(await redisAnswers(requested))) throw new Error(`no Redis answers on ${describeRedisUrl(requested)}`);
    return { url: requested, started: false, stop: async () => undefined };
  }
  return startRedisServer(await freePort());
}

function startChild(name: string, entry: string, env: NodeJS.ProcessEnv, logDir: string): Child {
  const log = path.join(logDir, `${name}.log`);
  const fd = openSync(log, 'a');
  // `node --import tsx`: one process per app, so the signals below reach the app itself.
  const child = spawn(process.execPath, ['--import', 'tsx', entry], { cwd: ROOT, env, stdio: ['ignore', fd, fd] });
  return { name, process: child, log };
}

async function waitUntilReady(baseUrl: string, workers: number, children: Child[], timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const dead = children.find((child) => child.process.exitCode !== null || child.process.signalCode !== null);
    if (dead) throw new Error(`${dead.name} exited while starting:\n${tail(dead.log)}`);
    if ((await readyWorkers(baseUrl)) >= workers) return;
    if (Date.now() > deadline) throw new Error(`the service was not ready within ${timeoutMs} ms:\n${children.map((c) => tail(c.log)).join('\n')}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function readyWorkers(baseUrl: string): Promise<number> {
  try {
    const body = (await (await fetch(`${baseUrl}/readyz`)).json()) as { checks?: { workers?: number | null } };
    return body.checks?.workers ?? 0;
  } catch {
    return 0; // not listening yet
  }
}

function tail(file: string, lines = 15): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

export async function deleteKeysUnder(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl);
  try {
    for await (const keys of redis.scanStream({ match: `${prefix}:*`, count: 1000 })) {
      if ((keys as string[]).length) await redis.unlink(...(keys as string[]));
    }
  } finally {
    redis.disconnect();
  }
}
