/**
 * The encryption policy of a process that stores PHI: a configured key, or an explicit opt-in to a
 * fixed development key; never silently unencrypted, never silently an ephemeral key (which the
 * other processes sharing the store would not have).
 */
import { createHash } from 'node:crypto';
import { EncryptionError, type CipherOptions } from './cipher.js';
import { deriveKeyId, parseEncryptionKeys, type EncryptionEnv } from './keys.js';

/** The variable that accepts the development key when ENCRYPTION_KEY is unset. */
export const INSECURE_DEV_KEY_VARIABLE = 'INSECURE_DEV_ENCRYPTION_KEY';

/** The environment read by {@link loadEncryptionSettings}. */
export interface EncryptionSettingsEnv extends EncryptionEnv {
  readonly INSECURE_DEV_ENCRYPTION_KEY?: string;
}

/** The keys a process encrypts with, and whether they are the public development key. */
export interface EncryptionSettings {
  readonly keys: CipherOptions;
  /** True when no key was configured and the development key was accepted: nothing is protected. */
  readonly insecureDevelopmentKey: boolean;
}

/**
 * A fixed key that anyone can compute from this source: it keeps one code path (values are still
 * sealed, bound to their record and tagged with a key id) without pretending to protect anything.
 */
function developmentKey(): CipherOptions {
  const key = createHash('sha256').update('icd-phi insecure development key, public, never for PHI').digest();
  return { key, keyId: deriveKeyId(key), previous: [] };
}

const FLAG_ON = new Set(['true', '1']);

/**
 * ENCRYPTION_KEY (and ENCRYPTION_KEY_PREVIOUS) when set; otherwise the development key when
 * INSECURE_DEV_ENCRYPTION_KEY is `true`; otherwise an {@link EncryptionError} saying what to set.
 * Messages never show a key.
 */
export function loadEncryptionSettings(env: EncryptionSettingsEnv): EncryptionSettings {
  const keys = parseEncryptionKeys(env);
  if (keys) return { keys, insecureDevelopmentKey: false };
  if (FLAG_ON.has((env.INSECURE_DEV_ENCRYPTION_KEY ?? '').trim().toLowerCase())) {
    return { keys: developmentKey(), insecureDevelopmentKey: true };
  }
  throw new EncryptionError(
    'INVALID_KEY',
    'ENCRYPTION_KEY is not set: set it to the base64 of 32 random bytes (`openssl rand -base64 32`), the same for the API and ' +
      `every worker (\`npm start\` makes one for you); for a throwaway local setup only, ${INSECURE_DEV_KEY_VARIABLE}=true ` +
      'uses a fixed, public key that protects nothing',
  );
}

/** What a process may log about its keys: their ids (never the keys), and a warning for the development key. */
export function describeEncryptionSettings({ keys, insecureDevelopmentKey }: EncryptionSettings): {
  keyId: string;
  previousKeyIds: string[];
  warning?: string;
} {
  return {
    keyId: keys.keyId,
    previousKeyIds: (keys.previous ?? []).map((key) => key.keyId),
    ...(insecureDevelopmentKey && {
      warning: `${INSECURE_DEV_KEY_VARIABLE}: stored documents are encrypted with a public development key and are NOT protected`,
    }),
  };
}
