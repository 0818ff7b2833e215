import { DetectionRequestSchema, type DetectionRequest, type DetectJobData } from '@icd/contracts';
import type { Request } from 'express';
import { createHash, randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { ApiError, fieldIssues, validationError } from './errors.js';

/** Content types `POST /v1/jobs` accepts: a JSON `DetectionRequest`, or the bare text. */
export const JSON_TYPES = ['application/json', 'application/*+json'];
export const TEXT_TYPES = ['text/plain'];

/**
 * Bytes a body may have for a document of `maxChars` UTF-16 units: JSON can spend six bytes on one
 * unit (`\u00e9`), plus room for `externalId` and options. The character limit proper is checked
 * after parsing, where it can be reported as such.
 */
export function bodyLimitBytes(maxChars: number): number {
  return maxChars * 6 + 64 * 1024;
}

/** The request in a `POST /v1/jobs` body, checked: 415, 400 (with the field) or 413 otherwise. */
export function parseSubmission(req: Request, maxChars: number): DetectionRequest {
  const kind = req.is([...JSON_TYPES, ...TEXT_TYPES]);
  if (kind === null) throw validationError([{ field: 'text', message: 'a request body is required' }]);
  if (kind === false) {
    throw new ApiError(415, 'unsupported_media_type', 'send application/json (a DetectionRequest) or text/plain (the text)');
  }
  const body: unknown = TEXT_TYPES.includes(kind) ? { text: req.body } : req.body;
  rejectLongDocument(body, maxChars);
  const parsed = DetectionRequestSchema.safeParse(body);
  if (!parsed.success) throw validationError(fieldIssues(parsed.error.issues));
  return parsed.data;
}

function rejectLongDocument(body: unknown, maxChars: number): void {
  const text = typeof body === 'object' && body !== null ? (body as { text?: unknown }).text : undefined;
  if (typeof text === 'string' && text.length > maxChars) {
    throw new ApiError(413, 'document_too_long', `text has ${text.length} characters; the limit is ${maxChars}`, { field: 'text' });
  }
}

/** The `Idempotency-Key` header, if sent: visible ASCII, at most 255 characters. */
export function idempotencyKeyOf(req: Request): string | undefined {
  const key = req.get('Idempotency-Key');
  if (key === undefined) return undefined;
  if (!/^[\x21-\x7e]{1,255}$/.test(key)) {
    throw validationError([{ field: 'Idempotency-Key', message: 'must be 1 to 255 visible ASCII characters' }]);
  }
  return key;
}

/**
 * Job id for a submission: derived from tenant and key when an `Idempotency-Key` is sent, so a
 * repeated submission lands on the same BullMQ job; random otherwise. Neither form can be an
 * integer or contain `:`, which BullMQ refuses as custom ids.
 */
export function jobIdFor(tenant: string, idempotencyKey: string | undefined): string {
  if (idempotencyKey === undefined) return randomUUID();
  const digest = createHash('sha256').update(`${tenant}\n${idempotencyKey}`).digest('base64url');
  return `idem-${digest}`;
}

export function jobDataFor(request: DetectionRequest, jobId: string, now = new Date()): DetectJobData {
  return { ...request, requestId: jobId, submittedAt: now.toISOString() };
}

/** True when a stored job was created from the same request (text, externalId and options). */
export function isSameRequest(stored: DetectJobData, request: DetectionRequest): boolean {
  const comparable = (value: DetectionRequest) =>
    JSON.parse(JSON.stringify({ text: value.text, externalId: value.externalId, options: value.options })) as unknown;
  return isDeepStrictEqual(comparable(stored), comparable(request));
}
