import { describe, expect, it } from 'vitest';
import { EvidenceSchema } from './evidence.js';

describe('EvidenceSchema', () => {
  it('round-trips through JSON, with and without a section', () => {
    for (const value of [
      { begin: 5, end: 9, text: 'T2DM', section: 'past_medical_history' },
      { begin: 0, end: 0, text: '', section: null },
    ]) {
      expect(EvidenceSchema.parse(JSON.parse(JSON.stringify(value)))).toEqual(value);
    }
  });

  it('rejects inverted spans and text of the wrong length', () => {
    expect(EvidenceSchema.safeParse({ begin: 9, end: 5, text: 'T2DM', section: null }).success).toBe(false);
    expect(EvidenceSchema.safeParse({ begin: 5, end: 8, text: 'T2DM', section: null }).success).toBe(false);
  });

  it('rejects negative and fractional offsets', () => {
    expect(EvidenceSchema.safeParse({ begin: -1, end: 3, text: 'abcd', section: null }).success).toBe(false);
    expect(EvidenceSchema.safeParse({ begin: 0.5, end: 4.5, text: 'abcd', section: null }).success).toBe(false);
  });
});
