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

  it('refuses a document limit above the contract maximum, and names every bad variable', () => {
    expect(() => loadApiConfig({ MAX_DOCUMENT_CHARS: String(MAX_TEXT_LENGTH + 1) })).toThrow(/MAX_DOCUMENT_CHARS/);
    expect(() => loadApiConfig({ PORT: 'http', QUEUE_PREFIX: 'a:b' })).toThrow(/PORT.*QUEUE_PREFIX/);
  });
});
