import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EncryptionError, createCipher } from './cipher.js';
import { deriveKeyId, generateEncryptionKey, parseEncryptionKeys } from './keys.js';

const keyA = randomBytes(32).toString('base64');
const keyB = randomBytes(32).toString('base64');

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(EncryptionError);
    return (error as Error).message;
  }
  throw new Error('expected an EncryptionError');
}

describe('parseEncryptionKeys', () => {
  it('returns null when no key is configured', () => {
    expect(parseEncryptionKeys({})).toBeNull();
    expect(parseEncryptionKeys({ ENCRYPTION_KEY: '  ' })).toBeNull();
  });

  it('reads the current key and previous keys, deriving ids from a hash of each key', () => {
    const keys = parseEncryptionKeys({ ENCRYPTION_KEY: keyA, ENCRYPTION_KEY_PREVIOUS: ` ${keyB} , ${keyA},${keyB}` });
    expect(keys?.key.equals(Buffer.from(keyA, 'base64'))).toBe(true);
    expect(keys?.keyId).toMatch(/^[0-9a-f]{16}$/);
    expect(keys?.keyId).toBe(deriveKeyId(Buffer.from(keyA, 'base64')));
    expect(keys?.previous?.map((entry) => entry.keyId)).toEqual([deriveKeyId(Buffer.from(keyB, 'base64'))]);
    expect(keyA).not.toContain(keys?.keyId);
    expect(Buffer.from(keyA, 'base64').toString('hex')).not.toContain(keys?.keyId);
  });

  it('accepts base64url and unpadded keys', () => {
    const raw = randomBytes(32);
    const url = raw.toString('base64url');
    expect(parseEncryptionKeys({ ENCRYPTION_KEY: url })?.key.equals(raw)).toBe(true);
  });

  it('supports rotation end to end: old values still decrypt, new values use the new key', () => {
    const before = createCipher(parseEncryptionKeys({ ENCRYPTION_KEY: keyB })!);
    const sealed = before.encrypt('Patient: Jane Roe');
    const after = createCipher(parseEncryptionKeys({ ENCRYPTION_KEY: keyA, ENCRYPTION_KEY_PREVIOUS: keyB })!);
    expect(after.decrypt(sealed)).toBe('Patient: Jane Roe');
    expect(after.keyIdOf(after.encrypt('x'))).not.toBe(before.keyId);
  });

  it.each([
    ['too short', randomBytes(16).toString('base64'), /decodes to 16 bytes/],
    ['too long', randomBytes(48).toString('base64'), /decodes to 48 bytes/],
    ['not base64', 'this is not a key!!', /is not base64/],
  ])('rejects a key that is %s without printing it', (_label, value, reason) => {
    const message = messageOf(() => parseEncryptionKeys({ ENCRYPTION_KEY: value }));
    expect(message).toMatch(/ENCRYPTION_KEY must be base64 of exactly 32 bytes/);
    expect(message).toMatch(reason);
    expect(message).not.toContain(value);
  });

  it('names a bad previous key by position, and previous keys without a current one', () => {
    const message = messageOf(() => parseEncryptionKeys({ ENCRYPTION_KEY: keyA, ENCRYPTION_KEY_PREVIOUS: `${keyB},short` }));
    expect(message).toMatch(/ENCRYPTION_KEY_PREVIOUS entry 2/);
    expect(message).not.toContain(keyB);
    expect(messageOf(() => parseEncryptionKeys({ ENCRYPTION_KEY_PREVIOUS: keyB }))).toMatch(/ENCRYPTION_KEY is not/);
  });

  it('generates keys that parse', () => {
    const generated = generateEncryptionKey();
    expect(parseEncryptionKeys({ ENCRYPTION_KEY: generated })?.key).toHaveLength(32);
    expect(generateEncryptionKey()).not.toBe(generated);
  });
});
