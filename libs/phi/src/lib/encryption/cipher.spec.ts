import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EncryptionError, createCipher, type EncryptionErrorCode } from './cipher.js';

const NOTE = 'Patient: Jane Roe, MRN 00482913. 92-year-old with Parkinson disease. Ünïcödé ✓';
const current = { key: randomBytes(32), keyId: 'current' };
const old = { key: randomBytes(32), keyId: 'old' };

function codeOf(run: () => unknown): EncryptionErrorCode | 'no error' {
  try {
    run();
  } catch (error) {
    if (error instanceof EncryptionError) return error.code;
    throw error;
  }
  return 'no error';
}

/** Replaces part `index` of a sealed value. */
function withPart(value: string, index: number, replace: (part: string) => string): string {
  const parts = value.split('.');
  parts[index] = replace(parts[index]);
  return parts.join('.');
}

describe('createCipher', () => {
  const cipher = createCipher(current);

  it('round-trips text and bytes in a compact self-describing string', () => {
    const sealed = cipher.encrypt(NOTE);
    expect(sealed).toMatch(/^v1\.current\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]+$/);
    expect(cipher.decrypt(sealed)).toBe(NOTE);
    const bytes = randomBytes(100);
    expect(cipher.decryptToBuffer(cipher.encrypt(bytes)).equals(bytes)).toBe(true);
    expect(cipher.decrypt(cipher.encrypt(''))).toBe('');
    expect(cipher.keyIdOf(sealed)).toBe('current');
  });

  it('uses a fresh IV each time and never shows the plaintext', () => {
    const [a, b] = [cipher.encrypt(NOTE), cipher.encrypt(NOTE)];
    expect(a).not.toBe(b);
    for (const sealed of [a, b]) {
      expect(sealed).not.toContain('Jane');
      expect(Buffer.from(sealed.split('.')[4], 'base64url').toString('latin1')).not.toContain('Jane');
      expect(sealed).not.toContain(Buffer.from(NOTE).toString('base64url').slice(0, 12));
    }
  });

  it('decrypts values sealed with a previous key after rotation, and seals new values with the current key', () => {
    const before = createCipher(old).encrypt(NOTE);
    const rotated = createCipher({ ...current, previous: [old] });
    expect(rotated.decrypt(before)).toBe(NOTE);
    expect(rotated.keyIdOf(rotated.encrypt(NOTE))).toBe('current');
    expect(codeOf(() => createCipher(current).decrypt(before))).toBe('UNKNOWN_KEY_ID');
  });

  it('detects tampering with the ciphertext, the tag, the IV or the key id', () => {
    const sealed = cipher.encrypt(NOTE);
    const flip = (part: string) => {
      const bytes = Buffer.from(part, 'base64url');
      bytes[0] ^= 1;
      return bytes.toString('base64url');
    };
    for (const index of [2, 3, 4]) expect(codeOf(() => cipher.decrypt(withPart(sealed, index, flip)))).toBe('AUTHENTICATION_FAILED');
    const twoKeys = createCipher({ ...current, previous: [old] });
    expect(codeOf(() => twoKeys.decrypt(withPart(sealed, 1, () => 'old')))).toBe('AUTHENTICATION_FAILED');
  });

  it('binds associated data: a value cannot move to another record', () => {
    const sealed = cipher.encrypt(NOTE, { associatedData: 'job-1' });
    expect(cipher.decrypt(sealed, { associatedData: 'job-1' })).toBe(NOTE);
    expect(codeOf(() => cipher.decrypt(sealed, { associatedData: 'job-2' }))).toBe('AUTHENTICATION_FAILED');
    expect(codeOf(() => cipher.decrypt(sealed))).toBe('AUTHENTICATION_FAILED');
    expect(codeOf(() => cipher.decrypt(cipher.encrypt(NOTE), { associatedData: 'job-1' }))).toBe('AUTHENTICATION_FAILED');
  });

  it('rejects malformed values without echoing them', () => {
    const sealed = cipher.encrypt(NOTE);
    const malformed = [
      NOTE,
      '',
      'v2' + sealed.slice(2),
      sealed + '.extra',
      withPart(sealed, 2, (part) => part.slice(2)),
      withPart(sealed, 3, (part) => `${part}A`),
      withPart(sealed, 4, (part) => `${part}!`),
      withPart(sealed, 1, () => 'bad id!'),
    ];
    for (const value of malformed) {
      let message = '';
      try {
        cipher.decrypt(value);
      } catch (error) {
        expect(error).toBeInstanceOf(EncryptionError);
        expect((error as EncryptionError).code).toBe('MALFORMED');
        message = (error as Error).message;
      }
      expect(message).toMatch(/malformed encrypted value/);
      expect(message).not.toContain('Jane');
    }
  });

  it('names the unknown key id clearly', () => {
    const other = createCipher({ key: randomBytes(32), keyId: 'elsewhere' }).encrypt(NOTE);
    expect(() => cipher.decrypt(other)).toThrow(/no key with id elsewhere/);
  });

  it('rejects bad keys and clashing key ids', () => {
    expect(codeOf(() => createCipher({ key: randomBytes(16), keyId: 'short' }))).toBe('INVALID_KEY');
    expect(codeOf(() => createCipher({ key: randomBytes(32), keyId: 'has.dot' }))).toBe('INVALID_KEY');
    expect(codeOf(() => createCipher({ ...current, previous: [{ key: randomBytes(32), keyId: 'current' }] }))).toBe('INVALID_KEY');
    expect(() => createCipher({ key: randomBytes(31), keyId: 'k' })).toThrow(/the encryption key must be exactly 32 bytes/);
  });
});
