import { z } from 'zod';
import { DetectionRequestSchema } from './detection-request.js';

/** Name of the queue that carries detection jobs from the API to the worker. */
export const DETECT_QUEUE = 'icd-detect';

/** Name of the job type on {@link DETECT_QUEUE}. */
export const DETECT_JOB = 'detect';

/** Payload of one job on {@link DETECT_QUEUE}: the request as received, plus bookkeeping. */
export const DetectJobDataSchema = z.strictObject({
  ...DetectionRequestSchema.shape,
  /** Identifier the API gave the request; the job id and the key for its result. */
  requestId: z.string().min(1).max(128),
  /** When the API accepted the request, ISO 8601 in UTC, e.g. `2025-11-27T09:30:00.000Z`. */
  submittedAt: z.iso.datetime(),
  /**
   * The tenant whose API key submitted the job (`local` in open local mode); only that tenant may
   * see the job. Absent on jobs queued before tenants existed, which count as `local`.
   */
  tenant: z.string().regex(/^[\w.-]{1,64}$/).optional(),
});

/** Payload of one job on {@link DETECT_QUEUE}. */
export type DetectJobData = z.infer<typeof DetectJobDataSchema>;
