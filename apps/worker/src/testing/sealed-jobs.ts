/**
 * Jobs and results as the service stores them (sealed with the public test key), for tests that
 * put jobs on the queue or read results without going through the API.
 */
import {
  JOB_HASH_FIELDS,
  SEALED_FIELDS,
  openDetectJobData,
  sealDetectJobData,
  type DetectJobData,
  type DetectionOptions,
  type DetectionResult,
  type StoredDetectJobData,
} from '@icd/contracts';
import { createRecordSealer, parseEncryptionKeys, type RecordSealer } from '@icd/phi';
import { TEST_ENCRYPTION_KEY } from '@icd/phi/testing';
import type { Queue } from 'bullmq';

/** The environment test processes get: the public test key, as a deployment passes its own. */
export const TEST_ENCRYPTION_ENV = { ENCRYPTION_KEY: TEST_ENCRYPTION_KEY, ENCRYPTION_KEY_PREVIOUS: '' } as const;

/** A sealer as a deployment configures it (ENCRYPTION_KEY, ENCRYPTION_KEY_PREVIOUS). */
export function testSealer(key = TEST_ENCRYPTION_KEY, previous?: string): RecordSealer {
  return createRecordSealer(parseEncryptionKeys({ ENCRYPTION_KEY: key, ENCRYPTION_KEY_PREVIOUS: previous })!);
}

/** The stored payload of a job for `text`, as the API would add it. */
export function sealedJobData(id: string, text: string, options?: DetectionOptions, sealer = testSealer()): StoredDetectJobData {
  const data: DetectJobData = { text, requestId: id, submittedAt: new Date().toISOString(), ...(options && { options }) };
  return sealDetectJobData(data, sealer.fingerprint(text), (plaintext, field) => sealer.seal(plaintext, { record: id, field }));
}

/** The result the worker stored for the job, opened; null when there is none. */
export async function storedResultOf(queue: Pick<Queue, 'toKey' | 'getBackend'>, id: string, sealer = testSealer()): Promise<DetectionResult | null> {
  const client = await queue.getBackend().client;
  const sealed = await client.hget(queue.toKey(id), JOB_HASH_FIELDS.result);
  return sealed === null ? null : (JSON.parse(sealer.open(sealed, { record: id, field: SEALED_FIELDS.result })) as DetectionResult);
}

/** The payload of a stored job, opened as the worker opens it. */
export function openedJobData(job: { id?: string; data: unknown }, sealer = testSealer()): DetectJobData {
  const record = job.id ?? '';
  return openDetectJobData(job.data, (sealed, field) => sealer.open(sealed, { record, field })).data;
}
