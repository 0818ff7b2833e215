/**
 * A stand-in for the worker in the API's tests: a BullMQ worker on the test API's queue that plays
 * the real worker's part in storage (opens the sealed document, seals the answer into the job
 * hash, returns only `{ result: 'stored' }`), with an answer the test chooses instead of the detector.
 */
import { DETECT_QUEUE, JOB_HASH_FIELDS, SEALED_FIELDS, openDetectJobData, type DetectJobData, type DetectJobOutcome } from '@icd/contracts';
import type { RecordSealer } from '@icd/phi';
import { Worker, type Job } from 'bullmq';
import type { ApiConfig } from '../config.js';
import { testSealer } from './test-api.js';

export type StandInAnswer = (data: DetectJobData, job: Job) => Promise<unknown>;

export function standInWorker(api: { config: Pick<ApiConfig, 'redisUrl' | 'queuePrefix'> }, answer: StandInAnswer, sealer: RecordSealer = testSealer()): Worker {
  const worker: Worker = new Worker(
    DETECT_QUEUE,
    async (job): Promise<DetectJobOutcome> => {
      const record = job.id ?? '';
      const { data } = openDetectJobData(job.data, (sealed, field) => sealer.open(sealed, { record, field }));
      const result = await answer(data, job);
      const client = await worker.getBackend().client;
      const sealed = sealer.seal(JSON.stringify(result), { record, field: SEALED_FIELDS.result });
      await client.hset(worker.toKey(record), { [JOB_HASH_FIELDS.result]: sealed });
      return { result: 'stored' };
    },
    { connection: { url: api.config.redisUrl }, prefix: api.config.queuePrefix },
  );
  return worker;
}
