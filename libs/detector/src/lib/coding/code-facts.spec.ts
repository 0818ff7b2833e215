import { describe, expect, it } from 'vitest';
import { createCodeFacts } from './code-facts.js';
import type { CodePriors } from './code-candidates.js';

const PRIORS: CodePriors = { codeGoldRate: -2, codePrecision: 0.5, symptomChapter: 0, historyCode: 0, categoryGoldRate: -1, titleStems: ['hypertens'] };

describe('createCodeFacts', () => {
  it('gathers a code\'s summary, priors and Excludes1 notes, asking each source once per code', () => {
    const asked: string[] = [];
    const facts = createCodeFacts(
      (code) => (asked.push(`summary ${code}`), { code, title: 'Essential hypertension', billable: true }),
      (code) => (asked.push(`priors ${code}`), PRIORS),
      (code) => (asked.push(`excludes1 ${code}`), { code }),
    );
    const first = facts('I10');
    expect(first).toEqual({ summary: { code: 'I10', title: 'Essential hypertension', billable: true }, priors: PRIORS, excludes1: { code: 'I10' } });
    expect(facts('I10')).toBe(first);
    expect(asked).toEqual(['summary I10', 'priors I10', 'excludes1 I10']);
  });

  it('keeps a code the code set lacks, with no summary', () => {
    expect(createCodeFacts(() => null, () => PRIORS, (code) => ({ code }))('Q99').summary).toBeNull();
  });
});
