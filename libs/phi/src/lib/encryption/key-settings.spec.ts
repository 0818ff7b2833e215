import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EncryptionError } from './cipher.js';
import { describeEncryptionSettings, loadEncryptionSettings } from './key-settings.js';
import { parseEncryptionKeys } from './keys.js';

const key = randomBytes(32).toString('base64');

describe('loadEncryptionSettings', () => {
  it('uses the configured keys', () => {
    const settings = loadEncryptionSettings({ ENCRYPTION_KEY: key, INSECURE_DEV_ENCRYPTION_KEY: 'true' });
    expect(settings.insecureDevelopmentKey).toBe(false);
    expect(settings.keys.keyId).toBe(parseEncryptionKeys({ ENCRYPTION_KEY: key })!.keyId);
  });

  it('refuses to go on without a key, saying what to set and never falling back silently', () => {
    for (const env of [{}, { ENCRYPTION_KEY: ' ' }, { INSECURE_DEV_ENCRYPTION_KEY: 'false' }, { INSECURE_DEV_ENCRYPTION_KEY: 'yes please' }]) {
      expect(() => loadEncryptionSettings(env)).toThrow(EncryptionError);
    }
    expect(() => loadEncryptionSettings({})).toThrow(/ENCRYPTION_KEY is not set.*openssl rand -base64 32.*INSECURE_DEV_ENCRYPTION_KEY=true/);
  });

  it('accepts the development key only when asked explicitly, and it is the same in every process', () => {
    const first = loadEncryptionSettings({ INSECURE_DEV_ENCRYPTION_KEY: 'true' });
    const second = loadEncryptionSettings({ INSECURE_DEV_ENCRYPTION_KEY: '1' });
    expect(first.insecureDevelopmentKey).toBe(true);
    expect(first.keys.key.equals(second.keys.key)).toBe(true);
    expect(first.keys.keyId).toBe(second.keys.keyId);
  });

  it('still rejects a malformed key rather than falling back to the development key', () => {
    expect(() => loadEncryptionSettings({ ENCRYPTION_KEY: 'short', INSECURE_DEV_ENCRYPTION_KEY: 'true' })).toThrow(/is not base64|decodes to/);
  });
});

describe('describeEncryptionSettings', () => {
  it('gives key ids, never keys, and warns about the development key', () => {
    const settings = loadEncryptionSettings({ ENCRYPTION_KEY: key, ENCRYPTION_KEY_PREVIOUS: randomBytes(32).toString('base64') });
    const described = describeEncryptionSettings(settings);
    expect(described).toEqual({ keyId: settings.keys.keyId, previousKeyIds: [settings.keys.previous![0].keyId] });
    expect(JSON.stringify(described)).not.toContain(key);
    expect(describeEncryptionSettings(loadEncryptionSettings({ INSECURE_DEV_ENCRYPTION_KEY: 'true' })).warning).toMatch(/NOT protected/);
  });
});
