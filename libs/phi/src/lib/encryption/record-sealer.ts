/**
 * Encryption of the fields of stored records (a job's document, result, review) on top of
 * {@link createCipher}: each value is bound to its record id and field name through the GCM
 * additional data, so a ciphertext copied to another record or field fails to open. Also keyed
 * fingerprints, so that a stored request can be compared with a new one without keeping (or
 * decrypting) its text.
 */
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { createCipher, type CipherOptions, type EncryptionKey } from './cipher.js';

/** Which stored value a ciphertext belongs to. */
export interface FieldBinding {
  /** The record's id, e.g. the job id. */
  readonly record: string;
  /** The field within the record, e.g. `document`. */
  readonly field: string;
}

/** Seals and opens the fields of records with one key ring. */
export interface RecordSealer {
  /** Id of the key new values are sealed with. */
  readonly keyId: string;
  seal(plaintext: string, binding: FieldBinding): string;
  /** Throws `EncryptionError` for an unknown key id, a tampered value, or another binding. */
  open(sealed: string, binding: FieldBinding): string;
  /** The key id a sealed value names (to find values still sealed with an old key). */
  keyIdOf(sealed: string): string;
  /** A keyed digest of `value` under the current key, tagged with its key id: `<keyId>.<digest>`. */
  fingerprint(value: string): string;
  /**
   * True when `fingerprint` is the digest of `value` under the key it names; false for another
   * value, a malformed fingerprint, or a key no longer in the ring.
   */
  matchesFingerprint(value: string, fingerprint: string): boolean;
}

/** Separate keys for digests: the encryption key itself is never used for two purposes. */
const FINGERPRINT_INFO = 'icd-phi-record-fingerprint/v1';

function fingerprintKey(key: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), FINGERPRINT_INFO, 32));
}

/** Unambiguous for any record id and field name (neither can end one and start the other). */
function associatedData({ record, field }: FieldBinding): string {
  return JSON.stringify(['record-field', record, field]);
}

/** A sealer over the current key (which seals) and the previous ones (which still open). */
export function createRecordSealer(keys: CipherOptions): RecordSealer {
  const cipher = createCipher(keys);
  const digestKeys = new Map<string, Buffer>(
    [keys, ...(keys.previous ?? [])].map((entry: EncryptionKey) => [entry.keyId, fingerprintKey(entry.key)]),
  );
  const digest = (key: Buffer, value: string) => createHmac('sha256', key).update(value, 'utf8').digest('base64url');
  return {
    keyId: cipher.keyId,
    seal: (plaintext, binding) => cipher.encrypt(plaintext, { associatedData: associatedData(binding) }),
    open: (sealed, binding) => cipher.decrypt(sealed, { associatedData: associatedData(binding) }),
    keyIdOf: (sealed) => cipher.keyIdOf(sealed),
    fingerprint: (value) => `${cipher.keyId}.${digest(digestKeys.get(cipher.keyId)!, value)}`,
    matchesFingerprint: (value, fingerprint) => {
      const [keyId, expected, extra] = fingerprint.split('.');
      const key = digestKeys.get(keyId);
      if (!key || expected === undefined || extra !== undefined) return false;
      const actual = Buffer.from(digest(key, value));
      const wanted = Buffer.from(expected);
      return actual.length === wanted.length && timingSafeEqual(actual, wanted);
    },
  };
}
