import type { NextFunction, Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';

declare module 'express-serve-static-core' {
  interface Locals {
    /** Logger bound to this request's id. */
    log: Logger;
    requestId: string;
    /** Set by routes that create or read a job, for the access log. */
    jobId?: string;
    /** The caller's tenant, set by authentication; absent in open local mode. */
    tenant?: string;
    /** Public id of the API key used (never the key itself), set by authentication. */
    keyId?: string;
  }
}

const REQUEST_ID_PATTERN = /^[\w.-]{1,128}$/;

/**
 * Gives each request an id (the caller's `X-Request-Id` when it is a plain token), a bound logger,
 * and one access-log line when the response is sent. Only the path is logged: query strings and
 * bodies may carry clinical text.
 */
export function requestContext(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction) => {
    const started = performance.now();
    const incoming = req.get('X-Request-Id');
    const requestId = incoming && REQUEST_ID_PATTERN.test(incoming) ? incoming : randomUUID();
    res.locals.requestId = requestId;
    res.locals.log = logger.child({ requestId });
    res.set('X-Request-Id', requestId);
    // Responses may quote PHI (results, evidence): no cache anywhere should keep them.
    res.set('Cache-Control', 'no-store');
    res.on('finish', () => {
      res.locals.log.info(
        {
          method: req.method,
          path: req.originalUrl.split('?')[0],
          status: res.statusCode,
          durationMs: Math.round((performance.now() - started) * 10) / 10,
          jobId: res.locals.jobId,
          tenant: res.locals.tenant,
          keyId: res.locals.keyId,
        },
        'request',
      );
    });
    next();
  };
}
