import { describe, expect, it } from 'vitest';
import { DetectionOptionsSchema, DetectionRequestSchema, MAX_TEXT_LENGTH } from './detection-request.js';

describe('DetectionRequestSchema', () => {
  it('round-trips a full request through JSON', () => {
    const request = {
      text: 'Assessment: HTN.',
      externalId: 'enc-42',
      options: { includeMentions: true, minScore: 0.3, sections: ['assessment'], setting: 'inpatient' },
    };
    expect(DetectionRequestSchema.parse(JSON.parse(JSON.stringify(request)))).toEqual(request);
  });

  it('accepts the bare minimum, including empty text', () => {
    expect(DetectionRequestSchema.parse({ text: '' })).toEqual({ text: '' });
  });

  it('rejects unknown keys so that typos surface', () => {
    expect(DetectionRequestSchema.safeParse({ text: 'x', option: {} }).success).toBe(false);
    expect(DetectionOptionsSchema.safeParse({ minscore: 0.5 }).success).toBe(false);
  });

  it('takes an outpatient or inpatient setting, and nothing else', () => {
    expect(DetectionOptionsSchema.parse({ setting: 'outpatient' })).toEqual({ setting: 'outpatient' });
    expect(DetectionOptionsSchema.safeParse({ setting: 'emergency' }).success).toBe(false);
    expect(DetectionOptionsSchema.safeParse({ setting: 'Inpatient' }).success).toBe(false);
  });

  it('rejects a minScore outside [0, 1] and text over the limit', () => {
    expect(DetectionOptionsSchema.safeParse({ minScore: 2 }).success).toBe(false);
    expect(DetectionRequestSchema.safeParse({ text: 'x'.repeat(MAX_TEXT_LENGTH + 1) }).success).toBe(false);
  });
});
