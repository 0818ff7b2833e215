import { describe, expect, it } from 'vitest';
import type { DetectJobData } from './detect-job.js';
import {
  DELETED_JOB_DATA,
  StoredDetectJobDataSchema,
  StoredJobDataError,
  isDeletedJobData,
  openDetectJobData,
  sealDetectJobData,
  type OpenField,
  type SealField,
} from './stored-job.js';

// A reversible stand-in for encryption that records which field each value was sealed as.
const seal: SealField = (plaintext, field) => `${field}:${Buffer.from(plaintext).toString('base64')}`;
const open: OpenField = (sealed, field) => {
  if (!sealed.startsWith(`${field}:`)) throw new Error('wrong field');
  return Buffer.from(sealed.slice(field.length + 1), 'base64').toString();
};

const data: DetectJobData = {
  text: 'Patient: Jane Roe. COPD.',
  externalId: 'MRN-12345',
  options: { includeMentions: true, redact: false },
  requestId: 'job-1',
  submittedAt: '2025-11-27T09:30:00.000Z',
};

describe('sealDetectJobData / openDetectJobData', () => {
  it('keeps text and externalId only in the sealed document, and opens back to the payload', () => {
    const stored = sealDetectJobData(data, 'k.fp', seal);
    expect(StoredDetectJobDataSchema.parse(stored)).toEqual(stored);
    expect(Object.keys(stored).sort()).toEqual(['document', 'fingerprint', 'options', 'requestId', 'submittedAt']);
    expect(JSON.stringify(stored)).not.toContain('Jane');
    expect(JSON.stringify(stored)).not.toContain('MRN-12345');
    expect(openDetectJobData(JSON.parse(JSON.stringify(stored)), open)).toEqual({ data, fingerprint: 'k.fp' });
  });

  it('round-trips a payload without externalId or options', () => {
    const minimal = { text: 'Asthma.', requestId: 'job-2', submittedAt: data.submittedAt };
    expect(openDetectJobData(sealDetectJobData(minimal, 'fp', seal), open).data).toEqual(minimal);
  });

  it('refuses another shape, naming fields and never values', () => {
    const attempt = () => openDetectJobData({ requestId: 'x', submittedAt: 'Jane Roe', text: 'Jane Roe' }, open);
    expect(attempt).toThrow(StoredJobDataError);
    expect(attempt).toThrow(/^invalid job data: .*submittedAt.*document/);
    try {
      attempt();
    } catch (error) {
      expect((error as Error).message).not.toContain('Jane');
    }
    const notJson = { ...sealDetectJobData(data, 'fp', seal), document: seal('Jane', 'document') };
    expect(() => openDetectJobData(notJson, open)).toThrow('invalid job data: document: not JSON');
  });

  it('lets errors of the opener through (a value sealed for another field, say)', () => {
    const moved = { ...sealDetectJobData(data, 'fp', seal), document: seal('{}', 'review') };
    expect(() => openDetectJobData(moved, open)).toThrow('wrong field');
  });

  it('recognises the payload of a deleted job', () => {
    expect(isDeletedJobData(DELETED_JOB_DATA)).toBe(true);
    expect(isDeletedJobData(JSON.parse(JSON.stringify(DELETED_JOB_DATA)))).toBe(true);
    expect(isDeletedJobData(sealDetectJobData(data, 'fp', seal))).toBe(false);
    expect(isDeletedJobData(null)).toBe(false);
  });
});
