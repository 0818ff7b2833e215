/**
 * The API as a child process (`tsx apps/api/src/main.ts`), for end-to-end tests from the worker
 * project: apps may not import each other, so the API is run the way it is deployed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { TEST_ENCRYPTION_ENV } from './sealed-jobs.js';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

export interface ApiProcess {
  baseUrl: string;
  /** Everything the API wrote, for a failing test's message. */
  output: string[];
  /** Sends a signal (SIGHUP: reload the keys file). */
  kill(signal: NodeJS.Signals): void;
  stop(): Promise<void>;
}

/** Starts the API on a free port of 127.0.0.1 and resolves once it logs that it listens; `env` may replace the test key. */
export async function startApiProcess(env: Record<string, string>, timeoutMs = 60_000): Promise<ApiProcess> {
  // `node --import tsx` rather than the `tsx` wrapper: one process, so a kill cannot leave the API orphaned.
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/api/src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...TEST_ENCRYPTION_ENV, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  createInterface({ input: child.stderr! }).on('line', (line) => output.push(line));
  const port = await listeningPort(child, output, timeoutMs);
  return { baseUrl: `http://127.0.0.1:${port}`, output, kill: (signal) => void child.kill(signal), stop: () => stopChild(child) };
}

function listeningPort(child: ChildProcess, output: string[], timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`API did not start within ${timeoutMs} ms:\n${output.join('\n')}`)), timeoutMs);
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    };
    child.once('exit', (code) => fail(new Error(`API exited (${code}) before listening:\n${output.join('\n')}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      output.push(line);
      const entry = parseJson(line);
      if (entry?.msg === 'api listening' && typeof entry.port === 'number') {
        clearTimeout(timer);
        child.removeAllListeners('exit');
        resolve(entry.port);
      }
    });
  });
}

function parseJson(line: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/**
 * A response body for assertions. Loosely typed on purpose: tests read fields they then check with
 * `expect`, and the shapes are what is under test.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export const readJson = (response: Response): Promise<any> => response.json();
