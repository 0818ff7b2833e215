import { describe, expect, it } from 'vitest';
import { Icd10CmCodeSchema, ScoredCodeSchema } from './icd-code.js';

describe('Icd10CmCodeSchema', () => {
  it.each(['E11', 'E11.22', 'S72.001A', 'U07.1', 'Z79.4', 'T38.3X6A'])('accepts %s', (code) => {
    expect(Icd10CmCodeSchema.parse(code)).toBe(code);
  });

  it.each(['E1122', 'e11.22', 'E11.', 'E11.22222', '11.2', ''])('rejects %j', (code) => {
    expect(Icd10CmCodeSchema.safeParse(code).success).toBe(false);
  });
});

describe('ScoredCodeSchema', () => {
  it('round-trips through JSON', () => {
    const value = { code: 'I10', title: 'Essential (primary) hypertension', score: 1 };
    expect(ScoredCodeSchema.parse(JSON.parse(JSON.stringify(value)))).toEqual(value);
  });

  it('rejects a score outside [0, 1]', () => {
    expect(ScoredCodeSchema.safeParse({ code: 'I10', title: 'x', score: 1.2 }).success).toBe(false);
    expect(ScoredCodeSchema.safeParse({ code: 'I10', title: 'x', score: -0.1 }).success).toBe(false);
  });
});
