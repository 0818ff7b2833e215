/**
 * Encryption keys from the environment. ENCRYPTION_KEY is the base64 of exactly 32 random bytes
 * (`openssl rand -base64 32`); ENCRYPTION_KEY_PREVIOUS lists, comma-separated, keys that still
 * decrypt older values after a rotation. Key ids are derived from a hash of each key so that
 * every process computes the same id without configuration, and the id reveals nothing usable.
 */
import { createHash, randomBytes } from 'node:crypto';
import { EncryptionError, type CipherOptions, type EncryptionKey } from './cipher.js';

const KEY_BYTES = 32;
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;
/** Domain separation: the id is a hash of this label and the key, never of the key alone. */
const KEY_ID_LABEL = 'icd-phi-encryption-key-id/v1\0';

/** The environment variables read by {@link parseEncryptionKeys}. */
export interface EncryptionEnv {
  readonly ENCRYPTION_KEY?: string;
  readonly ENCRYPTION_KEY_PREVIOUS?: string;
}

/** A short, stable, non-secret id for a key: 16 hex digits of SHA-256 over a label and the key. */
export function deriveKeyId(key: Buffer): string {
  return createHash('sha256').update(KEY_ID_LABEL).update(key).digest('hex').slice(0, 16);
}

/** Decodes one base64 key; the error names the variable but never shows its value. */
function decodeKey(encoded: string, variable: string): EncryptionKey {
  const trimmed = encoded.trim();
  const key = BASE64.test(trimmed) ? Buffer.from(trimmed.replace(/-/g, '+').replace(/_/g, '/'), 'base64') : null;
  if (!key || key.length !== KEY_BYTES) {
    const got = key ? `decodes to ${key.length} bytes` : 'is not base64';
    throw new EncryptionError('INVALID_KEY', `${variable} must be base64 of exactly ${KEY_BYTES} bytes (the value ${got})`);
  }
  return { key, keyId: deriveKeyId(key) };
}

/**
 * Reads ENCRYPTION_KEY and ENCRYPTION_KEY_PREVIOUS. Returns null when ENCRYPTION_KEY is unset or
 * blank (the caller decides whether running without encryption is allowed); throws
 * {@link EncryptionError} when a key is malformed or previous keys are set without a current one.
 */
export function parseEncryptionKeys(env: EncryptionEnv): CipherOptions | null {
  const current = env.ENCRYPTION_KEY?.trim() ?? '';
  const previousList = (env.ENCRYPTION_KEY_PREVIOUS ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  if (current === '') {
    if (previousList.length > 0) {
      throw new EncryptionError('INVALID_KEY', 'ENCRYPTION_KEY_PREVIOUS is set but ENCRYPTION_KEY is not');
    }
    return null;
  }
  const { key, keyId } = decodeKey(current, 'ENCRYPTION_KEY');
  const previous = previousList
    .map((entry, i) => decodeKey(entry, `ENCRYPTION_KEY_PREVIOUS entry ${i + 1}`))
    .filter((entry, i, all) => entry.keyId !== keyId && all.findIndex((other) => other.keyId === entry.keyId) === i);
  return { key, keyId, previous };
}

/** A new random key, base64-encoded as ENCRYPTION_KEY expects. */
export function generateEncryptionKey(): string {
  return randomBytes(KEY_BYTES).toString('base64');
}
