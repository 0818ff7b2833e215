/**
 * The API and a worker as processes on a private queue prefix of the test Redis, the way they are
 * deployed, for the privacy tests (encryption at rest, rotation, retention, deletion, logs).
 */
import { readJson, startApiProcess, type ApiProcess } from './api-process.js';
import { waitFor } from './job-tracking.js';
import { deleteKeysUnder, randomQueuePrefix, testRedisUrl } from './test-queue.js';
import { settleAll, startWorkerProcess, type WorkerProcess } from './worker-process.js';

export interface ServiceStack {
  redisUrl: string;
  queuePrefix: string;
  api?: ApiProcess;
  worker?: WorkerProcess;
  /** Every line both processes wrote so far, stopped ones included. */
  output(): string[];
  /** (Re)starts the API and/or the worker with `env` on top of the stack's own. */
  start(env?: Record<string, string>, which?: { api?: boolean; worker?: boolean }): Promise<void>;
  /** Stops the running processes, keeping what Redis holds. */
  stopProcesses(which?: { api?: boolean; worker?: boolean }): Promise<void>;
  /** Stops everything and deletes the queue's keys. */
  stop(): Promise<void>;
}

export function serviceStack(baseEnv: Record<string, string> = {}): ServiceStack {
  const redisUrl = testRedisUrl();
  const queuePrefix = randomQueuePrefix();
  const earlierOutput: string[] = [];
  const stack: ServiceStack = {
    redisUrl,
    queuePrefix,
    output: () => [...earlierOutput, ...(stack.api?.output ?? []), ...(stack.worker?.output ?? [])],
    start: async (env = {}, { api = true, worker = true } = {}) => {
      const all = { REDIS_URL: redisUrl, QUEUE_PREFIX: queuePrefix, ...baseEnv, ...env };
      await settleAll([
        api ? startApiProcess(all).then((started) => (stack.api = started)) : Promise.resolve(),
        worker ? startWorkerProcess(all).then((started) => (stack.worker = started)) : Promise.resolve(),
      ]);
    },
    stopProcesses: async ({ api = true, worker = true } = {}) => {
      const stopping = [api && stack.api, worker && stack.worker].filter((child): child is ApiProcess | WorkerProcess => Boolean(child));
      await Promise.allSettled(stopping.map((child) => child.stop()));
      for (const child of stopping) earlierOutput.push(...child.output);
      if (api) stack.api = undefined;
      if (worker) stack.worker = undefined;
    },
    stop: async () => {
      await stack.stopProcesses();
      await deleteKeysUnder(redisUrl, queuePrefix);
    },
  };
  return stack;
}

/** `fetch` on the stack's API with a JSON body (when given) and extra headers. */
export function call(stack: ServiceStack, path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<Response> {
  const { method = init.body === undefined ? 'GET' : 'POST', body, headers = {} } = init;
  return fetch(`${stack.api!.baseUrl}${path}`, {
    method,
    headers: { ...(body !== undefined && { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** Submits a document and waits until its job is completed; its id. */
export async function submitAndComplete(stack: ServiceStack, body: unknown, headers: Record<string, string> = {}): Promise<string> {
  const response = await call(stack, '/v1/jobs', { body, headers });
  if (response.status !== 202) throw new Error(`submission answered ${response.status}`);
  const { id } = await readJson(response);
  await waitFor(
    async () => (await readJson(await call(stack, `/v1/jobs/${id}`, { headers }))).status === 'completed',
    30_000,
    () => `job ${id} did not complete`,
  );
  return id;
}
