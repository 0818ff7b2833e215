import { DETECT_QUEUE } from '@icd/contracts';
import { QueueEvents, type Queue } from 'bullmq';
import type { EventEmitter } from 'node:events';
import type { ApiConfig } from './config.js';

/** A job some worker finished, as this API process hears of it through the queue's event stream. */
export interface FinishedJobEvent {
  jobId: string;
  outcome: 'completed' | 'failed';
}

/** The queue's event stream (BullMQ `QueueEvents`, one dedicated blocking Redis connection). */
export interface QueueEventStream {
  /** Resolves once the stream is open; pending while Redis has never answered. */
  opened: Promise<QueueEvents>;
  close(): Promise<void>;
}

/**
 * Opens the stream once the queue's own connection is up. `QueueEvents.close()` never settles for a
 * connection that has not connected yet, or that is reconnecting (ioredis then emits no `end`): so the
 * stream is not opened before Redis answers, and closing it is given `closeTimeoutMs` at most.
 */
export function openQueueEventStream(
  queue: Pick<Queue, 'waitUntilReady'>,
  config: Pick<ApiConfig, 'redisUrl' | 'queuePrefix' | 'redisTimeoutMs'>,
): QueueEventStream {
  let closed = false;
  let events: QueueEvents | undefined;
  const opened = queue.waitUntilReady().then(() => {
    if (closed) throw new Error('the queue was closed');
    events = new QueueEvents(DETECT_QUEUE, { connection: { url: config.redisUrl }, prefix: config.queuePrefix });
    // It reconnects by itself; while Redis is away, waits fall back to their timeouts.
    events.on('error', () => undefined);
    return events;
  });
  opened.catch(() => undefined);
  return {
    opened,
    close: async () => {
      closed = true;
      if (!events) return;
      let timer: NodeJS.Timeout | undefined;
      const giveUp = new Promise<void>((resolve) => (timer = setTimeout(resolve, config.redisTimeoutMs)));
      await Promise.race([events.close().catch(() => undefined), giveUp]);
      clearTimeout(timer);
    },
  };
}

/**
 * Resolves once the job finishes (completed or failed), or after `timeoutMs`, whichever is first;
 * it never rejects, the caller reads the job's state afterwards to know which it was.
 *
 * This is what BullMQ's `job.waitUntilFinished` does, written out because that one checks the job's
 * state inside an async Promise executor: a Redis error at that moment becomes an unhandled
 * rejection, which ends a Node process. Here the check's failure only leaves the timer to answer.
 */
export function waitForFinish(stream: QueueEventStream, jobId: string, timeoutMs: number, isFinished: () => Promise<boolean>): Promise<void> {
  return new Promise((resolve) => {
    let emitter: EventEmitter | undefined;
    let settled = false;
    const finish = () => {
      settled = true;
      clearTimeout(timer);
      emitter?.off(`completed:${jobId}`, finish);
      emitter?.off(`failed:${jobId}`, finish);
      resolve();
    };
    const timer = setTimeout(finish, timeoutMs);
    stream.opened
      .then((events) => {
        if (settled) return false;
        // BullMQ also emits `<event>:<jobId>`, which its typings do not list: listen as a plain emitter.
        emitter = events;
        emitter.on(`completed:${jobId}`, finish);
        emitter.on(`failed:${jobId}`, finish);
        // Listening first, checking second: a job that finished before the listeners were added is
        // seen by the check, one that finishes after it by the listeners.
        return events.waitUntilReady().then(isFinished);
      })
      .then((finished) => finished && finish())
      .catch(() => undefined);
  });
}

/** Calls `listener` for every job that finishes on the queue, whichever API process submitted it. */
export function onFinishedJobs(stream: QueueEventStream, listener: (event: FinishedJobEvent) => void): void {
  stream.opened.then(
    (events) => {
      events.on('completed', ({ jobId }) => listener({ jobId, outcome: 'completed' }));
      events.on('failed', ({ jobId }) => listener({ jobId, outcome: 'failed' }));
    },
    () => undefined,
  );
}
