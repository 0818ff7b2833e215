import { pino, type Logger } from 'pino';

/**
 * JSON logs on stdout. Clinical text is PHI and is never passed to the logger; the redaction is a
 * second line of defence should a payload ever be logged by mistake.
 */
export function createLogger(level: string, name = 'worker'): Logger {
  return pino({
    name,
    level,
    redact: { paths: ['text', '*.text', 'data', '*.data', 'returnvalue', '*.returnvalue'], censor: '[redacted]' },
  });
}
