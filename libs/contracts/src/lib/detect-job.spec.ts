import { describe, expect, it } from 'vitest';
import { DETECT_JOB, DETECT_QUEUE, DetectJobDataSchema } from './detect-job.js';

describe('DetectJobDataSchema', () => {
  const job = {
    text: 'PMH: COPD.',
    externalId: 'enc-1',
    options: { includeMentions: false },
    requestId: '3b241101-e2bb-4255-8caf-4136c566a962',
    submittedAt: '2025-11-27T09:30:00.000Z',
  };

  it('round-trips through JSON', () => {
    expect(DetectJobDataSchema.parse(JSON.parse(JSON.stringify(job)))).toEqual(job);
  });

  it('requires requestId and an ISO submittedAt', () => {
    expect(DetectJobDataSchema.safeParse({ ...job, requestId: '' }).success).toBe(false);
    expect(DetectJobDataSchema.safeParse({ ...job, submittedAt: 'yesterday' }).success).toBe(false);
  });

  it('names the queue and job', () => {
    expect(DETECT_QUEUE).toBe('icd-detect');
    expect(DETECT_JOB).toBe('detect');
  });
});
