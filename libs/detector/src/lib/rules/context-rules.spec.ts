import { describe, expect, it } from 'vitest';
import { parseContextRules } from './context-rules.js';
import { RuleFileError } from './rule-file.js';

const file = (rules: unknown[], extra: Record<string, unknown> = {}) => ({
  language: 'en',
  defaultMaxScope: 10,
  sectionDefaults: [{ section: 'family_history', category: 'FAMILY' }],
  rules,
  ...extra,
});

function problemsOf(raw: unknown): string {
  try {
    parseContextRules(raw, 'context-rules.test.json');
  } catch (error) {
    expect(error).toBeInstanceOf(RuleFileError);
    return (error as RuleFileError).message;
  }
  return '';
}

describe('parseContextRules', () => {
  it('resolves each rule scope and the section defaults', () => {
    const rules = parseContextRules(
      file([
        { category: 'NEGATED_EXISTENCE', literal: 'no', direction: 'FORWARD' },
        { literal: 'but', direction: 'TERMINATE' },
        { category: 'HISTORICAL', literal: 'ago', direction: 'BACKWARD', maxScope: 3 },
      ]),
      'x.json',
    );
    expect(rules.rules.map((rule) => rule.maxScope)).toEqual([10, 10, 3]);
    expect(rules.sectionDefaults.get('family_history')).toEqual(['FAMILY']);
    expect(rules.triggers.matchAll('no fever but').map((match) => match.value.literal)).toEqual(['no', 'but']);
  });

  it('names the file and the rule for a bad direction', () => {
    const message = problemsOf(file([{ category: 'NEGATED_EXISTENCE', literal: 'no', direction: 'SIDEWAYS' }]));
    expect(message).toMatch(/context-rules\.test\.json/);
    expect(message).toMatch(/rule 0 \(rules\[0]\.direction\)/);
  });

  it('requires a category of rules that reach, not of terminators', () => {
    const message = problemsOf(file([{ literal: 'but', direction: 'TERMINATE' }, { literal: 'no', direction: 'FORWARD' }]));
    expect(message).toMatch(/rule 1 \(rules\[1]\.category\): a FORWARD rule needs a category/);
    expect(message).not.toMatch(/rule 0/);
  });

  it('rejects unknown categories, bad scopes, bad patterns and repeats', () => {
    expect(problemsOf(file([{ category: 'MAYBE', literal: 'x', direction: 'FORWARD' }]))).toMatch(/rules\[0]\.category/);
    expect(problemsOf(file([{ category: 'FAMILY', literal: 'x', direction: 'FORWARD', maxScope: 0 }]))).toMatch(/maxScope/);
    expect(problemsOf(file([{ category: 'FAMILY', literal: 'x', pattern: '[', direction: 'FORWARD' }]))).toMatch(/does not compile/);
    const repeated = [
      { category: 'FAMILY', literal: 'mother', direction: 'FORWARD' },
      { category: 'FAMILY', literal: 'Mother', direction: 'BACKWARD' },
    ];
    expect(problemsOf(file(repeated))).toMatch(/rule 1 \(rules\[1]\): duplicates rule 0/);
  });

  it('rejects a section default with an unknown category', () => {
    expect(problemsOf(file([{ literal: 'but', direction: 'TERMINATE' }], { sectionDefaults: [{ section: 'x', category: 'OTHER' }] }))).toMatch(
      /sectionDefaults/,
    );
  });
});
