import { pino, type Logger } from 'pino';

/**
 * JSON logs on stdout. Request bodies, query strings and job payloads are never passed to the
 * logger (clinical text is PHI); the redaction is a second line of defence against a mistake.
 */
export function createLogger(level: string, name = 'api'): Logger {
  return pino({
    name,
    level,
    redact: { paths: ['text', '*.text', 'body', '*.body', 'data', '*.data'], censor: '[redacted]' },
  });
}
