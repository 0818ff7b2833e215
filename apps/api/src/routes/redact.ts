import { MAX_TEXT_LENGTH } from '@icd/contracts';
import { redactPhi } from '@icd/phi';
import { Router, type Request } from 'express';
import { z } from 'zod';
import { audit } from '../audit.js';
import { documentBody } from '../body-parsers.js';
import type { ApiConfig } from '../config.js';
import { ApiError, fieldIssues, validationError } from '../errors.js';
import { JSON_TYPES, TEXT_TYPES, bodyLimitBytes, textProblem } from '../submission.js';

const RedactRequestSchema = z.strictObject({ text: z.string().max(MAX_TEXT_LENGTH) });

/**
 * `POST /v1/redact` (RedactPHI): the text with its HIPAA Safe Harbor identifiers replaced by typed
 * placeholders (`[NAME]`, `[DATE]`...), and where each was: `{ text, spans: [{ type, begin, end,
 * redactedBegin, redactedEnd }] }`, `begin`/`end` in the text sent, `redactedBegin`/`redactedEnd`
 * in the text returned. Nothing is stored; nothing but counts is logged.
 */
export function redactRoutes(config: Pick<ApiConfig, 'maxDocumentChars'>): Router {
  const router = Router();
  const parseBody = documentBody(bodyLimitBytes(config.maxDocumentChars));

  router.post('/v1/redact', ...parseBody, (req, res) => {
    const text = parseRedactRequest(req, config.maxDocumentChars);
    const redacted = redactPhi(text);
    audit(res, 'redact', []);
    res.locals.log.info({ chars: text.length, spans: redacted.spans.length }, 'text redacted');
    res.json(redacted);
  });

  return router;
}

/** Checked like a `POST /v1/jobs` body: 415, 413 or 400 naming the field. */
function parseRedactRequest(req: Request, maxChars: number): string {
  const kind = req.is([...JSON_TYPES, ...TEXT_TYPES]);
  if (kind === null) throw validationError([{ field: 'text', message: 'a request body is required' }]);
  if (kind === false) throw new ApiError(415, 'unsupported_media_type', 'send application/json ({ "text": "..." }) or text/plain (the text)');
  const body: unknown = TEXT_TYPES.includes(kind) ? { text: req.body } : req.body;
  const text = typeof body === 'object' && body !== null ? (body as { text?: unknown }).text : undefined;
  if (typeof text === 'string' && text.length > maxChars) {
    throw new ApiError(413, 'document_too_long', `text has ${text.length} characters; the limit is ${maxChars}`, { field: 'text' });
  }
  const parsed = RedactRequestSchema.safeParse(body);
  if (!parsed.success) throw validationError(fieldIssues(parsed.error.issues));
  const problem = textProblem(parsed.data.text);
  if (problem) throw validationError([{ field: 'text', message: problem }]);
  return parsed.data.text;
}
