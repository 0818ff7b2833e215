/**
 * How a detection job is kept at rest in the queue (a BullMQ job hash in Redis). What is PHI (the
 * text, the caller's externalId, the result, a coder's review) is sealed by the process that writes
 * it: encrypted, and bound to the job id and a field name so that it cannot be moved to another job.
 * The rest stays readable for the queue's bookkeeping. This module fixes the shapes and the names;
 * the sealing itself is passed in as functions (`@icd/phi` provides them), as contracts depend on
 * nothing but zod.
 */
import { z } from 'zod';
import { DetectJobDataSchema, type DetectJobData } from './detect-job.js';
import { DetectionRequestSchema } from './detection-request.js';

/** The field names sealed values are bound to (with the job id). */
export const SEALED_FIELDS = { document: 'document', result: 'result', review: 'review' } as const;

/** One of {@link SEALED_FIELDS}. */
export type SealedField = (typeof SEALED_FIELDS)[keyof typeof SEALED_FIELDS];

/** Fields the service adds to a BullMQ job hash beside BullMQ's own (`data`, `returnvalue`...). */
export const JOB_HASH_FIELDS = {
  /** The sealed `DetectionResult`, written by the worker before it completes the job. */
  result: 'icdResult',
  /** The sealed `ReviewDecisions`, written by the API. */
  review: 'icdReview',
  /** Set when the job was deleted while a worker held it: the worker discards its result. */
  deleted: 'icdDeleted',
} as const;

/** The sealed part of a job's payload. */
export const SealedDocumentSchema = DetectionRequestSchema.pick({ text: true, externalId: true });

/** The payload as stored: {@link DetectJobDataSchema} with `text` and `externalId` sealed in `document`. */
export const StoredDetectJobDataSchema = DetectJobDataSchema.omit({ text: true, externalId: true }).extend({
  /** The sealed JSON of `{ text, externalId }`. */
  document: z.string().min(1),
  /** A keyed digest of the request as submitted (before any redaction): idempotent replays compare it. */
  fingerprint: z.string().min(1),
});

/** A job's payload as stored. */
export type StoredDetectJobData = z.infer<typeof StoredDetectJobDataSchema>;

/** What a job's payload is overwritten with when it is deleted while a worker holds it. */
export const DELETED_JOB_DATA = { deleted: true } as const;

/** True for the payload of a job deleted while a worker held it. */
export function isDeletedJobData(data: unknown): boolean {
  return typeof data === 'object' && data !== null && (data as { deleted?: unknown }).deleted === true;
}

/** What the worker hands BullMQ as the job's `returnvalue` (also sent on the event stream): never the result. */
export const DetectJobOutcomeSchema = z.strictObject({ result: z.enum(['stored', 'discarded']) });

/** What the worker hands BullMQ as the job's `returnvalue`. */
export type DetectJobOutcome = z.infer<typeof DetectJobOutcomeSchema>;

/** Encrypts one field of the job being written. */
export type SealField = (plaintext: string, field: SealedField) => string;
/** Decrypts one field of the job being read; throws when it cannot. */
export type OpenField = (sealed: string, field: SealedField) => string;

/** A stored payload that does not have the stored shape; the message names fields, never values. */
export class StoredJobDataError extends Error {
  override name = 'StoredJobDataError';
}

/** The payload to store for `data`: text and externalId sealed, the request's fingerprint beside them. */
export function sealDetectJobData(data: DetectJobData, fingerprint: string, seal: SealField): StoredDetectJobData {
  const { text, externalId, ...rest } = data;
  const document = JSON.stringify(externalId === undefined ? { text } : { text, externalId });
  return { ...rest, document: seal(document, SEALED_FIELDS.document), fingerprint };
}

/**
 * The payload a stored one was made from, and its fingerprint. Throws {@link StoredJobDataError}
 * for a payload of another shape; errors of `open` (a key that is missing, a value moved from
 * another job) go through as they are.
 */
export function openDetectJobData(stored: unknown, open: OpenField): { data: DetectJobData; fingerprint: string } {
  const envelope = parseOrThrow(StoredDetectJobDataSchema, stored, '');
  const { document: sealed, fingerprint, ...rest } = envelope;
  const plaintext = open(sealed, SEALED_FIELDS.document);
  let json: unknown;
  try {
    json = JSON.parse(plaintext);
  } catch {
    throw new StoredJobDataError('invalid job data: document: not JSON');
  }
  const document = parseOrThrow(SealedDocumentSchema, json, 'document.');
  return { data: { ...rest, ...document }, fingerprint };
}

function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown, prefix: string): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  // zod's messages state the rule, never the value: safe to carry into logs and `failedReason`.
  const issues = parsed.error.issues.map((issue) => `${prefix}${issue.path.join('.') || '(payload)'}: ${issue.message}`);
  throw new StoredJobDataError(`invalid job data: ${issues.join('; ')}`);
}
