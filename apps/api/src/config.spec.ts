import { MAX_TEXT_LENGTH } from '@icd/contracts';
import { describe, expect, it } from 'vitest';
import { hashApiKey } from './api-keys.js';
import { API_DEFAULTS, isLoopback, loadApiConfig } from './config.js';

describe('loadApiConfig', () => {
  it('has defaults for everything', () => {
    expect(loadApiConfig({})).toEqual(API_DEFAULTS);
    expect(API_DEFAULTS).toMatchObject({ port: 3000, redisUrl: 'redis://127.0.0.1:6379', maxDocumentChars: 100_000 });
  });

  it('reads the environment, treating empty variables as unset', () => {
    const config = loadApiConfig({ PORT: '0', QUEUE_LIMIT: '5', MAX_DOCUMENT_CHARS: '2000', REDIS_URL: '', QUEUE_PREFIX: 'tenant-a' });
    expect(config).toMatchObject({ port: 0, queueLimit: 5, maxDocumentChars: 2_000, redisUrl: API_DEFAULTS.redisUrl, queuePrefix: 'tenant-a' });
  });

  it('reads the batch, synchronous detection and metrics settings', () => {
    expect(API_DEFAULTS).toMatchObject({ syncMaxDocumentChars: 20_000, syncTimeoutMs: 10_000, metricsEnabled: true });
    const config = loadApiConfig({ MAX_BATCH_CHARS: '5000', SYNC_MAX_DOCUMENT_CHARS: '300', SYNC_TIMEOUT_MS: '250', METRICS_ENABLED: 'false' });
    expect(config).toMatchObject({ maxBatchChars: 5_000, syncMaxDocumentChars: 300, syncTimeoutMs: 250, metricsEnabled: false });
    expect(loadApiConfig({ METRICS_ENABLED: '1' }).metricsEnabled).toBe(true);
    expect(() => loadApiConfig({ METRICS_ENABLED: 'yes', SYNC_TIMEOUT_MS: '0' })).toThrow(/SYNC_TIMEOUT_MS.*METRICS_ENABLED|METRICS_ENABLED.*SYNC_TIMEOUT_MS/);
  });

  it('reads the retention period: 7 days unless RETENTION_SECONDS says otherwise', () => {
    expect(API_DEFAULTS.retentionSeconds).toBe(604_800);
    expect(loadApiConfig({ RETENTION_SECONDS: '60' }).retentionSeconds).toBe(60);
    expect(() => loadApiConfig({ RETENTION_SECONDS: '0' })).toThrow(/RETENTION_SECONDS/);
  });

  it('refuses a document limit above the contract maximum, and names every bad variable', () => {
    expect(() => loadApiConfig({ MAX_DOCUMENT_CHARS: String(MAX_TEXT_LENGTH + 1) })).toThrow(/MAX_DOCUMENT_CHARS/);
    expect(() => loadApiConfig({ PORT: 'http', QUEUE_PREFIX: 'a:b' })).toThrow(/PORT.*QUEUE_PREFIX/);
  });

  it('runs open local mode on loopback only, unless told the network is trusted', () => {
    expect(loadApiConfig({})).toMatchObject({ host: '127.0.0.1', apiKeys: [], authRequired: false });
    expect(loadApiConfig({ HOST: 'localhost' }).host).toBe('localhost');
    expect(() => loadApiConfig({ HOST: '0.0.0.0' })).toThrow(/HOST 0\.0\.0\.0 is not a loopback address.*API_KEYS/);
    expect(loadApiConfig({ HOST: '0.0.0.0', OPEN_MODE_ALLOW_REMOTE: 'true' }).host).toBe('0.0.0.0');
    expect(() => loadApiConfig({ AUTH_REQUIRED: 'true' })).toThrow(/AUTH_REQUIRED/);
    expect(['127.0.0.1', '127.3.2.1', '::1', 'localhost'].every(isLoopback)).toBe(true);
    expect(['0.0.0.0', '::', '10.0.0.1', 'example.org', '128.0.0.1'].some(isLoopback)).toBe(false);
  });

  it('reads API keys hashed, listens on every interface with them, and keeps no plaintext', () => {
    const key = 'icd10_0123456789abcdef0123456789abcdef';
    const config = loadApiConfig({ API_KEYS: `acme:${key}`, AUTH_REQUIRED: 'true' });
    expect(config.apiKeys).toEqual([expect.objectContaining({ tenant: 'acme', sha256: hashApiKey(key) })]);
    expect(config.host).toBe('0.0.0.0');
    expect(JSON.stringify(config)).not.toContain(key);
    expect(loadApiConfig({ API_KEYS_FILE: '/etc/icd10/keys.json' })).toMatchObject({ apiKeysFile: '/etc/icd10/keys.json', host: '0.0.0.0' });
    expect(() => loadApiConfig({ API_KEYS: 'acme' })).toThrow(/API_KEYS item 1/);
  });

  it('reads the rate limit, metrics auth and CORS settings', () => {
    expect(API_DEFAULTS).toMatchObject({ rateLimitPoints: 1_200, rateLimitWindowSeconds: 60, metricsRequireAuth: false, corsOrigins: [] });
    const config = loadApiConfig({ RATE_LIMIT_POINTS: '0', RATE_LIMIT_WINDOW_SECONDS: '10', METRICS_REQUIRE_AUTH: '1', CORS_ORIGINS: 'https://a.example, http://localhost:5173' });
    expect(config).toMatchObject({ rateLimitPoints: 0, rateLimitWindowSeconds: 10, metricsRequireAuth: true, corsOrigins: ['https://a.example', 'http://localhost:5173'] });
    for (const origins of ['*', 'https://a.example/', 'ftp://a.example', 'a.example']) {
      expect(() => loadApiConfig({ CORS_ORIGINS: origins }), origins).toThrow(/CORS_ORIGINS/);
    }
  });
});
