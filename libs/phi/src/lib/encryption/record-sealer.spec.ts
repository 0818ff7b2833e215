import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EncryptionError } from './cipher.js';
import { parseEncryptionKeys } from './keys.js';
import { createRecordSealer } from './record-sealer.js';

const keyA = randomBytes(32).toString('base64');
const keyB = randomBytes(32).toString('base64');
const sealerWith = (current: string, previous?: string) =>
  createRecordSealer(parseEncryptionKeys({ ENCRYPTION_KEY: current, ENCRYPTION_KEY_PREVIOUS: previous })!);

const NOTE = 'Patient: Jane Roe, DOB 03/15/1961. Type 2 diabetes.';
const binding = { record: 'job-1', field: 'document' };

describe('createRecordSealer', () => {
  it('seals a field so that only its own record and field open it', () => {
    const sealer = sealerWith(keyA);
    const sealed = sealer.seal(NOTE, binding);
    expect(sealed).not.toContain('Jane');
    expect(sealed.startsWith(`v1.${sealer.keyId}.`)).toBe(true);
    expect(sealer.open(sealed, binding)).toBe(NOTE);
    expect(() => sealer.open(sealed, { record: 'job-2', field: 'document' })).toThrow(EncryptionError);
    expect(() => sealer.open(sealed, { record: 'job-1', field: 'result' })).toThrow(/failed authentication/);
    // The binding cannot be shifted between its two parts.
    const shifted = sealer.seal(NOTE, { record: 'job-1d', field: 'ocument' });
    expect(() => sealer.open(shifted, binding)).toThrow(EncryptionError);
  });

  it('opens values sealed under a previous key and seals new ones under the current key', () => {
    const before = sealerWith(keyA);
    const sealed = before.seal(NOTE, binding);
    const after = sealerWith(keyB, keyA);
    expect(after.open(sealed, binding)).toBe(NOTE);
    expect(after.keyIdOf(after.seal(NOTE, binding))).toBe(after.keyId);
    expect(after.keyId).not.toBe(before.keyId);
    expect(() => sealerWith(keyB).open(sealed, binding)).toThrow(/no key with id/);
  });

  it('fingerprints values with a key, tagged with its id, and checks them across a rotation', () => {
    const before = sealerWith(keyA);
    const fingerprint = before.fingerprint(NOTE);
    expect(fingerprint).toMatch(new RegExp(`^${before.keyId}\\.[\\w-]{43}$`));
    expect(fingerprint).toBe(before.fingerprint(NOTE));
    expect(sealerWith(keyB).fingerprint(NOTE)).not.toBe(fingerprint.replace(before.keyId, sealerWith(keyB).keyId));
    expect(before.matchesFingerprint(NOTE, fingerprint)).toBe(true);
    expect(before.matchesFingerprint(`${NOTE} `, fingerprint)).toBe(false);
    expect(sealerWith(keyB, keyA).matchesFingerprint(NOTE, fingerprint)).toBe(true);
    expect(sealerWith(keyB).matchesFingerprint(NOTE, fingerprint)).toBe(false);
    for (const malformed of ['', 'x', `${before.keyId}.`, `${fingerprint}.x`, fingerprint.slice(0, -1)]) {
      expect(before.matchesFingerprint(NOTE, malformed)).toBe(false);
    }
  });
});
