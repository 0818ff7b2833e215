/**
 * What the API writes to and reads from a job at rest: the payload with its text and externalId
 * sealed (and redacted first when the request asks), the worker's sealed result, the coder's sealed
 * review. Sealing (encryption bound to the job id and the field) and redaction are @icd/phi's;
 * which fields are sealed is the contracts'. Nothing here touches Redis.
 */
import {
  SEALED_FIELDS,
  ReviewDecisionsSchema,
  StoredJobDataError,
  openDetectJobData,
  sealDetectJobData,
  type DetectJobData,
  type DetectionRequest,
  type DetectionResult,
  type ReviewDecisions,
  type StoredDetectJobData,
} from '@icd/contracts';
import { EncryptionError, redactPhi, type RecordSealer } from '@icd/phi';
import { ApiError } from './errors.js';

export interface JobCodec {
  /**
   * The payload to store for a new job: when `options.redact` is set, the text with its identifiers
   * replaced, so that the original is never stored; text and externalId sealed; and a keyed
   * fingerprint of the request as submitted, for idempotent replays.
   */
  encode(data: DetectJobData): StoredDetectJobData;
  /** The payload and fingerprint of a stored job; a 500 `job_unreadable` when it cannot be opened. */
  decode(jobId: string, stored: unknown): { data: DetectJobData; fingerprint: string };
  decodeResult(jobId: string, sealed: string): DetectionResult;
  encodeReview(jobId: string, review: ReviewDecisions): string;
  /** Null for a review this version cannot read (written by a newer one, say) rather than a 500. */
  decodeReview(jobId: string, sealed: string): ReviewDecisions | null;
  /** True when `request` is the one the job was made from, compared by fingerprint. */
  isSameRequest(fingerprint: string, request: DetectionRequest): boolean;
}

/**
 * What an idempotent replay compares: text, externalId and options, object keys sorted (so their
 * order does not matter), undefined members dropped as JSON drops them.
 */
export function requestFingerprintSource(request: DetectionRequest): string {
  const comparable = { text: request.text, externalId: request.externalId, options: request.options };
  return JSON.stringify(comparable, (_key, value: unknown) =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : value,
  );
}

export function createJobCodec(sealer: RecordSealer): JobCodec {
  const binding = (record: string, field: string) => ({ record, field });
  return {
    encode: (data) => {
      const fingerprint = sealer.fingerprint(requestFingerprintSource(data));
      const stored = data.options?.redact ? { ...data, text: redactPhi(data.text).text } : data;
      return sealDetectJobData(stored, fingerprint, (plaintext, field) => sealer.seal(plaintext, binding(data.requestId, field)));
    },
    decode: (jobId, stored) => readable(() => openDetectJobData(stored, (sealed, field) => sealer.open(sealed, binding(jobId, field)))),
    decodeResult: (jobId, sealed) => readable(() => JSON.parse(sealer.open(sealed, binding(jobId, SEALED_FIELDS.result))) as DetectionResult),
    encodeReview: (jobId, review) => sealer.seal(JSON.stringify(review), binding(jobId, SEALED_FIELDS.review)),
    decodeReview: (jobId, sealed) => {
      const plaintext = readable(() => sealer.open(sealed, binding(jobId, SEALED_FIELDS.review)));
      try {
        const parsed = ReviewDecisionsSchema.safeParse(JSON.parse(plaintext));
        return parsed.success ? parsed.data : null;
      } catch {
        return null;
      }
    },
    isSameRequest: (fingerprint, request) => sealer.matchesFingerprint(requestFingerprintSource(request), fingerprint),
  };
}

/**
 * A stored value this server cannot open: its key is not among ENCRYPTION_KEY and
 * ENCRYPTION_KEY_PREVIOUS (a rotation that dropped a key too early, or another deployment's
 * data), or it was altered. The message names the key id and the reason, never content.
 */
function readable<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof EncryptionError || error instanceof StoredJobDataError) {
      throw new ApiError(500, 'job_unreadable', `the stored job cannot be read: ${error.message}`);
    }
    throw error;
  }
}
