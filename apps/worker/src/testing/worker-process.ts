/**
 * The worker as a child process (`tsx apps/worker/src/main.ts`), the way it is deployed, for tests
 * that kill it, stop it or run several of it against one queue.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { hostname } from 'node:os';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { TEST_ENCRYPTION_ENV } from './sealed-jobs.js';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

export interface WorkerProcess {
  pid: number;
  /** The BullMQ worker name (`host:pid`), which jobs record as `processedBy`. */
  name: string;
  /** Everything the worker wrote (JSON log lines), for a failing test's message. */
  output: string[];
  /** Resolves when the process has exited, with its code or signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(signal: NodeJS.Signals): void;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once the process is gone. */
  stop(graceMs?: number): Promise<void>;
}

/** Starts a worker and resolves once it logs that it listens for jobs; `env` may replace the test key. */
export async function startWorkerProcess(env: Record<string, string>, timeoutMs = 60_000): Promise<WorkerProcess> {
  // `node --import tsx` rather than the `tsx` wrapper: one process, so a signal reaches the worker itself.
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/worker/src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'info', ...TEST_ENCRYPTION_ENV, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const exited = once(child, 'exit').then(([code, signal]) => ({ code, signal }) as Awaited<WorkerProcess['exited']>);
  exited.catch(() => undefined); // a spawn error surfaces through `listening`
  createInterface({ input: child.stderr! }).on('line', (line) => output.push(line));
  await listening(child, output, timeoutMs);
  return {
    pid: child.pid!,
    name: `${hostname()}:${child.pid}`,
    output,
    exited,
    kill: (signal) => void child.kill(signal),
    stop: (graceMs = 15_000) => stopChild(child, exited, graceMs),
  };
}

function listening(child: ChildProcess, output: string[], timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`worker did not start within ${timeoutMs} ms:\n${output.join('\n')}`)), timeoutMs);
    const onExit = (code: number | null) => fail(new Error(`worker exited (${code}) before listening:\n${output.join('\n')}`));
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    };
    child.once('exit', onExit);
    child.once('error', fail);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      output.push(line);
      if (line.includes('"msg":"worker listening for jobs"')) {
        clearTimeout(timer);
        child.off('exit', onExit);
        child.off('error', fail);
        resolve();
      }
    });
  });
}

async function stopChild(child: ChildProcess, exited: Promise<unknown>, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/** Messages the worker logged (the `msg` of each JSON line), to check what it did. */
export function loggedMessages(worker: Pick<WorkerProcess, 'output'>): string[] {
  return worker.output.flatMap((line) => {
    try {
      const entry = JSON.parse(line) as { msg?: unknown };
      return typeof entry.msg === 'string' ? [entry.msg] : [];
    } catch {
      return [];
    }
  });
}

/**
 * Awaits every start, then throws the first failure: unlike `Promise.all`, no process is still
 * starting (and so missed by the cleanup) when a test's setup gives up.
 */
export async function settleAll(starts: Promise<unknown>[]): Promise<void> {
  const outcomes = await Promise.allSettled(starts);
  const failure = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
  if (failure) throw failure.reason;
}
