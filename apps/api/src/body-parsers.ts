/** The body parsers of the routes that take a body: size-limited, and UTF-8 that is really UTF-8. */
import express, { type Request } from 'express';
import { isUtf8 } from 'node:buffer';
import { JSON_TYPES, TEXT_TYPES } from './submission.js';

/**
 * Refuses a body declared (or defaulted) as UTF-8 that is not: decoding would silently turn the bad
 * bytes into U+FFFD, and the text coded (and its evidence offsets) would not be the text sent. Other
 * charsets a `text/plain` body may name are decoded as declared.
 */
function requireUtf8(_req: Request, _res: unknown, body: Buffer, encoding: string): void {
  if (encoding.toLowerCase() === 'utf-8' && !isUtf8(body)) {
    // body-parser keeps `type` and hands the error on; the error handler answers it as 400.
    throw Object.assign(new Error('the body is not valid UTF-8'), { type: 'encoding.invalid_utf8' });
  }
}

type BodyParser = ReturnType<typeof express.json>;

export const jsonBody = (limit: number | string): BodyParser => express.json({ limit, type: JSON_TYPES, verify: requireUtf8 });

export const textBody = (limit: number | string): BodyParser => express.text({ limit, type: TEXT_TYPES, verify: requireUtf8 });

/** A document as JSON or as the bare text. */
export const documentBody = (limit: number): BodyParser[] => [jsonBody(limit), textBody(limit)];
