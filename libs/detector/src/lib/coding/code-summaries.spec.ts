import { describe, expect, it } from 'vitest';
import { fixtureTerminology } from '../__fixtures__/coding.js';
import { createCodeSummaries } from './code-summaries.js';

describe('createCodeSummaries', () => {
  const terminology = fixtureTerminology();

  it('answers as the terminology does, once per code as asked, and frozen', () => {
    const summaryOf = createCodeSummaries(terminology);
    expect(summaryOf('I10')).toEqual(terminology.summary('I10'));
    expect(summaryOf('I10')).toBe(summaryOf('I10'));
    expect(Object.isFrozen(summaryOf('I10'))).toBe(true);
    expect(summaryOf('Q99.999')).toBeNull();
  });
});
