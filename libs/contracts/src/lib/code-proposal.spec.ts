import { describe, expect, it } from 'vitest';
import { sampleResult } from './__fixtures__/sample-result.js';
import { CodeProposalSchema, MAX_ALTERNATIVES } from './code-proposal.js';

describe('CodeProposalSchema', () => {
  it('round-trips through JSON', () => {
    const proposal = sampleResult().codes[0];
    expect(CodeProposalSchema.parse(JSON.parse(JSON.stringify(proposal)))).toEqual(proposal);
  });

  it('requires at least one evidence span', () => {
    const proposal = { ...sampleResult().codes[0], evidence: [] };
    expect(CodeProposalSchema.safeParse(proposal).success).toBe(false);
  });

  it(`allows at most ${MAX_ALTERNATIVES} alternatives`, () => {
    const alternative = { code: 'E11.9', title: 'Type 2 diabetes mellitus without complications', score: 0.1 };
    const proposal = { ...sampleResult().codes[0], alternatives: Array(MAX_ALTERNATIVES + 1).fill(alternative) };
    expect(CodeProposalSchema.safeParse(proposal).success).toBe(false);
  });

  it('rejects an undotted code', () => {
    expect(CodeProposalSchema.safeParse({ ...sampleResult().codes[0], code: 'E1122' }).success).toBe(false);
  });
});
