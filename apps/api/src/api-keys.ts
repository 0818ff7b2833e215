/**
 * API keys: who may call `/v1`, and for which tenant. Only SHA-256 hashes of keys are ever held:
 * the keys file contains nothing but hashes, and keys given in `API_KEYS` are hashed as they are
 * read. A key is a long random secret (see `icd10 apikey create`), so an unsalted fast hash is
 * enough: there is nothing to guess from it, unlike a password.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** Tenant names and key ids: safe in log lines, Redis keys and job ids. */
export const NAME_PATTERN = /^[\w.-]{1,64}$/;

const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 digest as 64 lowercase hex digits');

/** One entry of the keys file (`API_KEYS_FILE`): a JSON array of these. */
export const ApiKeyEntrySchema = z.strictObject({
  /** Public name of the key, logged and audited (never the key itself). */
  id: z.string().regex(NAME_PATTERN, 'letters, digits, _ . - (1-64)'),
  tenant: z.string().regex(NAME_PATTERN, 'letters, digits, _ . - (1-64)'),
  sha256: Sha256Hex,
  /** A revoked key is refused with 401 `revoked_api_key`; kept in the file so that the refusal says so. */
  revoked: z.boolean().default(false),
  /** Free text for operators (whose key, what for). */
  note: z.string().max(500).optional(),
  /** When `icd10 apikey create` made it. */
  createdAt: z.iso.datetime().optional(),
});

export type ApiKeyEntry = z.infer<typeof ApiKeyEntrySchema>;

const ApiKeyFileSchema = z.array(ApiKeyEntrySchema);

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** What a presented key turned out to be. */
export type KeyCheck = { status: 'valid'; entry: ApiKeyEntry } | { status: 'revoked'; entry: ApiKeyEntry } | { status: 'unknown' };

export interface ApiKeyStore {
  /** How many keys (revoked ones included) are configured. */
  readonly size: number;
  check(key: string): KeyCheck;
  /** Swaps in a new set of keys (a reloaded file): requests after this see only the new ones. */
  replace(entries: readonly ApiKeyEntry[]): void;
}

/**
 * The store over the given entries. Every entry's hash is compared with `timingSafeEqual`, without
 * stopping at a match, so the time taken says nothing about which hash (or how much of it) matched.
 */
export function createApiKeyStore(initial: readonly ApiKeyEntry[]): ApiKeyStore {
  const digestsOf = (entries: readonly ApiKeyEntry[]) => entries.map((entry) => ({ entry, digest: Buffer.from(entry.sha256, 'hex') }));
  let hashes = digestsOf(initial);
  return {
    get size() {
      return hashes.length;
    },
    check(key) {
      const presented = createHash('sha256').update(key, 'utf8').digest();
      let found: ApiKeyEntry | undefined;
      for (const { entry, digest } of hashes) {
        if (timingSafeEqual(presented, digest) && !found) found = entry;
      }
      if (!found) return { status: 'unknown' };
      return found.revoked ? { status: 'revoked', entry: found } : { status: 'valid', entry: found };
    },
    replace(entries) {
      hashes = digestsOf(entries);
    },
  };
}

/**
 * `API_KEYS=tenantA:keyA,tenantB:keyB`: each key hashed here, so that only the hash outlives this
 * call. Key ids are `env-` and the first 12 hex digits of the hash: stable across restarts and
 * reorderings, and of no use for guessing the key.
 */
export function parseApiKeysEnv(value: string): ApiKeyEntry[] {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '')
    .map((item, index) => {
      const colon = item.indexOf(':');
      const tenant = colon > 0 ? item.slice(0, colon) : '';
      const key = colon > 0 ? item.slice(colon + 1) : '';
      // The message names the position only: the item holds a secret.
      if (!NAME_PATTERN.test(tenant)) throw new Error(`API_KEYS item ${index + 1}: expected tenant:key with a tenant of letters, digits, _ . -`);
      if (key.length < 16) throw new Error(`API_KEYS item ${index + 1}: the key must have at least 16 characters`);
      const sha256 = hashApiKey(key);
      return { id: `env-${sha256.slice(0, 12)}`, tenant, sha256, revoked: false };
    });
}

/** The entries of a keys file; throws naming the file and the problems (never key material: it holds none). */
export function readApiKeyFile(file: string): ApiKeyEntry[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`API_KEYS_FILE ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = ApiKeyFileSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(file)'}: ${issue.message}`);
    throw new Error(`API_KEYS_FILE ${file}: ${problems.join('; ')}`);
  }
  const ids = parsed.data.map((entry) => entry.id);
  const duplicate = ids.find((id, index) => ids.indexOf(id) !== index);
  if (duplicate) throw new Error(`API_KEYS_FILE ${file}: key id ${duplicate} appears twice`);
  return parsed.data;
}

/** The keys of a configuration: the file's (read now) and the environment's (already hashed). */
export function loadApiKeys(config: { apiKeysFile?: string; apiKeys: readonly ApiKeyEntry[] }): ApiKeyEntry[] {
  const fromFile = config.apiKeysFile === undefined ? [] : readApiKeyFile(config.apiKeysFile);
  return [...fromFile, ...config.apiKeys];
}
