import { describe, expect, it } from 'vitest';
import { bodyLimitBytes, jobIdFor } from './submission.js';

describe('jobIdFor', () => {
  it('derives a stable id from tenant and Idempotency-Key, and a fresh one without a key', () => {
    expect(jobIdFor('local', 'k1')).toBe(jobIdFor('local', 'k1'));
    expect(jobIdFor('local', 'k1')).not.toBe(jobIdFor('other', 'k1'));
    expect(jobIdFor('local', 'k1')).not.toBe(jobIdFor('local', 'k2'));
    expect(jobIdFor('local', undefined)).not.toBe(jobIdFor('local', undefined));
  });

  it('only makes ids BullMQ accepts as custom job ids', () => {
    for (const id of [jobIdFor('local', 'a:b'), jobIdFor('local', undefined)]) {
      expect(id).toMatch(/^[\w-]{1,128}$/);
      expect(id).not.toMatch(/^\d+$/);
    }
  });
});

describe('bodyLimitBytes', () => {
  it('leaves room for a fully escaped JSON document of the largest size', () => {
    const text = '\u0001'.repeat(1_000);
    expect(Buffer.byteLength(JSON.stringify({ text }))).toBeLessThanOrEqual(bodyLimitBytes(1_000));
  });
});
