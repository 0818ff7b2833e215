import type { NextFunction, Request, Response } from 'express';
import { STATUS_CODES } from 'node:http';
import { ApiError, QueueUnavailableError } from './errors.js';

/** body-parser's error types and what the client is told; its own messages may quote the body. */
const BODY_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  'entity.too.large': { status: 413, code: 'payload_too_large', message: 'the request body is larger than allowed' },
  'entity.parse.failed': { status: 400, code: 'invalid_json', message: 'the request body is not valid JSON' },
  'encoding.unsupported': { status: 415, code: 'unsupported_encoding', message: 'the content encoding is not supported' },
  'charset.unsupported': { status: 415, code: 'unsupported_charset', message: 'the charset is not supported' },
  'request.aborted': { status: 400, code: 'request_aborted', message: 'the request was aborted' },
  'request.size.invalid': { status: 400, code: 'invalid_body', message: 'the body length does not match Content-Length' },
  'encoding.invalid_utf8': { status: 400, code: 'invalid_utf8', message: 'the body is not valid UTF-8' },
  'entity.verify.failed': { status: 400, code: 'invalid_body', message: 'the request body could not be read' },
};

/**
 * A client error raised by express or its parts (an undecodable `%` escape in the path, say), with
 * a message that may quote the request: answered with its status and a generic message.
 */
function clientErrorStatus(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}

export function notFoundHandler(req: Request, _res: Response, next: NextFunction): void {
  next(new ApiError(404, 'not_found', `no route for ${req.method} ${req.path}`));
}

/**
 * Turns every error into `{ error: { code, message } }` with its status. Nothing of the error's
 * stack or internals reaches the client; unexpected errors are logged with their stack here.
 */
export function createErrorHandler(retryAfterSeconds: number) {
  return function errorHandler(error: unknown, _req: Request, res: Response, next: NextFunction): void {
    if (res.headersSent) return next(error);
    const log = res.locals.log;
    if (error instanceof ApiError) {
      const { field, issues, headers } = error.details;
      if (headers) res.set(headers);
      res.status(error.status).json({ error: { code: error.code, message: error.message, ...(field && { field }), ...(issues && { issues }) } });
      return;
    }
    if (error instanceof QueueUnavailableError) {
      log?.warn({ reason: error.message }, 'queue unavailable');
      res.set('Retry-After', String(retryAfterSeconds));
      res.status(503).json({ error: { code: 'queue_unavailable', message: 'the job queue is unavailable; retry later' } });
      return;
    }
    const bodyError = BODY_ERRORS[(error as { type?: string } | null)?.type ?? ''];
    if (bodyError) {
      res.status(bodyError.status).json({ error: { code: bodyError.code, message: bodyError.message } });
      return;
    }
    const clientStatus = clientErrorStatus(error);
    if (clientStatus !== undefined) {
      res.status(clientStatus).json({ error: { code: 'bad_request', message: (STATUS_CODES[clientStatus] ?? 'bad request').toLowerCase() } });
      return;
    }
    // The class and the stack frames, without the message line: a message could quote request data.
    const stackFrames = (error as Error | null)?.stack?.split('\n').slice(1).join('\n');
    log?.error({ errorName: (error as Error | null)?.name, stackFrames }, 'unhandled error');
    res.status(500).json({ error: { code: 'internal_error', message: 'internal server error' } });
  };
}
