import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApiKeyStore, hashApiKey, loadApiKeys, parseApiKeysEnv, readApiKeyFile, type ApiKeyEntry } from './api-keys.js';

const KEY_A = 'icd10_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
const KEY_B = 'icd10_bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb';
const entry = (id: string, tenant: string, key: string, revoked = false): ApiKeyEntry => ({ id, tenant, sha256: hashApiKey(key), revoked });

describe('createApiKeyStore', () => {
  it('finds a key by its hash, tells a revoked key apart, and knows nothing of others', () => {
    const store = createApiKeyStore([entry('a1', 'acme', KEY_A), entry('b1', 'globex', KEY_B, true)]);
    expect(store.size).toBe(2);
    expect(store.check(KEY_A)).toEqual({ status: 'valid', entry: expect.objectContaining({ id: 'a1', tenant: 'acme' }) });
    expect(store.check(KEY_B)).toEqual({ status: 'revoked', entry: expect.objectContaining({ id: 'b1' }) });
    expect(store.check(`${KEY_A}x`)).toEqual({ status: 'unknown' });
    expect(store.check('')).toEqual({ status: 'unknown' });
  });

  it('swaps in a new set of keys', () => {
    const store = createApiKeyStore([entry('a1', 'acme', KEY_A)]);
    store.replace([entry('a1', 'acme', KEY_A, true)]);
    expect(store.check(KEY_A).status).toBe('revoked');
    store.replace([]);
    expect(store.size).toBe(0);
    expect(store.check(KEY_A).status).toBe('unknown');
  });
});

describe('parseApiKeysEnv', () => {
  it('hashes each tenant:key pair and keeps no plaintext', () => {
    const entries = parseApiKeysEnv(` acme:${KEY_A}, globex:${KEY_B} ,`);
    expect(entries).toEqual([
      { id: `env-${hashApiKey(KEY_A).slice(0, 12)}`, tenant: 'acme', sha256: hashApiKey(KEY_A), revoked: false },
      { id: `env-${hashApiKey(KEY_B).slice(0, 12)}`, tenant: 'globex', sha256: hashApiKey(KEY_B), revoked: false },
    ]);
    expect(JSON.stringify(entries)).not.toContain(KEY_A);
    // A colon inside the key belongs to the key.
    expect(parseApiKeysEnv(`acme:${KEY_A}:x`)[0].sha256).toBe(hashApiKey(`${KEY_A}:x`));
  });

  it('refuses malformed items without quoting the key', () => {
    for (const bad of [KEY_A, `:${KEY_A}`, `acme corp:${KEY_A}`, 'acme:short']) {
      let message = '';
      try {
        parseApiKeysEnv(bad);
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message, bad).toMatch(/^API_KEYS item 1: /);
      expect(message).not.toContain('aaaa');
      expect(message).not.toContain('short');
    }
  });
});

describe('readApiKeyFile', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });
  const write = (content: string) => {
    dir ??= mkdtempSync(path.join(tmpdir(), 'api-keys-'));
    const file = path.join(dir, 'keys.json');
    writeFileSync(file, content);
    return file;
  };

  it('reads entries, revoked defaulting to false, and merges them with the environment', () => {
    const file = write(JSON.stringify([{ id: 'k1', tenant: 'acme', sha256: hashApiKey(KEY_A), note: 'ci', createdAt: '2026-01-01T00:00:00.000Z' }]));
    expect(readApiKeyFile(file)).toEqual([{ id: 'k1', tenant: 'acme', sha256: hashApiKey(KEY_A), revoked: false, note: 'ci', createdAt: '2026-01-01T00:00:00.000Z' }]);
    const all = loadApiKeys({ apiKeysFile: file, apiKeys: parseApiKeysEnv(`globex:${KEY_B}`) });
    expect(all.map((item) => item.tenant)).toEqual(['acme', 'globex']);
  });

  it.each([
    ['not JSON', '[{', /API_KEYS_FILE .*keys\.json: /],
    ['not an array', '{}', /\(file\)/],
    ['a plaintext key instead of a hash', JSON.stringify([{ id: 'k1', tenant: 'acme', sha256: KEY_A }]), /0\.sha256/],
    ['an unknown field', JSON.stringify([{ id: 'k1', tenant: 'acme', sha256: hashApiKey(KEY_A), key: KEY_A }]), /0/],
    ['a duplicate id', JSON.stringify([entry('k1', 'acme', KEY_A), entry('k1', 'globex', KEY_B)]), /k1 appears twice/],
  ])('refuses a file with %s', (_case, content, message) => {
    expect(() => readApiKeyFile(write(content))).toThrow(message);
  });
});
