import { describe, expect, it } from 'vitest';
import { loadWorkerConfig } from './config.js';

describe('loadWorkerConfig', () => {
  it('has defaults for everything', () => {
    expect(loadWorkerConfig({})).toEqual({
      redisUrl: 'redis://127.0.0.1:6379',
      queuePrefix: 'bull',
      concurrency: 2,
      retentionSeconds: 604_800,
      maxRetainedJobs: 100_000,
      lockDurationMs: 30_000,
      stalledIntervalMs: 30_000,
      maxStalledCount: 1,
      logLevel: 'info',
    });
  });

  it('reads the environment, treating empty variables as unset', () => {
    const config = loadWorkerConfig({ REDIS_URL: 'redis://redis:6380/1', WORKER_CONCURRENCY: '4', RETENTION_SECONDS: '60', LOG_LEVEL: '' });
    expect(config).toMatchObject({ redisUrl: 'redis://redis:6380/1', concurrency: 4, retentionSeconds: 60, logLevel: 'info' });
  });

  it('reads the stalled-job settings', () => {
    const config = loadWorkerConfig({ WORKER_LOCK_DURATION_MS: '2000', WORKER_STALLED_INTERVAL_MS: '1000', WORKER_MAX_STALLED_COUNT: '0' });
    expect(config).toMatchObject({ lockDurationMs: 2_000, stalledIntervalMs: 1_000, maxStalledCount: 0 });
    expect(() => loadWorkerConfig({ WORKER_LOCK_DURATION_MS: '10' })).toThrow(/WORKER_LOCK_DURATION_MS/);
  });

  it('names every invalid variable', () => {
    expect(() => loadWorkerConfig({ WORKER_CONCURRENCY: '0', REDIS_URL: 'http://x' })).toThrow(/WORKER_CONCURRENCY.*REDIS_URL|REDIS_URL.*WORKER_CONCURRENCY/);
  });
});
