/** HTTP hardening that is not about who the caller is: response headers, CORS, malformed requests. */
import cors from 'cors';
import type { RequestHandler } from 'express';
import helmet from 'helmet';
import { STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';

/**
 * helmet's headers on every answer. The policy given here is for the API's own answers (JSON, which
 * needs nothing loaded); the pages set their own: the review UI (routes/web.ts) and /docs
 * (routes/docs.ts). No `Strict-Transport-Security` over plain HTTP would be read anyway, and behind
 * a TLS proxy it is what is wanted, so helmet's default stays.
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { 'default-src': ["'none'"], 'base-uri': ["'none'"], 'form-action': ["'none'"], 'frame-ancestors': ["'none'"] },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
}

/** Headers a browser page on an allowed origin may send, and read from the answers. */
const ALLOWED_HEADERS = ['Authorization', 'Content-Type', 'Idempotency-Key', 'X-Request-Id'];
const EXPOSED_HEADERS = ['Location', 'Retry-After', 'X-Request-Id', 'Idempotent-Replayed', 'Content-Location', 'WWW-Authenticate', 'RateLimit-Policy', 'RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset'];

/**
 * CORS is closed unless `CORS_ORIGINS` lists the page's origin: no `Access-Control-Allow-*` header
 * otherwise, so browsers keep other sites' scripts from reading answers. Cookies play no part (keys
 * go in `Authorization`), hence no credentials. The review UI is same-origin and needs none of this.
 */
export function corsPolicy(origins: readonly string[]): RequestHandler {
  const allowed = new Set(origins);
  return cors({
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    methods: ['GET', 'POST', 'PUT', 'DELETE'],
    allowedHeaders: ALLOWED_HEADERS,
    exposedHeaders: EXPOSED_HEADERS,
    maxAge: 600,
  });
}

/**
 * Requests Node refuses before express sees them (headers over 16 KB, a malformed request line)
 * get the API's JSON error shape instead of Node's empty answer.
 */
export function hardenServer(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    // As Node's own handler: no answer over one already under way on this connection, which the
    // client would read as part of it.
    const inFlight = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (error.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) return void socket.destroy();
    const [status, code, message] =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'headers_too_large', 'the request headers are larger than allowed']
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? [408, 'request_timeout', 'the request took too long to arrive']
          : [400, 'bad_request', 'the request is not valid HTTP'];
    const body = JSON.stringify({ error: { code, message } });
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}
