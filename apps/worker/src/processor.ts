import {
  SEALED_FIELDS,
  StoredJobDataError,
  isDeletedJobData,
  openDetectJobData,
  type DetectJobData,
  type DetectJobOutcome,
  type DetectionResult,
} from '@icd/contracts';
import type { Detector } from '@icd/detector';
import { EncryptionError, type RecordSealer } from '@icd/phi';
import { UnrecoverableError, type Job } from 'bullmq';
import type { Logger } from 'pino';

/** A job as the worker receives it: the payload is whatever was put on the queue, so unknown. */
export type DetectJob = Pick<Job<unknown, DetectJobOutcome>, 'id' | 'data' | 'attemptsMade'>;

/** What processing a job comes to: the sealed result to store, or nothing for a deleted job. */
export type ProcessedJob = { sealedResult: string } | { deleted: true };

export type DetectProcessor = (job: DetectJob) => Promise<ProcessedJob>;

/**
 * The payload opened and checked against the contract. A payload of another shape fails the same
 * way on every attempt, so it is unrecoverable: BullMQ fails the job at once instead of retrying
 * it. So is a value that fails authentication (altered, or moved from another job). A key this
 * worker lacks may be another worker's during a rotation, so that job is retried. Reasons name
 * fields, rules and key ids only, never values (they end up in `failedReason`).
 */
export function openJobData(job: Pick<DetectJob, 'id' | 'data'>, sealer: RecordSealer): DetectJobData {
  const record = job.id ?? '';
  // BullMQ hands over `{}` for a job whose hash is gone: its time-to-live ran out while it waited.
  if (isEmptyObject(job.data)) throw new UnrecoverableError('the job expired (retention) before a worker took it');
  try {
    return openDetectJobData(job.data, (sealed, field) => sealer.open(sealed, { record, field })).data;
  } catch (error) {
    if (error instanceof StoredJobDataError) throw new UnrecoverableError(error.message);
    if (error instanceof EncryptionError && error.code === 'UNKNOWN_KEY_ID') throw new Error(`cannot decrypt the job: ${error.message}`);
    if (error instanceof EncryptionError) throw new UnrecoverableError(`cannot decrypt the job: ${error.message}`);
    throw error;
  }
}

const isEmptyObject = (value: unknown) => typeof value === 'object' && value !== null && Object.keys(value).length === 0;

/**
 * The queue processor: open the payload, run the detector, seal the `DetectionResult` for the job.
 * A job deleted while it waited is not coded at all.
 */
export function createDetectProcessor(detector: Pick<Detector, 'detect'>, logger: Logger, sealer: RecordSealer): DetectProcessor {
  return async (job) => {
    if (isDeletedJobData(job.data)) return { deleted: true };
    const data = openJobData(job, sealer);
    const started = performance.now();
    const result = detectOrFail(detector, data, job, logger);
    logger.info(
      {
        jobId: job.id,
        chars: data.text.length,
        codes: result.codes.length,
        durationMs: Math.round((performance.now() - started) * 10) / 10,
      },
      'job processed',
    );
    return { sealedResult: sealer.seal(JSON.stringify(result), { record: job.id ?? '', field: SEALED_FIELDS.result }) };
  };
}

/**
 * Detection is deterministic: a document that makes it throw would throw again on a retry, so the
 * failure is unrecoverable. The original message is logged (library errors carry no text); the
 * stored reason only names the error class.
 */
function detectOrFail(detector: Pick<Detector, 'detect'>, data: DetectJobData, job: DetectJob, logger: Logger): DetectionResult {
  try {
    return detector.detect(data.text, data.options);
  } catch (error) {
    const name = error instanceof Error ? error.name : 'non-Error';
    logger.error({ jobId: job.id, errorName: name, errorMessage: error instanceof Error ? error.message : undefined }, 'detection failed');
    throw new UnrecoverableError(`detection failed (${name})`);
  }
}
