import { describe, expect, it } from 'vitest';
import { sampleResult } from './__fixtures__/sample-result.js';
import { MentionSchema } from './mention.js';

describe('MentionSchema', () => {
  it('round-trips through JSON', () => {
    for (const mention of sampleResult().mentions) {
      expect(MentionSchema.parse(JSON.parse(JSON.stringify(mention)))).toEqual(mention);
    }
  });

  it('requires an assertion with every flag', () => {
    const mention = { ...sampleResult().mentions[0], assertion: { negated: true } };
    expect(MentionSchema.safeParse(mention).success).toBe(false);
  });

  it('rejects text of the wrong length', () => {
    const mention = { ...sampleResult().mentions[0], text: 'chest' };
    expect(MentionSchema.safeParse(mention).success).toBe(false);
  });
});
