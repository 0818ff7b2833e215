import { DetectJobDataSchema, type DetectJobData, type DetectionResult } from '@icd/contracts';
import type { Detector } from '@icd/detector';
import { UnrecoverableError, type Job } from 'bullmq';
import type { Logger } from 'pino';
import type { z } from 'zod';

/** A job as the worker receives it: the payload is whatever was put on the queue, so unknown. */
export type DetectJob = Pick<Job<unknown, DetectionResult>, 'id' | 'data' | 'attemptsMade'>;

export type DetectProcessor = (job: DetectJob) => Promise<DetectionResult>;

/**
 * The payload checked against the contract. A bad payload fails the same way on every attempt, so it
 * is unrecoverable: BullMQ fails the job at once instead of retrying it. The reason names fields and
 * rules only, never values (the text is PHI and ends up in `failedReason`).
 */
export function parseDetectJobData(data: unknown): DetectJobData {
  const parsed = DetectJobDataSchema.safeParse(data);
  if (!parsed.success) throw new UnrecoverableError(`invalid job data: ${describeIssues(parsed.error.issues)}`);
  return parsed.data;
}

function describeIssues(issues: z.ZodError['issues']): string {
  return issues.map((issue) => `${issue.path.join('.') || '(payload)'}: ${issue.message}`).join('; ');
}

/** The queue processor: validate the payload, run the detector, return the `DetectionResult`. */
export function createDetectProcessor(detector: Pick<Detector, 'detect'>, logger: Logger): DetectProcessor {
  return async (job) => {
    const data = parseDetectJobData(job.data);
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
    return result;
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
