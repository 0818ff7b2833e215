/**
 * The encryption key of a local run (`npm start`) when ENCRYPTION_KEY is not set: made once with
 * random bytes and kept in `.local/encryption-key` (git-ignored, readable by its owner only), so
 * that what a persistent local Redis holds stays readable from one run to the next.
 */
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateEncryptionKey, parseEncryptionKeys } from '@icd/phi';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const LOCAL_KEY_FILE = path.join(ROOT, '.local', 'encryption-key');

export interface LocalKey {
  key: string;
  file: string;
  created: boolean;
}

/** The key in `file`, made first when there is none; never overwrites one (its data would be lost). */
export function ensureLocalEncryptionKey(file = LOCAL_KEY_FILE): LocalKey {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  let created = false;
  try {
    writeFileSync(file, `${generateEncryptionKey()}\n`, { flag: 'wx', mode: 0o600 });
    created = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  // Whoever widened its permissions, the key goes back to its owner only.
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  const key = readFileSync(file, 'utf8').trim();
  parseEncryptionKeys({ ENCRYPTION_KEY: key });
  return { key, file, created };
}
