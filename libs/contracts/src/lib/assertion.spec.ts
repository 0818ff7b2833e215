import { describe, expect, it } from 'vitest';
import { AFFIRMED_ASSERTION, AssertionSchema, isAffirmed } from './assertion.js';

describe('AssertionSchema', () => {
  it('round-trips through JSON', () => {
    const value = { negated: true, uncertain: false, hypothetical: false, historical: true, family: false };
    expect(AssertionSchema.parse(JSON.parse(JSON.stringify(value)))).toEqual(value);
  });

  it('requires every flag', () => {
    expect(AssertionSchema.safeParse({ negated: true }).success).toBe(false);
  });
});

describe('isAffirmed', () => {
  it('is true only when no flag is set', () => {
    expect(isAffirmed(AFFIRMED_ASSERTION)).toBe(true);
    expect(isAffirmed({ ...AFFIRMED_ASSERTION, historical: true })).toBe(false);
  });

  it('keeps the shared default frozen', () => {
    expect(Object.isFrozen(AFFIRMED_ASSERTION)).toBe(true);
  });
});
