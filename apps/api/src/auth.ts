import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { ApiKeyStore } from './api-keys.js';
import { ApiError } from './errors.js';

/** The one tenant of open local mode (no keys configured): every caller is it. */
export const OPEN_MODE_TENANT = 'local';

const REALM = 'icd10';

/** RFC 6750 `b64token`, bounded: a key is far shorter, and nothing longer is worth hashing. */
const BEARER_PATTERN = /^Bearer +([A-Za-z0-9\-._~+/]{1,512}=*) *$/i;

type AuthProblem = 'missing_api_key' | 'invalid_api_key' | 'revoked_api_key';

const MESSAGES: Record<AuthProblem, string> = {
  missing_api_key: 'an API key is required: send Authorization: Bearer <key>',
  invalid_api_key: 'the API key is not valid',
  revoked_api_key: 'the API key has been revoked',
};

/** 401 with the `WWW-Authenticate` challenge of RFC 6750; a missing key gets no `error` attribute. */
function unauthorized(problem: AuthProblem): ApiError {
  const challenge = problem === 'missing_api_key' ? `Bearer realm="${REALM}"` : `Bearer realm="${REALM}", error="invalid_token"`;
  return new ApiError(401, problem, MESSAGES[problem], { headers: { 'WWW-Authenticate': challenge } });
}

/**
 * Sets `res.locals.tenant` and `res.locals.keyId` from the `Authorization: Bearer` key, or answers
 * 401. With no key store (open local mode) every caller is {@link OPEN_MODE_TENANT} without a key id.
 * The key is read from that header only: a query string would put it in access logs and histories.
 */
export function authenticate(keys: ApiKeyStore | null): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (keys === null) {
      res.locals.tenant = OPEN_MODE_TENANT;
      return next();
    }
    const header = req.get('Authorization');
    if (header === undefined || header.trim() === '') return next(unauthorized('missing_api_key'));
    const token = BEARER_PATTERN.exec(header)?.[1];
    if (token === undefined) return next(unauthorized('invalid_api_key'));
    const checked = keys.check(token);
    if (checked.status === 'unknown') return next(unauthorized('invalid_api_key'));
    // The key id of a revoked key is logged (the access log line), never the key.
    res.locals.keyId = checked.entry.id;
    if (checked.status === 'revoked') return next(unauthorized('revoked_api_key'));
    res.locals.tenant = checked.entry.tenant;
    next();
  };
}

/**
 * The authenticated tenant of a request that went through {@link authenticate}. Throws (a 500)
 * rather than guessing when it did not: a route mounted outside authentication is a bug, and must
 * not quietly see the open tenant's jobs.
 */
export function tenantOfResponse(res: Response): string {
  const tenant = res.locals.tenant;
  if (tenant === undefined) throw new Error('route reached without authentication');
  return tenant;
}
