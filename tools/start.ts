/**
 * `npm start`: the API and one worker for local use, as child processes with prefixed output, after
 * building the review UI when its sources changed (served by the API at http://localhost:3000/).
 * Starts a throwaway redis-server when nothing answers on REDIS_URL. Without ENCRYPTION_KEY, both
 * apps get the key kept in `.local/encryption-key` (made on the first run). Ctrl-C closes both apps
 * gracefully (a second Ctrl-C kills them), then stops that Redis.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { ensureLocalEncryptionKey } from './local-key.js';
import { DEFAULT_REDIS_URL, describeRedisUrl, ensureRedis } from './local-redis.js';
import { ensureWebBuild } from './web-build.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const APPS = [
  { name: 'api', entry: 'apps/api/src/main.ts' },
  { name: 'worker', entry: 'apps/worker/src/main.ts' },
];

function note(message: string): void {
  process.stderr.write(`[start] ${message}\n`);
}

function startApp(name: string, entry: string, env: NodeJS.ProcessEnv): ChildProcess {
  // Own process group, so that a terminal Ctrl-C reaches the apps once, through stopAll, not twice.
  const child = spawn(TSX, [entry], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const label = `[${name}]`.padEnd(9);
  createInterface({ input: child.stdout! }).on('line', (line) => process.stdout.write(`${label}${line}\n`));
  createInterface({ input: child.stderr! }).on('line', (line) => process.stderr.write(`${label}${line}\n`));
  return child;
}

/** ENCRYPTION_KEY for both apps: the environment's, else the one kept for local runs. */
function localEncryption(): { ENCRYPTION_KEY?: string } {
  if (process.env.ENCRYPTION_KEY?.trim()) return {};
  const { key, file, created } = ensureLocalEncryptionKey();
  const where = path.relative(process.cwd(), file) || file;
  note(`${created ? 'made a new' : 'using the'} local encryption key in ${where} (Redis holds nothing unencrypted; without this file it cannot be read)`);
  return { ENCRYPTION_KEY: key };
}

async function main(): Promise<void> {
  ensureWebBuild({ log: note });
  const requested = process.env.REDIS_URL || DEFAULT_REDIS_URL;
  const redis = await ensureRedis(requested);
  if (redis.started) {
    note(`no Redis answered on ${describeRedisUrl(requested)}; started redis-server on ${redis.url} (nothing saved; stopped on exit)`);
  }
  const env = { ...process.env, REDIS_URL: redis.url, ...localEncryption() };
  const children = APPS.map((app) => ({ ...app, process: startApp(app.name, app.entry, env) }));
  const running = () => children.filter((child) => child.process.exitCode === null && child.process.signalCode === null);
  let stopping = false;
  let exitCode = 0;

  const stopAll = () => {
    if (stopping) {
      note('killing');
      for (const child of running()) child.process.kill('SIGKILL');
      return;
    }
    stopping = true;
    note('stopping (Ctrl-C again to kill)');
    for (const child of running()) child.process.kill('SIGTERM');
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, stopAll);
  // Last resort should this process end another way: never leave the apps running.
  process.on('exit', () => running().forEach((child) => child.process.kill('SIGKILL')));

  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) =>
          child.process.on('exit', (code, signal) => {
            if (!stopping) {
              note(`${child.name} exited (${signal ?? `code ${code}`}); stopping the others`);
              exitCode = 1;
              stopAll();
            }
            resolve();
          }),
        ),
    ),
  );
  await redis.stop();
  process.exit(exitCode);
}

main().catch((error: unknown) => {
  note(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
