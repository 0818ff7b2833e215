import { describe, expect, it } from 'vitest';
import { RuleFileError } from './rule-file.js';
import { parseSectionRules } from './section-rules.js';

const valid = { language: 'en', rules: [{ category: 'plan', literal: 'plan' }, { category: 'assessment_and_plan', literal: 'a/p', pattern: 'a\\s*/\\s*p' }] };

function problemsOf(raw: unknown): readonly string[] {
  try {
    parseSectionRules(raw, 'section-rules.test.json');
  } catch (error) {
    expect(error).toBeInstanceOf(RuleFileError);
    expect((error as RuleFileError).message).toContain('section-rules.test.json');
    return (error as RuleFileError).problems;
  }
  return [];
}

describe('parseSectionRules', () => {
  it('compiles valid rules into a header matcher', () => {
    const rules = parseSectionRules(valid, 'x.json');
    expect(rules.rules).toHaveLength(2);
    expect(rules.headers.matchAt('A / P: ok', 0)?.value.category).toBe('assessment_and_plan');
  });

  it.each([
    [{ category: 'Past Medical History', literal: 'pmh' }, /rule 0 \(rules\[0]\.category\).*snake_case/],
    [{ category: 'plan', literal: '' }, /rule 0 \(rules\[0]\.literal\)/],
    [{ category: 'plan', literal: 'plan', pattern: '(unclosed' }, /rule 0 \(rules\[0]\.pattern\).*does not compile/],
    [{ category: 'plan', literal: 'plan', pattern: '(plan)' }, /capturing groups/],
    [{ category: 'plan', literal: 'plan', pattern: 'x*' }, /empty string/],
    [{ category: 'plan', literal: 'plan', typo: true }, /rule 0 \(rules\[0]\)/],
  ])('rejects %j', (rule, message) => {
    expect(problemsOf({ language: 'en', rules: [rule] }).join('\n')).toMatch(message);
  });

  it('rejects a literal given twice, naming both rules', () => {
    const raw = { language: 'en', rules: [{ category: 'plan', literal: 'Plan' }, { category: 'plan', literal: 'plan' }] };
    expect(problemsOf(raw)).toEqual(['rule 1 (rules[1]): duplicates rule 0 ("plan")']);
  });

  it('rejects a file without rules or with unknown keys', () => {
    expect(problemsOf({ language: 'en', rules: [] }).join()).toMatch(/rules/);
    expect(problemsOf({ ...valid, extra: 1 }).join()).toMatch(/\(file\)/);
  });
});
