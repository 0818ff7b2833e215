import { describe, expect, it } from 'vitest';
import { sampleResult } from './__fixtures__/sample-result.js';
import { DetectionResultSchema } from './detection-result.js';

describe('DetectionResultSchema', () => {
  it('round-trips through JSON', () => {
    const result = sampleResult();
    expect(DetectionResultSchema.parse(JSON.parse(JSON.stringify(result)))).toEqual(result);
  });

  it('accepts an empty result for an empty document', () => {
    const empty = { ...sampleResult(), documentLength: 0, codes: [], mentions: [] };
    expect(DetectionResultSchema.parse(empty)).toEqual(empty);
  });

  it('rejects another schema version or code system', () => {
    expect(DetectionResultSchema.safeParse({ ...sampleResult(), schemaVersion: 2 }).success).toBe(false);
    const icd10 = { ...sampleResult(), terminology: { system: 'ICD-10', version: '2019' } };
    expect(DetectionResultSchema.safeParse(icd10).success).toBe(false);
  });

  it('rejects spans that end after documentLength and names where', () => {
    const parsed = DetectionResultSchema.safeParse({ ...sampleResult(), documentLength: 10 });
    expect(parsed.success).toBe(false);
    const paths = parsed.error?.issues.map((issue) => issue.path.join('.'));
    expect(paths).toContain('codes.0.evidence.1.end');
    expect(paths).toContain('mentions.0.end');
  });
});
