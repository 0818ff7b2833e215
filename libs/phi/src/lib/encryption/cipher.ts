/**
 * Encryption at rest for PHI (clinical text, results) stored outside the process, e.g. in Redis.
 * AES-256-GCM with a random 12-byte IV per value; the output is one self-describing string
 * `v1.<keyId>.<iv>.<tag>.<ciphertext>` (base64url parts) so that a value names the key that
 * sealed it and keys can rotate: decryption accepts the current and the previous keys.
 * Errors never contain the plaintext, the ciphertext or a key; only key ids, which are not secret.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const ALGORITHM = 'aes-256-gcm';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_ID = /^[A-Za-z0-9_-]{1,64}$/;
const BASE64URL = /^[A-Za-z0-9_-]*$/;

/** Why an encryption operation failed. */
export type EncryptionErrorCode = 'INVALID_KEY' | 'MALFORMED' | 'UNKNOWN_KEY_ID' | 'AUTHENTICATION_FAILED';

/** A failed encryption operation; the message is safe to log. */
export class EncryptionError extends Error {
  constructor(
    readonly code: EncryptionErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'EncryptionError';
  }
}

/** A 32-byte key and the id that encrypted values carry (letters, digits, `_`, `-`; never the key itself). */
export interface EncryptionKey {
  readonly key: Buffer;
  readonly keyId: string;
}

/** The current key, which encrypts, and previous keys, which still decrypt (for rotation). */
export interface CipherOptions extends EncryptionKey {
  readonly previous?: readonly EncryptionKey[];
}

/** Data bound to a value without being stored in it, such as the job id, so a value cannot move between records. */
export interface SealOptions {
  readonly associatedData?: string | Buffer;
}

/** Encrypts and decrypts values with a key ring. */
export interface Cipher {
  /** Id of the key new values are encrypted with. */
  readonly keyId: string;
  encrypt(plaintext: string | Buffer, options?: SealOptions): string;
  /** Decrypts a value to UTF-8 text. */
  decrypt(value: string, options?: SealOptions): string;
  /** Decrypts a value to bytes. */
  decryptToBuffer(value: string, options?: SealOptions): Buffer;
  /** The key id a value names, without decrypting it (to find values still sealed with an old key). */
  keyIdOf(value: string): string;
}

interface SealedParts {
  readonly keyId: string;
  readonly iv: Buffer;
  readonly tag: Buffer;
  readonly ciphertext: Buffer;
}

function checkKey(entry: EncryptionKey, label: string): void {
  if (!Buffer.isBuffer(entry.key) || entry.key.length !== KEY_BYTES) {
    throw new EncryptionError('INVALID_KEY', `${label} must be exactly ${KEY_BYTES} bytes`);
  }
  if (!KEY_ID.test(entry.keyId)) {
    throw new EncryptionError('INVALID_KEY', `${label} id must be 1-64 letters, digits, "_" or "-"`);
  }
}

/** The key ring by id; throws when a key is malformed or two keys share an id. */
function keyRing(options: CipherOptions): Map<string, Buffer> {
  const ring = new Map<string, Buffer>();
  const entries = [options, ...(options.previous ?? [])];
  entries.forEach((entry, i) => {
    const label = i === 0 ? 'the encryption key' : `previous key ${i}`;
    checkKey(entry, label);
    const known = ring.get(entry.keyId);
    if (known && !known.equals(entry.key)) throw new EncryptionError('INVALID_KEY', `${label} reuses key id ${entry.keyId}`);
    ring.set(entry.keyId, entry.key);
  });
  return ring;
}

/** GCM additional data: the header (version and key id) and the caller's associated data. */
function additionalData(keyId: string, associatedData: string | Buffer | undefined): Buffer {
  const header = Buffer.from(`${VERSION}.${keyId}\0`, 'utf8');
  if (associatedData === undefined) return header;
  return Buffer.concat([header, Buffer.isBuffer(associatedData) ? associatedData : Buffer.from(associatedData, 'utf8')]);
}

function decodePart(part: string, bytes: number | null, name: string): Buffer {
  const decoded = BASE64URL.test(part) ? Buffer.from(part, 'base64url') : null;
  if (!decoded || decoded.toString('base64url') !== part || (bytes !== null && decoded.length !== bytes)) {
    throw new EncryptionError('MALFORMED', `malformed encrypted value: bad ${name}`);
  }
  return decoded;
}

/** Splits a sealed value; the error never echoes the value, which may be plaintext passed by mistake. */
function parseSealed(value: string): SealedParts {
  const parts = typeof value === 'string' ? value.split('.') : [];
  if (parts.length !== 5 || parts[0] !== VERSION) {
    throw new EncryptionError('MALFORMED', `malformed encrypted value: expected ${VERSION}.<keyId>.<iv>.<tag>.<ciphertext>`);
  }
  const [, keyId, iv, tag, ciphertext] = parts;
  if (!KEY_ID.test(keyId)) throw new EncryptionError('MALFORMED', 'malformed encrypted value: bad key id');
  return {
    keyId,
    iv: decodePart(iv, IV_BYTES, 'iv'),
    tag: decodePart(tag, TAG_BYTES, 'auth tag'),
    ciphertext: decodePart(ciphertext, null, 'ciphertext'),
  };
}

function seal(key: Buffer, keyId: string, plaintext: string | Buffer, options: SealOptions): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(additionalData(keyId, options.associatedData));
  const data = Buffer.isBuffer(plaintext) ? plaintext : Buffer.from(plaintext, 'utf8');
  const ciphertext = Buffer.concat([cipher.update(data), cipher.final()]);
  const parts = [iv, cipher.getAuthTag(), ciphertext].map((part) => part.toString('base64url'));
  return [VERSION, keyId, ...parts].join('.');
}

function unseal(ring: Map<string, Buffer>, value: string, options: SealOptions): Buffer {
  const sealed = parseSealed(value);
  const key = ring.get(sealed.keyId);
  if (!key) throw new EncryptionError('UNKNOWN_KEY_ID', `no key with id ${sealed.keyId} (rotated out, or from another deployment?)`);
  const decipher = createDecipheriv(ALGORITHM, key, sealed.iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(additionalData(sealed.keyId, options.associatedData));
  decipher.setAuthTag(sealed.tag);
  try {
    return Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()]);
  } catch {
    throw new EncryptionError(
      'AUTHENTICATION_FAILED',
      `encrypted value failed authentication (tampered, or decrypted with other associated data) under key ${sealed.keyId}`,
    );
  }
}

/** A cipher that encrypts with `key` and decrypts with it or any of `previous`. */
export function createCipher(options: CipherOptions): Cipher {
  const ring = keyRing(options);
  const { key, keyId } = options;
  return {
    keyId,
    encrypt: (plaintext, sealOptions = {}) => seal(key, keyId, plaintext, sealOptions),
    decrypt: (value, sealOptions = {}) => unseal(ring, value, sealOptions).toString('utf8'),
    decryptToBuffer: (value, sealOptions = {}) => unseal(ring, value, sealOptions),
    keyIdOf: (value) => parseSealed(value).keyId,
  };
}
