/**
 * npm run bench:service — the whole service on this machine: a Redis (REDIS_URL, else a throwaway
 * redis-server of its own), the API and two worker processes. Measures
 *   1. end-to-end throughput: 5,000 CodiEsp background documents over HTTP from a fixed number of
 *      clients, each polling its result URL; jobs/s and submit-to-result p50/p95;
 *   2. latency at a steady 50 documents/s for about 20 s (open loop);
 *   3. beside them, BullMQ's own throughput for an empty job on the same Redis.
 * Targets: >= 200 docs/s end to end; p95 < 250 ms at 50 docs/s. Traffic goes to 127.0.0.1 only; all
 * processes and queue keys are removed at the end. Settings: BENCH_DOCUMENTS, BENCH_CLIENTS,
 * BENCH_RATE, BENCH_STEADY_SECONDS, BENCH_POLL_MS, BENCH_FIRST_POLL_MS, BENCH_WORKERS,
 * BENCH_NOOP_JOBS; WORKER_CONCURRENCY and LOG_LEVEL are passed to the apps.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { findWorkspaceRoot } from '@icd/terminology';
import { loadWorkerConfig } from '../../apps/worker/src/config.js';
import { noopThroughput, type NoopResult } from './bullmq-noop.js';
import { closedLoop, openLoop, percentile, serverTimings, type LoadRun, type PollPolicy, type ServerTimings } from './service-load.js';
import { startStack, type ServiceStack } from './service-stack.js';

const setting = (name: string, fallback: number) => Number(process.env[name] || fallback);
const DOCUMENTS = setting('BENCH_DOCUMENTS', 5_000);
const CLIENTS = setting('BENCH_CLIENTS', 32);
const RATE = setting('BENCH_RATE', 50);
const STEADY_SECONDS = setting('BENCH_STEADY_SECONDS', 20);
const WORKERS = setting('BENCH_WORKERS', 2);
const NOOP_JOBS = setting('BENCH_NOOP_JOBS', 20_000);
const POLICY: PollPolicy = { firstPollMs: setting('BENCH_FIRST_POLL_MS', 10), pollMs: setting('BENCH_POLL_MS', 20) };
const TARGET_DOCS_PER_SECOND = 200;
const TARGET_STEADY_P95_MS = 250;

/** The background documents, cycled to `count` (the folder has 2,751). */
function loadTexts(count: number): string[] {
  const folder = process.env.CODIESP_BACKGROUND ?? path.join(findWorkspaceRoot(), '..', 'shared', 'codiesp', 'background');
  const textFolder = readdirSync(folder).includes('text_files_en') ? path.join(folder, 'text_files_en') : folder;
  const names = readdirSync(textFolder).filter((name) => name.endsWith('.txt')).sort();
  if (names.length === 0) throw new Error(`no .txt documents in ${textFolder}`);
  const texts = names.map((name) => readFileSync(path.join(textFolder, name), 'utf8'));
  return Array.from({ length: count }, (_, index) => texts[index % texts.length]);
}

interface Measured {
  throughput: LoadRun;
  /** CPU seconds each process used during the end-to-end run. */
  throughputCpu: Record<string, number>;
  throughputServer: ServerTimings;
  steady: LoadRun;
  steadyServer: ServerTimings;
  noop: NoopResult;
}

async function measure(stack: ServiceStack, texts: string[], concurrency: number): Promise<Measured> {
  // Warm-up (not measured): JIT, connection pools, the workers' first documents.
  await closedLoop(stack.baseUrl, texts.slice(0, 300), CLIENTS, POLICY);
  const cpuSnapshot = async () => ({ ...(await stack.cpuSeconds()), client: clientCpuSeconds(), machine: machineCpuSeconds() });
  const cpuBefore: Record<string, number> = await cpuSnapshot();
  const throughput = await closedLoop(stack.baseUrl, texts, CLIENTS, POLICY);
  const cpuAfter = await cpuSnapshot();
  const throughputCpu = Object.fromEntries(Object.entries(cpuAfter).map(([name, seconds]) => [name, seconds - cpuBefore[name]]));
  const throughputServer = await serverTimings(stack.redisUrl, stack.queuePrefix, throughput.timings.map((t) => t.id));
  const steadyTexts = texts.slice(0, Math.round(RATE * STEADY_SECONDS)).reverse();
  const steady = await openLoop(stack.baseUrl, steadyTexts, RATE, POLICY);
  const steadyServer = await serverTimings(stack.redisUrl, stack.queuePrefix, steady.timings.map((t) => t.id));
  const noop = await noopThroughput({ redisUrl: stack.redisUrl, queuePrefix: stack.queuePrefix, jobs: NOOP_JOBS, workers: WORKERS, concurrency });
  return { throughput, throughputCpu, throughputServer, steady, steadyServer, noop };
}

/** CPU seconds all processes of the machine have used (Linux /proc/stat); NaN elsewhere. */
function machineCpuSeconds(): number {
  try {
    const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
    const [user, nice, system, , , irq, softirq, steal] = ticks;
    return (user + nice + system + irq + softirq + steal) / 100;
  } catch {
    return Number.NaN;
  }
}

function clientCpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

/**
 * Cores each process kept busy during the run (CPU seconds over wall seconds), and `other`: the rest
 * of the machine, which on a shared machine explains a slow run.
 */
function cpuShares({ machine, ...processes }: Record<string, number>, seconds: number): string {
  const ours = Object.values(processes).reduce((sum, used) => sum + used, 0);
  const shares = Object.entries({ ...processes, other: machine - ours }).map(([name, used]) => `${name} ${(used / seconds).toFixed(2)}`);
  return shares.join(', ');
}

const ms = (value: number) => `${value.toFixed(0)} ms`;
const pair = (values: number[]) => `${ms(percentile(values, 50))} / ${ms(percentile(values, 95))}`;
const verdict = (ok: boolean) => (ok ? 'ok' : 'MISSED');
const meanPolls = (run: LoadRun) => (run.timings.reduce((sum, t) => sum + t.polls, 0) / run.timings.length).toFixed(1);

function report(m: Measured, stack: ServiceStack, concurrency: number, megabytes: number): void {
  const docsPerSecond = m.throughput.timings.length / m.throughput.seconds;
  const steadyLatency = m.steady.timings.map((t) => t.latencyMs);
  const steadyP95 = percentile(steadyLatency, 95);
  const rows: [string, string, string][] = [
    [`end to end: ${m.throughput.timings.length} docs (${megabytes.toFixed(1)} MB), ${CLIENTS} clients`, `${docsPerSecond.toFixed(0)} docs/s`, `>= ${TARGET_DOCS_PER_SECOND} docs/s  ${verdict(docsPerSecond >= TARGET_DOCS_PER_SECOND)}`],
    ['  submit-to-result p50 / p95', pair(m.throughput.timings.map((t) => t.latencyMs)), ''],
    ['  server: queued p50 / p95', pair(m.throughputServer.queuedMs), ''],
    ['  server: processing p50 / p95', pair(m.throughputServer.processingMs), ''],
    ['  result polls per job (mean); 429s', `${meanPolls(m.throughput)}; ${m.throughput.rejected}`, ''],
    ['  cores busy per process', cpuShares(m.throughputCpu, m.throughput.seconds), ''],
    [`steady ${RATE} docs/s, ${m.steady.timings.length} docs: p50 / p95`, pair(steadyLatency), `p95 < ${TARGET_STEADY_P95_MS} ms  ${verdict(steadyP95 < TARGET_STEADY_P95_MS)}`],
    ['  server: queued p50 / p95', pair(m.steadyServer.queuedMs), ''],
    ['  server: processing p50 / p95', pair(m.steadyServer.processingMs), ''],
    ['  achieved rate; result polls per job (mean)', `${(m.steady.timings.length / m.steady.seconds).toFixed(1)} docs/s; ${meanPolls(m.steady)}`, ''],
    [`BullMQ no-op job, ${WORKERS} workers x concurrency ${concurrency}`, `${m.noop.completedPerSecond.toFixed(0)} jobs/s`, ''],
    ['BullMQ addBulk of no-op jobs', `${m.noop.addedPerSecond.toFixed(0)} jobs/s`, ''],
  ];
  const width = Math.max(...rows.map(([label]) => label.length)) + 2;
  console.log(`bench:service  ${WORKERS} worker processes (WORKER_CONCURRENCY=${concurrency}), API, ${stack.redisLabel}`);
  console.log(`  node ${process.version}, ${availableParallelism()} cores; polling: first after ${POLICY.firstPollMs} ms, then every ${POLICY.pollMs} ms`);
  for (const [label, value, target] of rows) console.log(`  ${label.padEnd(width)}${value.padEnd(22)}${target}`);
}

async function main(): Promise<void> {
  const texts = loadTexts(DOCUMENTS);
  const megabytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0) / 1e6;
  // What the workers will run with: WORKER_CONCURRENCY, else the worker's default.
  const { concurrency } = loadWorkerConfig({ WORKER_CONCURRENCY: process.env.WORKER_CONCURRENCY });
  const env: Record<string, string> = { LOG_LEVEL: process.env.LOG_LEVEL || 'info' };
  if (process.env.WORKER_CONCURRENCY) env.WORKER_CONCURRENCY = process.env.WORKER_CONCURRENCY;
  process.stderr.write(`bench:service: starting Redis, the API and ${WORKERS} workers...\n`);
  const stack = await startStack({ workers: WORKERS, env });
  let stopping: Promise<void> | undefined;
  const stop = () => (stopping ??= stack.stop());
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stop().finally(() => process.exit(130)));
  try {
    process.stderr.write(`bench:service: running (about ${Math.round(DOCUMENTS / 250 + STEADY_SECONDS + 10)} s)...\n`);
    report(await measure(stack, texts, concurrency), stack, concurrency, megabytes);
  } finally {
    await stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:service: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
