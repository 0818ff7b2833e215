import { StoredDetectJobDataSchema, type DetectJobData } from '@icd/contracts';
import { TEST_ENCRYPTION_KEY, TEST_NEXT_ENCRYPTION_KEY } from '@icd/phi/testing';
import { describe, expect, it } from 'vitest';
import { ApiError } from './errors.js';
import { createJobCodec, requestFingerprintSource } from './job-codec.js';
import { jobDataFor } from './submission.js';
import { testSealer } from './testing/test-api.js';

const codec = createJobCodec(testSealer());
const NOTE = 'Patient: Jane Roe, MRN 4455667, seen 03/14/2024 for asthma. Call 555-867-5309.';

describe('JobCodec', () => {
  const data: DetectJobData = jobDataFor({ text: NOTE, externalId: 'visit-9', options: { minScore: 0.5, includeMentions: true } }, 'job-1', 'local');

  it('stores text and externalId sealed, and reads them back', () => {
    const stored = codec.encode(data);
    expect(StoredDetectJobDataSchema.parse(stored)).toEqual(stored);
    const json = JSON.stringify(stored);
    for (const secret of ['Jane', 'asthma', '4455667', 'visit-9']) expect(json).not.toContain(secret);
    expect(codec.decode('job-1', JSON.parse(json))).toEqual({ data, fingerprint: stored.fingerprint });
  });

  it('refuses a payload moved to another job, or sealed under a key it does not have, as job_unreadable', () => {
    const stored = codec.encode(data);
    const unreadable = (read: () => unknown) => {
      try {
        read();
      } catch (error) {
        expect(error).toBeInstanceOf(ApiError);
        expect((error as ApiError).status).toBe(500);
        expect((error as ApiError).code).toBe('job_unreadable');
        expect((error as ApiError).message).not.toContain('Jane');
        return;
      }
      throw new Error('expected job_unreadable');
    };
    unreadable(() => codec.decode('job-2', stored));
    unreadable(() => createJobCodec(testSealer(TEST_NEXT_ENCRYPTION_KEY)).decode('job-1', stored));
    unreadable(() => codec.decode('job-1', { ...data }));
  });

  it('opens stored values under a previous key after a rotation', () => {
    const stored = codec.encode(data);
    const withPrevious = createJobCodec(testSealer(TEST_NEXT_ENCRYPTION_KEY, TEST_ENCRYPTION_KEY));
    expect(withPrevious.decode('job-1', stored).data).toEqual(data);
    expect(withPrevious.isSameRequest(stored.fingerprint, data)).toBe(true);
  });

  it('redacts the text before sealing when the request asks, and fingerprints the request as sent', () => {
    const redacting = { ...data, options: { redact: true } };
    const stored = codec.encode(redacting);
    const { data: read } = codec.decode('job-1', stored);
    expect(read.text).toContain('[NAME]');
    expect(read.text).not.toContain('Jane');
    expect(read.text).not.toContain('4455667');
    expect(read.text).toContain('asthma');
    expect(codec.isSameRequest(stored.fingerprint, { text: NOTE, externalId: 'visit-9', options: { redact: true } })).toBe(true);
    expect(codec.isSameRequest(stored.fingerprint, { text: read.text, externalId: 'visit-9', options: { redact: true } })).toBe(false);
  });

  it('compares requests ignoring key order, and sees a different text, externalId or option', () => {
    const { fingerprint } = codec.encode(data);
    const same = (request: Parameters<typeof codec.isSameRequest>[1]) => codec.isSameRequest(fingerprint, request);
    expect(same({ options: { includeMentions: true, minScore: 0.5 }, externalId: 'visit-9', text: NOTE })).toBe(true);
    expect(same({ text: `${NOTE}.`, externalId: 'visit-9', options: { minScore: 0.5, includeMentions: true } })).toBe(false);
    expect(same({ text: NOTE, options: { minScore: 0.5, includeMentions: true } })).toBe(false);
    expect(same({ text: NOTE, externalId: 'visit-9', options: { minScore: 0.5 } })).toBe(false);
    expect(requestFingerprintSource({ text: 'a', options: { minScore: 1, includeMentions: true } })).toBe(
      requestFingerprintSource({ options: { includeMentions: true, minScore: 1 }, text: 'a' }),
    );
  });

  it('seals reviews and results bound to their job and field', () => {
    const review = { decisions: [{ code: 'J45.909', status: 'accepted' as const }] };
    const sealed = codec.encodeReview('job-1', review);
    expect(sealed).not.toContain('J45');
    expect(codec.decodeReview('job-1', sealed)).toEqual(review);
    expect(() => codec.decodeReview('job-2', sealed)).toThrow(ApiError);
    expect(() => codec.decodeResult('job-1', sealed)).toThrow(ApiError);
  });
});

