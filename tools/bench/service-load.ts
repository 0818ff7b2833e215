/**
 * The benchmark's HTTP client: submit a document (`POST /v1/jobs`), poll its result URL until the
 * 200, and time it. Closed loop (a fixed number of clients, for throughput) and open loop (a steady
 * arrival rate, for latency). Texts are sent and never printed.
 */
import { DETECT_QUEUE } from '@icd/contracts';
import { Redis } from 'ioredis';

export interface PollPolicy {
  /** Delay before the first poll of a job's result URL. */
  firstPollMs: number;
  /** Delay between later polls. */
  pollMs: number;
}

export interface JobTiming {
  id: string;
  /** Submit-to-result latency, ms: from when the submission was due to the result in hand. */
  latencyMs: number;
  polls: number;
}

export interface LoadRun {
  timings: JobTiming[];
  seconds: number;
  /** 429 answers (queue full) that had to be retried. */
  rejected: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

class Client {
  rejected = 0;
  constructor(
    private readonly baseUrl: string,
    private readonly policy: PollPolicy,
  ) {}

  /** One document end to end; `due` is when it was meant to be sent (performance.now()). */
  async run(text: string, due = performance.now()): Promise<JobTiming> {
    const id = await this.submit(text);
    const polls = await this.awaitResult(id);
    return { id, latencyMs: performance.now() - due, polls };
  }

  private async submit(text: string): Promise<string> {
    for (;;) {
      const response = await fetch(`${this.baseUrl}/v1/jobs`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text }),
      });
      const body = (await response.json()) as { id?: string; error?: { code?: string } };
      if (response.status === 202 && body.id) return body.id;
      if (response.status !== 429) throw new Error(`POST /v1/jobs answered ${response.status} ${body.error?.code ?? ''}`);
      this.rejected += 1;
      await sleep(100);
    }
  }

  private async awaitResult(id: string, timeoutMs = 120_000): Promise<number> {
    const deadline = performance.now() + timeoutMs;
    await sleep(this.policy.firstPollMs);
    for (let polls = 1; ; polls++) {
      const response = await fetch(`${this.baseUrl}/v1/jobs/${id}/result`);
      await response.arrayBuffer(); // read the body either way, so the connection is reused
      if (response.status === 200) return polls;
      if (response.status !== 202) throw new Error(`job ${id}: result answered ${response.status}`);
      if (performance.now() > deadline) throw new Error(`job ${id}: no result after ${timeoutMs} ms`);
      await sleep(this.policy.pollMs);
    }
  }
}

/** `concurrency` clients, each sending its next document as soon as the previous one has its result. */
export async function closedLoop(baseUrl: string, texts: string[], concurrency: number, policy: PollPolicy): Promise<LoadRun> {
  const client = new Client(baseUrl, policy);
  const timings: JobTiming[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    for (let index = next++; index < texts.length; index = next++) timings.push(await client.run(texts[index]));
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { timings, seconds: (performance.now() - started) / 1000, rejected: client.rejected };
}

/**
 * Documents sent at a steady `perSecond`, whatever the answers (open loop). Latency counts from
 * each document's scheduled time, so a client or server that falls behind cannot hide it.
 */
export async function openLoop(baseUrl: string, texts: string[], perSecond: number, policy: PollPolicy): Promise<LoadRun> {
  const client = new Client(baseUrl, policy);
  const runs: Promise<JobTiming>[] = [];
  const started = performance.now();
  for (let index = 0; index < texts.length; index++) {
    const due = started + (index * 1000) / perSecond;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    runs.push(client.run(texts[index], due));
  }
  const timings = await Promise.all(runs);
  return { timings, seconds: (performance.now() - started) / 1000, rejected: client.rejected };
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export interface ServerTimings {
  /** Created to picked up by a worker. */
  queuedMs: number[];
  /** Picked up to finished (detection plus the worker's Redis calls). */
  processingMs: number[];
}

/** What BullMQ recorded for each job (ms resolution), to tell server time from polling delay. */
export async function serverTimings(redisUrl: string, queuePrefix: string, ids: string[]): Promise<ServerTimings> {
  const redis = new Redis(redisUrl);
  try {
    const pipeline = redis.pipeline();
    for (const id of ids) pipeline.hmget(`${queuePrefix}:${DETECT_QUEUE}:${id}`, 'timestamp', 'processedOn', 'finishedOn');
    const rows = ((await pipeline.exec()) ?? []).map(([, value]) => (value as (string | null)[]).map(Number));
    const finished = rows.filter((row) => row.every((value) => Number.isFinite(value) && value > 0));
    return {
      queuedMs: finished.map(([created, processed]) => processed - created),
      processingMs: finished.map(([, processed, done]) => done - processed),
    };
  } finally {
    redis.disconnect();
  }
}
