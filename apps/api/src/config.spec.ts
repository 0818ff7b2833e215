import { MAX_TEXT_LENGTH } from '@icd/contracts';
import { describe, expect, it } from 'vitest';
import { API_DEFAULTS, loadApiConfig } from './config.js';

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

  it('refuses a document limit above the contract maximum, and names every bad variable', () => {
    expect(() => loadApiConfig({ MAX_DOCUMENT_CHARS: String(MAX_TEXT_LENGTH + 1) })).toThrow(/MAX_DOCUMENT_CHARS/);
    expect(() => loadApiConfig({ PORT: 'http', QUEUE_PREFIX: 'a:b' })).toThrow(/PORT.*QUEUE_PREFIX/);
  });
});
