import { describe, expect, it } from 'vitest';
import * as contracts from './index.js';

describe('contracts public API (src/index.ts)', () => {
  it('exposes schemas, constants and helpers', () => {
    expect(contracts.DETECT_QUEUE).toBe('icd-detect');
    expect(contracts.DETECT_JOB).toBe('detect');
    expect(contracts.DETECTION_SCHEMA_VERSION).toBe(1);
    expect(typeof contracts.assertEvidenceOffsets).toBe('function');
    expect(Object.keys(contracts.buildContractJsonSchemas())).toContain('DetectionResult');
  });
});
