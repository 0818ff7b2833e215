import { DetectionRequestSchema, type DetectionRequest, type DetectJobData } from '@icd/contracts';
import type { Request } from 'express';
import { createHash, randomUUID } from 'node:crypto';
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
  const problem = textProblem(parsed.data.text);
  if (problem) throw validationError([{ field: 'text', message: problem }]);
  return parsed.data;
}

/** Lone UTF-16 surrogates: JSON can carry them (`"\ud800"`), Unicode text cannot. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Why a text cannot be coded, or undefined when it can. Nothing to code (empty, or only
 * whitespace) and text that is not text (NUL characters, lone surrogates) are refused; any other
 * character, emoji and CRLF included, is kept exactly as sent, since evidence offsets index it.
 */
export function textProblem(text: string): string | undefined {
  if (text.trim() === '') return 'must contain something other than whitespace';
  if (text.includes('\u0000')) return 'must not contain NUL characters (U+0000)';
  if (LONE_SURROGATE.test(text)) return 'must be well-formed Unicode (a lone UTF-16 surrogate was found)';
  return undefined;
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

/** The job payload: the request, the job id, and the tenant that owns the job (only it may see it). */
export function jobDataFor(request: DetectionRequest, jobId: string, tenant: string, now = new Date()): DetectJobData {
  return { ...request, requestId: jobId, submittedAt: now.toISOString(), tenant };
}
